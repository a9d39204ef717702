"""The live preview: serve the site, take every save in, and reload the browser by itself.

    python -m kalo.devserver --input content --orgs organizations --output output

One process builds the site once and keeps what it read (``kalo.preview.site``). A saved
profile or workshop summary is read and checked again alone, and the pages that show it
are written first, straight into the served folder; the listings, facets, figures and open
data follow, then (in the background, when the site is quiet) the search index and the SEO
report. Any other change (a template, a page, an image, the code) builds the whole site
again, reusing the pages that did not change. The browser reloads the changed pages by
itself (``kalo.preview.server``).

A save with mistakes keeps the last good pages, prints the problems in Greek and English,
and shows them in the browser instead of every page until the next good save.
Ctrl+C (or SIGTERM) stops it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import signal
import sys
import time
import traceback
from pathlib import Path

from kalo.i18n import MissingCatalog
from kalo.preview.server import PreviewServer
from kalo.preview.site import PreviewSite, Update
from kalo.problems import ContentErrors, Problem

ROOT = Path(__file__).resolve().parents[2]
# How often the watcher wakes up when nothing changed (background work, the new day).
TICK_MS = 200


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kalo.devserver")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--input", type=Path, default=ROOT / "content")
    parser.add_argument("--orgs", type=Path, default=ROOT / "organizations")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=JSON",
        help="a setting for this server's builds, e.g. a plugin's (repeatable)",
    )
    args = parser.parse_args(argv)
    # Ctrl+C stops the preview even when whoever started it ignores the signal (a job a
    # shell started in the background inherits SIGINT ignored, and Python keeps that).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    site = PreviewSite(args.settings, args.input, args.orgs, args.output, _extra(args.setting))
    server = None
    try:
        server = PreviewServer(site.output, args.bind, args.port)
        server.start()
        address = f"http://{args.bind}:{args.port}/"
        print(f"Serving {address} (Ctrl+C stops); building the site…", flush=True)
        _apply(server, lambda: site.build("start"))
        _watch(site, server, args)
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
        if server is not None:
            server.stop()
    print("Stopped.", flush=True)
    return 0


def _interrupt(*_):
    raise KeyboardInterrupt


def _watch(site: PreviewSite, server: PreviewServer, args) -> None:
    from watchfiles import watch

    watched = [args.input, args.orgs, ROOT / "theme", ROOT / "plugins", args.settings]
    print("Watching for changes.", flush=True)
    for changes in watch(
        *[p for p in watched if p.exists()],
        watch_filter=_relevant,
        rust_timeout=TICK_MS,
        yield_on_timeout=True,
    ):
        paths = _changed(changes)
        if paths:
            _apply(server, lambda paths=paths: site.update(paths, on_first=_first(server)))
        site.finish_if_due()
        server.set_headers(site.header_function)
        server.set_busy(site.busy)


def _first(server: PreviewServer):
    """Tell the browsers showing the first pages as soon as they are written."""

    def tell(update: Update) -> None:
        server.announce(pages=[_address(name) for name in update.first])

    return tell


def _apply(server: PreviewServer, work) -> None:
    """Run a build or an update; tell the browsers; report problems."""
    server.set_busy(True)
    started = time.perf_counter()
    try:
        update = work()
    except (ContentErrors, MissingCatalog) as errors:
        problems = getattr(errors, "problems", None) or [_problem(errors)]
        print(errors, file=sys.stderr, flush=True)
        server.broken(problems)
        return
    except Exception as error:  # noqa: BLE001 - a mistake in a template or the code: say it, go on
        traceback.print_exc()
        server.broken([_problem(error)])
        return
    seconds = time.perf_counter() - started
    if update.full:
        server.announce(pages=None)
        why = f" ({update.reason})" if update.reason else ""
        print(f"{_now()} Built the whole site in {seconds:.1f} s{why}.", flush=True)
    else:
        server.announce(**{"except": [_address(name) for name in update.first]})
        print(
            f"{_now()} Updated {len(update.first)} pages first in {update.first_seconds:.2f} s, "
            f"the rest in {seconds:.1f} s.",
            flush=True,
        )


def _address(name: str) -> str:
    """An output path (``organizations/x/index.html``) as the address a browser shows."""
    name = name.replace("\\", "/")
    return "/" + (name[: -len("index.html")] if name.endswith("index.html") else name)


def _problem(error: Exception) -> Problem:
    text = str(error) if isinstance(error, MissingCatalog) else f"{type(error).__name__}: {error}"
    return Problem("", None, None, text, text)


def _now() -> str:
    return datetime.datetime.now().strftime("%H:%M:%S")


def _extra(pairs: list[str]) -> dict | None:
    """NAME=JSON pairs as settings (a bare word is taken as text)."""
    extra = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            extra[name] = json.loads(value)
        except ValueError:
            extra[name] = value
    return extra or None


def _changed(changes) -> list[Path]:
    """The changed paths, without the files that came and went in the meantime (the
    temporary files of editors and tools that save by renaming)."""
    kinds: dict[str, set[str]] = {}
    for change, path in changes:
        kinds.setdefault(path, set()).add(change.name)
    return sorted(
        Path(path).resolve()
        for path, seen in kinds.items()
        if not ({"added", "deleted"} <= seen and not os.path.lexists(path))
    )


def _relevant(_change, path: str) -> bool:
    return not any(part in path for part in ("__pycache__", "/.", ".mo"))


if __name__ == "__main__":
    sys.exit(main())
