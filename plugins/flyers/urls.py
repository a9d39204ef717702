"""Addresses of the flyers (contract §3), beside the pages they promote."""

from __future__ import annotations

from kalo.i18n import lang_prefix


def organization(slug: str, lang: str) -> str:
    return f"{lang_prefix(lang)}organizations/{slug}/flyer/"


def series(code: str, lang: str) -> str:
    return f"{lang_prefix(lang)}workshops/series/{code}/flyer/"
