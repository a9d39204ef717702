"""Addresses of the programme's pages and feeds (contract §3), in one place.

Series pages live under /workshops/series/ so that a series code can never take a
workshop's address; workshop files may not be named after these folders (schema.RESERVED_SLUGS).
"""

from __future__ import annotations

from kalo.i18n import LANGS, lang_prefix


def workshop_url(slug: str, lang: str) -> str:
    return f"{lang_prefix(lang)}workshops/{slug}/"


def programme_url(lang: str) -> str:
    return f"{lang_prefix(lang)}workshops/"


def series_url(series: str, lang: str) -> str:
    return f"{lang_prefix(lang)}workshops/series/{series}/"


def findings_url(lang: str) -> str:
    return f"{lang_prefix(lang)}workshops/findings/"


def feed_url(lang: str) -> str:
    return f"{lang_prefix(lang)}workshops/feed.atom"


def calendar_url() -> str:
    return "workshops/calendar.ics"


def per_language(make_url, *args) -> dict[str, str]:
    """The same address in every language: {'el': ..., 'en': ...}."""
    return {lang: make_url(*args, lang) for lang in LANGS}


def save_as(url: str) -> str:
    return f"{url}index.html"
