"""Run the keyword analysis over the written pages and write its report.

Pages are noted as they are written (with their keyphrase and kind from the context);
when the build is finished their HTML is read back, so the analysis sees exactly what
visitors and search engines see. The report goes to ``<output>/seo/`` (``index.html``,
``report.json``, ``report.txt`` for ``make seo``), which robots.txt and the sitemap leave
out. With ``SEO_FAIL_LEVEL`` set, pages that fail stop the build (nothing is published).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from kalo import i18n, timing
from kalo.cache import cache_dir
from kalo.files import replacing
from kalo.output import Output, output_of
from kalo.pickle_file import LazyPickleStore, PickleStore
from kalo.problems import Problem, raise_if_errors
from seo.analysis import PageReport, failing_pages
from seo.analysis_cache import analyze_written
from seo.report import TEMPLATE, Fragments, write_html, write_json, write_table
from seo.settings import get_settings
from seo.written_page import WrittenPage

REPORT_FOLDER = "seo"


REPORT_FILES = ("report.json", "index.html", "report.txt")
# Each page's parts of the report, kept from the last build (seo.report.Fragments): the
# parts, and each page's summary and places.
FRAGMENTS = "fragments"
SUMMARIES = "summaries"
# Report folders kept in the cache: the current one and the one before (bounded disk use).
CACHED_REPORTS = 2


def _report_setup(templates: Path) -> hashlib._Hash:
    """What every part of the report depends on besides the results: the code and the
    template that write it, and the interface strings' translations."""
    digest = hashlib.sha256()
    digest.update(Path(__file__).with_name("report.py").read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update((templates / TEMPLATE).read_bytes())
    for lang in i18n.LANGS:
        digest.update(i18n.catalog_version(lang).encode())
    return digest


def _report_key(keys: list[str], templates: Path) -> str:
    """The report files depend only on the set of page results (each page's cache key
    determines its report) and on ``_report_setup``."""
    digest = _report_setup(templates)
    for key in sorted(keys):
        digest.update(key.encode() + b"\0")
    return digest.hexdigest()


def _stale_limit(pages: int) -> int:
    """How many pages may be missing from the report's stores before the report is written
    again to bring them up to date (a few edited pages cost less than writing it)."""
    return max(64, pages // 32)


def _report_token(reports, templates: Path, fragments: Fragments) -> str | None:
    """What the report files are made from: each page's results, in order, and what writes
    them (None when a page's results are not known)."""
    digest = fragments.report_digest(reports, _report_setup(templates).hexdigest())
    return f"seo report {digest}" if digest is not None else None


def _kept_report(written: Output, token: str | None) -> bool:
    """Leave the report files of the output folder (updated in place) as they are when
    they were made from the same results (an edit that changes no page's results: an
    address, a phone number, a photo)."""
    paths = [f"{REPORT_FOLDER}/{name}" for name in REPORT_FILES]
    if token is None or any(written.previous_token(path) != token for path in paths):
        return False
    for path in paths:
        written.keep(path, token)
    return True


def _share(source: Path, target: Path, link: bool) -> None:
    """``target`` becomes ``source``'s bytes: a hard link when ``link`` (nothing rewrites
    either file in place afterwards), else, or across file systems, a copy."""
    if link:
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    shutil.copyfile(source, target)


def _cached_report(folder: Path) -> bool:
    """The report made from the same results is in the cache (``_write_report``)."""
    return all((folder / name).is_file() for name in REPORT_FILES)


def _write_report(
    reports,
    folder: Path,
    cache: Path,
    key: str,
    templates: Path,
    fragments: Fragments,
    link: bool = False,
    from_cache: bool = True,
) -> bool:
    """Write the three report files, or copy them from the cache when the same results
    were reported before (writing them costs more than the analysis of a warm build) and
    ``from_cache``; else each page's parts of the report come from the last build when its
    results and its place are the same (``seo.report.Fragments``)."""
    cached = cache / key
    if from_cache and _cached_report(cached):
        for name in REPORT_FILES:
            _share(cached / name, folder / name, link)
        os.utime(cached)  # the newest: kept
        return False
    write_json(reports, folder / "report.json", fragments)
    write_html(reports, folder / "index.html", templates, fragments)
    write_table(reports, folder / "report.txt", fragments=fragments)
    # Each file replaced atomically is enough: a folder is used only when it holds all
    # three, and every build writes the same bytes under the same key.
    for name in REPORT_FILES:
        with replacing(cached / name) as temporary:
            _share(folder / name, temporary, link)
    older = sorted(
        (p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in older[CACHED_REPORTS:]:
        shutil.rmtree(stale, ignore_errors=True)
    return True


def analyze_and_report(
    pages: list[WrittenPage], output: Path, settings: dict, site_url: str
) -> None:
    seo_settings = get_settings(settings)
    site_host = urlsplit(site_url).hostname or ""
    cache = cache_dir(settings, "seo")
    templates = Path(settings["THEME"]) / "templates"
    written = output_of(settings)
    # Each page's parts of the report, from the last build (incremental builds only): its
    # summary and places in one store, the parts (large) in another, read when needed.
    setup = _report_setup(templates).hexdigest()[:16]
    folder_of_stores = cache / "reports"
    summaries = parts = None
    if written.incremental:
        summaries = PickleStore(folder_of_stores / f"{SUMMARIES}-{setup}.pickle", f"{SUMMARIES}-")
        parts = LazyPickleStore(folder_of_stores / f"{FRAGMENTS}-{setup}.pickle", f"{FRAGMENTS}-")

    def analysed_with(stand_in: bool) -> tuple[Fragments, list[str], tuple, list]:
        report_keys: dict[int, str] = {}
        fragments = Fragments(
            summaries.known if summaries is not None else {},
            report_keys,
            parts=(lambda: parts.known) if parts is not None else None,
        )
        keys: list[str] = []
        # Pages kept in the output folder are read there; their digests are known
        # (kalo.output).
        reports = analyze_written(
            pages,
            site_host,
            seo_settings,
            cache,
            keys,
            build_settings=settings,
            digests=[written.digest(page.path) for page in pages],
            report_keys=report_keys,
            stand_in=fragments.stand_in if stand_in else None,
            readable=written.readable,
        )
        analysed = [report for report in reports if isinstance(report, PageReport)]
        failures = failing_pages(analysed, seo_settings)
        failing = {id(failure.report) for failure in failures}
        for report in analysed:
            fragments.remember(report, id(report) in failing)
        return fragments, keys, reports, failures

    fragments, keys, reports, failures = analysed_with(stand_in=written.incremental)
    folder = output / REPORT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    with timing.step("SEO analysis: report"):
        token = _report_token(reports, templates, fragments) if written.fingerprints else None
        # Pages whose parts the stores do not hold (their cache key is new: an edited page,
        # or every page after the analysis code or its settings changed): they cost their
        # results and parts in every build until the report is written again, with them.
        stale = len(pages) - len(fragments.standing_in) if summaries is not None else 0
        refresh = stale > _stale_limit(len(pages))
        if refresh or not _kept_report(written, token):
            report_key = _report_key(keys, templates)
            cached = not refresh and _cached_report(folder_of_stores / report_key)
            if not cached and not fragments.kept_parts_complete():
                # The parts' store was lost or damaged: every page's parts made again.
                fragments, keys, reports, failures = analysed_with(stand_in=False)
            wrote = _write_report(
                reports,
                folder,
                folder_of_stores,
                report_key,
                templates,
                fragments,
                # Post-processing (publish) rewrites output files: the cache keeps copies.
                link=written.reuse,
                from_cache=not refresh,
            )
            for name in REPORT_FILES:
                written.wrote(f"{REPORT_FOLDER}/{name}", token)
            if summaries is not None and parts is not None and wrote:
                kept_summaries, kept_parts = fragments.for_stores()
                # Parts first: a summary never names parts that were not kept.
                parts.save(kept_parts)
                summaries.save(kept_summaries)
    raise_if_errors(
        Problem(
            file=failure.report.source or failure.report.url,
            line=None,
            field="keywords",
            message_en=f"SEO score {failure.report.score} for {failure.report.url}: "
            + "; ".join(result.advice for result in failure.results if failure.report.lang == "en")
            or f"SEO score {failure.report.score} for {failure.report.url} is below the minimum",
            message_el=f"βαθμός SEO {failure.report.score} για {failure.report.url}: "
            + "; ".join(result.advice for result in failure.results if failure.report.lang == "el")
            or f"ο βαθμός SEO {failure.report.score} για {failure.report.url} "
            "είναι κάτω από το ελάχιστο",
        )
        for failure in failures
    )
