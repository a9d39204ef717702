"""Run Pagefind over the chosen pages of a built site and put its bundle into the site."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kalo.problems import Problem, raise_if_errors
from search.select import IndexedPage, mark_body

log = logging.getLogger(__name__)

# Changes when what this module does to the bundle changes (invalidates cached bundles).
BUNDLE_FORMAT = 2

# Pagefind writes ready-made interfaces too; the site has its own (theme/static/js/search.js).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


def pagefind_binary(configured: str | None) -> Path:
    if configured:
        if not Path(configured).is_file():
            _fail(f"the Pagefind binary {configured} (SEARCH_PAGEFIND_BINARY) does not exist.",
                  f"το πρόγραμμα Pagefind {configured} (SEARCH_PAGEFIND_BINARY) δεν υπάρχει.")
        return Path(configured)
    try:
        from pagefind.service import get_executable
    except ImportError:
        get_executable = None
    binary = get_executable() if get_executable else None
    if binary is None or not Path(binary).exists():
        _fail("the Pagefind binary is missing: install the pinned `pagefind[extended]` "
              "(make setup) or set SEARCH_PAGEFIND_BINARY.",
              "λείπει το πρόγραμμα Pagefind: εγκαταστήστε το `pagefind[extended]` (make setup) "
              "ή ορίστε το SEARCH_PAGEFIND_BINARY.")
    return Path(binary)


# Bundles kept in the cache: the current one and a few before it (bounded disk use).
CACHED_BUNDLES = 3


def build_index(output: Path, pages: list[IndexedPage], options: dict,
                cache: Path | None = None) -> None:
    """Index ``pages`` of ``output`` into ``output/<SEARCH_BUNDLE_DIR>/``, one index per language.

    The pages are copied, with ``data-pagefind-body`` on their <main>, into a temporary
    folder outside the site, and Pagefind indexes that copy: what it sees is exactly the
    list chosen by ``search.select``, whatever else the site holds.

    When the same pages were indexed before, the bundle comes from ``cache``: a rebuild
    does not index again, and its output is byte-identical (Pagefind itself writes its
    filter files in a different order on every run).
    """
    binary = pagefind_binary(options["SEARCH_PAGEFIND_BINARY"])
    bundle = output / options["SEARCH_BUNDLE_DIR"]
    command_options = [f"--exclude-selectors={s}" for s in options["SEARCH_EXCLUDE_SELECTORS"]]
    key = _bundle_key(output, pages, command_options, binary)
    cached = cache / key if cache else None
    if cached is not None and (cached / "pagefind.js").exists():
        shutil.copytree(cached, bundle, dirs_exist_ok=True)
        log.info("search: index of %d pages reused from the cache", len(pages))
        return
    with tempfile.TemporaryDirectory(prefix="kalo-search-") as tmp:
        source = Path(tmp)
        for page in pages:  # one page in memory at a time: 20,000 pages would take 1 GB
            target = source / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(mark_body((output / page.path).read_text(encoding="utf-8")),
                              encoding="utf-8")
        command = [str(binary), "--site", str(source), "--output-path", str(bundle), "--quiet"]
        for selector in options["SEARCH_EXCLUDE_SELECTORS"]:
            command += ["--exclude-selectors", selector]
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  timeout=options["SEARCH_TIMEOUT"], check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            _fail(f"Pagefind could not run: {error}", f"το Pagefind δεν έτρεξε: {error}")
        if done.returncode != 0 or not (bundle / "pagefind.js").exists():
            detail = (done.stderr or done.stdout).strip()[-2000:]
            _fail(f"Pagefind failed (exit {done.returncode}): {detail}",
                  f"το Pagefind απέτυχε (κωδικός {done.returncode}): {detail}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    if cached is not None:
        _store(bundle, cached)
    langs = sorted({page.lang for page in pages})
    log.info("search: %d pages indexed (%s) into /%s/", len(pages), ", ".join(langs),
             options["SEARCH_BUNDLE_DIR"])


def _bundle_key(output: Path, pages: list[IndexedPage], command_options: list[str],
                binary: Path) -> str:
    """The pages' bytes as written (marking them is a function of those bytes), their
    addresses, the options and the binary."""
    digest = hashlib.sha256()
    digest.update(repr((command_options, binary.stat().st_size, BUNDLE_FORMAT)).encode())
    for page in sorted(pages, key=lambda p: p.path):
        digest.update(f"{page.path}\0{page.url}\0{page.lang}\0".encode())
        digest.update(hashlib.sha256((output / page.path).read_bytes()).digest())
    return digest.hexdigest()


def _store(bundle: Path, cached: Path) -> None:
    """Keep this bundle for the next build, and only the newest few."""
    staging = cached.with_name(f".{cached.name}.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(bundle, staging)
    shutil.rmtree(cached, ignore_errors=True)
    staging.rename(cached)
    os.utime(cached)
    older = sorted((p for p in cached.parent.iterdir() if p.is_dir() and not p.name.startswith(".")),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in older[CACHED_BUNDLES:]:
        shutil.rmtree(stale, ignore_errors=True)


def _fail(message: str, message_el: str) -> None:
    """Stop the build the project's way: a clear message, exit code 1, no traceback."""
    raise_if_errors([Problem("plugins/search", None, None, message, message_el)])
