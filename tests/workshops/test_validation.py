"""One case per validation rule: the file is refused with a message naming file, line and
field, and the other, valid summary of the same folder still loads."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from workshops.load import KnownOrganizations, load_workshops

TODAY = datetime.date(2025, 6, 1)
ORGS = KnownOrganizations(
    valid=frozenset({"alfa-koinsep", "gamma-hidden"}),
    folders=frozenset({"alfa-koinsep", "gamma-hidden", "broken-profile"}),
)

VALID_OTHER = """---
title: Άλλο εργαστήριο
series: thematic
number: 5
status: held
---
Κείμενο.
"""


def front(**fields) -> str:
    """A valid Greek summary of focus group 1, with ``fields`` changed (None removes one)."""
    values = {"title": "Τίτλος", "series": "focus-groups", "number": "1", "status": "held"}
    values.update(fields)
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\nΣυμπεράσματα.\n"


# rule → (files, file with the problem, line, field, words in the English message)
CASES = {
    "unknown field, did you mean": (
        {"focus-groups-01.md": front(sumary='"Μια περίληψη αρκετά μεγάλη για το όριο."')},
        "focus-groups-01.md",
        6,
        "sumary",
        'did you mean "summary"',
    ),
    "missing required field": (
        {"focus-groups-01.md": front(status=None)},
        "focus-groups-01.md",
        None,
        "status",
        "this field is required",
    ),
    "unknown series, did you mean": (
        {"focus-groups-01.md": front(series="focus-group")},
        "focus-groups-01.md",
        3,
        "series",
        'did you mean "focus-groups"',
    ),
    "number below 1": (
        {"focus-groups-01.md": front(number="0")},
        "focus-groups-01.md",
        4,
        "number",
        "a whole number of 1 or more",
    ),
    "number not a whole number": (
        {"focus-groups-01.md": front(number="1.5")},
        "focus-groups-01.md",
        4,
        "number",
        "a whole number of 1 or more",
    ),
    "number used twice in a series": (
        {"focus-groups-01.md": front(), "focus-groups-01b.md": front()},
        "focus-groups-01b.md",
        4,
        "number",
        "already used by content/workshops/focus-groups-01.md",
    ),
    "bad date": (
        {"focus-groups-01.md": front(date="14/03/2025")},
        "focus-groups-01.md",
        6,
        "date",
        "write 2025-03-14",
    ),
    "impossible time": (
        {"focus-groups-01.md": front(date="2025-03-14 25:10")},
        "focus-groups-01.md",
        6,
        "date",
        "not a real date or time",
    ),
    "planned session dated in the past": (
        {"focus-groups-01.md": front(status="planned", date="2025-05-01")},
        "focus-groups-01.md",
        6,
        "date",
        "planned but its date 2025-05-01 has passed",
    ),
    "held session dated in the future": (
        {"focus-groups-01.md": front(date="2025-07-01")},
        "focus-groups-01.md",
        6,
        "date",
        "marked held but its date 2025-07-01 is in the future",
    ),
    "unknown municipality": (
        {"focus-groups-01.md": front(municipality="Αιγαλεω")},
        "focus-groups-01.md",
        6,
        "municipality",
        'did you mean "aigaleo"',
    ),
    "participants of an unknown group": (
        {"focus-groups-01.md": front(participants="\n  sse: 3\n  unemploid: 2")},
        "focus-groups-01.md",
        8,
        "participants.unemploid",
        'did you mean "unemployed"',
    ),
    "participants not a whole number": (
        {"focus-groups-01.md": front(participants="\n  sse: three")},
        "focus-groups-01.md",
        7,
        "participants.sse",
        "a whole number of 0 or more",
    ),
    "unknown composition": (
        {"focus-groups-01.md": front(composition="mixed")},
        "focus-groups-01.md",
        6,
        "composition",
        "not a composition code",
    ),
    "organization without a folder": (
        {"focus-groups-01.md": front(organizations="\n- alfa-koinsep\n- no-such-org")},
        "focus-groups-01.md",
        8,
        "organizations[1]",
        "there is no organization folder no-such-org/",
    ),
    "organization whose profile has errors": (
        {"focus-groups-01.md": front(organizations="[broken-profile]")},
        "focus-groups-01.md",
        6,
        "organizations[0]",
        "has errors in its own profile",
    ),
    "organization not written as a folder name": (
        {"focus-groups-01.md": front(organizations='["Άλφα ΚοινΣΕπ"]')},
        "focus-groups-01.md",
        6,
        "organizations[0]",
        'such as "alfa-koinsep"',
    ),
    "summary too short": (
        {"focus-groups-01.md": front(summary="Σύντομη.")},
        "focus-groups-01.md",
        6,
        "summary",
        "text of 20 to 300 characters, found 8",
    ),
    "summary too long": (
        {"focus-groups-01.md": front(summary="α" * 301)},
        "focus-groups-01.md",
        6,
        "summary",
        "found 301",
    ),
    "findings not a list": (
        {"focus-groups-01.md": front(findings="Ένα εύρημα")},
        "focus-groups-01.md",
        6,
        "findings",
        "a list, each item on its own line",
    ),
    "needs item that is not plain text": (
        {"focus-groups-01.md": front(needs="\n- Χώροι: για συναντήσεις")},
        "focus-groups-01.md",
        7,
        "needs[0]",
        "in double quotes",
    ),
    "translation without its original": (
        {"focus-groups-07.en.md": front(title="Title")},
        "focus-groups-07.en.md",
        None,
        None,
        "needs its Greek original focus-groups-07.md",
    ),
    "translation with another number": (
        {"focus-groups-01.md": front(), "focus-groups-01.en.md": front(title="Title", number="2")},
        "focus-groups-01.en.md",
        4,
        "number",
        "the Greek original content/workshops/focus-groups-01.md says 1",
    ),
    "translation with another status": (
        {
            "focus-groups-01.md": front(),
            "focus-groups-01.en.md": front(title="Title", status="planned"),
        },
        "focus-groups-01.en.md",
        5,
        "status",
        "facts of the session must be the same",
    ),
    "translation without the original's date": (
        {
            "focus-groups-01.md": front(date="2025-03-14"),
            "focus-groups-01.en.md": front(title="T1"),
        },
        "focus-groups-01.en.md",
        None,
        "date",
        "says 2025-03-14",
    ),
    "translation in an unknown language": (
        {"focus-groups-01.md": front(), "focus-groups-01.fr.md": front(title="Titre")},
        "focus-groups-01.fr.md",
        None,
        None,
        'unknown language "fr"',
    ),
    "missing front matter": (
        {"focus-groups-01.md": "title: Τίτλος\n\nΚείμενο χωρίς στοιχεία.\n"},
        "focus-groups-01.md",
        1,
        None,
        "must start with its fields between two lines of '---'",
    ),
    "front matter never closed": (
        {"focus-groups-01.md": "---\ntitle: Τίτλος\n\nΚείμενο.\n"},
        "focus-groups-01.md",
        1,
        None,
        "never closed",
    ),
    "invalid YAML": (
        {"focus-groups-01.md": front(title="Σύνοψη: πρώτη")},
        "focus-groups-01.md",
        2,
        None,
        "not valid YAML",
    ),
    "field written twice": (
        {"focus-groups-01.md": front().replace("status: held", "status: held\nstatus: held")},
        "focus-groups-01.md",
        6,
        "status",
        "written twice",
    ),
    "not UTF-8": (
        {"focus-groups-01.md": front(title="Χρηματοδότηση").encode("cp1253")},
        "focus-groups-01.md",
        2,
        None,
        "not saved as UTF-8 (it looks like Windows-1253",
    ),
    "file name not a slug": (
        {"Focus Groups 01.md": front()},
        "Focus Groups 01.md",
        None,
        None,
        "rename it to focus-groups-01.md",
    ),
    "file name reserved for the programme's pages": (
        {"findings.md": front()},
        "findings.md",
        None,
        None,
        "used by the programme's own pages",
    ),
    "photo without alt.el": (
        {"focus-groups-01.md": front(photos="\n- file: group.jpg\n  alt:\n    en: The group")},
        "focus-groups-01.md",
        8,
        "photos[0].alt.el",
        "this field is required",
    ),
    "photo file missing": (
        {"focus-groups-01.md": front(photos="\n- file: nothere.jpg\n  alt: {el: Η ομάδα}")},
        "focus-groups-01.md",
        7,
        "photos[0].file",
        'no file "nothere.jpg" in the folder content/workshops/images/',
    ),
}


def _write(folder: Path, files: dict) -> None:
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "group.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "thematic-05.md").write_text(VALID_OTHER, encoding="utf-8")
    for name, text in files.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (folder / name).write_bytes(data)


def _load(tmp_path: Path, files: dict):
    folder = tmp_path / "content" / "workshops"
    _write(folder, files)
    return load_workshops(folder, today=TODAY, orgs=ORGS, display_root=tmp_path)


@pytest.mark.parametrize("rule", list(CASES))
def test_each_rule_is_refused_clearly_and_nothing_else_is_lost(tmp_path, rule):
    files, name, line, field, words = CASES[rule]
    result = _load(tmp_path, files)
    errors = result.errors
    assert errors, f"{rule}: not refused"
    problem = next((p for p in errors if words in p.message_en), None)
    assert problem is not None, f"{rule}: {[p.format() for p in errors]}"
    assert problem.file == f"content/workshops/{name}"
    assert problem.line == line
    assert problem.field == field
    assert problem.message_el and problem.message_el != problem.message_en
    assert "Traceback" not in problem.format("en")
    assert "thematic-05" in [w.slug for w in result.workshops], "a valid summary was lost"


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    text = front(series="focus-group", number="0", municipality="nowhere", colour="red")
    result = _load(tmp_path, {"focus-groups-01.md": text})
    assert {p.field for p in result.errors} == {"series", "number", "municipality", "colour"}


def test_photo_with_people_and_no_consent_is_a_warning_and_left_out(tmp_path):
    photos = "\n- file: group.jpg\n  alt: {el: Η ομάδα}\n  shows_people: true"
    result = _load(tmp_path, {"focus-groups-01.md": front(photos=photos)})
    assert not result.errors
    [warning] = result.problems
    assert warning.severity == "warning" and warning.field == "photos[0].shows_people"
    assert "group.jpg" in warning.message_en and "left out" in warning.message_en
    workshop = next(w for w in result.workshops if w.slug == "focus-groups-01")
    assert len(workshop.photos) == 1 and workshop.public_photos == ()


def test_file_name_that_does_not_match_series_and_number_is_a_warning(tmp_path):
    result = _load(tmp_path, {"focus-groups-09.md": front()})
    assert not result.errors
    assert "the usual name is focus-groups-01.md" in result.problems[0].message_en


def test_unpublished_organization_is_not_an_error(tmp_path):
    result = _load(tmp_path, {"focus-groups-01.md": front(organizations="[gamma-hidden]")})
    assert [p.file for p in result.problems] == ["content/workshops/images/group.jpg"]
    workshop = next(w for w in result.workshops if w.slug == "focus-groups-01")
    assert workshop.organizations == ("gamma-hidden",)


def test_a_valid_summary_with_every_field(tmp_path):
    text = """---
title: Η χρηματοδότηση
series: focus-groups
number: 1
status: held
date: 2025-03-14 18:30
municipality: ilion
venue: Δημαρχείο
topics: [Χρηματοδότηση]
participants: {unemployed: 1, sse: 3}
composition: homogeneous
organizations: [alfa-koinsep]
summary: Ομάδα εστίασης για τη χρηματοδότηση των φορέων.
keywords: [χρηματοδότηση]
findings: [Ένα εύρημα]
needs: [Μια ανάγκη]
photos:
- file: group.jpg
  alt: {el: Η ομάδα, en: The group}
  caption: {el: Λεζάντα}
  shows_people: true
  people_consent: true
updated: 2025-03-20
---
Κείμενο.
"""
    english = text.replace("title: Η χρηματοδότηση", "title: Funding").replace(
        "summary: Ομάδα εστίασης για τη χρηματοδότηση των φορέων.",
        "summary: A focus group on the funding of organizations.",
    )
    result = _load(tmp_path, {"focus-groups-01.md": text, "focus-groups-01.en.md": english})
    assert not result.problems, [p.format() for p in result.problems]
    workshop = result.workshops[0]
    assert workshop.slug == "focus-groups-01" and workshop.time == datetime.time(18, 30)
    assert list(workshop.participants) == ["sse", "unemployed"]  # codes.yaml order
    assert workshop.starts.isoformat() == "2025-03-14T18:30:00+02:00"
    assert workshop.text("en").title == "Funding" and workshop.text("el").title == "Η χρηματοδότηση"
    assert workshop.public_photos[0].alt.get("en") == "The group"
    assert workshop.texts["el"].updated == datetime.date(2025, 3, 20)


def test_missing_folder_is_an_empty_programme(tmp_path):
    result = load_workshops(tmp_path / "nothing", today=TODAY)
    assert result.workshops == [] and result.problems == []


@pytest.mark.parametrize("written", ["group.jpg", "images/group.jpg"])
def test_a_photo_is_named_bare_or_relative_to_the_summary(tmp_path, written):
    photos = f"\n- file: {written}\n  alt: {{el: Η ομάδα}}"
    result = _load(tmp_path, {"focus-groups-01.md": front(photos=photos)})
    assert result.problems == []
    workshop = next(w for w in result.workshops if w.slug == "focus-groups-01")
    assert [photo.path.name for photo in workshop.photos] == ["group.jpg"]


def test_an_image_no_summary_names_is_said_by_name(tmp_path):
    result = _load(tmp_path, {})
    [warning] = result.problems
    assert warning.file == "content/workshops/images/group.jpg"
    assert warning.severity == "warning"
    assert warning.message_el.startswith("καμία περίληψη εργαστηρίου δεν αναφέρει αυτή την εικόνα")
