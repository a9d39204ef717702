"""The keyword analysis of many written pages: reused from a cache when a page has not
changed, and run on all cores when it has.

A page's result depends on the page's bytes, what the build knows about it (address,
language, keyphrase, kind), the settings, the analysis code and the other pages with the
same focus keyphrase (the "competing pages" check); the cache key is made of exactly
these, so a stale result can never be reused. Pages are read one at a time, by the
process that analyses them: the parent never holds the text of every page (at 20,000
pages that was most of the build's memory).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from kalo import timing
from kalo.incremental import file_digest
from kalo.parallel import map_forked
from kalo.pickle_file import read_pickle, replace_pickle
from seo.analysis import analyze_page, keyphrase_index
from seo.analysis.analyze import KeyOf
from seo.analysis.checks.competing_pages import LISTED_URLS
from seo.analysis.language import keyphrase_key
from seo.analysis.model import PageReport
from seo.result_store import ResultStore
from seo.written_page import WrittenPage, read_page

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def _code_version() -> str:
    """The analysis code and the stemmers' version (a compiled library: another Snowball
    may stem differently)."""
    import Stemmer

    digest = hashlib.sha256()
    for path in sorted((HERE / "analysis").rglob("*.py")):
        digest.update(path.read_bytes())
    digest.update((HERE / "written_page.py").read_bytes())
    digest.update(f"Stemmer {Stemmer.version()}".encode())
    return digest.hexdigest()


class KeyphraseKeys:
    """``keyphrase_key`` of each keyphrase and language, kept from the last build: every
    build sees the same few hundred keyphrases (kept when the stemmers were pure Python;
    with Snowball's C stemmers a key costs microseconds, but reading them back costs less)."""

    PREFIX = "keyphrase-keys-"

    def __init__(self, cache: Path):
        self.file = cache / f"{self.PREFIX}{_code_version()[:16]}.pickle"
        self.known: dict = read_pickle(self.file)
        self.used: dict = {}

    def __call__(self, keyphrase: str | None, lang: str) -> str | None:
        entry = (keyphrase, lang)
        if entry not in self.used:
            known = entry in self.known
            self.used[entry] = self.known[entry] if known else keyphrase_key(keyphrase, lang)
        return self.used[entry]

    def save(self) -> None:
        """Keep this build's keys (only when they are not those already kept)."""
        if self.used != self.known:
            replace_pickle(self.file, self.used, self.PREFIX)


def _job(
    page: WrittenPage,
    site_host: str,
    index: Mapping[str, Sequence[str]],
    members: Mapping[str, frozenset[str]],
    key_of: KeyOf = keyphrase_key,
) -> dict[str, Any]:
    """The page as plain, picklable fields, with only its own keyphrase's competitors: the
    first few that the report names and their number (passing every competitor to every
    page made the work grow with the square of the pages sharing a keyphrase)."""
    key = key_of(page.keyphrase, page.lang)
    urls = index.get(key, ())
    others = [url for url in urls[: LISTED_URLS + 1] if url != page.url][:LISTED_URLS]
    return {
        "page": page,
        "site_host": site_host,
        "keyphrase_pages": {key: tuple(others)} if key in index else {},
        "competing_count": len(urls) - (page.url in members.get(key, ())),
    }


def _key(job: Mapping[str, Any], content_digest: bytes, site_wide: bytes) -> str:
    """``site_wide``: the settings and the analysis code, the same for every page."""
    page = job["page"]
    material = repr(
        (
            page.url,
            page.lang,
            page.keyphrase,
            page.kind,
            page.source,
            job["site_host"],
            sorted(job["keyphrase_pages"].items()),
            job["competing_count"],
        )
    )
    digest = hashlib.sha256(site_wide)
    digest.update(material.encode("utf-8"))
    digest.update(content_digest)
    return digest.hexdigest()


def _analyze(fields: Mapping[str, Any], settings: Mapping[str, Any]) -> PageReport:
    page = read_page(
        fields["page"], fields["site_host"], fields["keyphrase_pages"], fields["competing_count"]
    )
    return analyze_page(page, settings)


def analyze_written(
    pages: Sequence[WrittenPage],
    site_host: str,
    settings: Mapping[str, Any],
    cache: Path,
    keys_out: list[str] | None = None,
    build_settings: Mapping[str, Any] | None = None,
    digests: Sequence[bytes] | None = None,
    report_keys: dict[int, str] | None = None,
    stand_in: Callable[[str, int], Any] | None = None,
    readable: Callable[[Path], Path] | None = None,
) -> tuple[PageReport, ...]:
    """Reports of all pages, sorted by url then language, as ``analyze_site`` gives them.
    ``keys_out``: filled with every page's cache key (they determine the reports).
    ``build_settings``: the build's, for how many processes analyse (``kalo.parallel``).
    ``digests``: the SHA-256 of each page's bytes, when known (else each page is read).
    ``report_keys``: filled with the ``id`` of each report → its page's cache key.
    ``stand_in(key, place)``: what to report for a page instead of its results, when the
    report keeps every part of it (``seo.report.Fragments``); its place in the report
    counts from 1. ``readable(path)``: where a page to analyse is read (default: its path)."""
    with timing.step("SEO analysis: keys and cache"):
        key_of = KeyphraseKeys(cache)
        index = keyphrase_index(pages, key_of)
        members = {key: frozenset(urls) for key, urls in index.items()}
        jobs_by_page = [_job(page, site_host, index, members, key_of) for page in pages]
        key_of.save()
        site_wide = hashlib.sha256(
            repr((sorted(settings.items()), _code_version())).encode()
        ).digest()
        if digests is None:
            digests = [file_digest(job["page"].path) for job in jobs_by_page]
        keys = [
            _key(job, digest, site_wide) for job, digest in zip(jobs_by_page, digests, strict=True)
        ]
        if keys_out is not None:
            keys_out.extend(keys)
        reports: dict[int, Any] = {}
        if stand_in is not None:
            order = sorted(range(len(pages)), key=lambda n: (pages[n].url, pages[n].lang))
            for place, number in enumerate(order, start=1):
                known = stand_in(keys[number], place)
                if known is not None:
                    reports[number] = known
        store = ResultStore(cache)
        stored = store.load({key for n, key in enumerate(keys) if n not in reports})
        for number, key in enumerate(keys):
            if number not in reports and isinstance(stored.get(key), PageReport):
                reports[number] = stored[key]
    missing = [number for number in range(len(pages)) if number not in reports]
    if readable is not None:
        for number in missing:
            page = jobs_by_page[number]["page"]
            jobs_by_page[number]["page"] = dataclasses.replace(page, path=readable(page.path))
    with timing.step("SEO analysis: pages analysed"):
        # Forked: the jobs and settings are inherited, only the reports are pickled back.
        fresh = map_forked(
            lambda number: _analyze(jobs_by_page[number], settings),
            missing,
            settings=build_settings,
        )
    for number, report in zip(missing, fresh, strict=False):
        reports[number] = report
    if report_keys is not None:
        report_keys.update((id(report), keys[number]) for number, report in reports.items())
    with timing.step("SEO analysis: keys and cache"):
        store.save(keys, {keys[number]: reports[number] for number in missing})
        store.close()
    return tuple(sorted(reports.values(), key=lambda r: (r.url, r.lang)))
