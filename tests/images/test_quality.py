"""SSIM and the default quality settings."""

from __future__ import annotations

import io

from image_helpers import photo_like, save
from PIL import Image, ImageFilter

from images.encode import encode
from images.quality import reference, ssim, variant_ssim
from images.settings import Quality


def test_ssim_of_identical_images_is_one():
    im = photo_like()
    assert ssim(im, im.copy()) == 1.0


def test_ssim_falls_with_damage():
    im = photo_like((200, 200))
    slight = ssim(im, im.filter(ImageFilter.GaussianBlur(0.6)))
    heavy = ssim(im, im.filter(ImageFilter.GaussianBlur(3)))
    assert 1.0 > slight > heavy > 0.0


def test_default_settings_keep_quality_on_a_photo_like_image(tmp_path, settings):
    path = save(photo_like((400, 300)), tmp_path / "p.png", "PNG")
    ref = reference(path, 320, settings)
    jpeg = len(encode(ref, "jpeg", Quality()))
    for fmt in ("avif", "webp"):
        data = encode(ref, fmt, Quality())
        assert variant_ssim(data, ref) >= 0.9, fmt
        assert len(data) < jpeg, fmt


def test_encoders_are_deterministic():
    im = photo_like((160, 120)).convert("RGBA")
    im.putalpha(Image.linear_gradient("L").resize(im.size))
    for fmt in ("avif", "webp", "png"):
        assert encode(im, fmt, Quality()) == encode(im, fmt, Quality())
    rgb = im.convert("RGB")
    assert encode(rgb, "jpeg", Quality()) == encode(rgb, "jpeg", Quality())
    assert Image.open(io.BytesIO(encode(im, "avif", Quality()))).mode == "RGBA"
