"""The values the image step hands to templates and to the build: frozen dataclasses only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from kalo.problems import Problem

MIME_TYPES = {
    "avif": "image/avif",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "svg": "image/svg+xml",
}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png", "svg": "svg"}


@dataclass(frozen=True)
class ImageRequest:
    """One image wanted in one role. ``dest`` is the output-relative folder of its files."""

    source: Path
    role: str
    dest: str = "images"


@dataclass(frozen=True)
class Variant:
    """One file written: ``path`` is relative to the output folder (POSIX, for URLs)."""

    format: str  # avif | webp | jpeg | png | svg
    width: int
    height: int
    path: PurePosixPath
    bytes: int
    cache_file: Path = field(compare=False, repr=False)

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]


@dataclass(frozen=True)
class ResponsiveImage:
    """One source image in one role, with all its variants.

    ``variants`` are ordered by format (modern first, fallback last) then width.
    ``width``/``height`` are those of the largest variant: what ``<img>`` declares.
    """

    source: str  # as the volunteer sees it (relative to the project root)
    sha256: str
    role: str
    sizes: str
    width: int
    height: int
    has_alpha: bool
    variants: tuple[Variant, ...]

    @property
    def formats(self) -> tuple[str, ...]:
        seen: list[str] = []
        for v in self.variants:
            if v.format not in seen:
                seen.append(v.format)
        return tuple(seen)

    @property
    def fallback_format(self) -> str:
        return self.formats[-1]

    @property
    def is_vector(self) -> bool:
        return self.formats == ("svg",)

    def of_format(self, fmt: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.format == fmt)

    @property
    def fallback(self) -> Variant:
        """The largest variant of the fallback format: the ``<img src>``."""
        return self.of_format(self.fallback_format)[-1]

    def largest(self, fmt: str | None = None) -> Variant:
        return self.of_format(fmt or self.fallback_format)[-1]

    def srcset(self, fmt: str, url_prefix: str = "/") -> str:
        return ", ".join(f"{url_prefix}{v.path} {v.width}w" for v in self.of_format(fmt))


@dataclass(frozen=True)
class ProcessResult:
    """What one run of the image step made: images by request, problems, encode count."""

    images: Mapping[ImageRequest, ResponsiveImage]
    problems: tuple[Problem, ...]
    encodes: int

    def get(self, source: Path, role: str, dest: str = "images") -> ResponsiveImage | None:
        return self.images.get(ImageRequest(Path(source), role, dest))

    def files(self) -> tuple[Variant, ...]:
        """Every variant to copy into the output, each once, in a stable order."""
        unique = {v.path: v for image in self.images.values() for v in image.variants}
        return tuple(unique[p] for p in sorted(unique))


@dataclass(frozen=True)
class SocialImages:
    """The Open Graph (1200×630) and square (1080×1080) images of one page."""

    og: Path
    square: Path
    encodes: int = 0
    problems: tuple[Problem, ...] = ()


# How a picture fills its box on a social image.
Fit = Literal["auto", "contain", "cover"]


@dataclass(frozen=True)
class SocialJob:
    """One page's social images to make: what ``images.social.make_social_images`` takes
    (here, without Pillow: a build that makes no social image does not load it)."""

    title: str
    subtitle: str | None
    image: Path | None
    out_dir: Path
    stem: str = "social"
    fit: Fit = "auto"
