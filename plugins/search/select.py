"""Which written pages go into the search index: pure functions, no Pelican import."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAIN_OPEN = re.compile(r"<main\b", re.I)


@dataclass(frozen=True)
class IndexedPage:
    path: str  # the written file, relative to the output folder
    url: str
    lang: str


def indexed_page(rel_path: str, context: dict, kinds) -> IndexedPage | None:
    """The page to index, or None: only the kinds listed, never noindex or fallback pages.

    The organizations and workshops plugins pass ``seo_kind`` ("profile", "workshop"; None
    for listings and facets); Pelican's static pages carry ``page`` and no ``page_url``.
    """
    if not rel_path.endswith(".html") or context.get("noindex"):
        return None
    page = context.get("page")
    if "page_url" in context:
        kind = context.get("seo_kind")
        url, lang = context.get("page_url"), context.get("lang")
    elif page is not None:
        if getattr(page, "is_fallback", False):
            return None
        kind, url, lang = "page", page.url, page.lang
    else:
        return None
    if kind not in kinds or url is None or lang is None:
        return None
    if url.strip("/") in ("", "en"):  # the home pages are an overview, not a result
        return None
    return IndexedPage(rel_path, url, lang)


def mark_body(html: str) -> str:
    """The page with ``data-pagefind-body`` on its <main>, unless a template set one.

    Pagefind then indexes only pages that have it, and only their main content.
    """
    if "data-pagefind-body" in html:
        return html
    return _MAIN_OPEN.sub("<main data-pagefind-body", html, count=1)
