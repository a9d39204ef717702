"""Settings of the search plugin, with their defaults (overridable in pelicanconf)."""

from __future__ import annotations

from kalo.settings import overlay

DEFAULTS = {
    # Index the built site with Pagefind after Pelican has written it (inside the staging
    # folder, so a failed index leaves the previous site untouched).
    "SEARCH_ENABLED": True,
    # Where the Pagefind bundle goes, relative to the output folder: /pagefind/.
    "SEARCH_BUNDLE_DIR": "pagefind",
    # Which written pages are indexed: the ``seo_kind`` of the plugins' pages, and "page"
    # for Pelican's static pages. Listings, facets, reports, 404 and removal pages have no
    # such kind (or are noindex) and are never indexed.
    "SEARCH_KINDS": ("profile", "workshop", "page"),
    # Parts of the indexed <main> that are not content (breadcrumb, share links, footers).
    "SEARCH_EXCLUDE_SELECTORS": ("[data-seo-skip]", "[data-search-skip]", ".profile-footer"),
    # The Pagefind binary; None: the one of the `pagefind[extended]` Python package.
    "SEARCH_PAGEFIND_BINARY": None,
    # Seconds the indexer may wait for one answer of Pagefind before the build fails.
    "SEARCH_TIMEOUT": 300,
    # The index is made in parts of one language each (merged by the search page): about
    # this many addresses per part, and at most this many parts per language. An edit
    # makes its parts again; a visitor's browser merges every part of its language.
    # 32 and 32 (thirty-two parts per language at 1,000 organizations): an edit's part
    # takes Pagefind 0.15 s, and a query answered sooner than with sixteen
    # (docs/benchmark.md).
    "SEARCH_PART_SIZE": 32,
    "SEARCH_MAX_PARTS": 32,
    # Addresses of the search page (per language, under the language prefix).
    "SEARCH_PAGE": "search/",
}


def search_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return overlay(settings, DEFAULTS)
