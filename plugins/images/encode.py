"""Resizing and encoding: deterministic bytes, no metadata of any kind."""

from __future__ import annotations

import functools
import io

from PIL import Image, features

from .settings import Quality

PIL_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG", "png": "PNG"}
# Bump when a change in this package changes the bytes written: it is part of every key.
PIPELINE_VERSION = "1"


def encoder_versions() -> dict[str, str | None]:
    """Library versions that change encoded bytes; part of every cache key."""
    return dict(_encoder_versions())


@functools.lru_cache(maxsize=1)
def _encoder_versions() -> tuple[tuple[str, str | None], ...]:
    return tuple(
        {
            "pillow": Image.__version__,
            "avif": features.version("avif"),
            "avif_codecs": _avif_codecs(),
            "webp": features.version("webp"),
            "jpeg": features.version("jpg"),
            "zlib": features.version("zlib"),
        }.items()
    )


def _avif_codecs() -> str | None:
    try:
        from PIL import _avif
    except ImportError:
        return None
    return str(_avif.codec_versions())


def height_for(width: int, source_width: int, source_height: int) -> int:
    return max(1, round(source_height * width / source_width))


def resize(image: Image.Image, width: int, height: int) -> Image.Image:
    if image.size == (width, height):
        out = image.copy()
    else:
        out = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out.info = {}
    return out


def encode(image: Image.Image, fmt: str, quality: Quality) -> bytes:
    """Encode ``image`` (RGB or RGBA) as ``fmt``. Nothing but pixels is written: no EXIF,
    XMP, ICC profile, comment or timestamp (a fresh image is saved, so nothing carries over
    from ``info``)."""
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    if fmt == "jpeg" and clean.mode != "RGB":
        clean = clean.convert("RGB")
    buffer = io.BytesIO()
    clean.save(buffer, PIL_FORMATS[fmt], **quality.params(fmt))
    return buffer.getvalue()
