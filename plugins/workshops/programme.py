"""The programme as a whole: progress per series, people reached, topics, what is next.

Pure: built once per build from the loaded workshops; templates read it through the
context (``workshop_programme``) and the partials the home page includes.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from kalo import codes
from workshops.model import Workshop


@dataclass(frozen=True)
class SeriesProgress:
    code: str
    planned: int  # sessions foreseen by the programme (codes.yaml)
    group_size: int  # people per session foreseen by the programme
    held: int  # sessions written with status: held
    scheduled: int  # sessions written with status: planned
    participants: dict[str, int]  # group code → people reached in held sessions
    workshops: tuple[Workshop, ...]  # every session written, by number

    @property
    def participants_total(self) -> int:
        return sum(self.participants.values())

    @property
    def percent(self) -> int:
        """Held as a whole percentage of planned, at most 100."""
        return min(100, round(100 * self.held / self.planned)) if self.planned else 0

    @property
    def remaining(self) -> int:
        return max(0, self.planned - self.held)

    def topics(self, lang: str) -> tuple[tuple[str, str], ...]:
        """(topic, its language) of every session, in order, each once."""
        seen, out = set(), []
        for workshop in self.workshops:
            text = workshop.text(lang)
            for topic in text.topics:
                if topic not in seen:
                    seen.add(topic)
                    out.append((topic, text.lang))
        return tuple(out)


@dataclass(frozen=True)
class Programme:
    workshops: tuple[Workshop, ...]  # programme order: series, then number
    series: tuple[SeriesProgress, ...]  # in the order of codes.yaml
    participants: dict[str, int]  # group code → people reached, all series (held only)

    @property
    def planned(self) -> int:
        return sum(s.planned for s in self.series)

    @property
    def held(self) -> int:
        return sum(s.held for s in self.series)

    @property
    def participants_total(self) -> int:
        return sum(self.participants.values())

    @property
    def held_workshops(self) -> tuple[Workshop, ...]:
        return tuple(w for w in self.workshops if w.held)

    @property
    def upcoming(self) -> tuple[Workshop, ...]:
        """Planned sessions: dated ones first by date, then the rest in programme order."""
        planned = [w for w in self.workshops if not w.held]
        return tuple(
            sorted(
                planned,
                key=lambda w: (
                    w.date is None,
                    w.date or datetime.date.min,
                    w.time or datetime.time.min,
                    w.order,
                ),
            )
        )

    def latest(self, count: int = 3) -> tuple[Workshop, ...]:
        """The ``count`` most recent held sessions: by date, then series and number."""
        return tuple(sorted(self.held_workshops, key=lambda w: w.recency, reverse=True)[:count])

    def of_series(self, code: str) -> SeriesProgress:
        return next(s for s in self.series if s.code == code)

    def get(self, slug: str) -> Workshop | None:
        return next((w for w in self.workshops if w.slug == slug), None)

    def __iter__(self):
        return iter(self.workshops)

    def __len__(self) -> int:
        return len(self.workshops)


def build_programme(workshops) -> Programme:
    ordered = tuple(sorted(workshops, key=lambda w: w.order))
    by_series: dict[str, list[Workshop]] = defaultdict(list)
    for workshop in ordered:
        by_series[workshop.series].append(workshop)
    series = tuple(_progress(code, tuple(by_series[code])) for code in codes.codes("series"))
    total: dict[str, int] = defaultdict(int)
    for progress in series:
        for group, count in progress.participants.items():
            total[group] += count
    return Programme(ordered, series, _in_code_order(total))


def _progress(code: str, workshops: tuple[Workshop, ...]) -> SeriesProgress:
    reached: dict[str, int] = defaultdict(int)
    for workshop in workshops:
        if workshop.held:
            for group, count in workshop.participants.items():
                reached[group] += count
    return SeriesProgress(
        code=code,
        planned=codes.attribute("series", code, "planned"),
        group_size=codes.attribute("series", code, "group_size"),
        held=sum(1 for w in workshops if w.held),
        scheduled=sum(1 for w in workshops if not w.held),
        participants=_in_code_order(reached),
        workshops=workshops,
    )


def _in_code_order(counts: dict[str, int]) -> dict[str, int]:
    return {group: counts[group] for group in codes.codes("participant_group") if group in counts}


@dataclass(frozen=True)
class Item:
    """One finding or need, with the session it came from."""

    text: str
    lang: str  # the language the text is written in
    workshop: Workshop


def findings_and_needs(
    programme: Programme, lang: str
) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """Every recorded finding and need, in programme order, each with its source."""
    findings, needs = [], []
    for workshop in programme.workshops:
        text = workshop.text(lang)
        findings.extend(Item(item, text.lang, workshop) for item in text.findings)
        needs.extend(Item(item, text.lang, workshop) for item in text.needs)
    return tuple(findings), tuple(needs)


def by_organization(
    programme: Programme, published: set[str] | frozenset[str]
) -> dict[str, tuple[Workshop, ...]]:
    """Published organization slug → the sessions it took part in, in programme order."""
    result: dict[str, list[Workshop]] = defaultdict(list)
    for workshop in programme.workshops:
        for slug in workshop.organizations:
            if slug in published:
                result[slug].append(workshop)
    return {slug: tuple(result[slug]) for slug in sorted(result)}
