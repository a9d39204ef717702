"""How a generator takes in changed files without a full build: the live preview's protocol.

The preview (``kalo.preview``) keeps one Pelican run's generators and their context in
memory. When files change, it asks each generator that is a ``LiveGenerator`` whether it
reads them (``live_claims``). A change that no live generator claims (a template, a static
page, an image, the code) gets a full build. Otherwise, in the build's order, every live
generator is told every changed path (``live_update``): it re-reads and re-validates only
what changed, and updates its models and its part of the shared context; then each writes
the pages that show the change (``live_write_first``), before anything else. The preview
then writes the rest of the site as a build would (``generate_output`` of every generator,
the unchanged pages skipped through ``LivePages``), and the search index and the SEO report
follow in the background.

A generator answers for the pages of others only through the context: the organizations'
generator updates ``organizations``, the workshops' one sees it changed and writes its
pages that name a changed organization first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

# The setting that holds the preview's record of written pages (``LivePages``).
LIVE_PAGES = "KALO_LIVE_PAGES"
# A setting a plugin may declare: a function of a request's path that gives the HTTP
# headers the preview answers with (the site's Content Security Policy).
PREVIEW_HEADERS = "KALO_PREVIEW_HEADERS"


class NeedsFullBuild(Exception):  # noqa: N818 - a request, not an error
    """Raised by ``live_update``, before it changes anything, for a change it cannot take
    in alone (what it changed is read by steps that run only in a full build: images)."""


class LiveGenerator:
    """A mixin for a Pelican generator that the preview can update file by file."""

    def live_claims(self, path: Path) -> bool:
        """Is ``path`` (absolute, resolved; maybe deleted) a file this generator reads and
        can take in with ``live_update``?"""
        return False

    def live_update(self, changed: Sequence[Path]) -> None:
        """Every changed path, this generator's and others' (called after the live
        generators before it were updated). Re-read and re-validate what changed; on content
        mistakes print them and raise ``kalo.problems.ContentErrors``, on a change it cannot
        take in raise ``NeedsFullBuild``, both before changing any state."""

    def live_write_first(self, writer) -> list[str]:
        """Write the pages that show the last update (its own, and those of its pages that
        show another generator's change); return their paths in the output folder."""
        return []


class LivePages:
    """What the preview last wrote of each page that describes what it shows
    (``kalo.pages.PageBatch.add(shows=...)``): a page whose description did not change
    since, under the same site inputs (``site``: set at every full build), is already
    right in the served folder and is not rendered again."""

    def __init__(self) -> None:
        self.site = ""
        self.written: dict[str, str] = {}

    def __repr__(self) -> str:  # the settings' fingerprint must not see an address
        return "LivePages()"

    def key(self, name: str, shows: str | None) -> str | None:
        if shows is None:
            return None
        return hashlib.sha256(f"{self.site}\0{name}\0{shows}".encode()).hexdigest()

    def unchanged(self, name: str, key: str | None) -> bool:
        return key is not None and self.written.get(name) == key

    def note(self, name: str, key: str | None) -> None:
        if key is None:
            self.written.pop(name, None)
        else:
            self.written[name] = key


def live_pages(settings) -> LivePages | None:
    return settings.get(LIVE_PAGES)
