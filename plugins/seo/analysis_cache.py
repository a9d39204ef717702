"""The keyword analysis of many pages: reused from a cache when a page has not changed,
and run on all cores when it has.

A page's result depends on the page itself, the settings, the analysis code and the other
pages with the same focus keyphrase (the "competing pages" check); the cache key is made
of exactly these, so a stale result can never be reused.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from seo.analysis import PageForAnalysis, analyze_page, keyphrase_index
from seo.analysis.language import keyphrase_key
from seo.analysis.model import PageReport

ANALYSIS_FOLDER = Path(__file__).parent / "analysis"
# Below this many pages a pool costs more than it saves.
PARALLEL_FROM = 64


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(ANALYSIS_FOLDER.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _job(page: PageForAnalysis, index: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """The page as plain, picklable fields, with only its own keyphrase's competitors
    (the whole index for every page would make the work grow with the square of pages)."""
    fields = {field.name: getattr(page, field.name) for field in dataclasses.fields(page)}
    key = keyphrase_key(page.keyphrase, page.lang)
    fields["keyphrase_pages"] = {key: tuple(index[key])} if key in index else {}
    fields["images_alt"] = tuple(page.images_alt)
    return fields


def _key(job: dict[str, Any], settings: Mapping[str, Any]) -> str:
    material = repr((sorted(job.items()), sorted(settings.items()), _code_version()))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _analyze(job: tuple[dict[str, Any], Mapping[str, Any]]) -> PageReport:
    fields, settings = job
    return analyze_page(PageForAnalysis(**fields), settings)


def analyze_cached(pages: list[PageForAnalysis], settings: Mapping[str, Any],
                   cache: Path, keys_out: list[str] | None = None) -> tuple[PageReport, ...]:
    """Reports of all pages, sorted by url then language, as ``analyze_site`` gives them.
    ``keys_out``: filled with every page's cache key (they determine the reports)."""
    index = keyphrase_index(pages)
    jobs_by_page = [_job(page, page.keyphrase_pages or index) for page in pages]
    cache.mkdir(parents=True, exist_ok=True)
    keys = [_key(job, settings) for job in jobs_by_page]
    if keys_out is not None:
        keys_out.extend(keys)
    reports: dict[int, PageReport] = {}
    for number, key in enumerate(keys):
        stored = cache / f"{key}.pickle"
        if stored.exists():
            try:
                reports[number] = pickle.loads(stored.read_bytes())
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass  # a damaged or outdated entry: analyse again
    missing = [number for number in range(len(pages)) if number not in reports]
    jobs = [(jobs_by_page[number], settings) for number in missing]
    if len(jobs) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor() as pool:
            fresh = list(pool.map(_analyze, jobs, chunksize=16))
    else:
        fresh = [_analyze(job) for job in jobs]
    for number, report in zip(missing, fresh):
        reports[number] = report
        (cache / f"{keys[number]}.pickle").write_bytes(pickle.dumps(report))
    return tuple(sorted(reports.values(), key=lambda r: (r.url, r.lang)))
