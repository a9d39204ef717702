"""`make edit` as a process: the editor's local backend listens on 127.0.0.1 only, and
Ctrl+C stops the preview and decap-server together (nothing left running, the port free)."""

from __future__ import annotations

import shutil
import signal
import time
import urllib.request
from pathlib import Path

import pytest
from make_edit import free_port, start_make_edit

from sitebuild import FIXTURE

LISTEN = "0A"  # a socket's state in /proc/net/tcp*


def _listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as the kernel writes them) listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.rpartition(":")
            if state == LISTEN and int(hex_port, 16) == port:
                found.add(address)
    return found


def _children(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        children += [int(child) for child in task.read_text().split()]
    return children


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def _as_a_background_job() -> None:
    """What a shell does to a job it starts in the background (``make edit &``, or CI's
    scripts): SIGINT ignored, inherited by every process it starts."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("started", ["in a terminal", "as a background job"])
def test_the_backend_listens_on_localhost_only_and_ctrl_c_stops_both(tmp_path, started):
    for folder in ("content", "organizations"):
        shutil.copytree(FIXTURE / folder, tmp_path / folder)
    port, proxy_port = free_port(), free_port()
    log = (tmp_path / "edit.log").open("w", encoding="utf-8")
    preexec = _as_a_background_job if started == "as a background job" else None
    process = start_make_edit(tmp_path, port, proxy_port, log, preexec_fn=preexec)
    try:
        deadline = time.monotonic() + 300
        while True:
            assert process.poll() is None, (tmp_path / "edit.log").read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/admin/", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "edit.log").read_text()
                time.sleep(0.5)
        # 0100007F is 127.0.0.1; never 0.0.0.0 or :: (every interface).
        assert _listening_addresses(proxy_port) == {"0100007F"}
        children = _children(process.pid)
        assert children, "decap-server is not a child of make edit"
        process.send_signal(signal.SIGINT)  # what Ctrl+C sends
        assert process.wait(timeout=30) == 0
        assert not [pid for pid in children if _running(pid)]
        assert "Stopped." in (tmp_path / "edit.log").read_text()
        assert not _listening_addresses(proxy_port)
        assert not _listening_addresses(port)
    finally:
        if process.poll() is None:
            process.kill()
        log.close()
