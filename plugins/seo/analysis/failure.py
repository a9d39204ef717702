"""Whether the build should fail, from the reports and the ``SEO_FAIL_*`` settings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .model import LEVEL_RANK, CheckResult, PageReport


@dataclass(frozen=True)
class PageFailure:
    """A page that fails the build: the results at or past the fail level, and whether
    its score is under ``SEO_FAIL_MIN_SCORE``."""

    report: PageReport
    results: tuple[CheckResult, ...]
    low_score: bool

    @property
    def url(self) -> str:
        return self.report.url


def failing_pages(
    reports: Iterable[PageReport], settings: Mapping[str, Any]
) -> tuple[PageFailure, ...]:
    """The pages that fail, sorted by url then language; empty when the build may go on.

    A result fails when ``SEO_FAIL_LEVEL`` is set, its level is that bad or worse
    (``"ok"`` catches ok and problem) and its check is in ``SEO_FAIL_CHECKS`` (empty:
    every check). A page also fails when its score is under ``SEO_FAIL_MIN_SCORE``.
    """
    level = settings.get("SEO_FAIL_LEVEL")
    only = set(settings.get("SEO_FAIL_CHECKS") or ())
    minimum = settings.get("SEO_FAIL_MIN_SCORE")
    failures = []
    for report in reports:
        failed: tuple[CheckResult, ...] = ()
        if level is not None:
            failed = tuple(
                r
                for r in report.results
                if LEVEL_RANK[r.level] >= LEVEL_RANK[level] and (not only or r.id in only)
            )
        low = minimum is not None and report.score < minimum
        if failed or low:
            failures.append(PageFailure(report, failed, low))
    return tuple(sorted(failures, key=lambda f: (f.report.url, f.report.lang)))
