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

from kalo.markdown_images import local_source, markdown_image_sources

__all__ = ["local_source", "markdown_image_sources", "replace_images"]

IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*"([^"]*)\"""", re.I)


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
