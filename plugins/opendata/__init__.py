"""Open data: the published organizations as files anyone may reuse, under /data/.

- ``organizations.json``, ``organizations.csv`` (opens in Greek Excel), ``organizations.geojson``
- ``datapackage.json``: a Frictionless Data Package describing the three
- ``essglobal.jsonld``: the SSE initiatives in RIPESS's ESSGLOBAL vocabulary
- ``murmurations/<slug>.json``: one Murmurations profile per organization
- the page ``/data/`` (``/en/data/``) that explains them

Only published organizations (``context["organizations"]``) and only public fields reach
these files. docs/open-data.md documents the fields, the licence and the mappings.
"""


def get_generators(_pelican):
    from opendata.generator import OpenDataGenerator

    return OpenDataGenerator


# Signal (its name in pelican.signals) → handler, in one table (tests check the
# registration against it); Pelican is imported only when the plugin is registered.
HANDLERS = (("get_generators", get_generators),)


def register():
    from pelican import signals

    for signal, handler in HANDLERS:
        getattr(signals, signal).connect(handler)
