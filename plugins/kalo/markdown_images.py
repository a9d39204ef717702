"""The local image files a Markdown text shows (``![alt](photo.jpg)`` or ``<img src>``):
what the image step makes pictures of, and what ``make check`` counts as read."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
HTML_IMAGE_SOURCE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.I)


def local_source(src: str, folder: Path) -> Path | None:
    """The file of ``folder`` that ``src`` names, or None (another site, absolute, outside)."""
    parts = urlsplit(src.strip())
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
        return None
    path = (folder / unquote(parts.path)).resolve()
    root = folder.resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def markdown_image_sources(markdown: str, folder: Path) -> list[Path]:
    """The local files the Markdown text shows, in order, each once."""
    found = [*MARKDOWN_IMAGE.findall(markdown), *HTML_IMAGE_SOURCE.findall(markdown)]
    paths = (local_source(html_lib.unescape(src), folder) for src in found)
    return list(dict.fromkeys(path for path in paths if path is not None))
