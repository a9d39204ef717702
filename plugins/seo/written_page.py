"""A page the build wrote, and how the analysis reads it back from the output folder."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from seo.analysis import PageForAnalysis

_MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
_SKIP = re.compile(r"<(nav|section|aside)\b[^>]*\bdata-seo-skip\b[^>]*>.*?</\1>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@dataclass(frozen=True)
class WrittenPage:
    path: Path
    url: str
    lang: str
    keyphrase: str | None
    kind: str
    source: str


def read_page(
    page: WrittenPage,
    site_host: str,
    keyphrase_pages: Mapping[str, Sequence[str]],
    competing_count: int | None = None,
) -> PageForAnalysis:
    """The page as the analysis sees it: its title, description and main content (without
    the parts marked ``data-seo-skip``), read from the written file."""
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
