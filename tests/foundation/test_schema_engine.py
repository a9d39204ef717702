"""The schema engine on a small description of its own: one walk, one wording, and the
JSON Schema, docs and scaffold made from the same data."""

from __future__ import annotations

import datetime
from pathlib import Path

import jsonschema
import pytest

from kalo.problems import Problem
from kalo.safe_yaml import parse_yaml_text
from kalo.schema.field_docs import fields_markdown
from kalo.schema.fields import Field, Files, Kind, Rule, Schema, code, group, texts
from kalo.schema.json_schema import json_schema
from kalo.schema.references import KnownOrganizations, check_references, references_as_written
from kalo.schema.scaffold import scaffold_yaml
from kalo.schema.validate import Where, validate

TODAY = datetime.date(2026, 3, 15)


def _no_cats(rule):
    if rule.values.get("count", 0) > 10:
        rule.report("count", "too many", "πάρα πολλά")


def _probe(path: Path) -> list[Problem]:
    if path.read_bytes() == b"broken":
        return [Problem("", None, None, "the image is damaged", "η εικόνα είναι κατεστραμμένη")]
    return []


SAMPLE = Schema(
    name="sample",
    root=group(
        "",
        "Δείγμα",
        "Sample",
        Field("title", Kind.TEXT, "Τίτλος", "Title", required=True, min_length=2, max_length=10),
        code("municipality", "Δήμος", "Municipality", "municipality"),
        Field("count", Kind.INTEGER, "Πλήθος", "Count", minimum=1),
        Field("day", Kind.DATE, "Ημέρα", "Day", not_in_future=True),
        Field("when", Kind.DATETIME, "Πότε", "When"),
        group(
            "consent",
            "Άδεια",
            "Consent",
            Field("granted", Kind.BOOLEAN, "Δόθηκε", "Granted", required=True),
            Field("date", Kind.DATE, "Ημερομηνία", "Date", required_if=("granted", True)),
        ),
        texts("tags", "Ετικέτες", "Tags", item_max=5, unique=True, collapse_spaces=True),
        Field("groups", Kind.COUNTS, "Ομάδες", "Groups", codes="participant_group"),
        Field(
            "orgs",
            Kind.LIST,
            "Φορείς",
            "Organizations",
            item=Field("", Kind.SLUG, "Φάκελος", "Folder"),
            unique=True,
        ),
        Field("picture", Kind.FILE, "Εικόνα", "Picture", files=Files(("jpg", "png"), _probe)),
    ),
    rules=(Rule("few", "At most ten.", "Έως δέκα.", _no_cats),),
    code_nouns={"municipality": ("a municipality code", "κωδικός δήμου")},
    holds_en="the fields of a sample",
    holds_el="τα πεδία ενός δείγματος",
)


def check(text: str, folder: Path | None = None, probe: bool = True):
    document = parse_yaml_text(text, file="sample.yaml").document
    where = Where(
        file="sample.yaml",
        today=TODAY,
        folder=folder,
        folder_shown="pictures/",
        prefixes=("images/",),
        probe_files=probe,
    )
    return validate(document, SAMPLE, where)


def only(result, field: str) -> Problem:
    found = [p for p in result.problems if p.field == field]
    assert len(found) == 1, result.problems
    return found[0]


def test_a_valid_file_gives_cleaned_values():
    result = check("title: '  Αβγ '\nmunicipality: ilion\ntags: ['a  b', c]\ngroups: {sse: 2}\n")
    assert result.ok and result.problems == []
    assert result.values == {
        "title": "Αβγ",
        "municipality": "ilion",
        "tags": ("a b", "c"),
        "groups": {"sse": 2},
    }


@pytest.mark.parametrize(
    "text, field, words",
    [
        ("municipality: ilion\n", "title", "this field is required: text of 2 to 10 characters"),
        ("title: A\n", "title", "expected text of 2 to 10 characters, found 1"),
        ("title: Ab\ntitel: x\n", "titel", 'unknown field "titel"; did you mean "title"?'),
        ("title: Ab\nmunicipality: Ιλιον\n", "municipality", 'did you mean "ilion"?'),
        (
            "title: Ab\ncount: 0\n",
            "count",
            "expected a whole number of 1 or more, found the number 0",
        ),
        ("title: Ab\ncount: 11\n", "count", "too many"),
        ("title: Ab\nday: 2027-01-01\n", "day", "the date 2027-01-01 is in the future"),
        ("title: Ab\nday: 15/3/2024\n", "day", "write 2024-03-15"),
        ("title: Ab\nwhen: 2025-02-30 10:00\n", "when", "not a real date or time"),
        ("title: Ab\nconsent: {granted: true}\n", "consent.date", "required when granted is true"),
        ("title: Ab\ntags: [a, a]\n", "tags[1]", '"a" is listed twice'),
        ("title: Ab\ntags: [abcdefg]\n", "tags[0]", "text of at most 5 characters"),
        ("title: Ab\ntags:\n  - x: y\n", "tags[0]", "in double quotes"),
        ("title: Ab\ngroups: {sse: many}\n", "groups.sse", "a whole number of 0 or more"),
        ("title: Ab\ngroups: {ssse: 1}\n", "groups.ssse", 'did you mean "sse"?'),
        ("title: Ab\norgs: [Άλφα Βήτα]\n", "orgs[0]", 'such as "alfa-vita"'),
        ("title: Ab\npicture: a.gif\n", "picture", "not an allowed image type (allowed: jpg, png)"),
        ("title: Ab\npicture: ../a.jpg\n", "picture", "must be the name of a file in pictures/"),
        ("- a\n- b\n", None, "expected the fields of a sample, one per line; found a list"),
    ],
)
def test_each_mistake_has_one_clear_message_in_both_languages(text, field, words):
    result = check(text)
    problem = only(result, field)
    assert words in problem.message_en, problem.message_en
    assert problem.message_el and problem.message_el != problem.message_en
    assert not result.ok


def test_every_mistake_of_a_file_is_reported_in_one_run():
    result = check("title: A\ncount: -1\nday: soon\nmunicipality: nowhere\n")
    assert {p.field for p in result.problems} == {"title", "count", "day", "municipality"}
    assert [p.line for p in sorted(result.problems, key=lambda p: p.line)] == [1, 2, 3, 4]


def test_files_are_found_exactly_and_the_nearest_name_is_suggested(tmp_path):
    (tmp_path / "Logo.PNG").write_bytes(b"fine")
    (tmp_path / "photo.jpeg").write_bytes(b"fine")
    assert (
        'did you mean "Logo.PNG"?'
        in only(check("title: Ab\npicture: logo.png\n", tmp_path), "picture").message_en
    )
    assert (
        'did you mean "photo.jpeg"?'
        in only(check("title: Ab\npicture: photo.jpg\n", tmp_path), "picture").message_en
    )


def test_a_prefix_means_the_same_folder(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"fine")
    assert check("title: Ab\npicture: images/a.jpg\n", tmp_path).values["picture"] == "a.jpg"
    assert check("title: Ab\npicture: a.jpg\n", tmp_path).values["picture"] == "a.jpg"


def test_the_probe_runs_only_when_asked_and_names_the_file(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"broken")
    assert check("title: Ab\npicture: a.jpg\n", tmp_path, probe=False).ok
    problem = only(check("title: Ab\npicture: a.jpg\n", tmp_path), "picture")
    assert problem.message_en == "a.jpg: the image is damaged" and problem.line == 2


def test_references_are_checked_against_the_organization_folders():
    document = parse_yaml_text("orgs: [alfa, beta, gamma]\n", file="s.yaml").document
    known = KnownOrganizations(valid=frozenset({"alfa"}), folders=frozenset({"alfa", "beta"}))
    problems = check_references("s.yaml", references_as_written(document, SAMPLE.root), known)
    assert [(p.field, p.line) for p in problems] == [("orgs[1]", 1), ("orgs[2]", 1)]
    assert "has errors in its own profile" in problems[0].message_en
    assert "there is no organization folder gamma/" in problems[1].message_en


def test_the_json_schema_says_what_the_walk_says():
    schema = json_schema(SAMPLE)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"title": "Ab", "consent": {"granted": False}})
    assert not validator.is_valid({"title": "Ab", "consent": {"granted": True}})
    assert not validator.is_valid({"title": "Ab", "municipality": "nowhere"})
    assert not validator.is_valid({"title": "Ab", "groups": {"nobody": 1}})
    assert not validator.is_valid({"titel": "Ab"})


def test_the_docs_and_the_scaffold_name_every_field():
    docs = fields_markdown(SAMPLE, "Sample", ("An intro.",))
    scaffold = scaffold_yaml(SAMPLE, "# header", {"title": "Δείγμα"})
    for spec in SAMPLE.root.fields:
        assert f"| `{spec.name}` |" in docs
        assert f"{spec.name}:" in scaffold
    assert "| `consent.date` | όταν `granted: true`" in docs
    assert 'title: "Δείγμα"' in scaffold and "**few**" in docs
