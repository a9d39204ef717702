"""What reading a static page made, kept across builds: its HTML and metadata as the reader
returned them, and its HTML once typeset and made safe (``prepare_page``).

Reading content/pages costs a Markdown converter (the first one imports its extensions,
Pygments among them: 40 ms), the conversions and the typography (typogrify compiles its
patterns on first use): 0.07 s for twelve pages, in every build, though an edit elsewhere
changes none of them. What they make depends on the page's bytes and on the site's inputs
(code, theme, settings, packages, the day: ``kalo.output.Output.site_fingerprint``), so it
is kept by those, in one pickle per site fingerprint, for the builds that fingerprint their
pages (``Output.fingerprints``; not the live preview, not ``build()`` without a record).
The site's inputs include the content folder, so today a page's edit starts a new pickle
(all twelve read again); each entry is also keyed by its page's path and bytes, so that it
stays right if the pages ever describe their own part of the inputs, as profiles do.

Only plain values are kept: a page's metadata may hold Pelican objects that carry the
settings (dates, tags, authors), and such a page is simply read again in every build.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import weakref

from kalo.cache import cache_dir
from kalo.output import output_of
from kalo.pickle_file import PickleStore

_PLAIN = (str, int, float, bool, type(None), datetime.date)


class ReadCache:
    """One build's cache of page reads: ``known`` from the last build, ``used`` by this one."""

    def __init__(self, settings, site: str):
        folder = cache_dir(settings, "pages-read")
        self.store = PickleStore(folder / f"read-{site[:24]}.pickle", "read-")
        self.used: dict = {}

    def _get(self, key: bytes):
        found = self.used.get(key)
        if found is None:
            found = self.store.known.get(key)
            if found is not None:
                self.used[key] = found
        return found

    def read(self, path: str, source: bytes, read):
        """``read()`` (the reader's content and metadata), or what it gave for the same
        path and bytes before."""
        key = b"read\0" + _digest(path.encode("utf-8", "surrogatepass") + b"\0" + source)
        found = self._get(key)
        if found is not None:  # a copy: Pelican may change the metadata it is given
            return found[0], copy.deepcopy(found[1])
        content, metadata = read()
        if isinstance(content, str) and all(_plain(value) for value in metadata.values()):
            self.used[key] = (content, copy.deepcopy(metadata))
        return content, metadata

    def typeset(self, html: str, lang: str, typeset) -> str:
        """``typeset(html, lang)``, or what it gave for the same HTML and language before."""
        key = b"typeset\0" + _digest(f"{lang}\0{html}".encode("utf-8", "surrogatepass"))
        found = self._get(key)
        if found is None:
            found = self.used[key] = typeset(html, lang)
        return found

    def save(self) -> None:
        if self.used.keys() != self.store.known.keys():
            self.store.save(self.used)


def _digest(material: bytes) -> bytes:
    return hashlib.sha256(material).digest()


def _plain(value) -> bool:
    if isinstance(value, list | tuple):
        return all(_plain(item) for item in value)
    return isinstance(value, _PLAIN)


# The cache of each build, by the build's Output (one object for the whole build, dropped
# when it ends: nothing outlives it, even a build that failed); None once saved.
_open: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def read_cache(settings) -> ReadCache | None:
    """This build's cache; None when it keeps none (see the module's doc) or is saved."""
    output = output_of(settings)
    if not output.fingerprints:
        return None
    if output not in _open:
        _open[output] = ReadCache(settings, output.site_fingerprint())
    return _open[output]


def save(generators) -> None:
    """Every generator has read its content (``all_generators_finalized``)."""
    if not generators:
        return
    output = output_of(generators[0].settings)
    cache = _open.get(output)
    if cache is not None:
        cache.save()
        _open[output] = None
