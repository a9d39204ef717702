"""Work on all cores, with one policy for the whole build.

``worker_count`` decides how many processes a job gets; ``map_forked`` and ``map_fresh``
run a function over a list of items on that many processes and return the results in the
items' order, exactly as a loop in this process would.

The policy:

* ``KALO_WORKERS`` (a Pelican setting, else the environment variable): at most that many
  processes; ``1`` makes every job serial. Default: every core (``os.cpu_count()``). A job
  may have its own number (``IMAGES_WORKERS``), which comes first.
* A job with fewer items than its threshold stays serial: starting processes would cost
  more than it saves. Each job has its default (``PARALLEL_FROM``, or fewer for heavy
  items such as image encodes); the setting ``KALO_PARALLEL_FROM`` overrides it (for the
  jobs that are given the build's settings: pages, Markdown, the keyword analysis).
* Never more processes than items.

Two ways to start the processes, and one way to run a job beside the build:

* ``map_forked``: the build forks (Linux, macOS; serial elsewhere). The children share
  everything the build holds in memory (the whole context, the templates) and nothing of it
  is pickled: the function may be a closure over it. Only the results come back, pickled
  through a pipe. This process does a share of the work too. For work that reads a big
  in-memory context: pages, Markdown, the keyword analysis.
* ``map_fresh``: a pool of new processes (forkserver, else spawn) that inherit nothing of
  the build (its threads, open files and memory); the function and the items are pickled.
  For heavy, self-contained tasks: encoding images, drawing social images.
* ``start_forked``: one function run in a forked process while the build goes on; its
  result is collected later (``ForkedJob.result``). For work that needs only what the
  build knows now and is not needed before the end: the search index. Serial (run at
  once, here) where ``map_forked`` would be.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a job stays serial, unless it says otherwise.
PARALLEL_FROM = 64
WORKERS = "KALO_WORKERS"
THRESHOLD = "KALO_PARALLEL_FROM"


def worker_count(
    items: int,
    *,
    settings: Mapping[str, Any] | None = None,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    needs_fork: bool = False,
) -> int:
    """How many processes a job of ``items`` items gets; 1 means: run it here, serially.

    ``settings``: the build's (``KALO_WORKERS``, ``KALO_PARALLEL_FROM``); ``workers``: the
    job's own number, if it has one; ``needs_fork``: the job is run by ``map_forked``."""
    settings = settings or {}
    if needs_fork and not hasattr(os, "fork"):
        return 1
    if items < int(settings.get(THRESHOLD, parallel_from)):
        return 1
    wanted = workers or settings.get(WORKERS) or os.environ.get(WORKERS) or os.cpu_count() or 1
    return max(1, min(int(wanted), items))


class WorkerFailed(RuntimeError):
    """A worker process failed in a way that could not be raised here as it was raised
    there (it died, or its exception could not be pickled); the message has its traceback."""


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker process (its ``__cause__``)."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0])


def map_forked(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    settings: Mapping[str, Any] | None = None,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> list[Result]:
    """``[function(item) for item in items]`` on forked processes (see the module's doc).

    Every process, this one included, takes the next few items whenever it is free (a
    counter in shared memory), so the work is balanced whatever the items' costs and
    order (Greek and English texts alternate, and cost differently). If any process
    fails, the others take no more items and every child is waited for; then the first
    failure is raised here (this process's own first, else the first child's)."""
    items = list(items)
    count = worker_count(
        len(items), settings=settings, workers=workers, parallel_from=parallel_from, needs_fork=True
    )
    if count <= 1:
        return [function(item) for item in items]
    queue = _Queue(len(items), count)
    # Whatever is buffered would be written again by every child.
    sys.stdout.flush()
    sys.stderr.flush()
    children: list[_Child] = []
    failure = None
    own: list = []
    try:
        for _ in range(1, count):
            children.append(_fork(function, items, queue))
        own = _work(function, items, queue)
    except BaseException as error:  # noqa: BLE001 - wait for the children first, then raise
        queue.stop()
        failure = error
    shares = [own, *(_collect(child) for child in children)]
    if failure is not None:
        raise failure
    results: list = [None] * len(items)
    done = 0
    for share in shares:
        if isinstance(share, _Failure):
            share.raise_here()
        for number, result in share:
            results[number] = result
        done += len(share)
    if done != len(items):  # never a result silently missing
        raise WorkerFailed(f"{len(items) - done} of {len(items)} items were not worked on")
    return results


def map_fresh(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    settings: Mapping[str, Any] | None = None,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    chunksize: int = 1,
) -> list[Result]:
    """``[function(item) for item in items]`` in a pool of new processes that inherit
    nothing from this one (see the module's doc). ``function`` and the items are pickled:
    a module-level function, or a ``functools.partial`` of one."""
    items = list(items)
    count = worker_count(
        len(items), settings=settings, workers=workers, parallel_from=parallel_from
    )
    if count <= 1:
        return [function(item) for item in items]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        return list(pool.map(function, items, chunksize=chunksize))


class ForkedJob:
    """A function running in a forked process (``start_forked``)."""

    def __init__(self, function: Callable[[], Result], settings: Mapping[str, Any] | None):
        self._child: _Child | None = None
        self._done: list | _Failure | None = None
        if worker_count(2, settings=settings, parallel_from=0, needs_fork=True) <= 1:
            self._done = [(0, function())]
            return
        sys.stdout.flush()
        sys.stderr.flush()
        self._child = _fork(lambda _: function(), [None], _OneItem())

    def abandon(self) -> None:
        """The build failed before it needed the result: stop the child, wait for it."""
        child, self._child = self._child, None
        if child is None or self._done is not None:
            return
        try:
            os.kill(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(child.pipe)
        os.waitpid(child.pid, 0)
        self._done = _Failure("abandoned", None)

    def result(self) -> Result:
        """Wait for the function's result (its exception is raised here)."""
        if self._done is None:
            self._done = _collect(self._child)
        if isinstance(self._done, _Failure):
            self._done.raise_here()
        return self._done[0][1]  # (item number, result)


def start_forked(
    function: Callable[[], Result], *, settings: Mapping[str, Any] | None = None
) -> ForkedJob:
    """``function()`` in a forked process, while this one goes on (see the module's doc);
    ``ForkedJob.result()`` waits for it. Its result is pickled back."""
    return ForkedJob(function, settings)


# --- the forked children ---------------------------------------------------------------


class _Queue:
    """The next item to take, in memory shared by the forked processes."""

    def __init__(self, items: int, processes: int):
        self.items = items
        # Small enough to balance the end of the work, large enough to take the lock rarely.
        self.size = max(1, min(32, items // (processes * 8)))
        self._next = multiprocessing.get_context("fork").Value("q", 0)

    def take(self) -> range:
        """The numbers of the next items to work on; empty when there is nothing left."""
        with self._next.get_lock():
            start = self._next.value
            self._next.value = start + self.size
        return range(min(start, self.items), min(start + self.size, self.items))

    def stop(self) -> None:
        """A process failed: the others take nothing more."""
        with self._next.get_lock():
            self._next.value = self.items


class _OneItem:
    """The one item of a ``ForkedJob``, in the child's own memory. Not a ``_Queue``: the
    child outlives the job's objects here, and shared memory freed here is given to the
    next ``map_forked``, whose counter the child would then move on (an item skipped)."""

    def __init__(self):
        self._taken = False

    def take(self) -> range:
        taken, self._taken = self._taken, True
        return range(0) if taken else range(1)

    def stop(self) -> None:
        self._taken = True


def _work(function: Callable, items: Sequence, queue: _Queue) -> list[tuple[int, Any]]:
    done = []
    while numbers := queue.take():
        done.extend((number, function(items[number])) for number in numbers)
    return done


@dataclass
class _Child:
    pid: int
    pipe: int  # the read end: the child's pickled results, or its failure


@dataclass
class _Failure:
    """What a child reports when its share failed."""

    traceback: str
    exception: bytes | None  # the exception, pickled, when it could be

    def raise_here(self) -> NoReturn:
        error = None
        if self.exception is not None:
            try:
                error = pickle.loads(self.exception)
            except (pickle.UnpicklingError, TypeError, AttributeError, ImportError):
                error = None  # an exception that cannot be rebuilt here: its text is enough
        if isinstance(error, BaseException):
            raise error from RemoteTraceback(self.traceback)
        raise WorkerFailed(f"a worker process failed:\n{self.traceback}")


def _fork(function: Callable, items: Sequence, queue: _Queue) -> _Child:
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # too many processes: no child, no pipe left open
        os.close(read)
        os.close(write)
        raise
    if pid == 0:
        os.close(read)
        _run_share(function, items, queue, write)
    os.close(write)
    return _Child(pid, read)


def _run_share(function: Callable, items: Sequence, queue: _Queue, pipe: int) -> NoReturn:
    """In the child: take items until none is left, send the results (numbered) or the
    failure, exit without running anything of the parent's (atexit handlers, finalizers
    of its objects)."""
    status = 0
    try:
        try:
            payload = pickle.dumps(_work(function, items, queue), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which raises
            queue.stop()
            status = 1
            payload = pickle.dumps(_failure(error), protocol=pickle.HIGHEST_PROTOCOL)
        with open(pipe, "wb") as out:
            out.write(payload)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(status)


def _failure(error: BaseException) -> _Failure:
    text = "".join(traceback.format_exception(error))
    try:
        exception = pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        exception = None  # not picklable: the traceback's text is enough
    return _Failure(text, exception)


def _collect(child: _Child) -> list | _Failure:
    """Read everything the child sends (before waiting: a full pipe would block it), then
    wait for it."""
    with open(child.pipe, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    try:
        outcome = pickle.loads(data)
    except (EOFError, pickle.UnpicklingError):  # it died before it had said everything
        return _Failure(f"exit status {code}, nothing reported (killed?)", None)
    if code != 0 and not isinstance(outcome, _Failure):
        return _Failure(f"exit status {code}", None)
    return outcome
