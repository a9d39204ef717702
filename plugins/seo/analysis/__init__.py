"""Yoast-style SEO analysis of one rendered page, for Greek and English; no Pelican import.

    from seo.analysis import PageForAnalysis, analyze_site, failing_pages
    from seo.settings import get_settings

    settings = get_settings(pelican_settings)
    reports = analyze_site(pages, settings)          # pages: PageForAnalysis
    failures = failing_pages(reports, settings)      # empty: the build goes on

``seo.report`` turns the reports into JSON, an HTML page and a terminal table.
"""

from .analyze import analyze_page, analyze_site, keyphrase_index, rating, score
from .checks import CHECK_IDS, CHECKS
from .failure import PageFailure, failing_pages
from .language import Keyphrase, Match, keyphrase_key, word_key
from .model import LEVELS, CheckResult, Level, PageForAnalysis, PageReport

__all__ = [
    "CHECKS",
    "CHECK_IDS",
    "LEVELS",
    "CheckResult",
    "Keyphrase",
    "Level",
    "Match",
    "PageFailure",
    "PageForAnalysis",
    "PageReport",
    "analyze_page",
    "analyze_site",
    "failing_pages",
    "keyphrase_index",
    "keyphrase_key",
    "rating",
    "score",
    "word_key",
]
