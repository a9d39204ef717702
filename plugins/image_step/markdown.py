"""Images written in Markdown (``![alt](photo.jpg)``) become responsive pictures too.

A Markdown image names a file in its own folder (the organization's folder, or
``content/workshops/`` for workshops). It is made in the ``content`` role like every other
image; the ``<img>`` in the page is replaced by the ``<picture>``. An image that is not a
file of that folder (another site's address, a missing file, a path leaving the folder) or
a photo whose people have not consented is removed: the original file never reaches the
output, and no page loads images from other sites.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
HTML_IMAGE_SOURCE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.I)
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*"([^"]*)\"""", re.I)


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


def replace_images(html: str, folder: Path, picture_for) -> str:
    """Each ``<img>`` of sanitized HTML → ``picture_for(path, alt)``, or nothing."""

    def replace(match: re.Match) -> str:
        attributes = {
            name.lower(): html_lib.unescape(value)
            for name, value in ATTRIBUTE.findall(match.group(0))
        }
        path = local_source(attributes.get("src", ""), folder)
        return picture_for(path, attributes.get("alt", "")) if path is not None else ""

    return IMG_TAG.sub(replace, html)
