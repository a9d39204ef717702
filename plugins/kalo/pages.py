"""Write many pages of one generator on all cores, with Pelican's writer semantics, and
reuse the pages whose inputs did not change.

A generator adds its pages to a ``PageBatch`` (what it would have passed to
``writer.write_file``) and calls ``write(writer)``. A page added with ``shows`` (what it
shows besides the site's own inputs) gets a fingerprint: that description and the site's
inputs (``kalo.output.Output.site_fingerprint``). When an incremental build finds the
same fingerprint:

* the output folder that the build updates in place holds that very page: it stays
  (``kalo.output.Output.keep``);
* otherwise the page store (``PageStore``, ``<KALO_CACHE_DIR>/pages/``) holds the page
  rendered from it by an earlier build: it is hard-linked into the staging folder.

The other pages are rendered. With enough of them the build process forks (after
``generate_context``: the children share the whole context, nothing is pickled); every
process renders an interleaved share of the pages, writes the files itself, and sends back
the digest of each page's bytes (the SEO and search steps key their work by it). When
all are done, the parent sends Pelican's ``content_written`` signal for every page in the
order they were added, with the same local context Pelican's writer would have built, so
the sitemap, the SEO analysis and the search index note exactly what they noted before.
Each page's bytes depend only on its template and context, never on which process
rendered it or whether it was reused, so the output is the same as a serial, clean build's.

In the live preview (``kalo.live.LivePages`` in the settings) the output is the served
folder itself: a page whose description did not change since the preview wrote it is left
as it is, a page written again replaces the old file whole (a browser reading it meanwhile
gets the old page or the new one, never half of one), and nothing is stored.

The processes are ``kalo.parallel.map_forked``'s, with its policy: on Linux and macOS,
with 64 pages or more (``KALO_PARALLEL_FROM``), not with ``KALO_WORKERS=1``; otherwise
pages are written one after another in this process.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from pelican.utils import sanitised_join

from kalo import timing
from kalo.cache import cache_dir
from kalo.files import write_atomic
from kalo.live import live_pages
from kalo.output import Output, output_of
from kalo.parallel import map_forked
from kalo.pickle_file import LazyPickleStore, read_pickle


@dataclass
class _Page:
    name: str  # path inside the output folder
    template: object  # a Jinja template
    kwargs: dict
    shows: str | None = None  # digest of all the page shows, besides the site's own inputs
    fingerprint: str | None = None
    render_values: Callable[[], dict] | None = None  # more values, made only to render


@dataclass
class PageBatch:
    """``name``: the generator's name, in messages."""

    context: dict
    settings: dict
    name: str = "pages"
    pages: list[_Page] = field(default_factory=list)
    reused: int = 0

    def add(
        self,
        name: str,
        template,
        *,
        shows: str | None = None,
        render_values: Callable[[], dict] | None = None,
        **kwargs,
    ) -> None:
        """A page to write; ``shows``: a description of all the page shows that does not
        come from the site's own inputs (content, theme, plugins, settings, today), for
        example the data of the organizations it names. With it, the page may be reused
        when that description did not change; without, it is always rendered.
        ``render_values()``: values the template needs that cost something to make (only
        called when the page is rendered; ``shows`` must cover them). The context of
        ``content_written`` has ``kwargs``, and those values when the page was rendered."""
        digest = None
        if shows is not None:  # kept as a digest: descriptions can be long
            digest = hashlib.sha256(shows.encode("utf-8", "surrogatepass")).hexdigest()
        self.pages.append(_Page(name, template, kwargs, digest, render_values=render_values))

    def _reuse(self, output: Output, store: PageStore | None) -> list[_Page]:
        """Keep or link the pages made before from the same inputs; the pages left to render."""
        if not output.fingerprints:
            return list(self.pages)
        site = output.site_fingerprint()
        left = []
        for page in self.pages:
            if page.shows is None:
                left.append(page)
                continue
            page.fingerprint = hashlib.sha256(
                f"{site}\0{page.name}\0{page.shows}".encode()
            ).hexdigest()
            if output.incremental and output.keep(page.name, page.fingerprint):
                if store is not None:
                    store.touch(page.fingerprint)
                continue
            stored = store.get(page.fingerprint) if store is not None else None
            if stored is not None and output.place(page.name, stored[0], page.fingerprint):
                output.wrote(page.name, page.fingerprint, stored[1])
                continue
            left.append(page)
        self.reused = len(self.pages) - len(left)
        return left

    def _localcontext(self, page: _Page) -> dict:
        """What Pelican's ``Writer.write_file`` gives the template (no relative URLs,
        no pagination: this project uses neither)."""
        local = self.context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        local["output_file"] = page.name
        local.update(page.kwargs)
        if page.render_values is not None:
            local.update(page.render_values())
        return local

    def _signal_context(self, page: _Page) -> PageContext:
        """The same values for ``content_written``, without copying the whole context for
        each page (listeners only read it)."""
        own = {"localsiteurl": self.context.get("localsiteurl"), "output_file": page.name}
        own.update(page.kwargs)
        return PageContext(own, self.context)

    def _render(
        self, page: _Page, output: str, store: PageStore | None, served: bool = False
    ) -> bytes:
        local = self._localcontext(page)
        data = page.template.render(local).encode("utf-8")
        path = sanitised_join(output, page.name)
        if served:  # the preview's folder, read while we write: each page replaced whole
            write_atomic(path, data)
            return hashlib.sha256(data).digest()
        try:
            handle = open(path, "wb")
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle = open(path, "wb")
        with handle:
            handle.write(data)
        if store is not None and page.fingerprint is not None:
            store.put(path, page.fingerprint)
        return hashlib.sha256(data).digest()

    def write(self, writer) -> None:
        output_path = writer.output_path
        output = output_of(self.settings)
        with timing.step("pages: store"):
            store = PageStore.of(output)
        self.reused = 0
        live = live_pages(self.settings)
        if live is not None:  # the preview: unchanged pages are already in the served folder
            store = None
            keys = [live.key(page.name, page.shows) for page in self.pages]
            todo = [
                page
                for page, key in zip(self.pages, keys, strict=True)
                if not live.unchanged(page.name, key)
                or not os.path.isfile(sanitised_join(output_path, page.name))
            ]
            self.reused = len(self.pages) - len(todo)
        else:
            with timing.step("pages: store"):
                store = PageStore.of(output)
            with timing.step("pages: fingerprints"):
                todo = self._reuse(output, store)
        with timing.step("pages: rendered"):
            digests = map_forked(
                lambda page: self._render(page, output_path, store, live is not None),
                todo,
                settings=self.settings,
            )
        for page, digest in zip(todo, digests, strict=True):
            output.wrote(page.name, page.fingerprint, digest)
            if store is not None and page.fingerprint is not None:
                store.note(page.fingerprint, digest)
        if live is not None:
            for page, key in zip(self.pages, keys, strict=True):
                live.note(page.name, key)
        with timing.step("pages: content_written"):
            for page in self.pages:
                path = os.path.join(output_path, page.name)
                signals.content_written.send(path, context=self._signal_context(page))


class PageContext(Mapping):
    """A page's own values over the build's context, read-only: what ``content_written``
    gives its listeners. A ``ChainMap`` did the same, but its ``get`` and ``in`` are
    Python loops over its maps, and the listeners look up some 30 values for each of the
    4,000 pages (kept ones too) of a build at 1,000 organizations."""

    __slots__ = ("_own", "_base")

    def __init__(self, own: dict, base: Mapping):
        self._own = own
        self._base = base

    def __getitem__(self, key):
        own = self._own
        return own[key] if key in own else self._base[key]

    def get(self, key, default=None):
        own = self._own
        return own[key] if key in own else self._base.get(key, default)

    def __contains__(self, key) -> bool:
        return key in self._own or key in self._base

    def __iter__(self) -> Iterator:
        yield from self._own
        yield from (key for key in self._base if key not in self._own)

    def __len__(self) -> int:
        return len(self._own) + sum(1 for key in self._base if key not in self._own)


class PageStore:
    """Rendered pages by fingerprint, across builds and output folders:
    ``<KALO_CACHE_DIR>/pages/<ab>/<fingerprint>.html``, hard links of the written files
    (no copy), with an index of each page's digest and the hour it was last used.

    The index (``kalo.pickle_file.PickleStore``, some 14,000 entries at 1,000
    organizations) is read only when it is needed: to link a stored page (a build into a
    new output folder, as CI's), and once an hour, when the use times of the pages this
    build kept are brought up to date and the store is pruned: pages not used for
    ``KEPT_SECONDS``, and beyond ``KEPT_FACTOR`` times the pages of the last build the least
    recently used, are deleted. In between, the pages a build stores are noted in a small
    file of their own (``RECENT``), read by every build, merged into the index at the next
    pruning. A build that updates the output in place after an edit reads and writes only
    that small file (0.05 s less at 1,000 organizations)."""

    KEPT_SECONDS = 2 * 24 * 3600
    KEPT_FACTOR = 3
    INDEX = "index.pickle"
    RECENT = "recent.pickle"
    RECENT_LIMIT = 512  # entries; beyond, they are merged into the index
    GRAIN = 3600 * 1_000_000_000  # use times are kept by the hour

    def __init__(self, folder: Path):
        self.folder = folder
        self.store = LazyPickleStore(folder / self.INDEX, "index.")
        self.now = time.time_ns() // self.GRAIN * self.GRAIN
        recent = read_pickle(folder / self.RECENT)
        # The hour the index was last pruned, and the pages stored since (not in it yet).
        self.pruned: int | None = recent.get("pruned")
        self.recent: dict[str, tuple[int, bytes]] = recent.get("entries", {})
        self.noted: dict[str, tuple[int, bytes]] = {}
        self.used: set[str] = set()

    @property
    def index(self) -> dict[str, tuple[int, bytes]]:
        return self.store.known

    @classmethod
    def of(cls, output: Output) -> PageStore | None:
        """The build's store (one per build), when pages may be reused; written once, when
        the build's output is in place (``Output.on_success``)."""
        if not output.incremental or output.settings is None:
            return None
        store = getattr(output, "page_store", None)
        if store is None:
            store = output.page_store = cls(cache_dir(output.settings, "pages"))
            output.on_success(store.save)
        return store

    def _file(self, fingerprint: str) -> Path:
        return self.folder / fingerprint[:2] / f"{fingerprint}.html"

    def _known(self, fingerprint: str) -> tuple[int, bytes] | None:
        known = self.noted.get(fingerprint) or self.recent.get(fingerprint)
        return known if known is not None else self.index.get(fingerprint)

    def touch(self, fingerprint: str) -> None:
        """A page the output folder still holds: still in use (if stored)."""
        self.used.add(fingerprint)

    def get(self, fingerprint: str) -> tuple[Path, bytes] | None:
        file = self._file(fingerprint)
        if not os.path.exists(file):  # never stored, or pruned: no need to read the index
            return None
        known = self._known(fingerprint)
        if known is None:
            return None
        self.used.add(fingerprint)
        return file, known[1]

    def put(self, path: str, fingerprint: str) -> None:
        """Keep the page just written at ``path`` (in a worker process: no index here)."""
        target = self._file(fingerprint)
        try:
            os.link(path, target)
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:
                pass
        except FileExistsError:  # the same page from the same inputs: replace it
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            try:
                os.link(path, tmp)
                os.replace(tmp, target)
            except OSError:
                tmp.unlink(missing_ok=True)
        except OSError:  # another file system: no store
            pass

    def note(self, fingerprint: str, digest: bytes) -> None:
        """A page this build rendered (and ``put``): its digest, for the index."""
        if self._file(fingerprint).exists():
            self.noted[fingerprint] = (self.now, digest)
            self.used.add(fingerprint)

    def save(self) -> None:
        recent = {**self.recent, **self.noted}
        if self.pruned == self.now and len(recent) <= self.RECENT_LIMIT:
            if self.noted:
                self._write_recent(recent)
            return
        self._prune(recent)

    def _write_recent(self, entries: dict) -> None:
        write_atomic(
            self.folder / self.RECENT,
            pickle.dumps(
                {"pruned": self.pruned, "entries": entries}, protocol=pickle.HIGHEST_PROTOCOL
            ),
        )

    def _prune(self, recent: dict) -> None:
        """The pages stored since the last pruning merged into the index, the use times of
        this build's pages brought up to date, old pages deleted; the index written."""
        index = self.index
        for fingerprint, entry in recent.items():
            if index.get(fingerprint) != entry:
                index[fingerprint] = entry
        for fingerprint in self.used:
            known = index.get(fingerprint)
            if known is not None and known[0] < self.now:
                index[fingerprint] = (self.now, known[1])
        oldest = self.now - self.KEPT_SECONDS * 1_000_000_000
        kept = sorted(
            ((used, fingerprint) for fingerprint, (used, _) in index.items()),
            reverse=True,
        )[: self.KEPT_FACTOR * len(self.used) + 1000]
        keep = {fingerprint for used, fingerprint in kept if used >= oldest} | self.used
        deleted = [f for f in index if f not in keep]
        for fingerprint in deleted:
            self._file(fingerprint).unlink(missing_ok=True)
            del index[fingerprint]
        self.store.save(index, whole=bool(deleted))  # a deleted page is never seen again
        self.pruned, self.recent, self.noted = self.now, {}, {}
        self._write_recent({})
