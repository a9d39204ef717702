"""Write the last generators' pages in a forked process while the build writes the others.

Once Pelican has read everything (the read phase), some generators' write phase needs
nothing that the generators before them write: the open data, the figures, the map and the
flyers read only the context. Such a generator says so (``write_beside = True``, a class
attribute). When the write phase starts, a forked process writes all of them, in their
order, into the same staging folder, while this process writes the others on the other
core. When Pelican's loop reaches each of them, this process takes in what the child did
for it, in that very place of the order:

* the files it kept or wrote (``kalo.output.Output``: tokens and digests), the pages it
  stored (``kalo.pages.PageStore``) and its steps' times (``kalo.timing``);
* what the listeners of Pelican's ``content_written`` noted of its pages (the sitemap, the
  SEO analysis, the search index): each listener says how to hand its notes over
  (``keep_notes``).

So everything after is as in a serial build, and the output is the same. Serial (each
generator written in its place, by this process) where ``kalo.parallel`` would not fork
(``KALO_WORKERS=1``, no ``os.fork``), in the live preview (its own process model), and
whenever a listener of ``content_written`` has not said how to hand its notes over.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pelican import signals

from kalo import timing
from kalo.live import live_pages
from kalo.output import output_of
from kalo.pages import PageStore
from kalo.parallel import ForkedJob, worker_count


@dataclass(frozen=True)
class NoteKeeper:
    """How a listener of ``content_written`` hands over, from a forked process, what it
    noted; each function takes the build's output folder (``OUTPUT_PATH``) first."""

    mark: Callable[[str], Any]  # where its notes stand now
    since: Callable[[str, Any], Any]  # the notes made since that mark (picklable)
    take: Callable[[str, Any], None]  # add notes made elsewhere, as if made here


_keepers: dict[Callable, NoteKeeper] = {}


def keep_notes(listener: Callable, mark, since, take) -> None:
    """Declare how ``listener`` (a receiver of ``content_written``) hands its notes over."""
    _keepers[listener] = NoteKeeper(mark, since, take)


def _listeners() -> list[Callable] | None:
    """The receivers of ``content_written``; None when one of them has not said how to
    hand its notes over (a forked process would lose them)."""
    found = []
    for receiver in list(signals.content_written.receivers.values()):
        listener = receiver() if isinstance(receiver, weakref.ref) else receiver
        if listener is None:  # gone
            continue
        if listener not in _keepers:
            return None
        found.append(listener)
    return found


class WritePhase:
    """One build's write phase: which generators are written beside, and their results."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.generators: list = []  # every generator of the build, in Pelican's order
        self.beside: list = []  # those written by the forked process, in order
        self.job: ForkedJob | None = None
        self.keepers: list[NoteKeeper] = []
        self.result: dict | None = None
        self.started = False

    def start(self, writer) -> None:
        """At the first ``generate_output``: fork the process that writes the generators
        that declared ``write_beside``, if this build may."""
        if self.started:
            return
        self.started = True
        beside = [g for g in self.generators if getattr(g, "write_beside", False)]
        listeners = _listeners()
        if not beside or listeners is None or not self._may_fork():
            return
        self.beside = beside
        self.keepers = keepers = [_keepers[listener] for listener in listeners]
        output_path = self.settings["OUTPUT_PATH"]
        self.job = ForkedJob(
            lambda: _write(beside, writer, self.settings, output_path, keepers), self.settings
        )

    def _may_fork(self) -> bool:
        if live_pages(self.settings) is not None:
            return False
        return worker_count(2, settings=self.settings, parallel_from=0, needs_fork=True) > 1

    def abandon(self) -> None:
        """The build failed: the forked process is stopped before the staging folder it
        writes into is deleted."""
        if self.job is not None and self.result is None:
            self.job.abandon()

    def written_beside(self, generator) -> bool:
        """Was ``generator`` written by the forked process? Then what it did is taken in
        here, now (its place in the order)."""
        if self.job is None or not any(g is generator for g in self.beside):
            return False
        if self.result is None:
            with timing.step("written beside: waiting"):
                self.result = self.job.result()
            _take_output(self.settings, self.result)
        number = next(i for i, g in enumerate(self.beside) if g is generator)
        output_path = self.settings["OUTPUT_PATH"]
        for keeper, notes in zip(self.keepers, self.result["notes"][number], strict=True):
            keeper.take(output_path, notes)
        return True


# What the forked process hands over of the build's output (kalo.output.Output).
_OUTPUT_RECORDS = ("kept", "tokens", "digests")
_NONE = object()


def _write(generators, writer, settings, output_path: str, keepers) -> dict:
    """In the forked process: write ``generators`` in order; what they did, to take in."""
    # Objects made before the fork are never collected here: a collection would touch
    # them all and copy every page of memory the two processes share.
    gc.freeze()
    output = output_of(settings)
    before = {name: dict(getattr(output, name)) for name in _OUTPUT_RECORDS}
    seconds = timing.seconds()
    notes = []
    for generator in generators:
        marks = [keeper.mark(output_path) for keeper in keepers]
        generator.write_here(writer)
        notes.append(
            [keeper.since(output_path, mark) for keeper, mark in zip(keepers, marks, strict=True)]
        )
    store = getattr(output, "page_store", None)
    return {
        "notes": notes,
        "output": {
            name: {
                key: value
                for key, value in getattr(output, name).items()
                if before[name].get(key, _NONE) != value
            }
            for name in _OUTPUT_RECORDS
        },
        "store": (store.noted, store.used) if store is not None else None,
        "seconds": {
            step: spent - seconds.get(step, 0.0)
            for step, spent in timing.seconds().items()
            if spent != seconds.get(step, 0.0)
        },
    }


def _take_output(settings, result: dict) -> None:
    output = output_of(settings)
    for name, changed in result["output"].items():
        getattr(output, name).update(changed)
    if result["store"] is not None:
        store = PageStore.of(output)
        if store is not None:
            noted, used = result["store"]
            store.noted.update(noted)
            store.used.update(used)
    timing.add(result["seconds"])


def overlapped(cls, phase: WritePhase):
    """``cls`` with its write phase run by ``phase``: beside, or here in its place."""

    class Overlapped(cls):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            phase.generators.append(self)

        def generate_output(self, writer):
            phase.start(writer)
            if not phase.written_beside(self):
                super().generate_output(writer)

        def write_here(self, writer):
            """The generator's own write phase (in the forked process)."""
            super().generate_output(writer)

    Overlapped.__name__ = Overlapped.__qualname__ = cls.__name__
    return Overlapped
