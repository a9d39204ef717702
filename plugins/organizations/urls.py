"""Addresses of organization pages (contract §3), in one place."""

from __future__ import annotations

from kalo.i18n import LANGS, lang_prefix

# Facet pages live at /organizations/<facet>/<code>/, so no organization folder may take
# one of these names (organizations.directory.FACETS uses the same ones).
FACET_SEGMENTS = ("kind", "municipality", "legal-form", "sector", "offers", "needs")
RESERVED_SLUGS = frozenset(FACET_SEGMENTS)


def profile_url(slug: str, lang: str) -> str:
    return f"{lang_prefix(lang)}organizations/{slug}/"


def directory_url(lang: str) -> str:
    return f"{lang_prefix(lang)}organizations/"


def facet_url(facet: str, code: str, lang: str) -> str:
    return f"{lang_prefix(lang)}organizations/{facet}/{code}/"


def per_language(make_url, *args) -> dict[str, str]:
    """The same address in every language: {'el': ..., 'en': ...}."""
    return {lang: make_url(*args, lang) for lang in LANGS}


def save_as(url: str) -> str:
    return f"{url}index.html"
