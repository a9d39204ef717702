"""Run Pagefind over the chosen pages of a built site and put its bundle into the site."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kalo.files import write_atomic
from kalo.output import Output
from kalo.problems import Problem, raise_if_errors
from search.select import IndexedPage, mark_body

log = logging.getLogger(__name__)

# Changes when what this module does to the bundle changes (invalidates cached bundles).
BUNDLE_FORMAT = 3

# Pagefind writes ready-made interfaces too; the site has its own (theme/static/js/search.js).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def pagefind_binary(configured: str | None) -> Path:
    if configured:
        if not Path(configured).is_file():
            _fail(
                f"the Pagefind binary {configured} (SEARCH_PAGEFIND_BINARY) does not exist.",
                f"το πρόγραμμα Pagefind {configured} (SEARCH_PAGEFIND_BINARY) δεν υπάρχει.",
            )
        return Path(configured)
    try:
        from pagefind.service import get_executable
    except ImportError:
        get_executable = None
    binary = get_executable() if get_executable else None
    if binary is None or not Path(binary).exists():
        _fail(
            "the Pagefind binary is missing: install the pinned `pagefind[extended]` "
            "(make setup) or set SEARCH_PAGEFIND_BINARY.",
            "λείπει το πρόγραμμα Pagefind: εγκαταστήστε το `pagefind[extended]` (make setup) "
            "ή ορίστε το SEARCH_PAGEFIND_BINARY.",
        )
    return Path(binary)


# Bundles kept in the cache (one per language and version of its pages): the current ones
# and a few before them (bounded disk use).
CACHED_BUNDLES = 6
ENTRY = "pagefind-entry.json"


def build_index(
    output: Path,
    pages: list[IndexedPage],
    options: dict,
    cache: Path | None = None,
    written: Output | None = None,
) -> None:
    """Index ``pages`` of ``output`` into ``output/<SEARCH_BUNDLE_DIR>/``, one index per language.

    Pagefind runs once per language, over a copy of that language's pages (with
    ``data-pagefind-body`` on their <main>) in a temporary folder outside the site: what
    it sees is exactly the list chosen by ``search.select``, whatever else the site holds.
    Its memory grows with the pages of one run (about 75 KB each), so one run per language
    halves it, and a change to the pages of one language leaves the other's index as it was.
    The runs' bundles share their program files and name every index file by language and
    content; their ``pagefind-entry.json`` files are merged.

    A language's bundle comes from ``cache`` when the same pages were indexed before: a
    rebuild does not index again, and its output is byte-identical (Pagefind itself writes
    its filter files in a different order on every run). Cached files are hard-linked
    into the site (later steps replace files, never write into them).
    """
    written = written or Output(output)
    binary = pagefind_binary(options["SEARCH_PAGEFIND_BINARY"])
    if not pages:  # a new site with no content yet: Pagefind refuses an empty folder
        log.warning("search: no page to index yet; the search page will find nothing")
        return
    bundle = output / options["SEARCH_BUNDLE_DIR"]
    command_options = [f"--exclude-selectors={s}" for s in options["SEARCH_EXCLUDE_SELECTORS"]]
    languages = sorted({page.lang for page in pages})
    entries = []
    with tempfile.TemporaryDirectory(prefix="kalo-search-") as tmp:
        for lang in languages:
            chosen = [page for page in pages if page.lang == lang]
            key = _bundle_key(output, chosen, command_options, binary, written)
            cached = cache / key if cache else None
            if cached is not None and (cached / ENTRY).exists():
                made = cached
                os.utime(cached)  # the newest: kept
                log.info("search: index of %d pages (%s) reused from the cache", len(chosen), lang)
            else:
                made = _index(
                    output, chosen, binary, options, Path(tmp) / f"bundle-{lang}", cached, written
                )
            _link_tree(made, bundle)
            entries.append(json.loads((made / ENTRY).read_text(encoding="utf-8")))
    # A new file: the one there is a link to one language's cached entry, never changed.
    write_atomic(bundle / ENTRY, _merged_entry(entries))
    if cache is not None:
        _prune(cache)
    log.info(
        "search: %d pages indexed (%s) into /%s/",
        len(pages),
        ", ".join(languages),
        options["SEARCH_BUNDLE_DIR"],
    )


def _index(
    output: Path,
    pages: list[IndexedPage],
    binary: Path,
    options: dict,
    work: Path,
    cached: Path | None,
    written: Output,
) -> Path:
    """Run Pagefind over ``pages``; the bundle goes into ``cached`` (through a temporary
    name, so another build never sees half of it) or, without a cache, into ``work``."""
    source = work.with_name(work.name + "-pages")
    for page in pages:  # one page in memory at a time: 20,000 pages would take 1 GB
        target = source / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            mark_body(written.readable(output / page.path).read_text(encoding="utf-8")),
            encoding="utf-8",
        )
    # Pagefind writes a whole folder: it is made under a temporary name and renamed into the
    # cache in one step (kalo.files.write_atomic replaces files, not folders).
    made = work if cached is None else cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
    shutil.rmtree(made, ignore_errors=True)
    command = [str(binary), "--site", str(source), "--output-path", str(made), "--quiet"]
    for selector in options["SEARCH_EXCLUDE_SELECTORS"]:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=options["SEARCH_TIMEOUT"], check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        shutil.rmtree(made, ignore_errors=True)
        _fail(f"Pagefind could not run: {error}", f"το Pagefind δεν έτρεξε: {error}")
    if done.returncode != 0 or not (made / ENTRY).exists():
        shutil.rmtree(made, ignore_errors=True)
        detail = (done.stderr or done.stdout).strip()[-2000:]
        _fail(
            f"Pagefind failed (exit {done.returncode}): {detail}",
            f"το Pagefind απέτυχε (κωδικός {done.returncode}): {detail}",
        )
    shutil.rmtree(source, ignore_errors=True)
    for name in UNUSED_BUNDLE_FILES:
        (made / name).unlink(missing_ok=True)
    if cached is None:
        return made
    shutil.rmtree(cached, ignore_errors=True)  # a damaged entry (no pagefind-entry.json)
    try:
        made.rename(cached)
    except OSError:  # another build stored the same bundle meanwhile: use that one
        shutil.rmtree(made, ignore_errors=True)
    return cached


def _link_tree(source: Path, target: Path) -> None:
    """Every file of ``source`` into ``target``, hard-linked (copied across file systems);
    files already there are replaced, never written into."""
    for folder, _dirs, files in os.walk(source):
        into = target / Path(folder).relative_to(source)
        into.mkdir(parents=True, exist_ok=True)
        for name in files:
            destination = into / name
            destination.unlink(missing_ok=True)
            try:
                os.link(Path(folder) / name, destination)
            except OSError:
                shutil.copyfile(Path(folder) / name, destination)


def _merged_entry(entries: list[dict]) -> str:
    """One ``pagefind-entry.json`` naming every language's index, written as Pagefind does."""
    merged = dict(entries[0])
    merged["languages"] = {
        lang: info for entry in entries for lang, info in sorted(entry["languages"].items())
    }
    return json.dumps(merged, ensure_ascii=False, separators=(",", ":"))


def _bundle_key(
    output: Path,
    pages: list[IndexedPage],
    command_options: list[str],
    binary: Path,
    written: Output,
) -> str:
    """The pages' bytes as written (marking them is a function of those bytes), their
    addresses and languages, the options and the binary."""
    digest = hashlib.sha256()
    digest.update(repr((command_options, binary.stat().st_size, BUNDLE_FORMAT)).encode())
    for page in sorted(pages, key=lambda p: p.path):
        digest.update(f"{page.path}\0{page.url}\0{page.lang}\0".encode())
        digest.update(written.digest(output / page.path))
    return digest.hexdigest()


def _prune(cache: Path) -> None:
    """Keep only the newest few bundles."""
    kept = sorted(
        (p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in kept[CACHED_BUNDLES:]:
        shutil.rmtree(stale, ignore_errors=True)


def _fail(message: str, message_el: str) -> None:
    """Stop the build the project's way: a clear message, exit code 1, no traceback."""
    raise_if_errors([Problem("plugins/search", None, None, message, message_el)])
