"""Run Pagefind over the chosen pages of a built site and put its bundle into the site."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from kalo.problems import Problem, raise_if_errors
from search.select import IndexedPage, mark_body

log = logging.getLogger(__name__)

# Pagefind writes ready-made interfaces too; the site has its own (theme/static/js/search.js).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)


def pagefind_binary(configured: str | None) -> Path:
    if configured:
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


def build_index(output: Path, pages: list[IndexedPage], options: dict) -> None:
    """Index ``pages`` of ``output`` into ``output/<SEARCH_BUNDLE_DIR>/``, one index per language.

    The pages are copied, with ``data-pagefind-body`` on their <main>, into a temporary
    folder outside the site, and Pagefind indexes that copy: what it sees is exactly the
    list chosen by ``search.select``, whatever else the site holds.
    """
    binary = pagefind_binary(options["SEARCH_PAGEFIND_BINARY"])
    bundle = output / options["SEARCH_BUNDLE_DIR"]
    with tempfile.TemporaryDirectory(prefix="kalo-search-") as tmp:
        source = Path(tmp)
        for page in pages:
            target = source / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            html = (output / page.path).read_text(encoding="utf-8")
            target.write_text(mark_body(html), encoding="utf-8")
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
    langs = sorted({page.lang for page in pages})
    log.info("search: %d pages indexed (%s) into /%s/", len(pages), ", ".join(langs),
             options["SEARCH_BUNDLE_DIR"])


def _fail(message: str, message_el: str) -> None:
    """Stop the build the project's way: a clear message, exit code 1, no traceback."""
    raise_if_errors([Problem("plugins/search", None, None, message, message_el)])
