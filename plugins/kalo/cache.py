"""Where the caches that make rebuilds fast live, and how a folder is named in them.

Caches live outside the output folder (they survive `make clean`): in ``KALO_CACHE_DIR``,
else in ``.cache/`` beside the content folder, one sub-folder per user (``build``, ``seo``,
``search``, ``images``, ``organizations``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def cache_dir(settings: Mapping[str, Any], name: str) -> Path:
    """The cache folder ``name`` of the build with these (Pelican) settings."""
    root = settings.get("KALO_CACHE_DIR") or Path(settings["PATH"]).parent / ".cache"
    return Path(root) / name


def path_key(path: str | Path) -> str:
    """A short name for a folder in cache file names: records made for one output or
    content folder are never read for another. The same path (resolved) gives the same key."""
    return hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:16]
