"""Build the site with Pelican, atomically, and report content mistakes without tracebacks.

    python -m kalo.build --settings pelicanconf.py --input content --orgs organizations \
        --output output

The site is written into a temporary folder beside the output folder and reaches the
output only when the whole build succeeded, so an interrupted or failed build leaves the
previous site untouched (and CI never publishes half a site): swapped in whole, or, for an
incremental build whose output folder is as the last build left it, applied in place file
by file (``kalo.output``).

Incremental (the command line's default; ``--full`` turns it off; the ``build()`` API
only when asked, so code patched in tests is never skipped): when no input changed since
the last successful build into the same output folder (``kalo.incremental``: content,
organizations, theme, plugins, settings, packages, today's date, and what plugins declare)
there is nothing to do and the output is left as it is; otherwise generators reuse the
pages and files whose fingerprint did not change (``kalo.pages``, ``kalo.output``).

The Pelican object is created before the fingerprint is taken: creating it registers the
plugins and sends Pelican's ``initialized`` signal, where a plugin declares what the build
must fingerprint or must not reuse (``kalo.incremental.declare_input``,
``forbid_page_reuse``); only then is it known whether there is anything to do.
"""

from __future__ import annotations

import gc

if __name__ == "__main__":
    # The imports and the read phase make objects that live until the build ends (56,000
    # for the imports alone): the cyclic garbage collector is paused until reading is done
    # and they are then left out of its scans (``build(freeze_reading=True)``). Afterwards
    # it runs less often than by default (it still runs: rendering leaves cycles behind).
    gc.disable()
    gc.set_threshold(50_000, 20, 100)
    # Pelican without docutils, which only its reStructuredText reader (off) would use.
    from kalo import without_docutils

    without_docutils.install()

import argparse
import functools
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pelican import Pelican

from kalo import early, incremental, timing, without_docutils
from kalo import output as kalo_output
from kalo.i18n import MissingCatalog
from kalo.problems import ContentErrors


def build(
    settings_file: Path,
    input_dir: Path,
    org_dir: Path,
    output_dir: Path,
    extra: dict | None = None,
    *,
    incremental_build: bool = False,
    record: bool | None = None,
    background_cleanup: bool = False,
    freeze_reading: bool = False,
) -> bool:
    """Build into a temporary folder, then replace ``output_dir`` by it (``kalo.output``:
    swapped in, or applied in place when incremental). Returns False when, incremental,
    nothing changed since the last build (nothing was done). ``record`` (default:
    ``incremental_build``): remember this build's inputs and output in the cache, for
    the next incremental build. ``background_cleanup``: a previous output folder that was
    replaced is deleted by a process of its own, after this function has returned.
    ``freeze_reading``: for a process that runs one build (``main``): the cyclic garbage
    collector is paused until the read phase is over, then what was read (the models and
    caches, which live until the build ends) is left out of its scans (``gc.freeze``), and
    the forked writers do not touch it either: a one-profile rebuild at 1,000 organizations
    0.09 s quicker. What was garbage then stays until the process ends (a cold build at
    1,000 organizations: 26,000 objects; an incremental one: some 650)."""
    from pelican.settings import read_settings

    output_dir = output_dir.resolve()
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    if freeze_reading:
        gc.disable()
    timing.start()
    timing.since_start("start-up")
    overrides = {
        "PATH": str(input_dir.resolve()),
        "ORG_PATH": str(org_dir.resolve()),
        "OUTPUT_PATH": str(output_dir),  # replaced by the staging folder below
        # The staging folder is new; Pelican must not try to clean the real output.
        "DELETE_OUTPUT_DIRECTORY": False,
        **(extra or {}),
    }
    settings = read_settings(str(settings_file), override=overrides)
    without_docutils.check(settings, settings_file)
    _cache_compiled_templates(settings)
    record = incremental_build if record is None else record
    staging = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.building-", dir=output_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    output = None
    try:
        # Plugins keep their state of a build by its output folder: the staging folder's
        # name must be known when Pelican (and so every plugin) starts.
        settings["OUTPUT_PATH"] = str(staging)
        settings["KALO_SETTINGS_FILE"] = str(Path(settings_file).resolve())
        with timing.step("plugins"):
            pelican = KaloPelican(settings)
        fingerprinted = incremental_build or record
        if fingerprinted:
            early.declare(
                settings,
                INPUT_FINGERPRINT,
                functools.partial(incremental.input_fingerprint, settings, settings_file),
            )
        # The fingerprint and what plugins declared are taken in a forked process while
        # this one reads the previous output and imports the generators (kalo.early).
        early.start(settings)
        with timing.step("previous output"):
            output = kalo_output.begin(
                settings, staging, output_dir, incremental=incremental_build, record=record
            )
        fingerprint = None
        checked = False

        def inputs_known() -> None:
            """Before anything is read: stop if nothing changed, else forget the records
            of the last build (until this one succeeded)."""
            nonlocal fingerprint, checked
            checked = True
            if fingerprinted:
                with timing.step("input fingerprint"):
                    fingerprint = early.take(settings, INPUT_FINGERPRINT)
                    if fingerprint is None:
                        fingerprint = incremental.input_fingerprint(settings, settings_file)
                if incremental_build and incremental.up_to_date(settings, output_dir, fingerprint):
                    raise _UpToDate
            incremental.forget(settings, output_dir)
            kalo_output.forget(settings, output_dir)

        pelican.before_reading = inputs_known
        if freeze_reading:
            pelican.after_reading = _freeze_what_was_read
        try:
            with timing.step("whole build"):
                pelican.run()
            if not checked:  # in any case before the output folder changes (the swap)
                inputs_known()
        except _UpToDate:
            timing.write()
            return False
        with timing.step("swap"):
            output.finish(background_cleanup)
        if record:
            with timing.step("record"):
                kalo_output.remember(settings, output)
            if fingerprint is not None:
                incremental.remember(settings, output_dir, fingerprint)
        timing.write()
        return True
    finally:
        if freeze_reading:
            gc.enable()
        early.end(settings)
        if output is not None:
            kalo_output.end(output)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _cache_compiled_templates(settings: dict) -> None:
    """Every generator's Jinja environment keeps the templates it compiles in the cache
    (``<KALO_CACHE_DIR>/jinja-<options>/``, by template and source: a changed template is
    compiled again): a build does not compile the theme again. Environments with other
    options (extensions, whitespace) never share a folder."""
    import hashlib

    import jinja2
    from jinja2 import FileSystemBytecodeCache

    from kalo.cache import cache_dir

    options = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if "bytecode_cache" in options:
        return
    described = incremental.stable_repr((sorted(options.items()), jinja2.__version__))
    folder = cache_dir(settings, "jinja-" + hashlib.sha256(described.encode()).hexdigest()[:16])
    folder.mkdir(parents=True, exist_ok=True)
    settings["JINJA_ENVIRONMENT"] = {**options, "bytecode_cache": FileSystemBytecodeCache(folder)}


def _freeze_what_was_read() -> None:
    gc.freeze()
    gc.enable()


# What kalo.early hands over to the build itself.
INPUT_FINGERPRINT = "input fingerprint"


class _UpToDate(Exception):
    """Nothing changed since the last build: there is nothing to do."""


class KaloPelican(Pelican):
    """Pelican with the write phases of the generators that need nothing the others write
    run beside the others (``kalo.write_beside``), and each generator's phases timed for
    the benchmark (``KALO_TIMINGS``). ``before_reading``: called once the generators'
    classes are imported, before any is created (``build`` decides there whether there
    is anything to do); ``after_reading``: called when the read phase is over (Pelican asks
    for its writer)."""

    before_reading = None
    after_reading = None

    def _get_writer(self):
        if self.after_reading is not None:
            self.after_reading()
        return super()._get_writer()

    def _get_generator_classes(self):
        from kalo.write_beside import WritePhase, overlapped

        phase = self._write_phase = WritePhase(self.settings)
        classes = super()._get_generator_classes()
        if self.before_reading is not None:
            self.before_reading()
        if timing.enabled():
            classes = [timing.timed_generator(cls) for cls in classes]
        return [overlapped(cls, phase) for cls in classes]

    def run(self):
        try:
            super().run()
        except BaseException:
            phase = getattr(self, "_write_phase", None)
            if phase is not None:
                phase.abandon()
            raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kalo.build", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--input", type=Path, default=Path("content"))
    parser.add_argument("--orgs", type=Path, default=Path("organizations"))
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument("--debug", action="store_true", help="show Pelican's debug log")
    parser.add_argument(
        "--full",
        action="store_true",
        help="build everything again, reusing nothing of the previous output",
    )
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO,
        format="%(levelname)s: %(message)s",
    )
    if not args.debug:
        logging.getLogger("pelican").setLevel(logging.WARNING)
    started = time.perf_counter()
    try:
        built = build(
            args.settings,
            args.input,
            args.orgs,
            args.output,
            incremental_build=not args.full,
            record=True,
            background_cleanup=True,
            freeze_reading=True,
        )
    except (ContentErrors, MissingCatalog) as errors:
        print(errors, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted; the previous site is untouched.", file=sys.stderr)
        return 130
    if not built:
        print(f"{args.output} is up to date (no input changed); --full builds anyway.")
        return 0
    print(f"Built {args.output} in {time.perf_counter() - started:.1f} s.")
    return 0


def _exit(code: int) -> None:
    """Leave without tearing the build's objects down one by one (hundreds of thousands
    of them: a few tenths of a second): everything is written and flushed first."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _exit(main())
