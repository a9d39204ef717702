"""The defended YAML loader: every bad file is a Problem with a line, never an exception."""

from __future__ import annotations

import datetime
import time

import pytest

from kalo.safe_yaml import (
    decode_utf8,
    load_project_yaml,
    parent_path,
    parse_yaml_bytes,
    parse_yaml_text,
    read_yaml_file,
)

BILLION_LAUGHS = b"a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + b"".join(
    b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((98 + i, 98 + i) + (97 + i,) * 9)
    for i in range(8)
)


def parse(raw: bytes):
    return parse_yaml_bytes(raw, file="organizations/x/profile.yaml")


def only_problem(raw: bytes):
    result = parse(raw)
    assert result.document is None
    assert len(result.problems) == 1, result.problems
    problem = result.problems[0]
    assert problem.file == "organizations/x/profile.yaml"
    assert problem.message_en and problem.message_el and problem.message_en != problem.message_el
    return problem


def test_plain_data_and_lines():
    result = parse(
        "name:\n  el: Α\nsectors:\n  - food\n  - care\n"
        "photos:\n  - file: a.jpg\n    alt:\n      el: x\n".encode()
    )
    assert result.ok
    assert result.document.data == {
        "name": {"el": "Α"},
        "sectors": ["food", "care"],
        "photos": [{"file": "a.jpg", "alt": {"el": "x"}}],
    }
    line_of = result.document.line_of
    assert line_of("name.el") == 2
    assert line_of("sectors[1]") == 5
    assert line_of("photos[0].alt.el") == 9
    # A field that is not written points at its nearest parent that is.
    assert line_of("photos[0].alt.en") == 8
    assert line_of("kind") is None


def test_dates_stay_dates():
    result = parse(b"date: 2025-05-01\nquoted: '2025-05-01'\n")
    assert result.document.data == {"date": datetime.date(2025, 5, 1), "quoted": "2025-05-01"}


def test_bom_is_accepted():
    result = parse(b"\xef\xbb\xbfname: \xce\x91\n")
    assert result.ok and result.document.data == {"name": "Α"}


def test_greek_windows_file_is_refused_in_plain_words():
    problem = only_problem("name:\n  el: Ανακυκλώνω\n".encode("cp1253"))
    assert problem.line == 2
    assert "not saved as UTF-8" in problem.message_en
    assert "Windows-1253" in problem.message_en
    assert "save it" in problem.message_en and "UTF-8" in problem.message_el


def test_utf16_file_is_refused():
    problem = only_problem("name: Α\n".encode("utf-16"))
    assert "UTF-16" in problem.message_en


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"# only a comment\n", b"\xef\xbb\xbf"])
def test_empty_file_is_a_problem(raw):
    assert "empty" in only_problem(raw).message_en


def test_duplicate_key_names_the_line_of_the_second():
    problem = only_problem(b"name:\n  el: A\nkind: sse\nname:\n  el: B\n")
    assert problem.line == 4
    assert problem.field == "name"
    assert "twice" in problem.message_en and "line 1" in problem.message_en


def test_nested_duplicate_keys_are_all_reported():
    result = parse(b"name:\n  el: A\n  el: B\nsummary:\n  en: x\n  en: y\n")
    assert [(p.line, p.field) for p in result.problems] == [(3, "name.el"), (6, "summary.en")]


def test_billion_laughs_is_refused_fast():
    start = time.perf_counter()
    problem = only_problem(BILLION_LAUGHS)
    assert time.perf_counter() - start < 2
    assert "aliases" in problem.message_en
    assert problem.line == 1


def test_a_single_alias_is_refused_too():
    problem = only_problem(b"a: &x 1\nb: *x\n")
    assert problem.line == 1


@pytest.mark.parametrize(
    "raw, line, words",
    [
        (b"name: a: b\n", 1, "colon"),
        (b"name:\n  el: A\n kind: sse\n", 3, "indentation"),
        (b'summary: "never closed\n', 2, "quote"),
        (b"sectors: [food, care\n", 2, "brackets"),
        (b"name:\n\t- a\n", 2, "tab"),
        (b"a: 1\n---\nb: 2\n", 2, "more than one document"),
    ],
)
def test_invalid_yaml_gives_line_and_plain_reason(raw, line, words):
    problem = only_problem(raw)
    assert problem.line == line
    assert words in problem.message_en
    assert "not valid YAML" in problem.message_en


@pytest.mark.parametrize(
    "raw, line, column, greek",
    [
        (b"name: a: b\n", 1, 8, "άνω και κάτω τελεία"),
        (b"name:\n\t- a\n", 2, 1, "χαρακτήρας tab στη στήλη 1"),
        (b"a: |x\n", 1, 5, "ελέγξτε τα εισαγωγικά"),
    ],
)
def test_yaml_mistakes_say_line_and_column_with_no_parser_english_in_greek(
    raw, line, column, greek
):
    problem = only_problem(raw)
    assert (problem.line, problem.column) == (line, column)
    assert greek in problem.message_el
    assert f"column {column}" in problem.message_en
    english_words = ("mapping", "expected", "found", "scanning", "parser", "while")
    assert not any(word in problem.message_el for word in english_words), problem.message_el


def test_impossible_date_is_a_problem_not_a_crash():
    problem = only_problem(b"kind: sse\nupdated: 2025-02-30\n")
    assert problem.line == 2 and "date does not exist" in problem.message_en


def test_python_tags_are_refused():
    problem = only_problem(b"x: !!python/object/apply:os.system ['echo hi']\n")
    assert "tags" in problem.message_en


def test_deep_nesting_is_refused():
    assert "nested too deeply" in only_problem(b"[" * 20000).message_en


def test_too_big_file_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 1_100_000 + b"\n")
    result = read_yaml_file(path, file="big.yaml")
    assert result.document is None and "too big" in result.problems[0].message_en


def test_missing_file_is_a_problem(tmp_path):
    result = read_yaml_file(tmp_path / "nope.yaml", file="nope.yaml")
    assert result.document is None and "cannot be read" in result.problems[0].message_en


def test_front_matter_lines_are_offset():
    result = parse_yaml_text("title: A\ntitle: B\n", file="w.md", first_line=2)
    assert result.problems[0].line == 3


def test_empty_front_matter_can_be_allowed():
    result = parse_yaml_text("", file="w.md", allow_empty=True)
    assert result.ok and result.document.data is None


def test_decode_utf8_drops_bom():
    assert decode_utf8(b"\xef\xbb\xbf" + "# Τίτλος\n".encode(), file="a.md").text == "# Τίτλος\n"


@pytest.mark.parametrize(
    "path, parent",
    [
        ("photos[1].alt.el", "photos[1].alt"),
        ("photos[1].alt", "photos[1]"),
        ("photos[1]", "photos"),
        ("photos", ""),
    ],
)
def test_parent_path(path, parent):
    assert parent_path(path) == parent


def test_the_projects_own_data_files_read_as_pyyamls_safe_loader_reads_them():
    """The codes, the ESSGLOBAL mapping and the web editor's form are read by libyaml
    (every build reads the codes): the same data as the pure-Python safe loader gives."""
    import yaml

    from sitebuild import ROOT

    files = [
        ROOT / "plugins" / "kalo" / "data" / "codes.yaml",
        ROOT / "plugins" / "opendata" / "data" / "essglobal.yaml",
    ]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert load_project_yaml(text) == yaml.safe_load(text), path
        assert load_project_yaml(text), path
