"""Counts of the ecosystem: pure functions of the directory and the programme.

A ``Bar`` is one row of a chart and its table: a code, its label in the page's language and
one value per series. Rows are sorted by their total (largest first), then by label in the
alphabetical order of the page's language (``kalo.text.sort_key``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kalo import codes
from kalo.text import sort_key

# Chart → (model attribute, code list in codes.yaml).
FACETS = {
    "kind": ("kind", "kind"),
    "municipality": ("municipality", "municipality"),
    "legal_form": ("legal_form", "legal_form"),
    "sectors": ("sectors", "sectors"),
}


@dataclass(frozen=True)
class Bar:
    code: str
    label: str
    values: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Totals:
    organizations: int
    employees: int
    employees_reported: int  # organizations that gave a number of employees
    vulnerable_employees: int
    vulnerable_reported: int
    members: int
    members_reported: int


def ordered(bars) -> tuple[Bar, ...]:
    return tuple(sorted(bars, key=lambda bar: (-bar.total, sort_key(bar.label))))


def _values(org, attribute: str) -> tuple[str, ...]:
    value = getattr(org, attribute)
    return value if isinstance(value, tuple) else (value,)


def by_facet(organizations, facet: str, lang: str) -> tuple[Bar, ...]:
    """How many organizations have each code of a facet (codes with none are left out)."""
    attribute, list_name = FACETS[facet]
    counts = Counter(code for org in organizations for code in set(_values(org, attribute)))
    return ordered(
        Bar(code, codes.label(list_name, code, lang), (count,)) for code, count in counts.items()
    )


def exchange(organizations, lang: str) -> tuple[Bar, ...]:
    """Per code of offers/needs: (organizations offering it, organizations looking for it)."""
    offered = Counter(code for org in organizations for code in set(org.offers))
    needed = Counter(code for org in organizations for code in set(org.needs))
    return ordered(
        Bar(code, codes.label("exchange", code, lang), (offered[code], needed[code]))
        for code in codes.codes("exchange")
        if offered[code] or needed[code]
    )


def totals(organizations) -> Totals:
    orgs = list(organizations)

    def total(attribute: str) -> tuple[int, int]:
        numbers = [getattr(org, attribute) for org in orgs if getattr(org, attribute) is not None]
        return sum(numbers), len(numbers)

    employees, employees_reported = total("employees")
    vulnerable, vulnerable_reported = total("vulnerable_employees")
    members, members_reported = total("members")
    return Totals(
        len(orgs),
        employees,
        employees_reported,
        vulnerable,
        vulnerable_reported,
        members,
        members_reported,
    )


def workshop_series(programme, lang: str) -> tuple[Bar, ...]:
    """Per series, in the programme's order: (held, planned with a summary, foreseen)."""
    return tuple(
        Bar(
            series.code,
            codes.label("series", series.code, lang),
            (series.held, series.scheduled, series.planned),
        )
        for series in programme.series
    )


def people_reached(programme, lang: str) -> tuple[Bar, ...]:
    """People who took part in held sessions, per group."""
    return ordered(
        Bar(group, codes.label("participant_group", group, lang), (count,))
        for group, count in programme.participants.items()
        if count
    )
