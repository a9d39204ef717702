"""Where a build writes, and how its output replaces the previous one.

A build writes into a staging folder beside the output folder (``OUTPUT_PATH`` is the
staging folder); nothing reaches the output folder before the whole build succeeded.
Then one of two things happens:

* **Fresh** (no previous output, or one this build may not reuse): the staging folder
  holds the whole site and replaces the output folder with two renames. The previous
  folder is deleted afterwards (``kalo.build``'s command line leaves that to a process
  of its own, after the build has returned).
* **In place** (an incremental build whose output folder is exactly as the last build
  left it): the staging folder receives only what this build made again. What did not
  change stays where it is: a generator that knows a file of the output is still right
  ``keep``s it (same token as when it was written). Once the build succeeded, every new
  file is renamed over the old one (each file is replaced whole: a reader sees the old
  page or the new one), and the files this build no longer makes are deleted. The work
  follows the size of the edit, not of the site. Signals that would stop the process
  (Ctrl+C) wait for the end of these renames, which take milliseconds.

What a build leaves is recorded in ``<KALO_CACHE_DIR>/build/output-<key>.pickle``: every
file with its token (what it was made from: a page's fingerprint, a cached file's key;
``None`` for files written without one), the digests of the pages' bytes (the SEO and
search steps key their work by them, without reading the pages again), and the identity
of every folder (inode, mtime, ctime). A build updates the output in place only when the
record exists and every folder is still as recorded: a file added, removed or renamed
anywhere by other means makes the next build fresh. The record is removed before a build
starts and written only after it succeeded, so a failed build never describes an output.

Plugins reach the build's ``Output`` with ``output_of(settings)``; it knows the staging
folder, the folder being replaced, and what was kept or written with a token.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kalo.cache import cache_dir, path_key
from kalo.files import write_atomic
from kalo.incremental import REUSE_PAGES, file_digest

FORMAT = 1
log = logging.getLogger(__name__)

# The Output of each running build, by its staging folder: signals carry no build object.
_builds: dict[str, Output] = {}


def _rel(path: str | Path, root: Path) -> str:
    path, root = str(path), str(root)
    if path.startswith(root + "/"):
        return path[len(root) + 1 :]
    return os.path.relpath(path, root).replace(os.sep, "/")


class Output:
    """One build's output: the staging folder, and what the previous output gives it."""

    def __init__(
        self,
        staging: Path,
        target: Path | None = None,
        previous: dict | None = None,
        *,
        reuse: bool = True,
        incremental: bool = False,
        record: bool = False,
        settings: dict | None = None,
    ):
        self.staging = Path(staging)
        self._staging = str(staging)
        self.target = Path(target) if target is not None else None
        # The previous output's record when this build updates it in place, else None.
        self.previous = previous
        # False: a plugin post-processes written files; none may be kept or reused.
        self.reuse = reuse
        # Files made by earlier builds may be reused (from the output or from caches).
        self.incremental = incremental and reuse
        # Pages get fingerprints (recorded as their tokens) for this build or the next.
        self.fingerprints = reuse and (incremental or record) and settings is not None
        self.settings = settings
        self._site: str | None = None
        self._on_success: list = []
        self.kept: dict[str, str] = {}  # files left in the output folder, with their token
        self.tokens: dict[str, str] = {}  # files written into staging with a token
        self.digests: dict[str, bytes] = {}  # pages' bytes, by output-relative path
        self._lock = threading.Lock()

    @property
    def in_place(self) -> bool:
        return self.previous is not None

    # --- for the generators ------------------------------------------------------------

    def site_fingerprint(self) -> str:
        """The fingerprint of the site's inputs without those whose pages describe their
        own part (``kalo.incremental.input_fingerprint``), made once per build."""
        if self._site is None:
            from kalo.incremental import input_fingerprint  # noqa: PLC0415

            settings = self.settings or {}
            self._site = input_fingerprint(
                settings, Path(settings.get("KALO_SETTINGS_FILE") or "."), without_page_data=True
            )
        return self._site

    def previous_token(self, rel: str) -> str | None:
        return self.previous["files"].get(rel) if self.previous is not None else None

    def keep(self, rel: str, token: str, digest: bytes | None = None) -> bool:
        """Leave the output's file ``rel`` as it is, if it was made with this ``token``.
        False when it must be made again (into the staging folder)."""
        if self.previous is None or token is None or self.previous["files"].get(rel) != token:
            return False
        self.kept[rel] = token
        known = self.previous["digests"].get(rel) if digest is None else digest
        if known is not None:
            self.digests[rel] = known
        return True

    def keep_all(self, tokens: dict[str, str]) -> bool:
        """``keep`` for many files at once (the image step's 20,000 at 1,000
        organizations), if the output holds every one of them, made with its token and not
        yet handled in this build; False (and nothing kept) otherwise."""
        if self.previous is None or not tokens.items() <= self.previous["files"].items():
            return False
        if not self.kept.keys().isdisjoint(tokens) or not self.tokens.keys().isdisjoint(tokens):
            return False
        self.kept.update(tokens)
        known = self.previous["digests"]
        self.digests.update((rel, known[rel]) for rel in tokens if rel in known)
        return True

    def place(self, rel: str, source: str | Path, token: str) -> bool:
        """The file ``rel`` is the cached file ``source`` (named by its ``token``): kept if
        the output already has it, else hard-linked (copied across file systems) into
        the staging folder. False only when ``source`` does not exist."""
        if rel in self.kept or rel in self.tokens or self.keep(rel, token):
            return True
        target = os.path.join(self._staging, rel)
        try:
            _link(source, target)
        except FileNotFoundError:
            if not os.path.exists(source):
                return False
            os.makedirs(os.path.dirname(target), exist_ok=True)
            _link(source, target)
        self.tokens[rel] = token
        return True

    def wrote(self, rel: str, token: str | None = None, digest: bytes | None = None) -> None:
        """A file the caller wrote into the staging folder, made from ``token``."""
        if token is not None:
            self.tokens[rel] = token
        if digest is not None:
            self.digests[rel] = digest

    def digest(self, path: str | Path) -> bytes:
        """The SHA-256 of a written file's bytes: known without reading it for the pages
        of ``kalo.pages``, else read (once per build: ``kalo.incremental.file_digest``)."""
        known = self.digests.get(_rel(path, self.staging))
        return known if known is not None else file_digest(self.readable(path))

    def readable(self, path: str | Path) -> Path:
        """Where a file of this build can be read: in the staging folder, or in the output
        folder for a file kept there."""
        path = Path(path)
        if self.target is not None and not path.exists():
            rel = _rel(path, self.staging)
            if rel in self.kept:
                return self.target / rel
        return path

    # --- for kalo.build ----------------------------------------------------------------

    def on_success(self, callback) -> None:
        """``callback()`` once the build's output has replaced the previous one (for
        caches that must describe only what a successful build made)."""
        self._on_success.append(callback)

    def finish(self, background_cleanup: bool = False) -> None:
        """The build succeeded: its output replaces the previous one."""
        if self.target is None:
            return
        if self.in_place:
            files = self._apply()
        else:
            files = {
                rel: self.tokens.get(rel)
                for rel in _swap(self.staging, self.target, background_cleanup)
            }
        self.record = {
            "files": files,
            "digests": {rel: self.digests[rel] for rel in files if rel in self.digests},
        }
        for callback in self._on_success:
            callback()

    def _apply(self) -> dict[str, str | None]:
        """Rename every new file over the old one, delete what this build did not make."""
        staged, staged_dirs = _walk(self.staging)
        files: dict[str, str | None] = dict(self.kept)
        for rel in staged:
            files[rel] = self.tokens.get(rel)
        removed = [rel for rel in self.previous["files"] if rel not in files]
        known_dirs = set(self.previous["dirs"])
        # Folders whose entries change, and their parents: their identity is taken again.
        self.touched = set()
        for rel in (*staged, *removed):
            parent = rel.rpartition("/")[0]
            while parent and parent not in self.touched:
                self.touched.add(parent)
                parent = parent.rpartition("/")[0]
        with _signals_held():
            for rel in staged_dirs:
                if rel not in known_dirs:
                    try:
                        os.mkdir(self.target / rel)
                    except FileExistsError:
                        pass
            for rel in staged:
                os.replace(self.staging / rel, self.target / rel)
            emptied = set()
            for rel in removed:
                try:
                    os.unlink(self.target / rel)
                except FileNotFoundError:
                    pass
                except IsADirectoryError:  # a file of the last build is a folder now
                    shutil.rmtree(self.target / rel, ignore_errors=True)
                parent = rel.rpartition("/")[0]
                if parent:
                    emptied.add(parent)
            for folder in sorted(emptied, key=lambda f: -f.count("/")):
                _remove_empty(self.target, folder)
        log.info(
            "output: %d files replaced or added, %d kept, %d removed",
            len(staged),
            len(self.kept),
            len(removed),
        )
        if os.environ.get("KALO_OUTPUT_DEBUG"):
            from collections import Counter

            tops = Counter(rel.split("/")[0] for rel in staged)
            log.info("output: replaced by folder: %s", dict(tops.most_common(12)))
        return files


def _link(source: str | Path, target: str | Path) -> None:
    """Hard-link ``source`` as ``target`` (copy it across file systems); raises
    FileNotFoundError when either folder or the source is missing."""
    try:
        os.link(source, target)
    except (FileExistsError, FileNotFoundError):
        if not os.path.exists(target):
            raise
    except OSError:
        shutil.copyfile(source, target)


def _remove_empty(root: Path, folder: str) -> None:
    """Remove ``folder`` and its parents while they are empty."""
    while folder:
        try:
            os.rmdir(root / folder)
        except OSError:  # not empty (or gone)
            return
        folder = folder.rpartition("/")[0]


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl+C and SIGTERM wait until the block is done (the main thread only)."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _walk(root: Path) -> tuple[list[str], list[str]]:
    """Every file and every folder under ``root``, relative, parents before children."""
    files: list[str] = []
    dirs: list[str] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        with os.scandir(root / rel if rel else root) as entries:
            for entry in entries:
                name = f"{rel}/{entry.name}" if rel else entry.name
                if entry.is_dir(follow_symlinks=False):
                    dirs.append(name)
                    stack.append(name)
                else:
                    files.append(name)
    return files, dirs


def _swap(staging: Path, target: Path, background_cleanup: bool) -> list[str]:
    """Replace ``target`` by ``staging`` with two renames; delete the previous folder.
    Returns the files of the new output."""
    files, _ = _walk(staging)
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}-{id(staging)}")
        target.rename(old)
    staging.rename(target)
    staging.mkdir()  # kalo.build removes it; it is empty
    if old is not None:
        delete_later(old) if background_cleanup else shutil.rmtree(old, ignore_errors=True)
    return files


def delete_later(folder: Path) -> None:
    """Delete ``folder`` in a process of its own, which outlives this one: the build
    returns without waiting (deleting 30,000 files takes seconds on a busy disk)."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)", folder],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


# --- the record of an output folder ----------------------------------------------------


def _record_file(settings: dict, output_dir: Path) -> Path:
    return cache_dir(settings, "build") / f"output-{path_key(output_dir)}.pickle"


def _dir_stamps(root: Path, dirs) -> dict[str, tuple[int, int, int]] | None:
    stamps = {}
    top = str(root)  # joined as text: some 5,000 folders at 1,000 organizations
    for rel in dirs:
        try:
            stat = os.stat(os.path.join(top, rel) if rel else top)
        except OSError:
            return None
        stamps[rel] = (stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns)
    return stamps


def read_record(settings: dict, output_dir: Path) -> dict | None:
    """The record of ``output_dir``, if the folder is still exactly as it describes."""
    try:
        record = pickle.loads(_record_file(settings, output_dir).read_bytes())
    except Exception:  # missing, damaged or of another version: no record
        return None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return None
    if _dir_stamps(output_dir, record["dirs"]) != record["dirs"]:
        return None
    return record


def forget(settings: dict, output_dir: Path) -> None:
    """Before a build changes anything: no record until it succeeded."""
    _record_file(settings, output_dir).unlink(missing_ok=True)


def remember(settings: dict, output: Output) -> None:
    """After a successful build: what its output folder holds."""
    files = output.record["files"]
    touched = getattr(output, "touched", None)
    if output.in_place and touched is not None:
        # Only the folders this build changed are looked at again; the others are as the
        # last record says (they were checked before the build).
        stamps = dict(output.previous["dirs"])
        for rel in touched | {""}:
            try:
                stat = os.stat(output.target / rel if rel else output.target)
            except OSError:
                stamps.pop(rel, None)  # emptied and removed
                continue
            stamps[rel] = (stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns)
    else:
        dirs = {""}
        for rel in files:
            parent = rel.rpartition("/")[0]
            while parent and parent not in dirs:
                dirs.add(parent)
                parent = parent.rpartition("/")[0]
        stamps = _dir_stamps(output.target, sorted(dirs))
    if stamps is None:  # changed meanwhile: describe nothing
        return
    record = {
        "format": FORMAT,
        "reusable": output.reuse,
        "files": files,
        "digests": output.record["digests"],
        "dirs": stamps,
    }
    write_atomic(
        _record_file(settings, output.target),
        pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL),
    )


# --- the registry ----------------------------------------------------------------------


def begin(
    settings: dict, staging: Path, output_dir: Path, *, incremental: bool, record: bool
) -> Output:
    """The Output of a build into ``staging`` that replaces ``output_dir``. ``incremental``:
    reuse what earlier builds made, and update the output folder in place if it is as the
    last build left it; ``record``: the build will be recorded (``remember``). The record
    read stays until the caller ``forget``s it, before anything changes the output folder
    (``kalo.build``: once it knows the build has something to do)."""
    reuse = bool(settings.get(REUSE_PAGES, True))
    previous = read_record(settings, output_dir) if (incremental and reuse) else None
    if previous is not None and not previous.get("reusable"):
        previous = None
    output = Output(
        staging,
        output_dir,
        previous,
        reuse=reuse,
        incremental=incremental,
        record=record,
        settings=settings,
    )
    _builds[str(staging)] = output
    return output


def end(output: Output) -> None:
    _builds.pop(str(output.staging), None)


def output_of(settings) -> Output:
    """The Output of the build with these settings; a plain one (everything written into
    ``OUTPUT_PATH``, nothing previous) for a build that ``kalo.build`` did not start."""
    staging = str(settings["OUTPUT_PATH"])
    found = _builds.get(staging)
    return found if found is not None else Output(Path(staging), reuse=False)
