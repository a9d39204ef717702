"""Pure model and statistics: progress per series, people reached, latest, upcoming."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from workshops.model import Workshop, WorkshopText
from workshops.programme import build_programme, by_organization, findings_and_needs


def make(
    series: str,
    number: int,
    status: str = "held",
    date=None,
    time=None,
    participants=None,
    organizations=(),
    en: bool = False,
    **text,
) -> Workshop:
    texts = {"el": WorkshopText("el", Path(f"{series}-{number}.md"), f"Τίτλος {number}", **text)}
    if en:
        texts["en"] = WorkshopText(
            "en",
            Path(f"{series}-{number}.en.md"),
            f"Title {number}",
            **{
                k: tuple(f"{i} (en)" for i in v) if isinstance(v, tuple) else v
                for k, v in text.items()
            },
        )
    return Workshop(
        slug=f"{series}-{number:02d}",
        series=series,
        number=number,
        status=status,
        date=date,
        time=time,
        participants=participants or {},
        organizations=tuple(organizations),
        texts=texts,
    )


D = datetime.date


def test_planned_counts_and_group_sizes_come_from_the_codes():
    programme = build_programme([])
    assert [(s.code, s.planned, s.group_size) for s in programme.series] == [
        ("focus-groups", 17, 6),
        ("thematic", 12, 10),
        ("pilot", 8, 10),
        ("promotion", 10, 10),
    ]
    assert programme.planned == 47 and programme.held == 0 and programme.participants == {}


def test_progress_and_people_reached():
    programme = build_programme(
        [
            make("focus-groups", 2, participants={"sse": 3, "unemployed": 3}),
            make("focus-groups", 1, participants={"business": 2, "sse": 4}),
            make("thematic", 1, status="planned", participants={"sse": 10}),
            make("promotion", 1),
        ]
    )
    focus = programme.of_series("focus-groups")
    assert (focus.held, focus.scheduled, focus.remaining, focus.percent) == (2, 0, 15, 12)
    assert focus.participants == {"sse": 7, "business": 2, "unemployed": 3}
    assert focus.participants_total == 12
    thematic = programme.of_series("thematic")
    assert (thematic.held, thematic.scheduled, thematic.participants) == (0, 1, {})
    assert programme.held == 3
    # planned sessions do not count as people reached; groups in codes.yaml order
    assert list(programme.participants.items()) == [("sse", 7), ("business", 2), ("unemployed", 3)]
    assert programme.participants_total == 12
    assert [w.slug for w in programme] == [
        "focus-groups-01",
        "focus-groups-02",
        "thematic-01",
        "promotion-01",
    ]


@pytest.mark.parametrize(
    "workshops, expected",
    [
        # by date, newest first; dated before undated
        (
            [
                make("focus-groups", 1, date=D(2025, 1, 5)),
                make("focus-groups", 2, date=D(2025, 3, 1)),
                make("thematic", 1),
                make("pilot", 1, date=D(2025, 2, 1)),
            ],
            ["focus-groups-02", "pilot-01", "focus-groups-01"],
        ),
        # same or no date: later series, then higher number
        (
            [
                make("focus-groups", 1),
                make("focus-groups", 2),
                make("thematic", 1),
                make("pilot", 3),
                make("promotion", 1, status="planned"),
            ],
            ["pilot-03", "thematic-01", "focus-groups-02"],
        ),
        # same day: the later start first
        (
            [
                make("focus-groups", 1, date=D(2025, 1, 5), time=datetime.time(18)),
                make("focus-groups", 2, date=D(2025, 1, 5), time=datetime.time(10)),
            ],
            ["focus-groups-01", "focus-groups-02"],
        ),
    ],
)
def test_latest_held(workshops, expected):
    assert [w.slug for w in build_programme(workshops).latest(3)] == expected


def test_upcoming_dated_first_then_programme_order():
    programme = build_programme(
        [
            make("promotion", 10, status="planned"),
            make("thematic", 2, status="planned", date=D(2025, 10, 1)),
            make("thematic", 3, status="planned", date=D(2025, 9, 1)),
            make("focus-groups", 17, status="planned"),
            make("focus-groups", 1),
        ]
    )
    assert [w.slug for w in programme.upcoming] == [
        "thematic-03",
        "thematic-02",
        "focus-groups-17",
        "promotion-10",
    ]


def test_topics_per_series_each_once_in_the_page_language():
    programme = build_programme(
        [
            make("focus-groups", 1, topics=("Δικτύωση", "Χρηματοδότηση"), en=True),
            make("focus-groups", 2, topics=("Δικτύωση", "Μάρκετινγκ")),
        ]
    )
    focus = programme.of_series("focus-groups")
    assert focus.topics("el") == (("Δικτύωση", "el"), ("Χρηματοδότηση", "el"), ("Μάρκετινγκ", "el"))
    assert focus.topics("en") == (
        ("Δικτύωση (en)", "en"),
        ("Χρηματοδότηση (en)", "en"),
        ("Δικτύωση", "el"),
        ("Μάρκετινγκ", "el"),
    )


def test_findings_and_needs_keep_their_source_and_language():
    first = make("focus-groups", 1, findings=("Α",), needs=("Β", "Γ"), en=True)
    second = make("thematic", 1, findings=("Δ",))
    findings, needs = findings_and_needs(build_programme([second, first]), "en")
    assert [(i.text, i.lang, i.workshop.slug) for i in findings] == [
        ("Α (en)", "en", "focus-groups-01"),
        ("Δ", "el", "thematic-01"),
    ]
    assert [i.text for i in needs] == ["Β (en)", "Γ (en)"]


def test_workshops_by_organization_only_for_published_ones():
    programme = build_programme(
        [
            make("focus-groups", 1, organizations=("alfa", "hidden")),
            make("thematic", 1, organizations=("alfa",)),
        ]
    )
    result = by_organization(programme, {"alfa"})
    assert list(result) == ["alfa"]
    assert [w.slug for w in result["alfa"]] == ["focus-groups-01", "thematic-01"]


def test_text_falls_back_to_greek():
    workshop = make("focus-groups", 1, summary="Περίληψη")
    assert workshop.has_language("el") and not workshop.has_language("en")
    assert workshop.text("en").lang == "el" and workshop.text_lang("en") == "el"
    assert workshop.title == "Τίτλος 1" and workshop.summary == "Περίληψη"
    assert workshop.starts is None
