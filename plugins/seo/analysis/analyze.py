"""Running the checks on a page, and on a whole site; the score."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..settings import get_settings
from .checks import CHECKS
from .context import Context
from .language import keyphrase_key
from .model import CheckResult, Level, PageForAnalysis, PageReport

POINTS: dict[str, float] = {"good": 1.0, "ok": 0.5, "problem": 0.0}


def analyze_page(page: PageForAnalysis, settings: Mapping[str, Any] | None = None) -> PageReport:
    """Every check that applies to ``page``, its score and its overall light.

    ``settings`` is the dict from ``seo.settings.get_settings`` (defaults when None).
    Without a keyphrase, the checks that need one are not run and each counts as a
    problem in the score, so a page cannot score well by having no keyphrase.
    """
    settings = get_settings() if settings is None else settings
    ctx = Context(page, settings)
    disabled = set(settings["SEO_DISABLED_CHECKS"])
    results: list[CheckResult] = []
    not_run = 0
    for check in CHECKS:
        if check.ID in disabled:
            continue
        if check.NEEDS_KEYPHRASE and ctx.keyphrase is None:
            not_run += 1
            continue
        result = check.run(ctx)
        if result is not None:
            results.append(result)
    total = score(results, not_run)
    return PageReport(
        url=page.url,
        lang=page.lang,
        title=page.title,
        keyphrase=ctx.keyphrase.text if ctx.keyphrase else None,
        score=total,
        rating=rating(total, settings),
        results=tuple(results),
        source=page.source,
    )


def score(results: Iterable[CheckResult], not_run: int = 0) -> int:
    """0-100: good counts 1, ok ½, problem 0, averaged; ``not_run`` checks count as problems."""
    points = [POINTS[r.level] for r in results]
    count = len(points) + not_run
    if count == 0:
        return 0
    return int(100 * sum(points) / count + 0.5)


def rating(total: int, settings: Mapping[str, Any]) -> Level:
    """The page's overall light from its score (``SEO_RATING``)."""
    thresholds = settings["SEO_RATING"]
    if total >= thresholds["good"]:
        return "good"
    if total >= thresholds["ok"]:
        return "ok"
    return "problem"


KeyOf = Callable[[str | None, str], str | None]


def keyphrase_index(
    pages: Iterable[PageForAnalysis], key_of: KeyOf = keyphrase_key
) -> dict[str, tuple[str, ...]]:
    """Keyphrase key (``key_of``) → the sorted urls of the pages with that focus keyphrase."""
    index: dict[str, set[str]] = {}
    for page in pages:
        key = key_of(page.keyphrase, page.lang)
        if key is not None:
            index.setdefault(key, set()).add(page.url)
    return {key: tuple(sorted(urls)) for key, urls in sorted(index.items())}


def analyze_site(
    pages: Iterable[PageForAnalysis], settings: Mapping[str, Any] | None = None
) -> tuple[PageReport, ...]:
    """Reports of all pages, sorted by url then language.

    Pages whose ``keyphrase_pages`` is empty get the index of the pages given here,
    so that ``competing_pages`` compares them with each other.
    """
    settings = get_settings() if settings is None else settings
    pages = list(pages)
    index = keyphrase_index(pages)
    reports = [
        analyze_page(
            page if page.keyphrase_pages else dataclasses.replace(page, keyphrase_pages=index),
            settings,
        )
        for page in pages
    ]
    return tuple(sorted(reports, key=lambda r: (r.url, r.lang)))
