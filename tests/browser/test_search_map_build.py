"""Search and map plugins without a browser: which pages are indexed, and clear failures."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from kalo.problems import ContentErrors
from search.select import indexed_page, mark_body

KINDS = ("profile", "workshop", "page")


@pytest.mark.parametrize("context, expected", [
    ({"page_url": "organizations/a/", "lang": "el", "seo_kind": "profile"}, "organizations/a/"),
    ({"page_url": "en/workshops/w/", "lang": "en", "seo_kind": "workshop"}, "en/workshops/w/"),
    ({"page_url": "en/organizations/a/", "lang": "en", "seo_kind": "profile", "noindex": True}, None),
    ({"page_url": "organizations/", "lang": "el", "seo_kind": None}, None),
    ({"page_url": "organizations/kind/sse/", "lang": "el", "seo_kind": None}, None),
    ({"page_url": "404.html", "lang": "el", "noindex": True}, None),
    ({"page_url": "search/", "lang": "el", "seo_kind": None, "noindex": True}, None),
    ({"page": SimpleNamespace(url="about/", lang="el", is_fallback=False)}, "about/"),
    ({"page": SimpleNamespace(url="en/about/", lang="en", is_fallback=True)}, None),
    ({"page": SimpleNamespace(url="", lang="el", is_fallback=False)}, None),
    ({}, None),
])
def test_which_pages_are_indexed(context, expected):
    page = indexed_page("x/index.html", context, KINDS)
    assert (page.url if page else None) == expected


def test_main_gets_the_body_marker_once():
    html = '<body><main id="main"><p>x</p></main><main></main></body>'
    assert mark_body(html).count("data-pagefind-body") == 1
    assert mark_body('<main data-pagefind-body id="m"></main>') == '<main data-pagefind-body id="m"></main>'


@pytest.mark.slow
def test_sample_site_has_the_bundle_and_no_unpublished_marker(sample_site):
    assert (sample_site / "pagefind" / "pagefind.js").exists()
    assert not (sample_site / "pagefind" / "pagefind-ui.js").exists()
    for prefix in ("", "en"):
        data = json.loads((sample_site / prefix / "map" / "organizations.json").read_text("utf-8"))
        slugs = {m["slug"] for m in data["markers"]}
        assert "omada-antallagis-vivlion-kamaterou" not in slugs
        assert "koinoniko-frontistirio-peristeriou" not in slugs
    assert (sample_site / "theme" / "vendor" / "leaflet" / "leaflet.js").exists()


@pytest.mark.slow
@pytest.mark.parametrize("setting, value, words", [
    ("MAP_LEAFLET_DIST", "/nonexistent/leaflet/dist", "make node-deps"),
    ("SEARCH_PAGEFIND_BINARY", "/nonexistent/pagefind", "Pagefind"),
])
def test_missing_tools_stop_the_build_clearly(tmp_path, capsys, setting, value, words):
    from sitebuild import FIXTURE, build_site

    output = tmp_path / "output"
    with pytest.raises(ContentErrors):
        build_site(FIXTURE / "content", FIXTURE / "organizations", output, allow_warnings=True,
                   **{setting: value})
    assert words in capsys.readouterr().err
    assert not output.exists()  # nothing half-built was swapped in
