"""Precompressed copies (.br, .gz) of text files, byte-identical from one build to the next."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from kalo.files import write_atomic
from publish.files import PUBLISHED_MODE


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    # No file name and mtime 0 in the header: the same input gives the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()


def brotli_bytes(data: bytes) -> bytes:
    import brotli  # only production builds need it

    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=11)


def compress_file(path: Path) -> int:
    """Write path.br and path.gz where they are smaller than the file; returns how many."""
    data = path.read_bytes()
    written = 0
    for suffix, compress in ((".br", brotli_bytes), (".gz", gzip_bytes)):
        packed = compress(data)
        if len(packed) < len(data):
            write_atomic(path.with_name(path.name + suffix), packed, mode=PUBLISHED_MODE)
            written += 1
    return written
