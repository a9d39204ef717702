"""The preview's HTTP server runs in a process of its own (``kalo.preview.server``); it
never outlives the preview, even when the preview is killed and cannot tell it to stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sitebuild import ROOT

# A preview reduced to its server: started, its process's number printed, then waiting.
PREVIEW = """
import sys, time
from pathlib import Path
from kalo.preview.server import PreviewServer
server = PreviewServer(Path(sys.argv[1]), "127.0.0.1", 0)
server.start()
print(server.process.pid, flush=True)
time.sleep(300)
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return "State:\tZ" in status.read()
    except FileNotFoundError:
        return True


def test_the_server_stops_when_the_preview_is_killed(tmp_path):
    preview = subprocess.Popen(
        [sys.executable, "-c", PREVIEW, str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        server = int(preview.stdout.readline())
        assert not _gone(server)
        preview.send_signal(signal.SIGKILL)  # no chance to say "stop"
        preview.wait(timeout=30)
        deadline = time.monotonic() + 30  # a guard against a hang, not a measure
        while not _gone(server) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(server), "the preview's server outlived it"
    finally:
        preview.kill()
        preview.stdout.close()
