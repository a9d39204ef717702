"""Settings of the open-data plugin, with their defaults (overridable in pelicanconf)."""

from __future__ import annotations

from kalo.settings import overlay

DEFAULTS = {
    # The folder of the files in the built site (contract §3: /data/).
    "OPENDATA_DIR": "data",
    # The address the files are published under when SITEURL is empty (local builds,
    # `make serve`): exports carry absolute addresses, and Murmurations requires them.
    "OPENDATA_LOCAL_URL": "http://localhost:8000",
    # The licence of the data (Data Package `licenses` entry).
    "OPENDATA_LICENSE": {
        "name": "ODC-BY-1.0",
        "path": "https://opendatacommons.org/licenses/by/1-0/",
        "title": "Open Data Commons Attribution License v1.0",
    },
    # Who to credit, as the licence asks (Data Package `contributors` / attribution).
    "OPENDATA_PUBLISHER": {
        "el": "Παρατηρητήριο ΚΑΛΟ Δυτικής Αθήνας",
        "en": "SSE Observatory of West Athens",
    },
    # Profile pages write e-mail addresses so that harvesters cannot read them; the open
    # data keeps that promise by leaving them out. True adds them to every file under /data/.
    "OPENDATA_EMAIL": False,
    # Which kinds of organization are SSE initiatives in essglobal.jsonld. Local
    # authorities and conventional businesses are partners of the ecosystem, not SSE
    # initiatives, so ESSGLOBAL does not describe them (Murmurations lists everyone).
    "OPENDATA_ESSGLOBAL_KINDS": ("sse", "civil-society"),
}


def opendata_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return overlay(settings, DEFAULTS)
