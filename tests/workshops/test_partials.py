"""The partials other templates include: rendered alone, with only the context they document."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2

from bilingual.jinja import install_jinja_helpers
from tests.workshops.test_programme import make
from workshops import urls
from workshops.programme import build_programme

TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "templates"


def render(name: str, **context) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    install_jinja_helpers(SimpleNamespace(env=env))
    return env.get_template(name).render(
        SITEURL="", DEFAULT_LANG="el", workshop_urls=urls, **context
    )


def test_org_workshops_lists_the_sessions_of_the_organization():
    taken = (make("focus-groups", 1, en=True), make("thematic", 2))
    html = render(
        "partials/org_workshops.html",
        organization=SimpleNamespace(slug="alfa"),
        lang="en",
        workshops_by_org={"alfa": taken},
    )
    assert '<h2 id="org-workshops-title">Workshops it took part in</h2>' in html
    assert '<a href="/en/workshops/focus-groups-01/">Title 1</a>' in html
    assert '<a href="/en/workshops/thematic-02/" lang="el">Τίτλος 2</a>' in html
    assert "Thematic workshops, session 2" in html


def test_org_workshops_is_empty_for_an_organization_without_sessions():
    html = render(
        "partials/org_workshops.html",
        organization=SimpleNamespace(slug="beta"),
        lang="en",
        workshops_by_org={},
    )
    assert html.strip() == ""


def test_programme_progress_and_latest_on_a_page_context():
    programme = build_programme(
        [make("focus-groups", n, summary=f"Σύνοψη {n}") for n in (1, 2, 3, 4)]
    )
    page = SimpleNamespace(lang="en")
    progress = render("partials/programme_progress.html", page=page, workshop_programme=programme)
    assert '<progress max="17" value="4"' in progress and "4 of 17 held" in progress
    assert 'href="/en/workshops/series/focus-groups/"' in progress
    latest = render(
        "partials/latest_workshops.html", page=page, latest_workshops=programme.latest(3)
    )
    assert [
        slug
        for slug in ("focus-groups-04", "focus-groups-03", "focus-groups-02", "focus-groups-01")
        if f"/en/workshops/{slug}/" in latest
    ] == ["focus-groups-04", "focus-groups-03", "focus-groups-02"]
    assert latest.index("focus-groups-04") < latest.index("focus-groups-02")


def test_partials_render_nothing_without_the_plugin():
    page = SimpleNamespace(lang="el")
    assert render("partials/programme_progress.html", page=page).strip() == ""
    assert render("partials/latest_workshops.html", page=page).strip() == ""
