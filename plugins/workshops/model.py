"""The workshop as templates, feeds and other plugins see it: typed, validated, read-only.

Built once per build by ``load.load_workshops``; nothing here reads files.
A session has one ``Workshop`` with the facts shared by its languages (series, number,
status, date, participants, ...) and one ``WorkshopText`` per language it is written in.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from kalo.codes import codes
from kalo.media import Image

ATHENS = ZoneInfo("Europe/Athens")
DEFAULT_LANG = "el"


@dataclass(frozen=True)
class WorkshopText:
    """What is written in one language: the Greek original or a translation."""

    lang: str
    source: Path  # the .md file
    title: str
    summary: str | None = None
    venue: str | None = None
    topics: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    body: str = ""  # Markdown: the conclusions
    updated: datetime.date | None = None

    @property
    def has_text(self) -> bool:
        return bool(self.summary or self.body.strip())


@dataclass(frozen=True)
class Workshop:
    slug: str
    series: str
    number: int
    status: str  # held | planned
    date: datetime.date | None = None
    time: datetime.time | None = None  # when the start time was written
    municipality: str | None = None
    participants: dict[str, int] = field(default_factory=dict)  # group code → people
    composition: str | None = None
    organizations: tuple[str, ...] = ()  # slugs as written, published or not
    photos: tuple[Image, ...] = ()  # every photo named, publishable or not
    texts: dict[str, WorkshopText] = field(default_factory=dict)  # lang → text; "el" always

    # --- languages ---

    def has_language(self, lang: str) -> bool:
        return lang in self.texts

    def text(self, lang: str) -> WorkshopText:
        """The text in ``lang``, or the Greek original where there is no translation."""
        return self.texts.get(lang) or self.texts[DEFAULT_LANG]

    def text_lang(self, lang: str) -> str:
        """The language of what ``text(lang)`` returns."""
        return lang if lang in self.texts else DEFAULT_LANG

    # The fields of the Greek original, for convenience (title, summary, ...).
    @property
    def title(self) -> str:
        return self.texts[DEFAULT_LANG].title

    @property
    def summary(self) -> str | None:
        return self.texts[DEFAULT_LANG].summary

    @property
    def venue(self) -> str | None:
        return self.texts[DEFAULT_LANG].venue

    @property
    def topics(self) -> tuple[str, ...]:
        return self.texts[DEFAULT_LANG].topics

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.texts[DEFAULT_LANG].keywords

    @property
    def findings(self) -> tuple[str, ...]:
        return self.texts[DEFAULT_LANG].findings

    @property
    def needs(self) -> tuple[str, ...]:
        return self.texts[DEFAULT_LANG].needs

    @property
    def body(self) -> str:
        return self.texts[DEFAULT_LANG].body

    # --- facts ---

    @property
    def held(self) -> bool:
        return self.status == "held"

    @property
    def participants_total(self) -> int:
        return sum(self.participants.values())

    @property
    def starts(self) -> datetime.datetime | None:
        """The start in Europe/Athens time, when a time was written."""
        if self.date is None or self.time is None:
            return None
        return datetime.datetime.combine(self.date, self.time, tzinfo=ATHENS)

    @property
    def public_photos(self) -> tuple[Image, ...]:
        return tuple(photo for photo in self.photos if photo.publishable)

    @property
    def order(self) -> tuple:
        """Programme order: series as in codes.yaml, then number."""
        return (codes("series").index(self.series), self.number)

    @property
    def recency(self) -> tuple:
        """Newest first when sorted in reverse: by date (undated last), then series and number."""
        return (
            self.date is not None,
            self.date or datetime.date.min,
            self.time or datetime.time.min,
            *self.order,
        )
