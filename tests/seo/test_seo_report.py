"""JSON, HTML page and terminal table of the results."""

from __future__ import annotations

import json

from seo_pages import GOOD_EL, GOOD_EN, change

from seo.analysis import analyze_page, analyze_site, failing_pages
from seo.report import format_failures, format_table, render_html, to_json, write_html, write_json
from seo.settings import get_settings

HOSTILE = '</script><script>alert(1)</script><b onmouseover="x">'


def reports():
    return analyze_site([GOOD_EN, change(GOOD_EL, keyphrase=None), change(GOOD_EL, url="/b/")])


def test_json_is_deterministic_and_sorted():
    first = to_json(reports())
    again = to_json(tuple(reversed(reports())))
    assert first == again
    data = json.loads(first)
    urls = [p["url"] for p in data["pages"]]
    assert urls == sorted(urls)
    assert data["summary"]["pages"] == 3
    assert data["format"] == 1
    page = data["pages"][0]
    assert set(page) >= {"url", "lang", "score", "rating", "results", "keyphrase", "source"}
    assert set(page["results"][0]) == {"id", "level", "outcome", "advice", "values"}
    assert "Κοινωνική" in first  # not \u-escaped


def test_write_json_and_html(tmp_path):
    json_path = write_json(reports(), tmp_path / "seo" / "report.json")
    html_path = write_html(reports(), tmp_path / "seo" / "index.html")
    assert json_path.read_text(encoding="utf-8") == to_json(reports())
    assert html_path.read_text(encoding="utf-8") == render_html(reports())


def test_html_has_noindex_and_no_scripts_or_external_assets():
    html = render_html(reports())
    assert '<meta name="robots" content="noindex">' in html
    assert "<script" not in html.lower()
    assert "http://" not in html and "https://" not in html
    assert '<section id="page-1" lang="el"' in html or '<section id="page-1" lang="en"' in html


def test_html_escapes_hostile_text():
    page = change(GOOD_EL, title=HOSTILE, keyphrase=HOSTILE, url="/x/" + HOSTILE, source=HOSTILE)
    html = render_html([analyze_page(page)])
    assert "<script>" not in html and "</script>" not in html
    assert "<b onmouseover" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_sections_are_in_the_page_language():
    html = render_html(reports())
    assert "Φράση-κλειδί" in html and "Keyphrase" in html
    assert "Πρόβλημα" in html  # the Greek page without keyphrase


def test_terminal_table():
    text = format_table(reports())
    lines = text.splitlines()
    assert lines[0].split() == ["score", "light", "lang", "problem", "ok", "page"]
    assert lines[2].split()[0] == str(min(r.score for r in reports()))  # worst first
    assert "3 pages:" in text
    assert "keyphrase_set:" in text and "Δεν έχει οριστεί φράση-κλειδί" in text
    assert "keyphrase_set" not in format_table(reports(), details=False)


def test_format_failures():
    settings = get_settings(
        {
            "SEO_FAIL_LEVEL": "problem",
            "SEO_FAIL_CHECKS": ["keyphrase_set"],
            "SEO_FAIL_MIN_SCORE": 50,
        }
    )
    text = format_failures(failing_pages(reports(), settings), settings["SEO_FAIL_MIN_SCORE"])
    assert GOOD_EL.url in text and "keyphrase_set" in text and "below the minimum 50" in text
    assert format_failures([]) == ""


def _theme_copy(tmp_path, change_from: str, change_to: str):
    from seo.report import TEMPLATE, THEME_TEMPLATES

    templates = tmp_path / "templates"
    templates.mkdir()
    text = (THEME_TEMPLATES / TEMPLATE).read_text(encoding="utf-8")
    assert change_from in text
    (templates / TEMPLATE).write_text(text.replace(change_from, change_to), encoding="utf-8")
    return templates


def test_html_comes_from_the_themes_template(tmp_path):
    templates = _theme_copy(tmp_path, "<main>", '<main class="changed-in-the-theme">')
    assert '<main class="changed-in-the-theme">' in render_html(reports(), templates)
    assert "changed-in-the-theme" not in render_html(reports())


def test_html_interface_strings_come_from_the_catalog():
    from kalo.i18n import translate

    html = render_html(reports())
    for message in ("SEO report", "Keyphrase", "Problem"):
        assert f">{translate('el', message)}<" in html and f">{message}<" in html


def test_html_escapes_quotes_as_before():
    html = render_html([analyze_page(change(GOOD_EN, title='O\'Neil & "Sons"', url="/q/"))])
    assert "O&#x27;Neil &amp; &quot;Sons&quot;" in html


def test_a_changed_template_is_not_served_from_the_report_cache(tmp_path):
    from seo.analysis_step import _report_key
    from seo.report import THEME_TEMPLATES

    templates = _theme_copy(tmp_path, "<main>", "<main >")
    assert _report_key(["a", "b"], THEME_TEMPLATES) == _report_key(["b", "a"], THEME_TEMPLATES)
    assert _report_key(["a", "b"], THEME_TEMPLATES) != _report_key(["a", "b"], templates)
