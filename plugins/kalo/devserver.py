"""Serve the site and rebuild it whenever content, organizations, theme or plugins change.

    python -m kalo.devserver --input content --orgs organizations --output output

A failed rebuild prints its problems and keeps serving the last good site; fix the file
and save again. Reload the browser page to see the new build.
"""

from __future__ import annotations

import argparse
import http.server
import sys
import threading
from pathlib import Path

from watchfiles import watch

from kalo.build import build
from kalo.problems import ContentErrors

ROOT = Path(__file__).resolve().parents[2]


def _rebuild(args) -> None:
    try:
        build(args.settings, args.input, args.orgs, args.output, extra=_extra(args.setting))
        print(f"Rebuilt; serving http://{args.bind}:{args.port}/", flush=True)
    except ContentErrors as errors:
        print(errors, file=sys.stderr, flush=True)


def _serve(directory: Path, bind: str, port: int) -> None:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *handler_args, **kwargs):
            # Resolved on every request: each build swaps in a new folder.
            super().__init__(*handler_args, directory=str(directory.resolve()), **kwargs)

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer((bind, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()


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
    _rebuild(args)
    _serve(args.output, args.bind, args.port)
    watched = [args.input, args.orgs, ROOT / "theme", ROOT / "plugins", args.settings]
    print("Watching for changes (Ctrl+C stops).", flush=True)
    try:
        for _changes in watch(*[p for p in watched if p.exists()], watch_filter=_relevant):
            _rebuild(args)
    except KeyboardInterrupt:
        pass
    return 0


def _extra(pairs: list[str]) -> dict | None:
    """NAME=JSON pairs as settings (a bare word is taken as text)."""
    import json

    extra = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            extra[name] = json.loads(value)
        except ValueError:
            extra[name] = value
    return extra or None


def _relevant(_change, path: str) -> bool:
    return not any(part in path for part in ("__pycache__", "/.", ".mo"))


if __name__ == "__main__":
    sys.exit(main())
