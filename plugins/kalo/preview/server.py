"""The preview's HTTP server: the served folder, plus what only the preview adds.

It runs in a process of its own, so that serving never slows a build down (Python runs
one thread at a time); the preview tells it what changed through a pipe.

* Every HTML page but the web editor's gets ``<script src="/_preview/reload.js"
  data-version="N" defer>`` before ``</head>``, in the response only (the files stay
  exactly what a build writes). The script is a file, so the site's strict Content Security
  Policy (no inline scripts) holds.
* ``/_preview/events``: Server-Sent Events, one message per change: ``{"version": N,
  "pages": [...]}`` (these pages changed), ``{"except": [...]}`` (every page but these),
  ``{"pages": null}`` (every page), ``{"problems": true}`` (the content broke).
* ``/_preview/status``: ``{"version", "busy", "problems"}`` as JSON (tests, benchmark).
* While the content has errors, or before the first build, every HTML request but the web
  editor's (``/admin/``) is answered with a page of its own: which file, which line, what to
  fix, in Greek and in English.
* Headers: ``Cache-Control: no-store``, and those of ``headers(path)`` when given (the site's
  Content Security Policy, declared by a plugin: ``kalo.live.PREVIEW_HEADERS``).
"""

from __future__ import annotations

import html
import http.server
import io
import json
import multiprocessing
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kalo.problems import Problem, message_langs, shown_field

ASSETS = Path(__file__).resolve().parent
PREFIX = "/_preview/"
FILES = {"reload.js": "text/javascript; charset=utf-8", "preview.css": "text/css; charset=utf-8"}
# The web editor stays usable while the content is broken: it is how it gets fixed.
EDITOR = "/admin/"
KEEPALIVE = 15.0  # seconds between comments on an idle event stream


class PreviewState:
    """What the browsers are told: a version that grows with every change."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.version = 0
        self.messages: list[dict] = []  # the last ones, for streams that were busy writing
        self.problems: list[Problem] | None = None
        self.built = False
        self.busy = True
        self.stopping = False
        self.headers: Callable[[str], dict] | None = None  # kalo.live.PREVIEW_HEADERS

    def announce(self, **message) -> None:
        with self.changed:
            if self.problems is not None or not self.built:
                message = {"pages": None}  # every page showed the problems or "building"
            self._add({**message})
            self.problems = None
            self.built = True
            self.changed.notify_all()

    def broken(self, problems: list[Problem]) -> None:
        with self.changed:
            self._add({"problems": True})
            self.problems = list(problems)
            self.changed.notify_all()

    def _add(self, message: dict) -> None:
        self.version += 1
        self.messages = [*self.messages[-15:], {"version": self.version, **message}]

    def since(self, version: int) -> list[dict]:
        return [message for message in self.messages if message["version"] > version]

    def stop(self) -> None:
        with self.changed:
            self.stopping = True
            self.changed.notify_all()


class PreviewServer:
    """The HTTP server, in a process of its own (forked at the start, while the preview is
    still small): serving pages never competes with the builds for Python's interpreter
    lock. The preview tells it what changed through a pipe."""

    def __init__(self, directory: Path, bind: str, port: int):
        handler = type("Handler", (_Handler,), {"root": Path(directory).resolve()})
        # Bound here: a port in use fails at once, in the preview's own process.
        self._http = http.server.ThreadingHTTPServer((bind, port), handler)
        self._busy: bool | None = None
        self._headers = None
        context = multiprocessing.get_context("fork")
        self._commands, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve,
            args=(self._http, theirs, self._commands),
            name="preview-server",
            daemon=True,
        )

    def start(self) -> None:
        self.process.start()
        self._http.server_close()  # the child serves on its copy of the socket

    def _send(self, *command) -> None:
        try:
            self._commands.send(command)
        except (BrokenPipeError, OSError):
            pass

    def announce(self, **message) -> None:
        self._send("announce", message)

    def broken(self, problems: list[Problem]) -> None:
        self._send("broken", list(problems))

    def set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self._send("busy", busy)

    def set_headers(self, headers: Callable[[str], dict] | None) -> None:
        if headers is not self._headers:
            self._headers = headers
            self._send("headers", headers)

    def stop(self) -> None:
        self._send("stop")
        self.process.join(10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def _serve(server: http.server.ThreadingHTTPServer, commands, preview_end) -> None:
    """The server process: HTTP in the main thread, the preview's news in another."""
    # The preview's end of the pipe, copied by the fork: closed, so that the pipe ends
    # (and this process stops) when the preview is gone, even killed.
    preview_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the preview, which stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    state = PreviewState()
    server.RequestHandlerClass.preview = state

    def listen() -> None:
        while True:
            try:
                name, *values = commands.recv()
            except (EOFError, OSError):  # the preview is gone
                name, values = "stop", []
            if name == "stop":
                state.stop()
                server.shutdown()
                return
            if name == "busy":
                state.busy = values[0]
            elif name == "headers":
                state.headers = values[0]
            elif name == "announce":
                state.announce(**values[0])
            elif name == "broken":
                state.broken(values[0])

    threading.Thread(target=listen, daemon=True).start()
    server.serve_forever()
    server.server_close()


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


class _Handler(http.server.SimpleHTTPRequestHandler):
    root: Path
    preview: PreviewState
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.root), **kwargs)

    def log_message(self, *_):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        if self.preview.headers is not None:
            for name, value in self.preview.headers(urlsplit(self.path).path).items():
                self.send_header(name, value)
        super().end_headers()

    def do_GET(self):  # noqa: N802 - http.server's name
        path = unquote(urlsplit(self.path).path)
        if path == PREFIX + "events":
            return self._events()
        if path == PREFIX + "status":
            with self.preview.changed:
                status = {
                    "version": self.preview.version,
                    "busy": self.preview.busy,
                    "problems": len(self.preview.problems or ()),
                    "built": self.preview.built,
                }
            return self._send(200, "application/json", json.dumps(status).encode())
        return super().do_GET()

    def send_head(self):
        path = unquote(urlsplit(self.path).path)
        if path.startswith(PREFIX):
            name = path[len(PREFIX) :]
            if name not in FILES:
                self.send_error(404)
                return None
            return self._head(200, FILES[name], (ASSETS / name).read_bytes())
        problems, built = self.preview.problems, self.preview.built
        shown = _is_page(path) and not path.startswith(EDITOR)
        if (problems is not None or not built) and shown:
            return self._head(500 if built else 503, "text/html; charset=utf-8", self._page())
        file = Path(self.translate_path(self.path))
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.suffix != ".html" or not file.is_file():
            return super().send_head()
        try:
            page = file.read_bytes()
        except OSError:
            self.send_error(404)
            return None
        if not path.startswith(EDITOR):  # reloading the editor would lose what is typed
            page = self._with_script(page)
        return self._head(200, "text/html; charset=utf-8", page)

    def _with_script(self, page: bytes) -> bytes:
        tag = (
            f'<script src="{PREFIX}reload.js" data-version="{self.preview.version}" defer></script>'
        ).encode()
        at = page.find(b"</head>")
        return page[:at] + tag + page[at:] if at >= 0 else page + tag

    def _head(self, status: int, kind: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _send(self, status: int, kind: str, body: bytes) -> None:
        source = self._head(status, kind, body)
        self.wfile.write(source.read())

    def _page(self) -> bytes:
        return _problems_page(self.preview.problems, self.preview.version)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        state = self.preview
        with state.changed:
            seen = state.version
            hello = {"version": seen, "hello": True}
        try:
            self._event(hello)
            while True:
                with state.changed:
                    state.changed.wait_for(
                        lambda seen=seen: state.version != seen or state.stopping,
                        timeout=KEEPALIVE,
                    )
                    if state.stopping:
                        return
                    news = state.since(seen)
                    seen = state.version
                if not news:
                    self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
                for message in news:
                    self._event(message)
        except (BrokenPipeError, ConnectionResetError, OSError):
            return

    def _event(self, message: dict) -> None:
        self.wfile.write(f"data: {json.dumps(message)}\n\n".encode())
        self.wfile.flush()


def _problems_page(problems: list[Problem] | None, version: int) -> bytes:
    """The page every address shows while the content has errors (or is being built)."""
    first, second = message_langs()
    titles = {
        "el": "Το περιεχόμενο έχει λάθη: η προεπισκόπηση δείχνει ξανά τον ιστότοπο μόλις "
        "διορθωθούν",
        "en": "The content has errors: the preview shows the site again as soon as they are fixed",
    }
    if problems is None:
        titles = {
            "el": "Ο ιστότοπος χτίζεται· η σελίδα θα ανανεωθεί μόνη της",
            "en": "The site is being built; this page reloads by itself",
        }
    items = []
    for problem in problems or ():
        where = problem.file if problem.line is None else f"{problem.file}:{problem.line}"
        if problem.field:
            where += f" · {shown_field(problem.field)}"
        texts = "".join(
            f'<p lang="{lang}" class="{lang}">{html.escape(_message(problem, lang))}</p>'
            for lang in (first, second)
        )
        items.append(
            f'<li class="problem {problem.severity}"><p class="where">{html.escape(where)}</p>'
            f"{texts}</li>"
        )
    body = (
        f'<!DOCTYPE html>\n<html lang="{first}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(titles[first])}</title>\n"
        f'<link rel="stylesheet" href="{PREFIX}preview.css">\n'
        f'<script src="{PREFIX}reload.js" data-version="{version}" defer></script>\n'
        "</head>\n<body>\n<main>\n"
        f'<h1>{html.escape(titles[first])}</h1>\n<p lang="{second}" class="{second}">'
        f"{html.escape(titles[second])}</p>\n"
        f'<ol class="problems">{"".join(items)}</ol>\n</main>\n</body>\n</html>\n'
    )
    return body.encode("utf-8")


def _message(problem: Problem, lang: str) -> str:
    """The problem's words without the file (shown above them)."""
    text = problem.format(lang)
    where = problem.file if problem.line is None else f"{problem.file}:{problem.line}"
    if problem.line is not None and problem.column is not None:
        where += f":{problem.column}"
    return text[len(where) + 2 :] if text.startswith(where + ": ") else text
