"""Shared library of the observatory's plugins: problems, codes, languages, slugs.

Not a Pelican plugin itself; the plugins in ``plugins/`` import from it.
"""
