"""kalo.early: work declared by a build's plugins runs in a forked process when the build
starts, and each result is handed out once, where it is needed."""

from __future__ import annotations

import os
import time

import pytest

from kalo import early


def _settings(tmp_path, workers: int = 2) -> dict:
    return {"OUTPUT_PATH": str(tmp_path / "staging"), "KALO_WORKERS": workers}


def test_declared_work_runs_in_another_process_and_is_handed_out_once(tmp_path):
    settings = _settings(tmp_path)
    early.declare(settings, "pid", os.getpid)
    early.declare(settings, "stamps", lambda: {"a": (1, 2)})
    early.start(settings)
    try:
        assert early.take(settings, "stamps") == {"a": (1, 2)}
        pid = early.take(settings, "pid")
        assert isinstance(pid, int) and pid != os.getpid()
        assert early.take(settings, "pid") is None  # taken: a second load works afresh
        assert early.take(settings, "never declared") is None
    finally:
        early.end(settings)


def test_without_a_start_nothing_is_handed_out(tmp_path):
    """The live preview and `make check` declare (their plugins are registered) but never
    start: the caller does the work itself."""
    settings = _settings(tmp_path)
    early.declare(settings, "stamps", lambda: {"a": 1})
    assert early.take(settings, "stamps") is None
    early.end(settings)
    early.start(settings)  # forgotten by end: nothing to start
    assert early.take(settings, "stamps") is None


def test_serial_builds_run_the_work_here_when_they_start(tmp_path):
    settings = _settings(tmp_path, workers=1)
    early.declare(settings, "pid", os.getpid)
    early.start(settings)
    assert early.take(settings, "pid") == os.getpid()
    early.end(settings)


def test_a_failure_of_the_work_is_raised_where_its_result_is_taken(tmp_path):
    settings = _settings(tmp_path)

    def unreadable():
        raise PermissionError("organizations: permission denied")

    early.declare(settings, "stamps", unreadable)
    early.start(settings)
    try:
        with pytest.raises(PermissionError, match="permission denied"):
            early.take(settings, "stamps")
    finally:
        early.end(settings)


def test_ending_a_build_stops_work_still_running(tmp_path):
    """A build that failed before it took the results leaves no process behind."""
    settings = _settings(tmp_path)
    said = tmp_path / "pid"

    def slow():
        said.write_text(str(os.getpid()))
        time.sleep(30)

    early.declare(settings, "slow", slow)
    early.start(settings)
    deadline = time.monotonic() + 10
    while not said.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)  # the pid is written whole
    pid = int(said.read_text())
    started = time.monotonic()
    early.end(settings)
    assert time.monotonic() - started < 5
    assert early.take(settings, "slow") is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped and waited for
