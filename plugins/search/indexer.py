"""The site's search index: Pagefind bundles, one per part of the site, merged in the browser.

The indexed pages of each language are split into parts by their address without the
language prefix (an organization's Greek and English pages are in the parts of the same
number, one per language): at most ``SEARCH_MAX_PARTS`` parts per language of about
``SEARCH_PART_SIZE`` addresses each, so a site of ten pages has one per language and a site
of 1,000 organizations thirty-two. Each part is one Pagefind bundle (one language), made by
Pagefind's service (``pagefind --service``, the program of the pinned ``pagefind`` package,
driven here by its JSON protocol: the HTML of each page is sent from memory, nothing is
copied to a folder first) and kept in the cache by a key of its pages' bytes (their
digests, known from rendering: nothing is read to make the key). Editing one organization
makes its parts again, each of about 1/32 of a language's pages: the Greek one, the English
one, or both, made at the same time by two Pagefind processes (Pagefind indexes on one
core; a part of both languages took it twice as long). The other parts come from the cache,
or stay in the output folder that the build updates in place. A visitor's browser merges
its language's parts only, as many as before the split.

In the output, ``/pagefind/<part>/`` is each part's bundle (the folder is named by its
key) and ``/pagefind/parts.json`` lists the parts of each language; the search page loads
Pagefind from the first part of its language and merges the others (``mergeIndex``: the
merged parts load their index files only, not Pagefind's program). A part has an index
for its own language, and is listed for it.

Parts are made by as many Pagefind processes as the build has workers
(``kalo.parallel.worker_count``), each holding one part at a time: Pagefind's memory
follows the size of a part (about 75 KB per page), not of the site.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kalo.files import write_atomic
from kalo.i18n import lang_prefix
from kalo.output import Output
from kalo.parallel import worker_count
from kalo.problems import Problem, raise_if_errors
from search.select import IndexedPage, mark_body

log = logging.getLogger(__name__)

# Changes when what this module does to a bundle changes (invalidates cached parts).
BUNDLE_FORMAT = 5

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
ENTRY = "pagefind-entry.json"
PARTS_FILE = "parts.json"
# Parts kept in the cache besides those of the last build.
KEPT_PARTS = 64


def pagefind_binary(configured: str | None) -> Path:
    if configured:
        if not Path(configured).is_file():
            _fail(
                f"the Pagefind binary {configured} (SEARCH_PAGEFIND_BINARY) does not exist.",
                f"το πρόγραμμα Pagefind {configured} (SEARCH_PAGEFIND_BINARY) δεν υπάρχει.",
            )
        return Path(configured)
    binary = _installed_pagefind()
    if binary is None or not Path(binary).exists():
        _fail(
            "the Pagefind binary is missing: install the pinned `pagefind[extended]` "
            "(make setup) or set SEARCH_PAGEFIND_BINARY.",
            "λείπει το πρόγραμμα Pagefind: εγκαταστήστε το `pagefind[extended]` (make setup) "
            "ή ορίστε το SEARCH_PAGEFIND_BINARY.",
        )
    return Path(binary)


def _installed_pagefind() -> Path | None:
    """The binary of the pinned ``pagefind_bin_extended`` package, asked of it directly:
    ``pagefind.service`` finds the same one but imports asyncio first (12 ms a build).
    Anything else (``PAGEFIND_BINARY_PATH``, another wheel, one on the PATH) is left to
    ``pagefind.service``, as before."""
    if not os.environ.get("PAGEFIND_BINARY_PATH"):
        try:
            from pagefind_bin_extended import get_executable as extended
        except ImportError:
            pass
        else:
            try:
                return Path(extended())
            except FileNotFoundError:
                pass
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    return get_executable()


# --- the parts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    key: str  # of its pages' addresses, languages and bytes, and of how they are indexed
    pages: tuple[IndexedPage, ...]
    languages: tuple[str, ...]

    @property
    def folder(self) -> str:
        """Its folder in the bundle (named by its key: a browser may cache it for ever)."""
        return self.key[:16]


def _neutral(page: IndexedPage) -> str:
    """The page's address without its language prefix: translations get the same part
    number (each in its language's part)."""
    url = page.url.lstrip("/")
    prefix = lang_prefix(page.lang)
    return url[len(prefix) :] if prefix and url.startswith(prefix) else url


def plan_parts(
    pages: Sequence[IndexedPage], digests: Sequence[bytes], options: dict, binary: Path
) -> list[Part]:
    """The parts of the index (by number, then language), each with its key, in a stable
    order."""
    addresses = sorted({_neutral(page) for page in pages})
    size = max(1, int(options["SEARCH_PART_SIZE"]))
    count = max(1, min(int(options["SEARCH_MAX_PARTS"]), -(-len(addresses) // size)))
    groups: dict[tuple[int, str], list[tuple[IndexedPage, bytes]]] = {}
    for page, digest in zip(pages, digests, strict=True):
        number = int(hashlib.sha256(_neutral(page).encode()).hexdigest()[:8], 16) % count
        groups.setdefault((number, page.lang), []).append((page, digest))
    made = binary.stat()
    setup = repr(
        (BUNDLE_FORMAT, tuple(options["SEARCH_EXCLUDE_SELECTORS"]), made.st_size, made.st_mtime_ns)
    )
    parts = []
    for number in sorted(groups):
        members = sorted(groups[number], key=lambda item: (item[0].path, item[0].lang))
        key = hashlib.sha256(setup.encode())
        for page, digest in members:
            key.update(f"{page.path}\0{page.url}\0{page.lang}\0".encode() + digest)
        parts.append(
            Part(
                key.hexdigest(),
                tuple(page for page, _ in members),
                tuple(sorted({page.lang for page, _ in members})),
            )
        )
    return parts


def missing_parts(parts: Sequence[Part], cache: Path) -> list[Part]:
    return [part for part in parts if not _whole(cache / part.key)]


def _whole(bundle: Path) -> bool:
    """Is this a whole bundle: an entry that names its languages, each with its files?"""
    try:
        languages = json.loads((bundle / ENTRY).read_bytes())["languages"]
        return bool(languages) and all(
            (bundle / f"pagefind.{language['hash']}.pf_meta").stat().st_size > 0
            and (bundle / f"wasm.{language['wasm']}.pagefind").stat().st_size > 0
            for language in languages.values()
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def index_parts(
    parts: Sequence[Part],
    options: dict,
    cache: Path,
    readable: Callable[[str], Path],
    binary: Path,
    workers: int = 1,
) -> None:
    """Make the bundle of each part into ``cache/<key>/`` with Pagefind's service, on up
    to ``workers`` Pagefind processes at once. ``readable(path)``: where a page is."""
    if not parts:
        return
    todo = list(parts)
    lock = threading.Lock()
    failures: list[BaseException] = []

    def work() -> None:
        while True:
            with lock:
                if not todo or failures:
                    return
                part = todo.pop(0)
            try:
                _index_part(part, options, cache, readable, binary)
            except BaseException as error:  # noqa: BLE001 - raised below, in this thread
                with lock:
                    failures.append(error)
                return

    threads = [threading.Thread(target=work) for _ in range(max(1, min(workers, len(todo))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def _index_part(
    part: Part, options: dict, cache: Path, readable: Callable[[str], Path], binary: Path
) -> None:
    """One part's bundle, written under a temporary name and renamed into the cache (a
    reader never sees half of it)."""
    target = cache / part.key
    made = cache / f".{part.key}.{os.getpid()}-{threading.get_ident()}.tmp"
    shutil.rmtree(made, ignore_errors=True)
    with _Service(binary, options["SEARCH_TIMEOUT"]) as service:
        index = service.request(
            {
                "type": "NewIndex",
                "config": {"exclude_selectors": list(options["SEARCH_EXCLUDE_SELECTORS"])},
            }
        )["index_id"]
        sent = []
        for page in part.pages:  # one page in memory at a time
            html = mark_body(readable(page.path).read_text(encoding="utf-8"))
            sent.append(
                service.send(
                    {
                        "type": "AddFile",
                        "index_id": index,
                        "url": "/" + page.url.lstrip("/"),
                        "file_path": None,
                        "file_contents": html,
                    }
                )
            )
        for number in sent:
            service.wait(number)
        # The files come back in the answer and are written here: with WriteFiles, some
        # parts (2 of 16 at 1,000 organizations) had an empty pagefind-entry.json once
        # Pagefind had ended, and the search page found nothing.
        files = service.request({"type": "GetFiles", "index_id": index}).get("files") or []
    try:
        for file in files:
            name = file["path"]
            if name in UNUSED_BUNDLE_FILES:
                continue
            path = made / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(file["content"]))
    except BaseException:
        shutil.rmtree(made, ignore_errors=True)
        raise
    if not _whole(made):
        shutil.rmtree(made, ignore_errors=True)
        _fail("Pagefind made no index", "το Pagefind δεν έφτιαξε ευρετήριο")
    shutil.rmtree(target, ignore_errors=True)  # a damaged entry (not whole)
    try:
        made.rename(target)
    except OSError:  # another build stored the same part meanwhile: use that one
        shutil.rmtree(made, ignore_errors=True)


def place_parts(parts: Sequence[Part], bundle: str, cache: Path, written: Output) -> None:
    """Every part's files into the output (kept where the output has them, else linked
    from the cache), and ``parts.json``, the parts of each language in order."""
    for part in parts:
        source = cache / part.key
        os.utime(source)  # the newest: kept in the cache
        for folder, _dirs, files in os.walk(source):
            relative = os.path.relpath(folder, source).replace(os.sep, "/")
            into = f"{bundle}/{part.folder}" + ("" if relative == "." else f"/{relative}")
            for name in files:
                written.place(f"{into}/{name}", os.path.join(folder, name), part.key)
    languages = sorted({lang for part in parts for lang in part.languages})
    listing = {
        lang: [f"{part.folder}/" for part in parts if lang in part.languages] for lang in languages
    }
    write_atomic(
        written.staging / bundle / PARTS_FILE,
        json.dumps(listing, separators=(",", ":"), sort_keys=True),
    )


def prune(cache: Path, parts: Sequence[Part]) -> None:
    """Keep this build's parts and the newest ``KEPT_PARTS`` others."""
    used = {part.key for part in parts}
    others = sorted(
        (
            path
            for path in cache.iterdir()
            if path.is_dir() and not path.name.startswith(".") and path.name not in used
        ),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for stale in others[KEPT_PARTS:]:
        shutil.rmtree(stale, ignore_errors=True)


def build_index(
    output: Path,
    pages: list[IndexedPage],
    options: dict,
    cache: Path,
    written: Output | None = None,
    digests: Sequence[bytes] | None = None,
    settings: dict | None = None,
) -> None:
    """Index ``pages`` of ``output`` into ``output/<SEARCH_BUNDLE_DIR>/`` (see the module's
    doc), in this process; ``digests``: each page's bytes' digest (else read)."""
    written = written or Output(output)
    binary = pagefind_binary(options["SEARCH_PAGEFIND_BINARY"])
    if not pages:  # a new site with no content yet: nothing to search
        log.warning("search: no page to index yet; the search page will find nothing")
        return
    if digests is None:
        digests = [written.digest(output / page.path) for page in pages]
    parts = plan_parts(pages, digests, options, binary)
    missing = missing_parts(parts, cache)
    index_parts(
        missing,
        options,
        cache,
        lambda path: written.readable(output / path),
        binary,
        worker_count(len(missing), settings=settings, parallel_from=2),
    )
    finish_index(parts, output, options, cache, written, len(missing))


def finish_index(
    parts: Sequence[Part], output: Path, options: dict, cache: Path, written: Output, made: int
) -> None:
    place_parts(parts, options["SEARCH_BUNDLE_DIR"], cache, written)
    prune(cache, parts)
    log.info(
        "search: %d pages in %d parts (%d made, the others from the cache) into /%s/",
        sum(len(part.pages) for part in parts),
        len(parts),
        made,
        options["SEARCH_BUNDLE_DIR"],
    )


# --- Pagefind's service ------------------------------------------------------------------


class _Service:
    """``pagefind --service``: requests and responses are base64-encoded JSON, each followed
    by a comma, on its standard input and output (the protocol of the ``pagefind`` Python
    package, whose own client waits 0.1 s between two responses: 100 s for 1,000 pages).
    Requests are written as they come; a thread reads the responses."""

    def __init__(self, binary: Path, timeout: float):
        self.errors = tempfile.TemporaryFile()  # a pipe nobody reads could fill up
        try:
            self.process = subprocess.Popen(
                [str(binary), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.errors,
            )
        except OSError as error:
            self.errors.close()
            _fail(f"Pagefind could not run: {error}", f"το Pagefind δεν έτρεξε: {error}")
        self.timeout = timeout
        self.number = 0
        self.responses: dict[int | None, dict] = {}
        self.ready = threading.Condition()
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def __enter__(self) -> _Service:
        return self

    def __exit__(self, *_exc) -> None:
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)
        self.process.stdout.close()
        self.errors.close()

    def _read(self) -> None:
        pending = b""
        while True:
            chunk = self.process.stdout.read1(1 << 20)
            if not chunk:
                break
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                response = json.loads(base64.b64decode(message))
                with self.ready:
                    self.responses[response.get("message_id")] = response["payload"]
                    self.ready.notify_all()
        with self.ready:
            self.closed = True
            self.ready.notify_all()

    def send(self, payload: dict) -> int:
        self.number += 1
        message = json.dumps({"message_id": self.number, "payload": payload})
        try:
            self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        except OSError as error:
            self._failed(str(error))
        return self.number

    def wait(self, number: int) -> dict:
        try:
            self.process.stdin.flush()
        except OSError as error:
            self._failed(str(error))
        with self.ready:
            done = self.ready.wait_for(
                lambda: number in self.responses or None in self.responses or self.closed,
                timeout=self.timeout,
            )
            response = self.responses.pop(number, None) or self.responses.get(None)
        if not done:
            self.process.kill()
            self._failed(f"no answer in {self.timeout} s (SEARCH_TIMEOUT)")
        if response is None:
            self._failed("it stopped")
        if response.get("type") == "Error":
            self._failed(response.get("message", ""))
        return response

    def request(self, payload: dict) -> dict:
        return self.wait(self.send(payload))

    def _failed(self, detail: str) -> None:
        if self.process.poll() is not None:
            self.errors.seek(0)
            detail += " " + self.errors.read().decode("utf-8", "replace")[-2000:]
        _fail(
            f"Pagefind failed: {detail.strip()}",
            f"το Pagefind απέτυχε: {detail.strip()}",
        )


def _fail(message: str, message_el: str) -> None:
    """Stop the build the project's way: a clear message, exit code 1, no traceback."""
    raise_if_errors([Problem("plugins/search", None, None, message, message_el)])
