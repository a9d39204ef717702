"""Work a build starts in a forked process before it reads anything.

The build's input fingerprint (``kalo.incremental``) stats every input file, and the
organizations' folder cache stats every file of every folder once more: at 1,000
organizations some 40 ms each, on one core while the other is idle. Both only look at the
file system and give small results. So ``kalo.build`` runs them in one forked process as
soon as the plugins are registered (a plugin declares its part in Pelican's ``initialized``
signal: ``declare``), reads the previous output and imports the generators meanwhile, and
each result is taken where it is needed (``take``).

A result is handed out once; ``take`` gives None when there is none (nothing was started:
the live preview, ``make check``; or it was taken already), and the caller does the work
itself, as it did before. Without a fork (``KALO_WORKERS=1``, no ``os.fork``) the work
runs here, when the build starts it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kalo import parallel

# By the build's output folder (its own staging folder), as plugins keep a build's state.
_declared: dict[str, dict[str, Callable[[], Any]]] = {}
_started: dict[str, tuple[Any, set[str]]] = {}  # the job, and the names not taken yet


def _build_key(settings: dict) -> str:
    return str(settings.get("OUTPUT_PATH", ""))


def declare(settings: dict, name: str, function: Callable[[], Any]) -> None:
    """``function()`` (which only reads, and returns a picklable value) is run when the
    build starts, beside it; its result is ``take(settings, name)``."""
    _declared.setdefault(_build_key(settings), {})[name] = function


def start(settings: dict) -> None:
    """Run every declared function of this build, in order, in one forked process."""
    key = _build_key(settings)
    functions = _declared.pop(key, {})
    if functions:
        job = parallel.start_forked(
            lambda: {name: function() for name, function in functions.items()}, settings=settings
        )
        _started[key] = (job, set(functions))


def take(settings: dict, name: str) -> Any | None:
    """The result of the function declared as ``name``, waiting for it; None when it was not
    started for this build or was taken already (the caller then does the work itself). A
    failure of the work is raised here."""
    started = _started.get(_build_key(settings))
    if started is None or name not in started[1]:
        return None
    job, waiting = started
    waiting.discard(name)
    return job.result()[name]


def end(settings: dict) -> None:
    """The build is over: forget its work; a process still running (a build that failed
    before it took the results) is stopped."""
    key = _build_key(settings)
    _declared.pop(key, None)
    started = _started.pop(key, None)
    if started is not None:
        started[0].abandon()
