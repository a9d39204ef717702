"""What makes a rebuild cheap: knowing what did not change since the last good build.

Two levels, both conservative (when unsure, build):

* **The whole build**: a fingerprint of every input — the content folder, the theme, the
  plugins' code and data, the settings file and its siblings, what plugins declare
  (``declare_input``: the organizations, Leaflet's files), the installed packages, the
  settings' values, today's date (workshops are "held" or "upcoming", validation knows
  today) — made from each file's
  path, size, mtime, inode and ctime (``file_stamp``: ctime cannot be set back by any tool,
  so an edited file is always seen). After a successful build it is stored with the identity of the
  output folder it produced; a later build with the same fingerprint and the same output
  folder has nothing to do.

* **Single pages** (``kalo.pages``): for each written page, a fingerprint of what the
  page shows. A page whose fingerprint did not change is left in the output folder the
  build updates in place, or linked from the page store (``kalo.output``, ``kalo.pages``);
  Pelican's ``content_written`` signal is still sent, so the sitemap, SEO analysis and
  search see every page.

What a plugin needs is declared by the plugin, in the build's settings, when Pelican
registers it (``kalo.build`` creates the Pelican object before it takes the fingerprint):
``declare_input`` for what it reads besides the content, theme and settings, and
``forbid_page_reuse`` when it changes written pages afterwards (post-processing).

Everything lives in ``<KALO_CACHE_DIR>/build/``, outside the output folder.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kalo.cache import cache_dir, path_key
from kalo.files import write_atomic

# Changes when what the fingerprints cover changes: old records are then ignored.
FORMAT = 1
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
# What plugins declare in the build's settings (see the module's doc).
INPUT_PATHS = "KALO_INPUT_PATHS"  # files and folders the build reads besides the usual
PAGE_DATA_PATHS = "KALO_PAGE_DATA_PATHS"  # of those, the ones pages fingerprint themselves
REUSE_PAGES = "KALO_REUSE_PAGES"  # False: written files are never reused (kalo.output)
# Settings that say where this build writes, not what it writes.
_BUILD_ONLY = {"OUTPUT_PATH", "KALO_SETTINGS_FILE"}
# Never inputs: compiled code, editors' and tools' leftovers.
_SKIP_DIRS = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".git"}


def stable_repr(value: Any) -> str:
    """``repr`` without memory addresses (functions and objects in the settings)."""
    text = repr(value)
    # Most values have none: a plain search is many times quicker than the pattern's.
    return _ADDRESS.sub("", text) if " at 0x" in text else text


def file_stamp(stat: os.stat_result) -> tuple[int, ...]:
    """What says a file changed: size, mtime, inode (an editor's save-by-rename is a new
    inode) and ctime, which no tool can set back, so an edit is seen even when size and
    mtime are restored. ctime also moves when a hard link to the same file is made or
    removed anywhere, so for files with several links it is left out (their other links
    would make them look changed on every build)."""
    if stat.st_nlink > 1:
        return (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns)


def file_digest(path: str | Path) -> bytes:
    """SHA-256 of a file's bytes, remembered by its ``file_stamp``: the SEO analysis and the
    search index both key the written pages by their bytes, and each page is read once."""
    return _digest(str(path), file_stamp(os.stat(path)))


@functools.lru_cache(maxsize=65536)
def _digest(path: str, _stamp: tuple[int, ...]) -> bytes:
    return hashlib.sha256(Path(path).read_bytes()).digest()


def _tree_lines(root: Path, out: list[str]) -> None:
    """One line per file under ``root`` (or for ``root`` itself if it is a file)."""
    try:
        stat = root.stat()
    except OSError:
        out.append(f"missing {root}")
        return
    if not root.is_dir():
        out.append(f"{root}\0{file_stamp(stat)}")
        return
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            out.append(f"unreadable {folder}")
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=True):
                if entry.name not in _SKIP_DIRS:
                    stack.append(entry.path)
                continue
            try:
                s = entry.stat(follow_symlinks=True)
            except OSError:
                out.append(f"broken {entry.path}")
                continue
            out.append(f"{entry.path}\0{file_stamp(s)}")


def declare_input(settings: dict, path: str | Path, *, pages_describe_it: bool = False) -> None:
    """A plugin reads ``path`` (a file or folder) too: the build's fingerprint covers it.
    ``pages_describe_it``: the pages made from it say themselves what they show of it
    (``kalo.pages.PageBatch.add(shows=...)``), so a change in it does not make every page
    new, only those whose description changed."""
    path = str(path)
    declared = list(settings.get(INPUT_PATHS, ()))
    if path not in declared:
        settings[INPUT_PATHS] = [*declared, path]
    described = list(settings.get(PAGE_DATA_PATHS, ()))
    if pages_describe_it and path not in described:
        settings[PAGE_DATA_PATHS] = [*described, path]


def forbid_page_reuse(settings: dict) -> None:
    """A plugin changes written pages afterwards (minifies, rewrites references): a page of
    the previous output is not what rendering it gives, so it is never reused."""
    settings[REUSE_PAGES] = False


def input_paths(settings: dict, settings_file: Path, without_page_data: bool = False) -> list[Path]:
    """Every file and folder the build reads: the content, the theme, the plugins, the
    settings file and its siblings, and what plugins declared (``declare_input``)."""
    paths = [Path(settings["PATH"]), Path(settings["THEME"])]
    paths += [Path(p) for p in settings.get("PLUGIN_PATHS", ())]
    settings_file = Path(settings_file).resolve()
    paths += sorted(settings_file.parent.glob("*.py"))
    left_out = set(settings.get(PAGE_DATA_PATHS, ())) if without_page_data else set()
    paths += [Path(p) for p in settings.get(INPUT_PATHS, ()) if p not in left_out]
    return paths


def _packages() -> list[str]:
    """The interpreter and the installed packages: a folder's mtime changes when an entry
    (a package's dist-info) is added or removed, i.e. on every install or upgrade."""
    lines = [sys.version, sys.executable]
    for folder in sorted({p for p in sys.path if p.endswith("site-packages")}):
        try:
            lines.append(f"{folder}\0{os.stat(folder).st_mtime_ns}")
        except OSError:
            pass
    return lines


def input_fingerprint(
    settings: dict, settings_file: Path, extra: Iterable[str] = (), without_page_data: bool = False
) -> str:
    """The fingerprint of everything a build's output depends on (``without_page_data``:
    but the inputs whose pages fingerprint their own part, for those pages)."""
    lines = [f"format {FORMAT}", f"today {datetime.date.today().isoformat()}", *_packages(), *extra]
    shown = {key: value for key, value in settings.items() if key not in _BUILD_ONLY}
    lines.append(stable_repr(sorted(shown.items(), key=lambda item: item[0])))
    lines += _input_lines(settings, settings_file, without_page_data)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def input_files_digest(settings: dict, settings_file: Path, without_page_data: bool = False) -> str:
    """A digest of the input files alone (``input_paths``: every file's stamp), without the
    settings' values: for a process that keeps one build's settings, which its plugins
    add to as they run (the live preview)."""
    lines = _input_lines(settings, settings_file, without_page_data)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def _input_lines(settings: dict, settings_file: Path, without_page_data: bool) -> list[str]:
    """One line per input file (``_tree_lines`` of every ``input_paths``)."""
    lines: list[str] = []
    for path in input_paths(settings, settings_file, without_page_data):
        _tree_lines(path, lines)
    return lines


def cache_folder(settings: dict) -> Path:
    return cache_dir(settings, "build")


def _record_file(settings: dict, output_dir: Path) -> Path:
    return cache_folder(settings) / f"last-build-{path_key(output_dir)}.json"


def _output_identity(output_dir: Path) -> list[int] | None:
    try:
        stat = Path(output_dir).stat()
    except OSError:
        return None
    return [stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]


def up_to_date(settings: dict, output_dir: Path, fingerprint: str) -> bool:
    """Did the last successful build have exactly these inputs, and is its output folder
    still the one it produced?"""
    try:
        record = json.loads(_record_file(settings, output_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    identity = _output_identity(output_dir)
    return (
        identity is not None
        and record.get("fingerprint") == fingerprint
        and record.get("output") == identity
    )


def forget(settings: dict, output_dir: Path) -> None:
    """Before a build changes anything: no record until it succeeded."""
    try:
        _record_file(settings, output_dir).unlink()
    except OSError:
        pass


def remember(settings: dict, output_dir: Path, fingerprint: str) -> None:
    """After a successful build (and swap): these inputs gave this output folder."""
    write_atomic(
        _record_file(settings, output_dir),
        json.dumps({"fingerprint": fingerprint, "output": _output_identity(output_dir)}),
    )
    _prune(cache_folder(settings))


# Records kept per kind: builds into many temporary folders (tests) must not fill the cache.
KEPT_RECORDS = 24


def _prune(folder: Path) -> None:
    for pattern in ("output-*.pickle", "last-build-*.json"):
        records = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in records[KEPT_RECORDS:]:
            stale.unlink(missing_ok=True)
