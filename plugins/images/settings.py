"""The image settings: ``IMAGES_*`` defaults overlaid with the user's, as one frozen value.

``load_settings(pelican_settings, root)`` reads the ``IMAGES_*`` keys (and, for what they
leave to the build, its cache folder and ``KALO_WORKERS``), never changes the dict it is
given, validates, and returns an ``ImageSettings``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kalo.cache import cache_dir
from kalo.settings import overlay

FORMATS = ("avif", "webp", "jpeg", "png")
MODERN_FORMATS = ("avif", "webp")


@dataclass(frozen=True)
class Role:
    """A place an image appears in: the widths it is made in and the HTML ``sizes``."""

    name: str
    widths: tuple[int, ...]
    sizes: str

    def widths_for(self, source_width: int) -> tuple[int, ...]:
        """The role's widths not above the source, plus the source width if it is smaller
        than the largest: an image is never upscaled."""
        kept = [w for w in self.widths if w <= source_width]
        if source_width < max(self.widths) and source_width not in kept:
            kept.append(source_width)
        return tuple(sorted(set(kept)))


@dataclass(frozen=True)
class Quality:
    """Encoder settings; every field changes the bytes written, so all go into cache keys.

    Chosen by measurement (bench/images.py): at the 1600 px variant of real photos AVIF is
    at most 50 % and WebP at most 75 % of a JPEG q80, each with SSIM >= 0.94.
    """

    avif_quality: int = 55
    avif_speed: int = 6
    webp_quality: int = 80
    webp_method: int = 6
    jpeg_quality: int = 80
    png_compress_level: int = 9

    def params(self, fmt: str) -> dict[str, Any]:
        """The arguments given to Pillow's ``save`` for ``fmt`` (metadata never passed)."""
        if fmt == "avif":
            return {
                "quality": self.avif_quality,
                "speed": self.avif_speed,
                "subsampling": "4:2:0",
                "max_threads": 1,
                "codec": "aom",
            }
        if fmt == "webp":
            return {"quality": self.webp_quality, "method": self.webp_method, "exact": False}
        if fmt == "jpeg":
            return {
                "quality": self.jpeg_quality,
                "optimize": True,
                "progressive": True,
                "subsampling": "4:2:0",
            }
        if fmt == "png":
            return {"optimize": True, "compress_level": self.png_compress_level}
        raise ValueError(f"unknown image format {fmt!r}")


DEFAULT_ROLES: dict[str, Role] = {
    role.name: role
    for role in (
        Role("logo", (160, 320, 480), "160px"),
        Role("card", (320, 480, 640, 960), "(min-width: 36rem) 23rem, 100vw"),
        Role("content", (480, 800, 1200), "(min-width: 50rem) 45rem, 100vw"),
        Role("photo", (480, 800, 1200, 1600), "(min-width: 60rem) 60rem, 100vw"),
    )
}


@dataclass(frozen=True)
class ImageSettings:
    """Everything that decides what the image step does. Hashable and picklable."""

    root: Path = field(default_factory=Path.cwd)
    cache_dir: Path = Path(".cache/images")
    roles: tuple[Role, ...] = tuple(DEFAULT_ROLES.values())
    formats: tuple[str, ...] = MODERN_FORMATS
    quality: Quality = Quality()
    # Limits that bound memory and time for any input.
    max_pixels: int = 64_000_000  # a 64 MP photo decodes to ~256 MB of RGBA
    max_file_bytes: int = 60_000_000
    max_side: int = 20_000
    max_aspect: float = 12.0
    min_side: int = 16
    workers: int | None = None  # None: the build's policy (kalo.parallel); 1: no process pool
    link: bool = True  # hard-link cached files into the output (copy when not possible)

    def role(self, name: str) -> Role:
        for role in self.roles:
            if role.name == name:
                return role
        known = ", ".join(r.name for r in self.roles)
        raise KeyError(f"unknown image role {name!r} (known: {known})")

    @property
    def cache_path(self) -> Path:
        return self.cache_dir if self.cache_dir.is_absolute() else self.root / self.cache_dir

    def with_(self, **changes: Any) -> ImageSettings:
        return replace(self, **changes)


DEFAULTS: dict[str, Any] = {
    # None: ``images/`` in the build's cache folder (``kalo.cache.cache_dir``).
    "IMAGES_CACHE_DIR": None,
    "IMAGES_ROLES": {
        name: {"widths": list(r.widths), "sizes": r.sizes} for name, r in DEFAULT_ROLES.items()
    },
    "IMAGES_FORMATS": list(MODERN_FORMATS),
    "IMAGES_QUALITY": {},
    "IMAGES_MAX_PIXELS": ImageSettings.max_pixels,
    # None: KALO_WORKERS, else every core (``kalo.parallel``).
    "IMAGES_WORKERS": None,
    "IMAGES_LINK": True,
}


def load_settings(user: Mapping[str, Any] | None = None, root: Path | None = None) -> ImageSettings:
    """Overlay the user's ``IMAGES_*`` values on ``DEFAULTS`` and validate them.

    ``IMAGES_ROLES`` entries are merged per role (a user may add a role or change one);
    ``IMAGES_QUALITY`` overrides fields of ``Quality`` by name.
    """
    user = user or {}
    merged = overlay(user, DEFAULTS)
    roles_in = {**DEFAULTS["IMAGES_ROLES"], **(user.get("IMAGES_ROLES") or {})}
    roles = []
    for name, spec in roles_in.items():
        widths = tuple(sorted({int(w) for w in spec["widths"]}))
        if not widths or widths[0] <= 0:
            raise ValueError(f"IMAGES_ROLES[{name!r}]: widths must be positive integers")
        roles.append(Role(name, widths, str(spec.get("sizes", "100vw"))))
    formats = tuple(merged["IMAGES_FORMATS"])
    for fmt in formats:
        if fmt not in MODERN_FORMATS:
            raise ValueError(f"IMAGES_FORMATS: {fmt!r} is not one of {MODERN_FORMATS}")
    quality = replace(Quality(), **dict(merged["IMAGES_QUALITY"]))
    return ImageSettings(
        root=Path(root) if root is not None else Path.cwd(),
        cache_dir=Path(merged["IMAGES_CACHE_DIR"] or _build_cache(user)),
        roles=tuple(roles),
        formats=formats,
        quality=quality,
        max_pixels=int(merged["IMAGES_MAX_PIXELS"]),
        workers=merged["IMAGES_WORKERS"] or user.get("KALO_WORKERS"),
        link=bool(merged["IMAGES_LINK"]),
    )


def _build_cache(user: Mapping[str, Any]) -> Path:
    """The build's cache folder for images; without a build's settings (no ``PATH``),
    ``.cache/images`` under ``root``."""
    if user.get("KALO_CACHE_DIR") or "PATH" in user:
        return cache_dir(user, "images")
    return ImageSettings.cache_dir
