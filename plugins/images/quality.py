"""Measuring quality: SSIM (Wang et al. 2004) on luma, with numpy only.

Gaussian window 11×11, σ = 1.5, K1 = 0.01, K2 = 0.03, L = 255: the usual constants, so the
figures compare with other tools' SSIM.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image

from .decode import decode
from .encode import height_for, resize
from .settings import ImageSettings

_C1 = (0.01 * 255) ** 2
_C2 = (0.03 * 255) ** 2


def _gaussian(size: int = 11, sigma: float = 1.5) -> np.ndarray:
    x = np.arange(size, dtype=np.float64) - (size - 1) / 2
    g = np.exp(-(x**2) / (2 * sigma**2))
    return g / g.sum()


def _filter(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Separable 'valid' Gaussian filter."""
    n = len(g)
    rows = sum(g[i] * a[i : a.shape[0] - n + 1 + i, :] for i in range(n))
    return sum(g[i] * rows[:, i : rows.shape[1] - n + 1 + i] for i in range(n))


def _luma(image: Image.Image) -> np.ndarray:
    if image.mode == "RGBA":  # compare what is seen on white
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    rgb = np.asarray(image.convert("RGB"), dtype=np.float64)
    return rgb @ np.array([0.299, 0.587, 0.114])


def ssim(a: Image.Image, b: Image.Image) -> float:
    """Mean SSIM of two images of the same size (1.0: identical)."""
    if a.size != b.size:
        raise ValueError(f"ssim: sizes differ: {a.size} and {b.size}")
    x, y = _luma(a), _luma(b)
    g = _gaussian()
    mx, my = _filter(x, g), _filter(y, g)
    sxx = _filter(x * x, g) - mx * mx
    syy = _filter(y * y, g) - my * my
    sxy = _filter(x * y, g) - mx * my
    num = (2 * mx * my + _C1) * (2 * sxy + _C2)
    den = (mx * mx + my * my + _C1) * (sxx + syy + _C2)
    return float(np.mean(num / den))


def reference(source: Path, width: int, settings: ImageSettings) -> Image.Image:
    """The source, upright, sRGB, resized to ``width`` at full decode: what a variant of
    that width is compared with."""
    decoded = decode(Path(source).read_bytes(), str(source), settings)
    if not hasattr(decoded, "image"):
        raise ValueError(f"{source}: cannot be decoded")
    image = decoded.image
    return resize(image, width, height_for(width, image.width, image.height))


def variant_ssim(variant_bytes: bytes | Path, ref: Image.Image) -> float:
    data = variant_bytes.read_bytes() if isinstance(variant_bytes, Path) else variant_bytes
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        return ssim(im.convert(ref.mode), ref)
