"""What goes into the analysis (one rendered page) and what comes out (its report)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

Level = Literal["good", "ok", "problem"]
LEVELS: tuple[Level, ...] = ("good", "ok", "problem")
"""From best to worst: the traffic light's green, orange and red."""
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}
LANGS = ("el", "en")


@dataclass(frozen=True)
class PageForAnalysis:
    """One rendered page, as the build knows it.

    - ``url``: the page's address, site-relative (``/en/organizations/x/``) or absolute.
    - ``lang``: ``"el"`` or ``"en"``; the advice is written in this language.
    - ``title``: the text of the page's ``<title>``, as search engines show it.
    - ``meta_description``: the ``<meta name="description">`` text ('' when none).
    - ``slug``: the last part of the address (``koinoniki-kouzina-peristeri``).
    - ``html``: the main content only (no header, menus or footer).
    - ``keyphrase``: the focus keyphrase (the first keyword), or None.
    - ``images_alt``: alt texts of the page's images that are *not* in ``html`` (a
      profile's cover photo, say); images inside ``html`` are found there.
    - ``keyphrase_pages``: keyphrase key (``keyphrase_key``) → urls of the pages using
      it as focus keyphrase, for the whole site; this page may be among them.
      ``analyze_site`` fills it when left empty.
    - ``competing_count``: when ``keyphrase_pages`` lists only the first few other pages
      of this page's keyphrase (a build with thousands of pages), how many other pages
      have it in all; None when ``keyphrase_pages`` is complete.
    - ``site_host``: the site's host name (``kalo-dytikis-athinas.gr``): links to it are
      internal, links to other hosts outbound.
    - ``kind``: picks the text-length thresholds (``SEO_TEXT_LENGTH``): ``"page"``,
      ``"profile"``, ``"workshop"``...
    - ``source``: the source file the volunteer edits, for messages (optional).
    """

    url: str
    lang: str
    title: str
    meta_description: str
    slug: str
    html: str
    keyphrase: str | None
    images_alt: Sequence[str] = ()
    keyphrase_pages: Mapping[str, Sequence[str]] = field(
        default_factory=dict, hash=False, compare=False
    )
    site_host: str = ""
    kind: str = "page"
    source: str = ""
    competing_count: int | None = None

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"{self.url}: lang must be one of {LANGS}, not {self.lang!r}")
        object.__setattr__(self, "images_alt", tuple(self.images_alt))
        frozen = {key: tuple(urls) for key, urls in self.keyphrase_pages.items()}
        object.__setattr__(self, "keyphrase_pages", MappingProxyType(frozen))


@dataclass(frozen=True, slots=True)  # slots: 20,000 pages hold 300,000 of these
class CheckResult:
    """The outcome of one check on one page.

    ``id`` names the check (``keyphrase_in_title``); ``outcome`` names which message was
    chosen (``not_at_start``); ``advice`` is that message in the page's language;
    ``values`` are the numbers behind it (``{"words": 250}``).
    """

    id: str
    level: Level
    outcome: str
    advice: str
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "outcome": self.outcome,
            "advice": self.advice,
            "values": dict(sorted(self.values.items())),
        }


@dataclass(frozen=True, slots=True)
class PageReport:
    """Every check that applied to one page, in the order the checks run, and its score."""

    url: str
    lang: str
    title: str
    keyphrase: str | None
    score: int
    rating: Level
    results: tuple[CheckResult, ...]
    source: str = ""

    def result(self, check_id: str) -> CheckResult | None:
        return next((r for r in self.results if r.id == check_id), None)

    def at_level(self, level: Level) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if r.level == level)

    def counts(self) -> dict[str, int]:
        return {level: len(self.at_level(level)) for level in LEVELS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "lang": self.lang,
            "source": self.source,
            "title": self.title,
            "keyphrase": self.keyphrase,
            "score": self.score,
            "rating": self.rating,
            "counts": self.counts(),
            "results": [r.to_dict() for r in self.results],
        }
