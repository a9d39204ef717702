"""Addresses of the open-data files and page, in one place."""

from __future__ import annotations

from kalo.i18n import LANGS, lang_prefix

FILES = (
    "organizations.json",
    "organizations.csv",
    "organizations.geojson",
    "datapackage.json",
    "essglobal.jsonld",
)


def page_url(lang: str) -> str:
    """The page that explains the files: /data/ and /en/data/."""
    return f"{lang_prefix(lang)}data/"


def file_path(name: str, folder: str = "data") -> str:
    return f"{folder}/{name}"


def murmurations_path(slug: str, folder: str = "data") -> str:
    return f"{folder}/murmurations/{slug}.json"


def per_language(make_url, *args) -> dict[str, str]:
    return {lang: make_url(*args, lang) for lang in LANGS}


def save_as(url: str) -> str:
    return f"{url}index.html"


def absolute_base(siteurl: str, local_url: str) -> str:
    """SITEURL when it is an absolute address, else the local server's (never '')."""
    siteurl = (siteurl or "").rstrip("/")
    if siteurl.startswith(("http://", "https://")):
        return siteurl
    return local_url.rstrip("/")
