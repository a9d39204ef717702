"""Write many pages of one generator on all cores, with Pelican's writer semantics.

A generator adds its pages to a ``PageBatch`` (what it would have passed to
``writer.write_file``) and calls ``write(writer)``. With enough pages, the build process
forks (after ``generate_context``: the children share the whole context, nothing is
pickled); every process, this one included, renders the next few pages whenever it is
free and writes the files itself. When all are done, the parent sends Pelican's
``content_written`` signal for every page in the order they were added, with the same
local context Pelican's writer would have built, so the sitemap, the SEO analysis and the
search index note exactly what they noted before. Each page's bytes depend only on its
template and context, never on which process rendered it, so the output is the same as a
serial build's.

In the live preview (``kalo.live.LivePages`` in the settings) the output is the served
folder itself: a page whose description did not change since the preview wrote it is left
as it is.

The processes are ``kalo.parallel.map_forked``'s, with its policy: on Linux and macOS,
with 64 pages or more (``KALO_PARALLEL_FROM``), not with ``KALO_WORKERS=1``; otherwise
pages are written one after another in this process.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from pelican import signals
from pelican.utils import sanitised_join

from kalo.live import live_pages
from kalo.parallel import map_forked


@dataclass
class _Page:
    name: str  # path inside the output folder
    template: object  # a Jinja template
    kwargs: dict
    shows: str | None = None  # digest of all the page shows, besides the site's own inputs


@dataclass
class PageBatch:
    """``name``: the manifest of page fingerprints (``kalo.incremental.PageManifest``)."""

    context: dict
    settings: dict
    name: str = "pages"
    pages: list[_Page] = field(default_factory=list)

    def add(self, name: str, template, *, shows: str | None = None, **kwargs) -> None:
        """A page to write; ``shows``: a description of all the page shows that does not
        come from the site's own inputs (content, theme, plugins, settings, today), for
        example the data of the organizations it names. With it, the page may be reused
        from the previous output when that description did not change; without, it is
        always rendered."""
        digest = None
        if shows is not None:  # kept as a digest: descriptions can be long
            digest = hashlib.sha256(shows.encode("utf-8", "surrogatepass")).hexdigest()
        self.pages.append(_Page(name, template, kwargs, digest))

    def _reuse(self, output: str) -> list[_Page]:
        """Hard-link unchanged pages from the previous output; the pages left to render."""
        from kalo.incremental import PageManifest

        manifest = PageManifest(self.settings, self.name)
        if not manifest.enabled:
            return list(self.pages)
        left = []
        for page in self.pages:
            if page.shows is None:
                left.append(page)
                continue
            fingerprint = manifest.fingerprint(f"{page.name}\0{page.shows}")
            manifest.note(page.name, fingerprint)
            previous = manifest.reusable(page.name, fingerprint)
            if previous is None:
                left.append(page)
                continue
            target = sanitised_join(output, page.name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                os.link(previous, target)
            except OSError:
                left.append(page)
        self.reused = len(self.pages) - len(left)
        self._manifest = manifest
        return left

    def _localcontext(self, page: _Page) -> dict:
        """What Pelican's ``Writer.write_file`` gives the template (no relative URLs,
        no pagination: this project uses neither)."""
        local = self.context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        local["output_file"] = page.name
        local.update(page.kwargs)
        return local

    def _render(self, page: _Page, output: str) -> str:
        local = self._localcontext(page)
        html = page.template.render(local)
        path = sanitised_join(output, page.name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
        return path

    def write(self, writer) -> None:
        output = writer.output_path
        self._manifest = None
        self.reused = 0
        live = live_pages(self.settings)
        if live is not None:  # the preview: unchanged pages are already in the served folder
            keys = [live.key(page.name, page.shows) for page in self.pages]
            todo = [
                page
                for page, key in zip(self.pages, keys, strict=True)
                if not live.unchanged(page.name, key)
                or not os.path.isfile(sanitised_join(output, page.name))
            ]
            self.reused = len(self.pages) - len(todo)
        else:
            todo = self._reuse(output)
        self._render_all(todo, output)
        if live is not None:
            for page, key in zip(self.pages, keys, strict=True):
                live.note(page.name, key)
        for page in self.pages:
            path = sanitised_join(output, page.name)
            signals.content_written.send(path, context=self._localcontext(page))
        if self._manifest is not None:
            self._manifest.write_pending()

    def _render_all(self, pages: list[_Page], output: str) -> None:
        """Every process renders and writes its share; only the paths come back."""
        map_forked(lambda page: self._render(page, output), pages, settings=self.settings)
