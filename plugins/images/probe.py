"""Whether an image would pass the image step, found cheaply: for ``make check``.

The same checks as the build, with the same messages (``messages.py``): the file's size,
the header (format, declared size: a decompression bomb is refused before any pixel is
read), then one decode bounded in memory (a JPEG at 1/8 of its size), which finds a file
cut short or damaged. An SVG goes through the sanitizer. Nothing is encoded or written.
"""

from __future__ import annotations

from pathlib import Path

from kalo.problems import Problem

from . import messages
from .decode import decode, looks_like_svg, probe
from .settings import ImageSettings
from .svg import SvgError, sanitize

SMALLEST_JPEG_SCALE = 8


def probe_file(path: Path, settings: ImageSettings | None = None) -> list[Problem]:
    """The problems the image step would report for this file (empty: it is fine)."""
    settings = settings or ImageSettings()
    shown = path.name
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            return [messages.file_too_big(shown, size, settings.max_file_bytes)]
        data = path.read_bytes()
    except OSError as error:
        return [messages.unreadable(shown, error.strerror or str(error))]
    if path.suffix.lower() == ".svg" or looks_like_svg(data):
        return _svg(data, shown)
    header = probe(data, shown, settings)
    if isinstance(header, Problem):
        return [header]
    decoded = decode(data, shown, settings, SMALLEST_JPEG_SCALE)
    if isinstance(decoded, Problem):
        return [decoded]
    return list(header.warnings)


def _svg(data: bytes, shown: str) -> list[Problem]:
    try:
        clean = sanitize(data)
    except SvgError as error:
        if str(error) == "no size":
            return [messages.svg_no_size(shown)]
        return [messages.svg_invalid(shown, str(error))]
    return [messages.svg_removed(shown, clean.removed)] if clean.removed else []
