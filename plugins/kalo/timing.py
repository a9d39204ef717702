"""Time the steps of a build, for the benchmark (`make bench`): off unless asked for.

With the environment variable ``KALO_TIMINGS=<file>``, ``kalo.build`` times every
generator's two phases and every ``step()`` a plugin marks, and writes the seconds as JSON
to that file. Without it, ``step()`` costs one dictionary lookup.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ENVIRONMENT_VARIABLE = "KALO_TIMINGS"
# Seconds per step of the current build; reset by ``start()``. Module state on purpose:
# signals carry no build object, and only the benchmark reads it.
_seconds: dict[str, float] = defaultdict(float)
# The process's peak resident memory (MiB) when each step ended: where memory grows.
_peak_mib: dict[str, float] = {}


def enabled() -> bool:
    return bool(os.environ.get(ENVIRONMENT_VARIABLE))


def start() -> None:
    _seconds.clear()
    _peak_mib.clear()


@contextmanager
def step(name: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        _seconds[name] += time.perf_counter() - started
        if enabled():
            _peak_mib[name] = _peak_resident_mib()


def seconds() -> dict[str, float]:
    """The seconds of each step so far (a copy)."""
    return dict(_seconds)


def add(more: dict[str, float]) -> None:
    """Steps timed elsewhere (a forked process), added to this build's."""
    for name, spent in more.items():
        _seconds[name] += spent


def since_start(name: str) -> None:
    """Record as ``name`` the time since the process started (Linux: /proc), e.g. the
    interpreter's and imports' start-up before the build begins."""
    if not enabled():
        return
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            started = int(stat.read().rpartition(")")[2].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            now = float(uptime.read().split()[0])
    except (OSError, ValueError, IndexError):
        return
    _seconds[name] += max(0.0, now - started / os.sysconf("SC_CLK_TCK"))


def _peak_resident_mib() -> float:
    try:
        import resource
    except ImportError:  # Windows: no peak figures
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write() -> None:
    target = os.environ.get(ENVIRONMENT_VARIABLE)
    if target:
        Path(target).write_text(
            json.dumps(dict(sorted(_seconds.items())), indent=1), encoding="utf-8"
        )
        Path(target).with_suffix(".memory.json").write_text(
            json.dumps(dict(sorted(_peak_mib.items(), key=lambda item: item[1])), indent=1),
            encoding="utf-8",
        )


def timed_generator(cls):
    """The generator class with both phases timed under its own name."""

    class Timed(cls):
        def generate_context(self):
            with step(f"{cls.__name__}: read and prepare"):
                super().generate_context()

        def generate_output(self, writer):
            with step(f"{cls.__name__}: write"):
                super().generate_output(writer)

    Timed.__name__ = Timed.__qualname__ = cls.__name__
    return Timed
