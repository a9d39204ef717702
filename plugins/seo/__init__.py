"""SEO analysis of the site's pages (Yoast-style keyphrase checks, in Greek and English).

``seo.analysis`` is pure Python, with no Pelican import: it takes a description of one
rendered page and returns its checks and score. ``seo.settings`` holds the ``SEO_*``
defaults; ``seo.report`` writes the results as JSON, an HTML page and a terminal table.
"""
