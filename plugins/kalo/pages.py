"""Write many pages of one generator on all cores, with Pelican's writer semantics.

A generator adds its pages to a ``PageBatch`` (what it would have passed to
``writer.write_file``) and calls ``write(writer)``. With enough pages, the build process
forks (after ``generate_context``: the children share the whole context, nothing is
pickled); every process renders an interleaved share of the pages and writes the files
itself. When all are done, the parent sends Pelican's ``content_written`` signal for every
page in the order they were added, with the same local context Pelican's writer would
have built, so the sitemap, the SEO analysis and the search index note exactly what they
noted before. Each page's bytes depend only on its template and context, never on which
process rendered it, so the output is the same as a serial build's.

Linux (fork) only; elsewhere, or with fewer pages than ``KALO_PARALLEL_PAGES_FROM``
(default 64) or ``KALO_WORKERS=1``, pages are written one after another in this process.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from dataclasses import dataclass, field

from pelican import signals
from pelican.utils import sanitised_join

PARALLEL_FROM = 64


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
        todo = self._reuse(output)
        self._render_all(todo, output)
        for page in self.pages:
            path = sanitised_join(output, page.name)
            signals.content_written.send(path, context=self._localcontext(page))
        if self._manifest is not None:
            self._manifest.write_pending()

    def _render_all(self, pages: list[_Page], output: str) -> None:
        workers = _workers(self.settings, len(pages))
        if workers <= 1:
            for page in pages:
                self._render(page, output)
            return
        children = []
        for share in range(1, workers):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: render its share, report, never return
                os.close(read)
                status = 0
                try:
                    for page in pages[share::workers]:
                        self._render(page, output)
                except BaseException:  # noqa: BLE001 - reported to the parent, which raises
                    os.write(write, traceback.format_exc().encode("utf-8", "replace"))
                    status = 1
                finally:
                    os.close(write)
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(status)
            os.close(write)
            children.append((pid, read))
        failure = None
        try:
            for page in pages[0::workers]:
                self._render(page, output)
        except BaseException as error:  # noqa: BLE001 - wait for the children, then raise
            failure = error
        reports = []
        for pid, read in children:
            chunks = []
            while chunk := os.read(read, 65536):
                chunks.append(chunk)
            os.close(read)
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                reports.append(
                    b"".join(chunks).decode("utf-8", "replace") or f"exit status {status}"
                )
        if failure is not None:
            raise failure
        if reports:
            raise RuntimeError("rendering pages failed in a worker process:\n" + "\n".join(reports))


def _workers(settings: dict, pages: int) -> int:
    if not hasattr(os, "fork") or pages < settings.get("KALO_PARALLEL_PAGES_FROM", PARALLEL_FROM):
        return 1
    wanted = settings.get("KALO_WORKERS") or os.environ.get("KALO_WORKERS") or os.cpu_count() or 1
    return max(1, min(int(wanted), pages))
