"""Input as it really comes: orientation, metadata, colour, bit depth, palettes, frames, HEIC."""

from __future__ import annotations

import pytest
from image_helpers import (
    assert_no_metadata,
    gps_exif,
    photo_like,
    read_back,
    request,
    save,
    swapped_primaries_profile,
)
from PIL import Image, ImageCms

from images import process_images
from images.decode import decode


def _one(tmp_path, path, settings, role="photo"):
    result = process_images([request(path, role)], settings)
    errors = [p for p in result.problems if p.severity == "error"]
    assert not errors, errors
    return result, result.images[request(path, role)]


def test_exif_orientation_applied_and_gps_removed(tmp_path, settings):
    # Raw 200×100: left half red, right half blue; orientation 6 shows it turned 90° clockwise.
    raw = Image.new("RGB", (200, 100), "blue")
    raw.paste((255, 0, 0), (0, 0, 100, 100))
    path = save(
        raw,
        tmp_path / "phone.jpg",
        "JPEG",
        exif=gps_exif(orientation=6),
        comment=b"secret comment",
        xmp=b"<x:xmpmeta>secret</x:xmpmeta>",
        quality=95,
    )
    _, image = _one(tmp_path, path, settings)
    assert (image.width, image.height) == (100, 200)  # upright: portrait
    for variant in image.variants:
        assert variant.height > variant.width
        out = read_back(variant.cache_file)
        assert out.size == (variant.width, variant.height)
        top = out.convert("RGB").getpixel((out.width // 2, out.height // 8))
        assert top[0] > 180 and top[2] < 80, (variant.format, top)
        assert_no_metadata(variant.cache_file)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "TIFF"])
def test_no_metadata_in_any_output(tmp_path, settings, fmt):
    path = save(
        photo_like(),
        tmp_path / f"in.{fmt.lower()}",
        fmt,
        exif=gps_exif(),
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )
    _, image = _one(tmp_path, path, settings)
    assert image.formats == ("avif", "webp", "jpeg")
    for variant in image.variants:
        assert_no_metadata(variant.cache_file)


def test_embedded_icc_profile_converted_to_srgb(tmp_path, settings):
    path = save(
        Image.new("RGB", (120, 80), (255, 0, 0)),
        tmp_path / "wide.png",
        "PNG",
        icc_profile=swapped_primaries_profile(),
    )
    _, image = _one(tmp_path, path, settings)
    for variant in image.variants:
        out = read_back(variant.cache_file)
        assert "icc_profile" not in out.info
        r, g, b = out.convert("RGB").getpixel((10, 10))[:3]
        assert g > 200 and r < 70, (variant.format, (r, g, b))


def test_cmyk_jpeg_becomes_rgb(tmp_path, settings):
    cmyk = Image.new("CMYK", (120, 80), (0, 255, 255, 0))  # red in CMYK
    path = save(cmyk, tmp_path / "print.jpg", "JPEG", quality=95)
    _, image = _one(tmp_path, path, settings)
    for variant in image.variants:
        out = read_back(variant.cache_file)
        assert out.mode == "RGB"
        r, g, b = out.getpixel((10, 10))
        assert r > 200 and g < 60 and b < 60


def test_sixteen_bit_grey_scaled_not_clipped(tmp_path, settings):
    size = (128, 64)
    values = [(x * 512) for y in range(size[1]) for x in range(size[0])]  # 0 .. 65024
    im = Image.frombytes("I;16", size, b"".join(v.to_bytes(2, "little") for v in values))
    path = save(im, tmp_path / "scan16.png", "PNG")
    decoded = decode(path.read_bytes(), "scan16.png", settings)
    assert decoded.image.mode == "RGB"
    assert decoded.image.getpixel((64, 10))[0] == pytest.approx(128, abs=2)
    assert decoded.image.getpixel((127, 10))[0] == pytest.approx(254, abs=2)
    _one(tmp_path, path, settings)


def test_palette_with_transparency_keeps_alpha(tmp_path, settings):
    im = Image.new("P", (100, 100), 0)
    im.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    im.paste(1, (25, 25, 75, 75))
    path = save(im, tmp_path / "logo.png", "PNG", transparency=0)
    _, image = _one(tmp_path, path, settings, role="logo")
    assert image.has_alpha and image.formats == ("avif", "webp", "png")
    for variant in image.variants:
        out = read_back(variant.cache_file)
        assert out.mode == "RGBA", variant.format
        assert out.getpixel((1, 1))[3] < 8  # lossy AVIF may give 1
        assert out.getpixel((out.width // 2, out.height // 2))[3] > 250


def test_opaque_rgba_drops_alpha(tmp_path, settings):
    path = save(photo_like().convert("RGBA"), tmp_path / "screenshot.png", "PNG")
    _, image = _one(tmp_path, path, settings)
    assert not image.has_alpha and image.fallback_format == "jpeg"


def test_animated_gif_first_frame_with_warning(tmp_path, settings):
    frames = [Image.new("RGB", (80, 80), colour) for colour in ("red", "blue", "green")]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    result, image = _one(tmp_path, path, settings)
    assert [p.severity for p in result.problems] == ["warning"]
    assert "first frame" in result.problems[0].message_en
    r, g, b = read_back(image.fallback.cache_file).convert("RGB").getpixel((5, 5))
    assert r > 200 and b < 60


def test_heic_from_a_phone(tmp_path, settings):
    path = save(photo_like((200, 120)), tmp_path / "IMG_0001.HEIC", "HEIF", quality=90)
    _, image = _one(tmp_path, path, settings)
    assert (image.width, image.height) == (160, 96)
    assert image.variants[0].path.name.startswith("img-0001-48.")


@pytest.mark.parametrize(
    "source_width, role, widths",
    [
        (240, "photo", [48, 96, 160]),
        (100, "photo", [48, 96, 100]),
        (160, "photo", [48, 96, 160]),
        (40, "photo", [40]),
        (64, "card", [64]),
    ],
)
def test_never_upscaled(tmp_path, settings, source_width, role, widths):
    path = save(photo_like((source_width, source_width)), tmp_path / "p.png", "PNG")
    _, image = _one(tmp_path, path, settings, role=role)
    for fmt in image.formats:
        assert [v.width for v in image.of_format(fmt)] == widths
    for variant in image.variants:
        assert read_back(variant.cache_file).size == (variant.width, variant.height)
        assert variant.bytes == variant.cache_file.stat().st_size
