"""Social images: an Open Graph image (1200×630) and a square one (1080×1080) per page.

The name of the organization or workshop, wrapped and shrunk to fit, in Noto Sans (the
``fontpkg-noto-sans`` package from PyPI: Latin, Greek with tonos and dialytika, Cyrillic),
its logo (contained, on white) or photo (cropped to fill), and the observatory's identity.
Written as metadata-free JPEG, byte-identical for the same input, cached like the variants.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from kalo.files import write_atomic
from kalo.parallel import map_fresh
from kalo.problems import Problem

from . import messages
from .decode import decode, looks_like_svg
from .model import Fit, SocialImages, SocialJob  # noqa: F401 - SocialJob: part of the API
from .settings import ImageSettings
from .svg import SvgError, rasterize, sanitize

SOCIAL_VERSION = "1"
IDENTITY = ("Παρατηρητήριο ΚΑΛΟ Δυτικής Αθήνας", "West Athens SSE Observatory")
BACKGROUND = (247, 245, 240)
INK = (28, 36, 33)
MUTED = (84, 96, 91)
BRAND = (31, 111, 92)
JPEG_PARAMS = {"quality": 88, "subsampling": "4:4:4", "optimize": True}
DEBIAN_FONTS = (  # used only when the PyPI font package is missing
    (
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
)


class FontMissing(RuntimeError):
    """No font with Greek letters is installed: a setup problem, not a content one."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path
    variable: bool  # one variable file: the weight is set through its axes


@functools.lru_cache(maxsize=1)
def font_files() -> FontFiles:
    try:
        import fontpkg_noto_sans
    except ImportError:
        for regular, bold in DEBIAN_FONTS:
            if Path(regular).exists() and Path(bold).exists():
                return FontFiles(Path(regular), Path(bold), False)
        raise FontMissing(
            "no font for social images: install fontpkg-noto-sans (pip) or fonts-noto-core (apt)"
        ) from None
    path = fontpkg_noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"
    return FontFiles(path, path, True)


@functools.lru_cache(maxsize=64)
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    files = font_files()
    font = ImageFont.truetype(
        str(files.bold if bold else files.regular), size, layout_engine=ImageFont.Layout.BASIC
    )
    if files.variable:
        axes = font.get_variation_axes()
        font.set_variation_by_axes(
            [
                (700 if bold else 400) if axis["name"] == b"Weight" else axis["default"]
                for axis in axes
            ]
        )
    return font


@functools.lru_cache(maxsize=1)
def _font_digest() -> str:
    files = font_files()
    digest = hashlib.sha256()
    for path in sorted({files.regular, files.bold}):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def missing_glyphs(text: str, bold: bool = True) -> str:
    """The characters of ``text`` the font has no glyph for (drawn as tofu boxes)."""
    return "".join(sorted({c for c in text if not c.isspace() and _is_missing(c, bold)}))


@functools.lru_cache(maxsize=4096)
def _is_missing(char: str, bold: bool) -> bool:
    """Each character checked once per process (titles share most of theirs)."""
    font = _font(40, bold)
    return _mask(font, char) == _notdef(bold)


@functools.lru_cache(maxsize=2)
def _notdef(bold: bool) -> tuple:
    return _mask(_font(40, bold), "\U0010fffd")


def _mask(font: ImageFont.FreeTypeFont, char: str) -> tuple:
    mask = font.getmask(char)
    return mask.size, bytes(mask)


# --- text layout -----------------------------------------------------------------------


def wrap(text: str, font: ImageFont.FreeTypeFont, max_width: int) -> list[str]:
    """Greedy word wrap by measured width; a word longer than a line is split."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while font.getlength(word) > max_width:
            cut = max(
                1,
                max(
                    i
                    for i in range(1, len(word) + 1)
                    if font.getlength(word[:i] + "-") <= max_width or i == 1
                ),
            )
            lines.append(word[:cut] + "-")
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    line_height: int

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


def fit_text(text: str, max_width: int, max_lines: int, sizes: range, bold: bool) -> TextBlock:
    """The largest size in ``sizes`` at which ``text`` fits in ``max_lines`` lines; at the
    smallest, the last line ends with an ellipsis."""
    for size in sizes:
        font = _font(size, bold)
        lines = wrap(text, font, max_width)
        if len(lines) <= max_lines:
            break
    else:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.getlength(last + "…") > max_width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    ascent, descent = font.getmetrics()  # the font's full ascent: room for tonos and accents
    return TextBlock(tuple(lines), font, round((ascent + descent) * 1.08))


def draw_block(draw: ImageDraw.ImageDraw, block: TextBlock, x: int, y: int, fill) -> int:
    for i, line in enumerate(block.lines):
        draw.text((x, y + i * block.line_height), line, font=block.font, fill=fill, anchor="la")
    return y + block.height


# --- pictures --------------------------------------------------------------------------


def _load_picture(path: Path, file: str, settings: ImageSettings) -> Image.Image | Problem:
    try:
        data = path.read_bytes()
    except OSError as error:
        return messages.unreadable(file, error.strerror or "")
    if looks_like_svg(data):
        try:
            clean = sanitize(data)
        except SvgError as error:
            return (
                messages.svg_no_size(file)
                if str(error) == "no size"
                else messages.svg_invalid(file, str(error))
            )
        width = 1000 if clean.width >= clean.height else round(1000 * clean.width / clean.height)
        png = rasterize(clean.data, max(1, width), (font_files().regular,))
        with Image.open(io.BytesIO(png)) as im:
            return im.convert("RGBA")
    result = decode(data, file, settings)
    if isinstance(result, Problem):
        return result
    return result.image


def _place(
    canvas: Image.Image, picture: Image.Image, box: tuple[int, int, int, int], fit: Fit
) -> None:
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    if fit == "cover":
        canvas.paste(
            ImageOps.fit(picture.convert("RGB"), (width, height), Image.Resampling.LANCZOS),
            (left, top),
        )
        return
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle(box, radius=24, fill="white")
    pad = max(16, min(width, height) // 10)
    inner = ImageOps.contain(picture, (width - 2 * pad, height - 2 * pad), Image.Resampling.LANCZOS)
    at = (left + (width - inner.width) // 2, top + (height - inner.height) // 2)
    if inner.mode == "RGBA":
        canvas.paste(inner.convert("RGB"), at, inner.getchannel("A"))
    else:
        canvas.paste(inner.convert("RGB"), at)


def _identity(draw: ImageDraw.ImageDraw, x: int, bottom: int, width: int, scale: float) -> None:
    first = fit_text(IDENTITY[0], width, 1, range(round(28 * scale), 15, -1), True)
    second = fit_text(IDENTITY[1], width, 1, range(round(22 * scale), 12, -1), False)
    y = bottom - first.height - second.height
    y = draw_block(draw, first, x, y, BRAND)
    draw_block(draw, second, x, y, MUTED)


def render_og(title: str, subtitle: str, picture: Image.Image | None, fit: Fit) -> Image.Image:
    W, H, M = 1200, 630, 64
    canvas = Image.new("RGB", (W, H), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, H - 14, W, H), fill=BRAND)
    text_right = W - M
    if picture is not None:
        box = (W - 460, 0, W, H - 14) if fit == "cover" else (W - M - 380, 110, W - M, 490)
        _place(canvas, picture, box, fit)
        text_right = box[0] - 48
    width = text_right - M
    title_block = fit_text(title, width, 4, range(68, 35, -2), True)
    sub_block = fit_text(subtitle, width, 2, range(32, 21, -2), False) if subtitle else None
    y = draw_block(draw, title_block, M, M, INK)
    if sub_block:
        draw_block(draw, sub_block, M, y + 16, MUTED)
    _identity(draw, M, H - 14 - 40, width, 1.0)
    return canvas


def render_square(title: str, subtitle: str, picture: Image.Image | None, fit: Fit) -> Image.Image:
    S, M = 1080, 80
    canvas = Image.new("RGB", (S, S), BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, S - 18, S, S), fill=BRAND)
    y = M
    if picture is not None:
        box = (0, 0, S, 480) if fit == "cover" else ((S - 400) // 2, M, (S + 400) // 2, M + 400)
        _place(canvas, picture, box, fit)
        y = box[3] + 56
    width = S - 2 * M
    title_block = fit_text(title, width, 3 if picture is not None else 5, range(72, 39, -2), True)
    y = draw_block(draw, title_block, M, y, INK)
    if subtitle:
        draw_block(draw, fit_text(subtitle, width, 2, range(36, 23, -2), False), M, y + 16, MUTED)
    _identity(draw, M, S - 18 - 56, width, 1.3)
    return canvas


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    Image.frombytes("RGB", image.size, image.tobytes()).save(buffer, "JPEG", **JPEG_PARAMS)
    return buffer.getvalue()


# --- the API ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    title: str
    subtitle: str
    image: Path | None
    fit: Fit
    cached: dict  # "og" | "square" → cache file
    key: str
    problems: tuple[Problem, ...]


def make_social_images(
    title: str,
    subtitle: str | None,
    image: Path | None,
    out_dir: Path,
    *,
    settings: ImageSettings | None = None,
    stem: str = "social",
    fit: Fit = "auto",
) -> SocialImages:
    """Write ``<stem>-og.<key>.jpg`` (1200×630) and ``<stem>-square.<key>.jpg`` (1080×1080)
    into ``out_dir``, made in (or copied from) the cache. ``fit``: ``contain`` for logos
    (default for SVG and images with transparency), ``cover`` for photos."""
    job = SocialJob(title, subtitle, image, Path(out_dir), stem, fit)
    return make_many_social_images([job], settings=settings, workers=1)[0]


def make_many_social_images(
    jobs: list[SocialJob],
    *,
    settings: ImageSettings | None = None,
    workers: int | None = None,
    hashes=None,
    place=None,
) -> list[SocialImages]:
    """``make_social_images`` for many pages: the missing ones are drawn on all cores
    (``workers``: default ``settings.workers``, else all cores); results in ``jobs``' order.
    ``place(cached, target)``: puts a cached file at its place in the output (default:
    a hard link, else a copy)."""
    from .cache import HashCache

    settings = settings or ImageSettings()
    own_hashes = hashes is None
    hashes = hashes if hashes is not None else HashCache(settings.cache_path)
    plans = [_plan(job, settings, hashes) for job in jobs]
    if own_hashes:
        hashes.save()
    missing: dict[str, _Plan] = {}
    for plan in plans:
        if plan.key not in missing and not all(path.exists() for path in plan.cached.values()):
            missing[plan.key] = plan
    drawn = _draw_all(
        list(missing.values()), settings, workers if workers is not None else settings.workers
    )
    problems_by_key = dict(zip(missing, drawn, strict=False))
    results = []
    folders: set[Path] = set()
    for job, plan in zip(jobs, plans, strict=False):
        extra = problems_by_key.get(plan.key, ())
        out_dir = Path(job.out_dir)
        if place is None and out_dir not in folders:
            out_dir.mkdir(parents=True, exist_ok=True)
            folders.add(out_dir)
        targets = {name: out_dir / f"{job.stem}-{name}.{plan.key[:10]}.jpg" for name in plan.cached}
        for name, target in targets.items():
            (place or _place_file)(plan.cached[name], target)
        encodes = 2 if plan.key in problems_by_key else 0
        if encodes:
            del problems_by_key[plan.key]  # counted once, like one drawing
        results.append(
            SocialImages(targets["og"], targets["square"], encodes, plan.problems + tuple(extra))
        )
    return results


def _place_file(cached: Path, target: Path) -> None:
    """Hard-link the cached file into the output (same bytes, no copy), else copy it."""
    if target.exists():
        return
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def _plan(job: SocialJob, settings: ImageSettings, hashes) -> _Plan:
    problems: list[Problem] = []
    title = " ".join(job.title.split())
    subtitle = " ".join((job.subtitle or "").split())
    gone = set(missing_glyphs(title, True)) | set(missing_glyphs(subtitle, False))
    if gone:
        problems.append(messages.missing_glyphs(job.stem, "".join(sorted(gone))))
        title = "".join(c for c in title if c not in gone)
        subtitle = "".join(c for c in subtitle if c not in gone)
    source_sha = None
    image = job.image
    if image is not None:
        try:
            source_sha = hashes.sha256(Path(image))
        except OSError as error:
            problems.append(messages.unreadable(str(image), error.strerror or ""))
            image = None
    key = hashlib.sha256(
        json.dumps(
            {
                "v": SOCIAL_VERSION,
                "title": title,
                "subtitle": subtitle,
                "image": source_sha,
                "fit": job.fit,
                "font": _font_digest(),
                "pillow": Image.__version__,
                "freetype": features.version("freetype2"),
                "jpeg": features.version("jpg"),
                "params": JPEG_PARAMS,
            },
            sort_keys=True,
            ensure_ascii=False,
        ).encode()
    ).hexdigest()
    cache_dir = settings.cache_path / "social" / key[:2]
    cached = {name: cache_dir / f"{key}-{name}.jpg" for name in ("og", "square")}
    return _Plan(title, subtitle, image, job.fit, cached, key, tuple(problems))


def _draw(plan: _Plan, settings: ImageSettings) -> tuple[Problem, ...]:
    """Draw both images of one plan into the cache; the problems met on the way."""
    problems: list[Problem] = []
    picture = None
    image = plan.image
    if image is not None:
        loaded = _load_picture(Path(image), str(image), settings)
        if isinstance(loaded, Problem):
            problems.append(loaded)
        else:
            picture = loaded
    chosen: Fit = plan.fit
    if plan.fit == "auto":
        chosen = (
            "contain"
            if picture is None
            or picture.mode == "RGBA"
            or Path(str(image)).suffix.lower() == ".svg"
            else "cover"
        )
    write_atomic(plan.cached["og"], _jpeg(render_og(plan.title, plan.subtitle, picture, chosen)))
    write_atomic(
        plan.cached["square"], _jpeg(render_square(plan.title, plan.subtitle, picture, chosen))
    )
    return tuple(problems)


def _draw_all(plans: list[_Plan], settings: ImageSettings, workers: int | None) -> list[tuple]:
    """Drawing is self-contained and heavy: new processes (nothing of the build inherited),
    from 4 drawings on."""
    draw = functools.partial(_draw, settings=settings)
    return map_fresh(draw, plans, workers=workers, parallel_from=4, chunksize=4)
