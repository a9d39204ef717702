"""``make edit``: the live-rebuilding site and the web editor's local backend, together.

    python -m web_editor.serve --input content --orgs organizations --output output

Starts decap-server (npm) bound to 127.0.0.1 only, writing into the working tree, then the
site's live preview (``kalo.devserver``) with the editor pointed at it, and prints the
editor's address. A save in the browser writes the files; the preview takes them in and
the site's pages open in the browser reload by themselves. Ctrl+C (or SIGTERM) stops both.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from kalo import devserver

ROOT = Path(__file__).resolve().parents[2]
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m web_editor.serve", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--input", type=Path, default=ROOT / "content")
    parser.add_argument("--orgs", type=Path, default=ROOT / "organizations")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--proxy-port", type=int, default=8081)
    args = parser.parse_args(argv)
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.is_file():
        print(
            "Το decap-server δεν είναι εγκατεστημένο: τρέξτε `make node-deps` (npm ci).\n"
            "    decap-server is not installed: run `make node-deps` (npm ci).",
            file=sys.stderr,
        )
        return 2
    if not _port_free(args.proxy_port):
        print(
            f"Η θύρα {args.proxy_port} του 127.0.0.1 είναι πιασμένη (μήπως τρέχει ήδη ένα make "
            "edit;): σταματήστε το ή δώστε άλλη, π.χ. make edit EDIT_PROXY_PORT=8082\n"
            f"    Port {args.proxy_port} of 127.0.0.1 is taken (is make edit already running?): "
            "stop it or choose another, e.g. make edit EDIT_PROXY_PORT=8082",
            file=sys.stderr,
        )
        return 2
    # Stopped by a signal as by Ctrl+C: decap-server is stopped too (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if inherited ignored
    repo = Path(os.path.commonpath([args.input.resolve(), args.orgs.resolve()]))
    proxy_url = f"http://127.0.0.1:{args.proxy_port}/api/v1"
    proxy = subprocess.Popen(
        [node, str(DECAP_SERVER)],
        env={
            **os.environ,
            "BIND_HOST": "127.0.0.1",  # never reachable from another machine
            "PORT": str(args.proxy_port),
            "GIT_REPO_DIRECTORY": str(repo),
            "MODE": "fs",
            "LOG_LEVEL": "warn",
        },
    )
    try:
        _wait_for(proxy_url, proxy)
        print(
            f"Ο web editor: http://{args.bind}:{args.port}/admin/ (Ctrl+C σταματά)\n"
            f"    The web editor: http://{args.bind}:{args.port}/admin/ (Ctrl+C stops)",
            flush=True,
        )
        return devserver.main(
            [
                "--settings",
                str(args.settings),
                "--input",
                str(args.input),
                "--orgs",
                str(args.orgs),
                "--output",
                str(args.output),
                "--bind",
                args.bind,
                "--port",
                str(args.port),
                "--setting",
                "WEB_EDITOR_LOCAL_PROXY=" + json.dumps(proxy_url),
                "--setting",
                "WEB_EDITOR_REPO_ROOT=" + json.dumps(str(repo)),
            ]
        )
    except KeyboardInterrupt:
        return 0
    finally:
        proxy.terminate()
        try:
            proxy.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proxy.kill()


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    """Until the local backend answers (it takes a moment to start)."""
    request = urllib.request.Request(
        url, data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
    )
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"decap-server stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(request, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise SystemExit("decap-server did not start in time")


if __name__ == "__main__":
    sys.exit(main())
