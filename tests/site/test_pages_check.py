"""Static pages (content/pages/*.md): each mistake is refused with the file, the line, the
field and a message in both languages, the other pages still load, and the build stops
with the same message instead of leaving a page out."""

from __future__ import annotations

import datetime
import shutil

import pytest

from kalo.problems import ContentErrors
from site_pages.load import load_pages
from sitebuild import FIXTURE, build_site

TODAY = datetime.date(2026, 3, 15)
GOOD = (
    '---\ntitle: Σχετικά με εμάς\nsummary: "Ποιοι είμαστε και τι κάνουμε στη Δυτική Αθήνα."\n'
    "---\n\nΚείμενο.\n"
)


def page(**fields) -> str:
    values = {"title": "Σελίδα", "summary": '"Μια περιγραφή αρκετά μεγάλη για το όριο."'}
    values.update(fields)
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\nΚείμενο της σελίδας.\n"


# case → (files, file with the problem, line, field, words in the English message)
CASES = {
    "unknown field, did you mean": (
        {"about.md": page(sumary='"x"')},
        "about.md",
        4,
        "sumary",
        'did you mean "summary"',
    ),
    "missing title": ({"about.md": page(title=None)}, "about.md", None, "title", "required"),
    "summary too short": ({"about.md": page(summary="Λίγα.")}, "about.md", 3, "summary", "found 5"),
    "nav not a number": ({"about.md": page(nav="πρώτη")}, "about.md", 4, "nav", "whole number"),
    "unknown template": (
        {"about.md": page(template="homepage")},
        "about.md",
        4,
        "template",
        'did you mean "home"',
    ),
    "keywords not a list": (
        {"about.md": page(keywords="α, β")},
        "about.md",
        4,
        "keywords",
        "expected a list",
    ),
    "translation without its original": (
        {"abuot.en.md": page()},
        "abuot.en.md",
        None,
        None,
        "needs its Greek original abuot.md",
    ),
    "Greek written with .el": ({"about.el.md": page()}, "about.el.md", None, None, "without .el"),
    "name that is not a slug": (
        {"Σχετικά.md": page()},
        "Σχετικά.md",
        None,
        None,
        "rename it to schetika.md",
    ),
    "old Key: value fields": (
        {"about.md": "Title: Σχετικά\n\nΚείμενο.\n"},
        "about.md",
        1,
        None,
        "between two lines of '---'",
    ),
    "invalid YAML": ({"about.md": page(title="Α: Β")}, "about.md", 2, None, "not valid YAML"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_page_mistake_is_refused_clearly_and_nothing_else_is_lost(tmp_path, case):
    files, name, line, field, words = CASES[case]
    folder = tmp_path / "content" / "pages"
    folder.mkdir(parents=True)
    (folder / "bystander.md").write_text(GOOD, encoding="utf-8")
    for file_name, text in files.items():
        (folder / file_name).write_text(text, encoding="utf-8")
    result = load_pages(folder, today=TODAY, display_root=tmp_path)
    errors = [p for p in result.problems if p.severity == "error"]
    problem = next((p for p in errors if words in p.message_en), None)
    assert problem is not None, [p.format() for p in errors]
    assert problem.file == f"content/pages/{name}"
    assert (problem.line, problem.field) == (line, field)
    assert problem.message_el and problem.message_el != problem.message_en
    assert "bystander" in result.slugs
    assert {p.file for p in result.problems} == {f"content/pages/{name}"}


def test_the_build_stops_on_a_page_mistake_with_the_same_message(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    (content / "pages" / "about.md").write_text(page(nav="πρώτη"), encoding="utf-8")
    output = tmp_path / "output"
    with pytest.raises(ContentErrors) as stopped:
        build_site(content, FIXTURE / "organizations", output)
    errors = [p for p in stopped.value.problems if p.severity == "error"]
    assert [(p.file, p.field) for p in errors] == [("content/pages/about.md", "nav")]
    assert not output.exists()
