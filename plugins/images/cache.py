"""A content-addressed cache outside the output folder.

``<cache>/variants/ab/<key>.<ext>``: one encoded file, ``key`` the SHA-256 of the source's
SHA-256 and every setting that changes that file's bytes (format, width, encoder settings,
library versions, pipeline version); roles are not in it, so a logo and a card of the same
size share a file. ``<cache>/sources/ab/<key>.json``: what was learnt about a source (size,
alpha, problems), so a warm build decodes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from kalo.files import write_atomic
from kalo.problems import Problem

from .encode import PIPELINE_VERSION, encoder_versions
from .model import EXTENSIONS
from .settings import ImageSettings


@dataclass(frozen=True)
class SourceInfo:
    """What the cache remembers about one source (by content)."""

    kind: str  # "raster" | "svg" | "invalid"
    format: str
    width: int
    height: int
    has_alpha: bool
    problems: tuple[Problem, ...] = ()

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps(data, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> SourceInfo:
        data = json.loads(text)
        data["problems"] = tuple(Problem(**p) for p in data["problems"])
        return cls(**data)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _digest(parts: dict) -> str:
    return sha256_bytes(json.dumps(parts, sort_keys=True).encode())


# The libraries whose version changes each format's bytes (Pillow's changes all).
FORMAT_LIBRARIES = {
    "avif": ("avif", "avif_codecs"),
    "webp": ("webp",),
    "jpeg": ("jpeg",),
    "png": ("zlib",),
    "svg": (),
}


def variant_key(sha: str, fmt: str, width: int, settings: ImageSettings) -> str:
    """The key of one encoded file: only what changes that file's bytes is in it."""
    params = settings.quality.params(fmt) if fmt != "svg" else {}
    versions = encoder_versions()
    libraries = {name: versions[name] for name in ("pillow", *FORMAT_LIBRARIES[fmt])}
    return _digest(
        {
            "v": PIPELINE_VERSION,
            "source": sha,
            "format": fmt,
            "width": width,
            "params": params,
            "encoders": libraries,
        }
    )


def manifest_key(sha: str, settings: ImageSettings) -> str:
    limits = [
        settings.max_pixels,
        settings.max_side,
        settings.max_aspect,
        settings.min_side,
        settings.max_file_bytes,
    ]
    return _digest(
        {"v": PIPELINE_VERSION, "source": sha, "limits": limits, "encoders": encoder_versions()}
    )


class Cache:
    def __init__(self, root: Path):
        self.root = Path(root)

    def variant_file(self, key: str, fmt: str) -> Path:
        return self.root / "variants" / key[:2] / f"{key}.{EXTENSIONS[fmt]}"

    def manifest_file(self, key: str) -> Path:
        return self.root / "sources" / key[:2] / f"{key}.json"

    def read_manifest(self, key: str) -> SourceInfo | None:
        try:
            return SourceInfo.from_json(self.manifest_file(key).read_text("utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or unreadable: treated as not cached

    def write_manifest(self, key: str, info: SourceInfo) -> None:
        write_atomic(self.manifest_file(key), info.to_json().encode("utf-8"))


class HashCache:
    """Each source's SHA-256 remembered by (path, size, mtime, inode, ctime), so a warm build
    reads no image file: ``<cache>/hashes.json``. ctime cannot be set back by any tool, so a
    changed file always gets hashed again. ``save()`` writes only when something changed."""

    FILE = "hashes.json"

    def __init__(self, root: Path):
        self.path = Path(root) / self.FILE
        try:
            self._known: dict[str, list] = json.loads(self.path.read_text("utf-8"))
            if not isinstance(self._known, dict):
                self._known = {}
        except (OSError, ValueError):
            self._known = {}
        self._changed = False
        self._used: set[str] = set()

    def sha256(self, path: Path, stat: os.stat_result | None = None) -> str:
        """The file's SHA-256 (raises OSError like reading it would)."""
        stat = stat or os.stat(path)
        key = os.path.abspath(path)
        self._used.add(key)
        # ctime only for files with one link: ctime also moves when another hard link to
        # the same file is made or removed (kalo.incremental.file_stamp says the same).
        stamp = [
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ino,
            stat.st_ctime_ns if stat.st_nlink == 1 else None,
        ]
        known = self._known.get(key)
        if known is not None and known[:4] == stamp:
            return known[4]
        sha = sha256_bytes(Path(path).read_bytes())
        self._known[key] = [*stamp, sha]
        self._changed = True
        return sha

    # Entries of files not asked for by this build are checked (and dropped if the file is
    # gone) only when they outnumber these: sites built in temporary folders come and go.
    SLACK = 2000

    def save(self) -> None:
        if len(self._known) > len(self._used) + self.SLACK:
            for key in [k for k in self._known if k not in self._used]:
                if not os.path.exists(key):
                    del self._known[key]
                    self._changed = True
        if self._changed:
            write_atomic(self.path, json.dumps(self._known, sort_keys=True).encode("utf-8"))
            self._changed = False
