"""The image step: requests in, responsive images and problems out, encodes counted.

Two phases, like Pelican's generators: ``process_images`` fills the cache (outside the
output folder) and returns what templates need; ``publish`` links or copies the files into
the output folder. Sources are grouped by content (SHA-256) and each group is one task in a
process pool; results are put together in a fixed order, so they never depend on scheduling.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from kalo.elot743 import slugify
from kalo.files import replacing, write_atomic
from kalo.parallel import map_fresh
from kalo.problems import Problem

from . import messages
from .cache import Cache, HashCache, SourceInfo, manifest_key, variant_key
from .decode import Decoded, decode, jpeg_scale_for, looks_like_svg, probe
from .encode import encode, height_for, resize
from .model import EXTENSIONS, ImageRequest, ProcessResult, ResponsiveImage, Variant
from .settings import ImageSettings, Role
from .svg import SvgError, sanitize


@dataclass(frozen=True)
class SourceTask:
    """One source content to make variants of, for every role it is wanted in."""

    path: Path
    file: str  # as the volunteer sees it
    sha: str
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class TaskResult:
    info: SourceInfo
    encodes: int


def display_path(path: Path, settings: ImageSettings) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(settings.root)).as_posix()
    except ValueError:
        return str(path)


def fallback_format(info: SourceInfo) -> str:
    return "png" if info.has_alpha else "jpeg"


def raster_formats(info: SourceInfo, settings: ImageSettings) -> tuple[str, ...]:
    return (*settings.formats, fallback_format(info))


# --- the worker side -------------------------------------------------------------------


def run_task(task: SourceTask, settings: ImageSettings) -> TaskResult:
    """Make the missing cached files of one source. Pure apart from the cache writes."""
    cache = Cache(settings.cache_path)
    mkey = manifest_key(task.sha, settings)
    info = cache.read_manifest(mkey)
    if info is not None and info.kind == "invalid":
        return TaskResult(info, 0)
    try:
        data = task.path.read_bytes()
    except OSError as error:
        return TaskResult(_invalid(messages.unreadable(task.file, error.strerror or "")), 0)
    if info is None and looks_like_svg(data) or info is not None and info.kind == "svg":
        result = _svg_task(task, data, settings, cache)
    else:
        result = _raster_task(task, data, info, settings, cache)
    if result.info != info:
        cache.write_manifest(mkey, result.info)
    return result


def _invalid(problem: Problem) -> SourceInfo:
    return SourceInfo("invalid", "", 0, 0, False, (problem,))


def _svg_task(task: SourceTask, data: bytes, settings: ImageSettings, cache: Cache) -> TaskResult:
    try:
        clean = sanitize(data)
    except SvgError as error:
        problem = (
            messages.svg_no_size(task.file)
            if str(error) == "no size"
            else messages.svg_invalid(task.file, str(error))
        )
        return TaskResult(_invalid(problem), 0)
    notes = (messages.svg_removed(task.file, clean.removed),) if clean.removed else ()
    info = SourceInfo("svg", "SVG", clean.width, clean.height, True, notes)
    target = cache.variant_file(variant_key(task.sha, "svg", 0, settings), "svg")
    if target.exists():
        return TaskResult(info, 0)
    write_atomic(target, clean.data)
    return TaskResult(info, 1)


def _raster_task(
    task: SourceTask, data: bytes, info: SourceInfo | None, settings: ImageSettings, cache: Cache
) -> TaskResult:
    decoded: dict[int, Decoded] = {}
    if info is None:
        if len(data) > settings.max_file_bytes:
            return TaskResult(
                _invalid(messages.file_too_big(task.file, len(data), settings.max_file_bytes)), 0
            )
        header = probe(data, task.file, settings)
        if isinstance(header, Problem):
            return TaskResult(_invalid(header), 0)
        first = decode(
            data,
            task.file,
            settings,
            jpeg_scale_for(header.format, header.width, _smallest(task, header.width)),
        )
        if isinstance(first, Problem):
            return TaskResult(_invalid(first), 0)
        decoded[jpeg_scale_for(header.format, header.width, _smallest(task, header.width))] = first
        info = SourceInfo(
            "raster", header.format, header.width, header.height, first.has_alpha, header.warnings
        )
    widths = sorted({w for role in task.roles for w in role.widths_for(info.width)})
    encodes = 0
    for width in widths:
        missing = [
            fmt
            for fmt in raster_formats(info, settings)
            if not cache.variant_file(variant_key(task.sha, fmt, width, settings), fmt).exists()
        ]
        if not missing:
            continue
        scale = jpeg_scale_for(info.format, info.width, width)
        if scale not in decoded:
            result = decode(data, task.file, settings, scale)
            if isinstance(result, Problem):
                return TaskResult(_invalid(result), encodes)
            decoded[scale] = result
        source = decoded[scale].image
        if info.has_alpha and source.mode != "RGBA":
            source = source.convert("RGBA")
        elif not info.has_alpha and source.mode != "RGB":
            source = source.convert("RGB")
        resized = resize(source, width, height_for(width, info.width, info.height))
        for fmt in missing:
            key = variant_key(task.sha, fmt, width, settings)
            write_atomic(cache.variant_file(key, fmt), encode(resized, fmt, settings.quality))
            encodes += 1
    return TaskResult(info, encodes)


def _smallest(task: SourceTask, source_width: int) -> int:
    return min(w for role in task.roles for w in role.widths_for(source_width))


# --- the build side --------------------------------------------------------------------


def process_images(
    requests: Iterable[ImageRequest], settings: ImageSettings, *, workers: int | None = None
) -> ProcessResult:
    """Make (or find in the cache) every variant of every request; write nothing to the
    output. ``workers``: processes to use (default ``settings.workers``, else all cores)."""
    requests = list(dict.fromkeys(requests))
    problems: list[Problem] = []
    paths: dict[Path, tuple[str, str]] = {}  # path -> (file, sha)
    hashes = HashCache(settings.cache_path)
    for request in requests:
        if request.source in paths:
            continue
        file = display_path(request.source, settings)
        settings.role(request.role)  # an unknown role is a programming error: raise
        sha_or_problem = _hash(request.source, file, settings, hashes)
        if isinstance(sha_or_problem, Problem):
            problems.append(sha_or_problem)
            continue
        paths[request.source] = (file, sha_or_problem)
    hashes.save()
    roles_by_source: dict[Path, set[str]] = {}
    for request in requests:
        settings.role(request.role)
        roles_by_source.setdefault(request.source, set()).add(request.role)
    groups: dict[str, list[Path]] = {}
    for path, (_, sha) in paths.items():
        groups.setdefault(sha, []).append(path)
    tasks = []
    for sha in sorted(groups):
        group = sorted(groups[sha], key=lambda p: paths[p][0])
        roles = set().union(*(roles_by_source[path] for path in group))
        tasks.append(
            SourceTask(
                group[0],
                paths[group[0]][0],
                sha,
                tuple(settings.role(name) for name in sorted(roles)),
            )
        )
    results = _run(tasks, settings, workers if workers is not None else settings.workers)
    infos = {task.sha: result.info for task, result in zip(tasks, results, strict=False)}
    for task, result in zip(tasks, results, strict=False):
        for path in groups[task.sha]:
            file = paths[path][0]
            problems.extend(replace(p, file=file) for p in result.info.problems)
    images: dict[ImageRequest, ResponsiveImage] = {}
    cache = Cache(settings.cache_path)
    memo: dict = {}  # keys and sizes of cache files: many sources share a content
    for request in requests:
        if request.source not in paths:
            continue
        file, sha = paths[request.source]
        info = infos[sha]
        if info.kind == "invalid":
            continue
        images[request] = _image(request, file, sha, info, settings, cache, memo)
    return ProcessResult(images, tuple(sorted(set(problems))), sum(r.encodes for r in results))


def process_image(
    source: Path,
    role: str,
    settings: ImageSettings,
    dest: str = "images",
) -> ResponsiveImage | tuple[Problem, ...]:
    """One image, in this process: the image, or its problems."""
    request = ImageRequest(Path(source), role, dest)
    result = process_images([request], settings, workers=1)
    image = result.images.get(request)
    return image if image is not None else result.problems


def _hash(path: Path, file: str, settings: ImageSettings, hashes: HashCache) -> str | Problem:
    try:
        stat = path.stat()
        size = stat.st_size
        if size > settings.max_file_bytes:
            return messages.file_too_big(file, size, settings.max_file_bytes)
        if size == 0:
            return messages.empty(file)
        return hashes.sha256(path, stat)
    except FileNotFoundError:
        return messages.missing(file)
    except OSError as error:
        return messages.unreadable(file, error.strerror or type(error).__name__)


def _run(tasks: list[SourceTask], settings: ImageSettings, workers: int | None) -> list[TaskResult]:
    """Encoding is self-contained and heavy: new processes (nothing of the build
    inherited), as soon as there are two sources to work on."""
    task = functools.partial(run_task, settings=settings)
    return map_fresh(task, tasks, workers=workers, parallel_from=2)


def _stem(file: str) -> str:
    return (slugify(PurePosixPath(file).stem) or "image")[:60].strip("-") or "image"


def _variant_key(memo: dict, sha: str, fmt: str, width: int, settings: ImageSettings) -> str:
    """``variant_key``, once per content, format and width (sources share contents)."""
    wanted = (sha, fmt, width)
    if wanted not in memo:
        memo[wanted] = variant_key(sha, fmt, width, settings)
    return memo[wanted]


def _size(path: Path, memo: dict) -> int:
    if path not in memo:
        memo[path] = path.stat().st_size
    return memo[path]


def _image(
    request: ImageRequest,
    file: str,
    sha: str,
    info: SourceInfo,
    settings: ImageSettings,
    cache: Cache,
    memo: dict,
) -> ResponsiveImage:
    role = settings.role(request.role)
    stem = _stem(file)
    dest = PurePosixPath(request.dest)
    variants = []
    if info.kind == "svg":
        key = _variant_key(memo, sha, "svg", 0, settings)
        target = cache.variant_file(key, "svg")
        width = max(role.widths)
        height = height_for(width, info.width, info.height)
        variants.append(
            Variant(
                "svg", width, height, dest / f"{stem}.{key[:10]}.svg", _size(target, memo), target
            )
        )
    else:
        for fmt in raster_formats(info, settings):
            for width in role.widths_for(info.width):
                key = _variant_key(memo, sha, fmt, width, settings)
                target = cache.variant_file(key, fmt)
                variants.append(
                    Variant(
                        fmt,
                        width,
                        height_for(width, info.width, info.height),
                        dest / f"{stem}-{width}.{key[:10]}.{EXTENSIONS[fmt]}",
                        _size(target, memo),
                        target,
                    )
                )
    largest = variants[-1]
    return ResponsiveImage(
        file,
        sha,
        role.name,
        role.sizes,
        largest.width,
        largest.height,
        info.has_alpha,
        tuple(variants),
    )


def publish(result: ProcessResult, output_dir: Path, *, link: bool = True) -> int:
    """Put every variant into ``output_dir`` (hard link, else copy). Returns how many
    files were written; files already there with the same content are left alone."""
    written = 0
    folders: set[Path] = set()
    for variant in result.files():
        target = Path(output_dir) / variant.path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if link:
            try:
                os.link(variant.cache_file, target)  # the usual case: a new staging folder
                written += 1
                continue
            except FileExistsError:
                pass
            except OSError:
                link = False  # another file system: copy this one and the rest
        if target.exists() and target.stat().st_size == variant.bytes:
            continue  # names carry the content's key: same name and size, same file
        with replacing(target) as tmp:
            try:
                if not link:
                    raise OSError("copy asked for")
                os.link(variant.cache_file, tmp)
            except OSError:
                shutil.copyfile(variant.cache_file, tmp)
        written += 1
    return written
