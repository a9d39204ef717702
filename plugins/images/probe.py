"""Whether an image would pass the image step, found cheaply: for ``make check``.

The same checks as the build, with the same messages (``messages.py``): the file's size,
the header (format, declared size: a decompression bomb is refused before any pixel is
read), then one decode bounded in memory (a JPEG at 1/8 of its size) with no conversion,
which finds a file cut short or damaged. An SVG goes through the sanitizer. Nothing is
encoded or written. Inside ``remembered(cache_file)`` a file whose bytes did not change
(same size, mtime, inode, ctime) is not opened again: `make check` runs before every commit.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kalo.incremental import file_stamp
from kalo.pickle_file import read_pickle, replace_pickle
from kalo.problems import Problem

from . import messages
from .decode import looks_like_svg, verify
from .settings import ImageSettings
from .svg import SvgError, sanitize

SMALLEST_JPEG_SCALE = 8
_VERSION = "probe-1-"  # a new version of these checks: earlier answers are not read
# Inside ``remembered``: the last run's answers, and this run's, by (path, stamp).
_known: dict | None = None
_fresh: dict | None = None


@contextmanager
def remembered(cache_file: Path) -> Iterator[None]:
    """Keep the answers of ``probe_file`` in ``cache_file`` (a pickle) for the next run;
    only this run's files are kept (a file that changed has a new stamp)."""
    global _known, _fresh
    _known, _fresh = read_pickle(cache_file), {}
    try:
        yield
    finally:
        known, fresh = _known, _fresh
        _known = _fresh = None
        if fresh != known:
            replace_pickle(cache_file, fresh, _VERSION)


def probe_file(path: Path, settings: ImageSettings | None = None) -> list[Problem]:
    """The problems the image step would report for this file (empty: it is fine)."""
    if _fresh is None:
        return _probe(path, settings or ImageSettings())
    try:
        key = (str(path.resolve()), file_stamp(os.stat(path)))
    except OSError:
        return _probe(path, settings or ImageSettings())
    if key not in _fresh:
        _fresh[key] = _known[key] if key in _known else _probe(path, settings or ImageSettings())
    return _fresh[key]


def _probe(path: Path, settings: ImageSettings) -> list[Problem]:
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
    return verify(data, shown, settings, SMALLEST_JPEG_SCALE)


def _svg(data: bytes, shown: str) -> list[Problem]:
    try:
        clean = sanitize(data)
    except SvgError as error:
        if str(error) == "no size":
            return [messages.svg_no_size(shown)]
        return [messages.svg_invalid(shown, str(error))]
    return [messages.svg_removed(shown, clean.removed)] if clean.removed else []
