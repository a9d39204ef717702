"""One Pelican run of the site kept in memory, brought up to date file by file.

``PreviewSite.build()`` runs Pelican as ``kalo.build`` does, but straight into the served
folder (no staging folder, no swap), and keeps the generators, their models and the shared
context. ``update(paths)`` takes changed files in:

1. every live generator (``kalo.live``) re-reads and re-validates what changed and writes
   first the pages that show it (a profile in both languages, its partners' profiles, the
   sessions that name it);
2. then the rest of the site is written as a build writes it: the plugins' generators that
   are not live read the context again, and every generator writes its output, the pages whose
   description did not change skipped (``kalo.live.LivePages``); HTML pages the last run
   wrote and this one did not (a removed session) are deleted;
3. what Pelican's ``finalized`` signal does (the sitemap, the SEO report, the search index)
   runs later, in a forked process, when the site has been quiet for a moment
   (``finish_if_due``): it never holds back the next save.

A change that no live generator claims (a template, a static page, an image, the code), a
live generator that cannot take it in (``NeedsFullBuild``), a new day, or a failed update
the last time give a full build, into the served folder too, reusing every page whose
description did not change. Content mistakes raise ``ContentErrors`` and leave the served
pages as they were.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import signal
import sys
import time
import traceback
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.writers import FileOverwriteFailedError, Writer

from kalo import incremental
from kalo.files import replacing
from kalo.live import LIVE_PAGES, PREVIEW_HEADERS, LiveGenerator, LivePages, NeedsFullBuild

# Quiet time after the last update before the search index and the SEO report are made.
FINISH_AFTER = 1.0


@dataclass
class Update:
    """What one build or update did: ``first``, the pages written first (output paths)."""

    full: bool
    first: list[str] = field(default_factory=list)
    first_seconds: float = 0.0
    seconds: float = 0.0
    reason: str = ""


@dataclass
class _Run:
    pelican: Pelican
    settings: dict
    context: dict
    generators: list
    today: datetime.date
    input_files: str = ""  # the site's own input files' digest the pages are kept under


class PreviewSite:
    def __init__(
        self,
        settings_file: Path,
        input_dir: Path,
        org_dir: Path,
        output_dir: Path,
        extra: dict | None = None,
    ):
        self.settings_file = Path(settings_file).resolve()
        self.input_dir = Path(input_dir).resolve()
        self.org_dir = Path(org_dir).resolve()
        self.output = Path(output_dir).resolve()
        self.extra = dict(extra or {})
        self.pages = LivePages()
        self.run: _Run | None = None
        self.written: set[str] = set()  # the HTML pages of the last complete run
        self._noting: set[str] | None = None
        self.finish_due: float | None = None
        self.finisher: int | None = None  # the process making the search index and report
        self.header_function = None  # declared by a plugin (kalo.live.PREVIEW_HEADERS)
        signals.content_written.connect(self._note_written)

    # --- the settings and the headers ---

    def settings(self) -> dict:
        from pelican.settings import read_settings

        overrides = {
            "PATH": str(self.input_dir),
            "ORG_PATH": str(self.org_dir),
            "OUTPUT_PATH": str(self.output),
            "DELETE_OUTPUT_DIRECTORY": False,  # the served folder is written in place
            **self.extra,
            LIVE_PAGES: self.pages,
        }
        settings = read_settings(str(self.settings_file), override=overrides)
        return settings

    def headers(self, path: str) -> dict:
        """The HTTP headers of an address, as a plugin declared them."""
        function = self.header_function
        return function(path) if function is not None else {}

    # --- a full build ---

    def build(self, reason: str = "") -> Update:
        started = time.perf_counter()
        self.run = None  # until it succeeded, the next change builds everything again
        self.output.mkdir(parents=True, exist_ok=True)
        settings = self.settings()
        # The pages in the served folder are the preview's: never reused by `make html`.
        incremental.forget(settings, self.output)
        pelican = Pelican(settings)  # registers the plugins; sends `initialized`
        self.header_function = settings.get(PREVIEW_HEADERS)
        self.pages.site = incremental.input_fingerprint(
            settings, self.settings_file, without_page_data=True
        )
        files = incremental.input_files_digest(settings, self.settings_file, without_page_data=True)
        context = settings.copy()  # as Pelican.run() does
        context["generated_content"] = {}
        context["static_links"] = set()
        context["static_content"] = {}
        context["localsiteurl"] = settings["SITEURL"]
        generators = [
            cls(
                context=context,
                settings=settings,
                path=pelican.path,
                theme=pelican.theme,
                output_path=pelican.output_path,
            )
            for cls in pelican._get_generator_classes()
        ]
        _read_contexts(generators)
        signals.all_generators_finalized.send(generators)
        _refresh_links(generators)
        run = _Run(pelican, settings, context, generators, datetime.date.today(), files)
        self._write_rest(run, initialized=False)
        self.run = run
        self._finish_later()
        return Update(True, seconds=time.perf_counter() - started, reason=reason)

    # --- an update ---

    def update(self, paths: Iterable[Path], on_first=None) -> Update:
        """Take changed files in; ``on_first(update)`` is called once the first pages are
        written (the preview tells the browsers then)."""
        paths = sorted({Path(p) for p in paths})
        run = self.run
        if run is None:
            return self.build("the last build or update did not finish")
        if datetime.date.today() != run.today:
            return self.build("a new day")
        live = [g for g in run.generators if isinstance(g, LiveGenerator)]
        unclaimed = [p for p in paths if not any(g.live_claims(p) for g in live)]
        if unclaimed:
            return self.build(f"{_shown(unclaimed[0])} changed")
        started = time.perf_counter()
        try:
            for number, generator in enumerate(live):
                if number:
                    self.run = None  # a failure now would leave the generators out of step
                generator.live_update(paths)
        except NeedsFullBuild as request:
            return self.build(str(request))
        # The site's own input files, as a build takes them: a saved session is one (the
        # pages that show the programme do not describe it), a saved profile is not (its
        # pages describe what they show of it). Pages are kept only under the same inputs.
        files = incremental.input_files_digest(
            run.settings, self.settings_file, without_page_data=True
        )
        if files != run.input_files:
            self.pages.site = hashlib.sha256(f"{self.pages.site}\0{files}".encode()).hexdigest()
            run.input_files = files
        writer = _served_folder_writer(run.pelican)
        first = []
        for generator in live:
            first += generator.live_write_first(writer)
        update = Update(False, first, time.perf_counter() - started)
        if on_first is not None:
            on_first(update)
        self.run = None
        _read_contexts([g for g in run.generators if _reads_again(g)])
        _refresh_links(run.generators)
        self._write_rest(run, initialized=True)
        self.run = run
        self._finish_later()
        update.seconds = time.perf_counter() - started
        return update

    def _write_rest(self, run: _Run, initialized: bool) -> None:
        """Every generator's output, as Pelican.run() writes it; the plugins that collect
        written pages (sitemap, SEO, search) start a new collection first."""
        if initialized:
            signals.initialized.send(run.pelican)
        self._noting = set()
        try:
            writer = _served_folder_writer(run.pelican)
            for generator in run.generators:
                if hasattr(generator, "generate_output"):
                    generator.generate_output(writer)
            written, self._noting = self._noting, None
        finally:
            self._noting = None
        for gone in sorted(self.written - written):  # pages of removed content
            Path(gone).unlink(missing_ok=True)
        self.written = written
        # The output folder's identity changes: no build record describes it any more.
        os.utime(self.output)

    def _note_written(self, path, context=None) -> None:
        if self._noting is not None and str(path).startswith(str(self.output) + os.sep):
            self._noting.add(str(path))

    # --- the search index and the SEO report, in the background ---

    def _finish_later(self) -> None:
        self.finish_due = time.monotonic() + FINISH_AFTER

    @property
    def busy(self) -> bool:
        """Is background work due or running?"""
        self.reap()
        return self.finish_due is not None or self.finisher is not None

    def reap(self) -> None:
        if self.finisher is None:
            return
        try:
            pid, status = os.waitpid(self.finisher, os.WNOHANG)
        except ChildProcessError:
            pid, status = self.finisher, 0
        if pid:
            self.finisher = None
            if os.waitstatus_to_exitcode(status) not in (0, -signal.SIGTERM):
                print("The search index or the SEO report failed (above).", file=sys.stderr)

    def finish_if_due(self) -> None:
        """Start the finishing work when it is due, the site quiet and none is running."""
        self.reap()
        if self.finish_due is None or self.finisher is not None or self.run is None:
            return
        if time.monotonic() < self.finish_due:
            return
        self.finish_due = None
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 0
            try:
                os.setpgid(0, 0)  # stopped with everything it starts (Pagefind)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signals.finalized.send(self.run.pelican)
            except BaseException:  # noqa: BLE001 - reported, then the child ends
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        self.finisher = pid

    def stop(self) -> None:
        """Stop the background work (and what it started)."""
        if self.finisher is not None:
            try:
                os.killpg(self.finisher, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                os.waitpid(self.finisher, 0)
            except ChildProcessError:
                pass
            self.finisher = None
        signals.content_written.disconnect(self._note_written)


class _ServedFolderWriter(Writer):
    """Pelican's writer for the served folder: each file it writes (the static pages, the
    home pages) is made beside its place and renamed over it, so a browser reading it
    meanwhile gets the old page or the new one, never half of one (the plugins' pages
    are written so by ``kalo.pages``). A file is written, skipped or refused as Pelican's
    own writer does (``_open_w``: a file written twice needs ``override``)."""

    def _open_w(self, filename, encoding, override=False):
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'"{filename}" overwritten a second time')
            return open(os.devnull, "w", encoding=encoding)  # the overriding page stays
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(f'"{filename}" written twice')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _replacing_text(filename, encoding)


@contextmanager
def _replacing_text(filename, encoding: str):
    with replacing(filename) as temporary, open(temporary, "w", encoding=encoding) as handle:
        yield handle


def _served_folder_writer(pelican: Pelican) -> Writer:
    return _ServedFolderWriter(pelican.output_path, settings=pelican.settings)


def _read_contexts(generators) -> None:
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
        if hasattr(generator, "check_disabled_readers"):
            generator.check_disabled_readers()


def _reads_again(generator) -> bool:
    """After a live update, the generators that are not live read the context again (it
    changed under them), except Pelican's own: they read only the content folder's pages
    and static files, which no live generator claims (a change there is a full build)."""
    own = type(generator).__module__.split(".")[0] == "pelican"
    return not own and not isinstance(generator, LiveGenerator)


def _refresh_links(generators) -> None:
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
