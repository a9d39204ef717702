"""Bad images: each gives one clear Problem in English and Greek, fast, never a traceback."""

from __future__ import annotations

import struct
import time
import zlib

import pytest
from image_helpers import jpeg_bytes, photo_like, request
from PIL import Image

from images import process_images


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims to be width×height, with a tiny (wrong) pixel stream."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _truncated_jpeg() -> bytes:
    data = jpeg_bytes(photo_like((300, 200)), quality=90)
    return data[: len(data) // 2]


def _truncated_png() -> bytes:
    import io

    buffer = io.BytesIO()
    photo_like((300, 200)).save(buffer, "PNG")
    return buffer.getvalue()[:3000]


def _tall_strip() -> bytes:
    import io

    buffer = io.BytesIO()
    Image.new("L", (1, 100_000), 128).save(buffer, "PNG")
    return buffer.getvalue()


CASES = {
    "truncated.jpg": (_truncated_jpeg, "incomplete", "ελλιπής"),
    "truncated.png": (_truncated_png, "incomplete", "ελλιπής"),
    "bomb.png": (lambda: _png_header_only(30_000, 30_000), "too large", "πολύ μεγάλη"),
    "strip.png": (_tall_strip, "1×100000 pixels", "1×100000 pixels"),
    "wide.png": (lambda: _png_header_only(30_000, 10), "30000×10", "30000×10"),
    "notes.jpg": (
        lambda: "Αυτό δεν είναι φωτογραφία\nnot a photo\n".encode(),
        "text file",
        "αρχείο κειμένου",
    ),
    "random.png": (lambda: bytes(range(256)) * 8, "not an image", "δεν είναι εικόνα"),
    "document.jpg": (
        lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(300),
        "not an image",
        "δεν είναι εικόνα",
    ),
    "empty.jpg": (lambda: b"", "empty", "άδειο"),
    "broken.svg": (
        lambda: b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>",
        "not valid SVG",
        "έγκυρο SVG",
    ),
    "nosize.svg": (
        lambda: b"<svg xmlns='http://www.w3.org/2000/svg'><g/></svg>",
        "viewBox",
        "viewBox",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_image_gives_one_clear_problem(tmp_path, settings, name):
    make, english, greek = CASES[name]
    path = tmp_path / "organizations" / "demo" / name
    path.parent.mkdir(parents=True)
    path.write_bytes(make())
    started = time.monotonic()
    result = process_images([request(path)], settings)
    assert time.monotonic() - started < 5
    assert result.images == {}
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.severity == "error"
    assert problem.file == f"organizations/demo/{name}"
    assert english in problem.message_en
    assert greek in problem.message_el
    assert "Traceback" not in problem.format("en")


def test_missing_file(tmp_path, settings):
    result = process_images([request(tmp_path / "nowhere.jpg")], settings)
    assert [p.message_en for p in result.problems] == ["the image file does not exist."]


def test_pillow_bomb_limit_is_ours(tmp_path, settings):
    path = tmp_path / "big.png"
    photo_like((200, 200)).save(path)
    result = process_images([request(path)], settings.with_(max_pixels=10_000))
    assert "too large" in result.problems[0].message_en
    assert Image.MAX_IMAGE_PIXELS != 10_000  # Pillow's global is restored


def test_bad_image_is_remembered_and_good_ones_still_made(tmp_path, settings):
    good = tmp_path / "good.png"
    photo_like().save(good)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(_truncated_jpeg())
    first = process_images([request(good), request(bad)], settings)
    assert list(first.images) == [request(good)]
    assert len(first.problems) == 1
    again = process_images([request(good), request(bad)], settings)
    assert again.encodes == 0 and again.problems == first.problems
