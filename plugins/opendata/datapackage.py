"""datapackage.json: a Frictionless Data Package (v1 spec) describing the exports.

Titles and descriptions are written in Greek and English in the same text, because the
spec has one ``title`` and one ``description`` per package, resource and field. No date
of the build is written, so the file changes only when the data changes.
"""

from __future__ import annotations

import hashlib

from opendata.fields import CSV_FIELDS, JSON_FIELDS

NAME = "kalo-west-athens-organizations"
TITLE = {
    "el": "Φορείς της Κοινωνικής και Αλληλέγγυας Οικονομίας της Δυτικής Αθήνας",
    "en": "Social and solidarity economy organizations of West Athens",
}
DESCRIPTION = {
    "el": (
        "Οι φορείς που έχουν δώσει την άδειά τους να προβάλλονται από το Παρατηρητήριο ΚΑΛΟ "
        "Δυτικής Αθήνας, με τα δημόσια στοιχεία τους: είδος, νομική μορφή, δήμος, τομείς, "
        "επικοινωνία, τι προσφέρουν και τι αναζητούν. Οι κωδικοί συνοδεύονται από τις ονομασίες "
        "τους στα ελληνικά και τα αγγλικά."
    ),
    "en": (
        "The organizations that have given their permission to be promoted by the SSE "
        "Observatory of West Athens, with their public details: kind, legal form, "
        "municipality, sectors, contact, what they offer and what they are looking for. "
        "Codes come with their labels in Greek and English."
    ),
}


def bilingual(text: dict[str, str]) -> str:
    return f"{text['el']} / {text['en']}"


def file_facts(data: bytes) -> dict:
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def datapackage(files: dict[str, bytes], base_url: str, folder: str, options: dict) -> dict:
    """The descriptor of ``files`` (name → bytes of organizations.json/.csv/.geojson)."""
    publisher = options["OPENDATA_PUBLISHER"]
    license_ = dict(options["OPENDATA_LICENSE"])
    return {
        "profile": "data-package",
        "name": NAME,
        "title": bilingual(TITLE),
        "description": bilingual(DESCRIPTION),
        "homepage": f"{base_url}/{folder}/",
        "licenses": [license_],
        "contributors": [
            {"title": bilingual(publisher), "path": f"{base_url}/", "role": "publisher"},
        ],
        "keywords": [
            "κοινωνική και αλληλέγγυα οικονομία",
            "social and solidarity economy",
            "Δυτική Αθήνα",
            "West Athens",
            "ΚοινΣΕπ",
            "cooperatives",
        ],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "organizations-csv",
                "path": "organizations.csv",
                "title": "Φορείς (CSV) / Organizations (CSV)",
                "description": (
                    "Ένας φορέας ανά γραμμή· UTF-8 με BOM, ώστε να ανοίγει σωστά στο Excel. "
                    "/ One organization per row; UTF-8 with a byte-order mark, so that Excel "
                    "opens it correctly."
                ),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                **file_facts(files["organizations.csv"]),
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": {
                    "fields": [field.table_schema() for field in CSV_FIELDS],
                    "primaryKey": ["slug"],
                    "missingValues": [""],
                },
            },
            {
                "profile": "tabular-data-resource",
                "name": "organizations-json",
                "path": "organizations.json",
                "title": "Φορείς (JSON) / Organizations (JSON)",
                "description": (
                    "Ένα αντικείμενο ανά φορέα, με κείμενα ανά γλώσσα και κωδικούς με τις "
                    "ονομασίες τους. "
                    "/ One object per organization, with texts per language and codes with their "
                    "labels."
                ),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                # No bytes/hash here: frictionless reads JSON tables whole and cannot check
                # them, so it would report every valid file as failing.
                "schema": {
                    "fields": [field.table_schema() for field in JSON_FIELDS],
                    "primaryKey": ["slug"],
                },
            },
            {
                "profile": "data-resource",
                "name": "organizations-geojson",
                "path": "organizations.geojson",
                "title": "Φορείς στον χάρτη (GeoJSON) / Organizations on the map (GeoJSON)",
                "description": (
                    "Μόνο οι φορείς με θέση· συντεταγμένες [μήκος, πλάτος] κατά RFC 7946. "
                    "/ Only organizations with a location; coordinates [lon, lat] as RFC 7946 says."
                ),
                "format": "geojson",
                "mediatype": "application/geo+json",
                "encoding": "utf-8",
                **file_facts(files["organizations.geojson"]),
            },
        ],
    }
