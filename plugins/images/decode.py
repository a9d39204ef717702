"""Reading a raster image as it really comes, within bounded memory and time.

``probe`` reads only the header (format, size, orientation) and checks the limits;
``decode`` then gives an upright, sRGB, 8-bit RGB or RGBA image with no metadata, at full
size or, for JPEG, decoded at 1/2, 1/4 or 1/8 scale when that is still at least twice the
width asked for. Every failure becomes a ``Problem``, never an exception.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from kalo.problems import Problem

from . import messages
from .settings import ImageSettings

register_heif_opener()
Image.init()  # load every plugin now, so that the formats below are all known

# Only formats a volunteer sends; this also keeps Pillow's riskier openers (EPS runs
# Ghostscript, for one) away from untrusted files.
ALLOWED_FORMATS = tuple(
    f
    for f in ("JPEG", "MPO", "PNG", "GIF", "WEBP", "AVIF", "HEIF", "TIFF", "BMP")
    if f in Image.OPEN
)
JPEG_FORMATS = ("JPEG", "MPO")
# What Pillow raises on a damaged file; caught at this boundary only.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    TypeError,
    IndexError,
    KeyError,
    struct.error,
    ZeroDivisionError,
    ImageCms.PyCMSError,
)
ORIENTATION = 0x0112
SWAPPED = (5, 6, 7, 8)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class Header:
    """What the header says: the format and the upright size."""

    format: str
    width: int
    height: int
    raw_width: int
    raw_height: int
    frames: int
    warnings: tuple[Problem, ...] = ()


@dataclass
class Decoded:
    image: Image.Image  # RGB or RGBA, sRGB, upright, ``info`` empty
    header: Header
    has_alpha: bool
    warnings: tuple[Problem, ...] = field(default=())


@contextmanager
def _pillow_limits(settings: ImageSettings) -> Iterator[None]:
    """Pillow's own bomb check at our limit, its warnings deliberately handled: the
    bomb warning becomes an error, the rest (about metadata we drop anyway) are ignored."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = settings.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end
            return False
    return True


def looks_like_svg(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--")) and b"<svg" in head


def _open(data: bytes, file: str, settings: ImageSettings) -> Image.Image | Problem:
    try:
        return Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height = _declared_size(data)
        return messages.too_many_pixels(file, width, height, settings.max_pixels)
    except UnidentifiedImageError:
        return (
            messages.text_not_image(file)
            if looks_like_text(data)
            else messages.unknown_format(file)
        )
    except DECODE_ERRORS:
        return messages.corrupt(file, None)


def _declared_size(data: bytes) -> tuple[int | None, int | None]:
    """The size a file's header declares, read with Pillow's bomb limit lifted: opening reads
    the header only, and nothing is decoded, so that the message can say the size."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as im:
            return im.size
    except DECODE_ERRORS + (UnidentifiedImageError,):
        return None, None
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _check(im: Image.Image, file: str, settings: ImageSettings) -> Header | Problem:
    raw_w, raw_h = im.size
    try:
        orientation = im.getexif().get(ORIENTATION, 1)
    except DECODE_ERRORS:
        orientation = 1
    width, height = (raw_h, raw_w) if orientation in SWAPPED else (raw_w, raw_h)
    if width * height > settings.max_pixels:
        return messages.too_many_pixels(file, width, height, settings.max_pixels)
    if max(width, height) > settings.max_side:
        return messages.bad_dimensions(
            file,
            width,
            height,
            f"longer than {settings.max_side} pixels on one side",
            f"δηλαδή πάνω από {settings.max_side} pixels στη μία πλευρά",
        )
    if min(width, height) < settings.min_side:
        return messages.bad_dimensions(
            file,
            width,
            height,
            f"under {settings.min_side} pixels on one side",
            f"δηλαδή κάτω από {settings.min_side} pixels στη μία πλευρά",
        )
    if max(width, height) / min(width, height) > settings.max_aspect:
        return messages.bad_dimensions(
            file,
            width,
            height,
            f"more than {settings.max_aspect:g} times longer than it is wide",
            f"δηλαδή πάνω από {settings.max_aspect:g} φορές μακρύτερη απ' ό,τι φαρδιά",
        )
    frames = getattr(im, "n_frames", 1)
    notes = (messages.animated(file),) if frames > 1 else ()
    return Header(im.format or "?", width, height, raw_w, raw_h, frames, notes)


def probe(data: bytes, file: str, settings: ImageSettings) -> Header | Problem:
    """Format, upright size and limits, from the header alone (nothing decoded)."""
    if not data:
        return messages.empty(file)
    with _pillow_limits(settings):
        im = _open(data, file, settings)
        if isinstance(im, Problem):
            return im
        with im:
            try:
                return _check(im, file, settings)
            except DECODE_ERRORS:
                return messages.corrupt(file, im.format)


def verify(data: bytes, file: str, settings: ImageSettings, scale: int = 1) -> list[Problem]:
    """What the image step would say of this file: [] when it decodes and has nothing to
    note. The pixels are decoded (a file cut short or damaged fails here) without the
    conversions ``decode`` does; JPEG at 1/``scale``. For ``make check``."""
    loaded = _load(data, file, settings, scale, lambda header, _im: list(header.warnings))
    return [loaded] if isinstance(loaded, Problem) else loaded


def _load(data: bytes, file: str, settings: ImageSettings, scale: int, then):
    """Open the file and decode its pixels as the image step does (JPEG reduced by
    ``scale`` while decoding), then ``then(header, image)`` inside Pillow's limits: its
    result, or the Problem that any of it gave (``verify`` and ``decode`` say the same)."""
    header = probe(data, file, settings)
    if isinstance(header, Problem):
        return header
    with _pillow_limits(settings):
        im = _open(data, file, settings)
        if isinstance(im, Problem):
            return im
        try:
            with im:
                if scale > 1 and header.format in JPEG_FORMATS:
                    im.draft(None, (header.raw_width // scale, header.raw_height // scale))
                im.seek(0)
                im.load()
                return then(header, im)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return messages.too_many_pixels(file, header.width, header.height, settings.max_pixels)
        except OSError as error:
            if "truncated" in str(error) or "broken data stream" in str(error):
                return messages.truncated(file)
            return messages.corrupt(file, header.format)
        except DECODE_ERRORS:
            return messages.corrupt(file, header.format)


def jpeg_scale_for(fmt: str, source_width: int, width: int) -> int:
    """The DCT reduction (1, 2, 4 or 8) used when ``width`` is wanted: the largest that
    still decodes at least twice as wide. A function of the source and the width only, so
    each variant's bytes do not depend on which other variants are made with it."""
    if fmt not in JPEG_FORMATS:
        return 1
    for scale in (8, 4, 2):
        if source_width // scale >= 2 * width:
            return scale
    return 1


def decode(data: bytes, file: str, settings: ImageSettings, scale: int = 1) -> Decoded | Problem:
    """Decode to an upright sRGB RGB/RGBA image (JPEG reduced by ``scale`` while decoding)."""

    def upright_srgb(header, im):
        upright = ImageOps.exif_transpose(im)
        return header, _to_srgb(upright if upright is not None else im)

    loaded = _load(data, file, settings, scale, upright_srgb)
    if isinstance(loaded, Problem):
        return loaded
    header, image = loaded
    has_alpha = image.mode == "RGBA"
    if has_alpha and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
        has_alpha = False
    image.info = {}
    return Decoded(image, header, has_alpha, header.warnings)


def _to_srgb(im: Image.Image) -> Image.Image:
    """8-bit RGB or RGBA in sRGB, from any mode, converting with an embedded ICC profile."""
    icc = im.info.get("icc_profile")
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif im.mode == "F":
        im = im.convert("L")
    elif im.mode == "P":
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    elif im.mode in ("1", "YCbCr", "HSV"):
        im = im.convert("RGB")
    elif im.mode in ("LA", "La", "PA", "RGBa"):
        im = im.convert("RGBA")
    if icc and im.mode in ("RGB", "RGBA", "CMYK", "L"):
        im = _apply_profile(im, icc)
    if im.mode not in ("RGB", "RGBA"):
        im = im.convert("RGBA" if "A" in im.getbands() else "RGB")
    return im


def _apply_profile(im: Image.Image, icc: bytes) -> Image.Image:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return im  # an unreadable profile: the pixels are taken as sRGB
    description = (ImageCms.getProfileDescription(source) or "").strip().lower()
    if im.mode in ("RGB", "RGBA") and description.startswith("srgb"):
        return im
    alpha = im.getchannel("A") if im.mode == "RGBA" else None
    base = im.convert("RGB") if alpha is not None else im
    try:
        converted = ImageCms.profileToProfile(base, source, _SRGB, outputMode="RGB")
    except ImageCms.PyCMSError:
        return im  # a profile that does not fit the pixels (e.g. CMYK profile on RGB)
    assert converted is not None
    if alpha is not None:
        converted.putalpha(alpha)
    return converted
