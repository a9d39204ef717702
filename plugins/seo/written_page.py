"""A page the build wrote, and how the analysis reads it back from the output folder."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seo.analysis import PageForAnalysis

_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
_SKIP = re.compile(r"<(nav|section|aside)\b[^>]*\bdata-seo-skip\b[^>]*>.*?</\1>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@dataclass(frozen=True)
class WrittenPage:
    path: str | Path  # as written (a text: the build notes some 4,000 pages)
    url: str
    lang: str
    keyphrase: str | None
    kind: str
    source: str


def note_page(path, context) -> WrittenPage | None:
    """What the analysis needs to know about a page that was just written."""
    page = context.get("page")
    if context.get("noindex") or (page is not None and getattr(page, "is_fallback", False)):
        return None
    if "seo_kind" in context and context["seo_kind"] is None:
        return None  # generated listings: nothing a volunteer writes, nothing to advise
    if page is not None and "page_url" not in context:
        raw = page.metadata.get("keywords") or ""
        keywords = (
            raw if isinstance(raw, (list, tuple)) else [k.strip() for k in str(raw).split(",")]
        )
        url, lang, kind, source = page.url, page.lang, "page", page.relative_source_path
    else:
        keywords = context.get("keywords") or ()
        url, lang = context.get("page_url"), context.get("lang")
        kind, source = context.get("seo_kind", "page"), context.get("source", "")
    if url is None or lang is None:
        return None
    keyphrase = next((k for k in keywords if k), None)
    return WrittenPage(path, url, lang, keyphrase, kind, str(source))


def read_page(
    page: WrittenPage,
    site_host: str,
    keyphrase_pages: Mapping[str, Sequence[str]],
    competing_count: int | None = None,
) -> PageForAnalysis:
    """The page as the analysis sees it: its title, description and main content (without
    the parts marked ``data-seo-skip``), read from the written file."""
    # Here, not above: pages are noted (``note_page``) while the build writes them, and the
    # analysis (lxml, the stemmers) is loaded only once it runs, after the search index's
    # part was started beside the build.
    from seo.analysis import PageForAnalysis

    text = Path(page.path).read_text(encoding="utf-8")
    main = _MAIN.search(text)
    title = _TITLE.search(text)
    description = _DESCRIPTION.search(text)
    slug = page.url.rstrip("/").split("/")[-1] if page.url.strip("/") not in ("", "en") else ""
    return PageForAnalysis(
        url=page.url,
        lang=page.lang,
        title=html_lib.unescape(title.group(1)) if title else "",
        meta_description=html_lib.unescape(description.group(1)) if description else "",
        slug=slug,
        html=_SKIP.sub("", main.group(1)) if main else "",
        keyphrase=page.keyphrase,
        keyphrase_pages=keyphrase_pages,
        competing_count=competing_count,
        site_host=site_host,
        kind=page.kind,
        source=page.source,
    )
