"""`make edit` as the tests start it: ``python -m web_editor.serve`` on a copy of the
content, with ports of its own (shared by conftest.py and test_make_edit_process.py)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_make_edit(
    root: Path, port: int, proxy_port: int, log, *, preexec_fn=None
) -> subprocess.Popen:
    """The site of ``root`` (content/, organizations/) served on ``port`` with the editor's
    backend on ``proxy_port``; its output into ``log`` (an open file). ``preexec_fn``: run
    in the new process before it starts (e.g. to start it as a shell's background job)."""
    if not DECAP_SERVER.is_file() or shutil.which("node") is None:
        pytest.fail("decap-server (npm ci) and node are needed: `make node-deps`", pytrace=False)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "web_editor.serve",
            "--input",
            str(root / "content"),
            "--orgs",
            str(root / "organizations"),
            "--output",
            str(root / "output"),
            "--port",
            str(port),
            "--proxy-port",
            str(proxy_port),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=preexec_fn,
    )
