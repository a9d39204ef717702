"""Test images made with Pillow in tmp_path, and small settings so the suite stays fast.

Imported by the image tests as `from image_helpers import ...` (a module of its own:
`conftest` is a name every test folder has)."""

from __future__ import annotations

import io
import random
import struct
from pathlib import Path

from PIL import Image

from images import ImageRequest, Role

SMALL_ROLES = (
    Role("logo", (32, 64, 96), "96px"),
    Role("photo", (48, 96, 160), "100vw"),
    Role("card", (64, 96), "50vw"),
)
METADATA_MARKERS = (b"Exif\x00\x00", b"GPS", b"secret", b"http://ns.adobe.com/xap", b"ICC_PROFILE")


def photo_like(size=(240, 160), seed=1) -> Image.Image:
    """A small image with gradients and noise, something like a photo."""
    w, h = size
    rng = random.Random(seed)
    im = Image.linear_gradient("L").resize(size).convert("RGB")
    r, g, b = im.split()
    g = g.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    noise = Image.frombytes("L", size, bytes(rng.randrange(0, 40) for _ in range(w * h)))
    b = Image.blend(b, noise, 0.5)
    return Image.merge("RGB", (r, g, b))


def save(im: Image.Image, path: Path, fmt: str, **params) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, fmt, **params)
    return path


def gps_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "secret camera maker"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (37.0, 59.0, 1.0)
    gps[3] = "E"
    gps[4] = (23.0, 40.0, 2.0)
    return exif.tobytes()


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


def _desc(text: str) -> bytes:
    ascii_ = text.encode("ascii") + b"\0"
    return (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(ascii_))
        + ascii_
        + struct.pack(">II", 0, 0)
        + struct.pack(">HB", 0, 0)
        + b"\0" * 67
    )


def swapped_primaries_profile() -> bytes:
    """A made-up RGB ICC profile whose red primary is sRGB's green and whose green is
    sRGB's red: pure (255, 0, 0) in it is green in sRGB. A decisive colour test."""
    red, green, blue = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\0\0"
    tags = [
        (b"desc", _desc("Swapped test RGB")),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(*green)),
        (b"gXYZ", _xyz(*red)),
        (b"bXYZ", _xyz(*blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0none\0\0\0\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body + b"\0" * (-len(body) % 4)
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + struct.pack(">I", 0x02100000)
        + b"mntr"
        + b"RGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def read_back(path: Path) -> Image.Image:
    im = Image.open(path)
    im.load()
    return im


def assert_no_metadata(path: Path) -> None:
    data = path.read_bytes()
    im = read_back(path)
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "dpi"):
        assert key not in im.info, f"{path.name} keeps {key}"
    assert len(im.getexif()) == 0, f"{path.name} keeps EXIF"
    for marker in METADATA_MARKERS:
        assert marker not in data, f"{path.name} contains {marker!r}"


def request(path: Path, role: str = "photo", dest: str = "images") -> ImageRequest:
    return ImageRequest(path, role, dest)


def jpeg_bytes(im: Image.Image, **params) -> bytes:
    buffer = io.BytesIO()
    im.save(buffer, "JPEG", **params)
    return buffer.getvalue()
