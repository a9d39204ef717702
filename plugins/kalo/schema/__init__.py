"""The one schema engine: content described as data, and everything made from it.

``fields`` (the words of a description), ``validate`` (the one check), ``references``
(fields that name organizations), ``json_schema``, ``field_docs``, ``scaffold`` and
``editor`` (the web editor's form). Descriptions live with the plugin that owns the
content (``organizations/schema.py``, ``workshops/schema.py``, ``site_pages/schema.py``).
"""
