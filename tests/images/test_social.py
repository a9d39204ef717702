"""Social images: sizes, Greek text set right, metadata-free, deterministic, cached."""

from __future__ import annotations

import pytest
from image_helpers import assert_no_metadata, photo_like, read_back, save
from PIL import Image, ImageDraw

from images import make_social_images
from images.social import IDENTITY, fit_text, font_files, missing_glyphs

GREEK = "Κοινωνική Συνεταιριστική Επιχείρηση «Γεύσεις της Γειτονιάς» Ϊ ΐ ΰ Ά Έ Ή Ί Ό Ύ Ώ ς"


def test_font_covers_greek_and_identity():
    assert missing_glyphs(GREEK + "".join(IDENTITY)) == ""
    assert missing_glyphs(GREEK, bold=False) == ""
    assert missing_glyphs("漢") == "漢"  # the check does find tofu


@pytest.mark.parametrize("text", [GREEK, "Ά" * 3 + " Ώρα", "Ένα πολύ " * 30])
def test_lines_fit_without_clipping(text):
    block = fit_text(text, 700, 4, range(68, 35, -2), True)
    assert 1 <= len(block.lines) <= 4
    canvas = Image.new("L", (800, 20 + block.height + 20))
    draw = ImageDraw.Draw(canvas)
    previous_bottom = 0
    for i, line in enumerate(block.lines):
        left, top, right, bottom = draw.textbbox(
            (20, 20 + i * block.line_height), line, font=block.font, anchor="la"
        )
        assert right <= 20 + 700 and left >= 0
        assert top >= 20 + i * block.line_height  # accents and tonos inside the line box
        assert top >= previous_bottom
        previous_bottom = bottom


@pytest.mark.parametrize("picture", [None, "photo", "logo", "svg"])
def test_social_images(tmp_path, settings, picture):
    source = None
    if picture == "photo":
        source = save(photo_like((400, 300)), tmp_path / "photo.jpg", "JPEG")
    elif picture == "logo":
        source = save(photo_like((200, 200)).convert("RGBA"), tmp_path / "logo.png", "PNG")
    elif picture == "svg":
        source = tmp_path / "logo.svg"
        source.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10">'
            '<script>alert(1)</script><rect width="20" height="10"/></svg>'
        )
    out = tmp_path / "output" / "social"
    made = make_social_images(
        GREEK, "Εστίαση · Αιγάλεω", source, out, settings=settings, stem="gefseis"
    )
    assert made.encodes == 2 and made.problems == ()
    assert read_back(made.og).size == (1200, 630)
    assert read_back(made.square).size == (1080, 1080)
    for path in (made.og, made.square):
        assert_no_metadata(path)
        assert path.parent == out and settings.cache_path not in path.parents
    again = make_social_images(
        GREEK, "Εστίαση · Αιγάλεω", source, tmp_path / "o2", settings=settings, stem="gefseis"
    )
    assert again.encodes == 0
    assert again.og.read_bytes() == made.og.read_bytes()


def test_social_images_are_deterministic(tmp_path, settings):
    a = make_social_images("Ψηφιακό Εργαστήρι", None, None, tmp_path / "a", settings=settings)
    fresh = settings.with_(cache_dir=tmp_path / "other")
    b = make_social_images("Ψηφιακό Εργαστήρι", None, None, tmp_path / "b", settings=fresh)
    assert b.encodes == 2
    assert a.og.read_bytes() == b.og.read_bytes()
    assert a.square.read_bytes() == b.square.read_bytes()


def test_font_comes_from_the_pypi_package():
    assert "fontpkg_noto_sans" in str(font_files().regular)
