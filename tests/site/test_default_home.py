"""A content folder without content/pages/home.md (or home.en.md) still has a home page at
/ and /en/, made from the directory, the programme and the figures, with a warning.

The fixture is tests/site/fixture-no-home (one page, no home) with the organizations of
tests/site/fixture."""

from __future__ import annotations

import logging
import re
import shutil
from datetime import date

from sitebuild import FIXTURE, ROOT, build_site

NO_HOME = ROOT / "tests" / "site" / "fixture-no-home"


def _build(tmp_path, content, caplog):
    from pelican.log import LimitFilter

    # Pelican logs a warning only once per process; each build here must show its own.
    LimitFilter._raised_messages.clear()
    with caplog.at_level(logging.WARNING):
        output = build_site(
            content,
            FIXTURE / "organizations",
            tmp_path / "output",
            allow_warnings=True,
            ORG_HOME_DATE=date(2025, 1, 1),
        )
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return output, warnings


def test_a_site_without_home_pages_gets_the_default_home_in_both_languages(tmp_path, caplog):
    output, warnings = _build(tmp_path, NO_HOME / "content", caplog)
    assert any("home.md is missing" in w and "default home" in w for w in warnings), warnings
    assert any("home.en.md is missing" in w for w in warnings), warnings
    for lang, prefix, title in (
        ("el", "", "Παρατηρητήριο ΚΑΛΟ Δυτικής Αθήνας"),
        ("en", "en/", "SSE Observatory of West Athens"),
    ):
        html = (output / prefix / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert f"<title>{title}</title>" in html
        # The directory's organizations as cards, the numbers, the way to join.
        assert f'href="/{prefix}organizations/alfa-koinsep/"' in html
        assert 'class="card org-card' in html and 'class="stats"' in html
        assert "issues/new?template=new-organization.yml" in html
        assert 'href="/admin/"' in html
        assert "gamma-hidden" not in html and "delta-withdrawn" not in html
        other = "en/" if lang == "el" else ""
        assert f'hreflang="{"en" if lang == "el" else "el"}"' in html
        assert f'href="/{other}"' in html  # the language switch
        assert 'name="robots"' not in html
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"<loc>http://localhost:8000/</loc>", sitemap)
    assert re.search(r"<loc>http://localhost:8000/en/</loc>", sitemap)


def test_a_missing_english_home_is_the_default_home_not_a_greek_fallback(tmp_path, caplog):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE / "content", content)
    (content / "pages" / "home.en.md").unlink()
    output, warnings = _build(tmp_path, content, caplog)
    assert [w for w in warnings if "default home" in w and "home.en.md" in w], warnings
    assert not [w for w in warnings if "home.md is missing" in w], warnings
    english = (output / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "noindex" not in english
    assert "SSE Observatory of West Athens" in english
    greek = (output / "index.html").read_text(encoding="utf-8")
    assert "Δοκιμαστικό παρατηρητήριο" in greek  # the home.md text is kept
    assert 'hreflang="en" href="http://localhost:8000/en/"' in greek
    assert 'class="lang-switch" href="/en/"' in greek
    assert not (output / "en" / "home").exists()
