"""A real nginx on 127.0.0.1 serving a built site with the shipped configuration.

The server block is the test's own (address, port, root); everything else comes from
deploy/nginx: the `map` blocks of observatory.conf and all of observatory-site.conf.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from gate_tools import BROTLI_MODULE, NGINX, ROOT

DEPLOY = ROOT / "deploy" / "nginx"
PRODUCTION_ROOT = "/var/www/observatory"


def shipped_maps(site: Path, prefix: Path) -> str:
    """The http-level part of observatory.conf (before its first server block), reading this
    site's _gone.map."""
    conf = (DEPLOY / "observatory.conf").read_text(encoding="utf-8")
    http_part = conf[: re.search(r"^server \{", conf, flags=re.M).start()]
    assert http_part.count("map $uri") == 3, "observatory.conf should have three map blocks"
    gone = site / "_gone.map"
    if not gone.exists():  # a build without host files (pelicanconf): nothing is gone
        gone = prefix / "empty-gone.map"
        gone.write_text("", encoding="utf-8")
    assert f"{PRODUCTION_ROOT}/_gone.map" in http_part
    return http_part.replace(f"{PRODUCTION_ROOT}/_gone.map", str(gone))


def write_config(site: Path, prefix: Path, port: int) -> Path:
    for sub in ("logs", "tmp"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    site_conf = prefix / "observatory-site.conf"
    site_conf.write_text(
        (DEPLOY / "observatory-site.conf").read_text(encoding="utf-8"), encoding="utf-8"
    )
    temp = prefix / "tmp"
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read pytest's 0700 folders
    conf = f"""
{user}
load_module {BROTLI_MODULE};
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
daemon off;
events {{ worker_connections 128; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/logs/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    sendfile on;
{shipped_maps(site, prefix)}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {site};
        include {site_conf};
    }}
}}
"""
    path = prefix / "nginx.conf"
    path.write_text(conf, encoding="utf-8")
    return path


@dataclass
class Nginx:
    site: Path
    prefix: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Nginx:
        conf = write_config(self.site, self.prefix, self.port)
        check = subprocess.run(
            [str(NGINX), "-t", "-q", "-p", str(self.prefix), "-c", str(conf)],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, f"nginx -t rejected the shipped config:\n{check.stderr}"
        with open(self.prefix / "logs" / "stderr.log", "wb") as stderr:
            self.process = subprocess.Popen(
                [str(NGINX), "-p", str(self.prefix), "-c", str(conf)],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"nginx exited:\n{self.error_log()}")
            try:
                fetch(self.url + "/")
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"nginx did not answer on {self.url}\n{self.error_log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: fast shutdown of this master and its worker
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def error_log(self) -> str:
        logs = [self.prefix / "logs" / name for name in ("stderr.log", "error.log")]
        return "\n".join(log.read_text(errors="replace") for log in logs if log.exists())


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch(url: str, **headers: str) -> Response:
    """GET without following redirects and without decompressing."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(
        url, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )
    try:
        with opener.open(request, timeout=10) as answer:
            return Response(
                answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
            )
    except urllib.error.HTTPError as error:
        with error:
            return Response(
                error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
            )
