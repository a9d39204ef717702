"""Search and map plugins without a browser: which pages are indexed, and clear failures."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from kalo.problems import ContentErrors
from search.select import indexed_page, mark_body

KINDS = ("profile", "workshop", "page")


@pytest.mark.parametrize(
    "context, expected",
    [
        ({"page_url": "organizations/a/", "lang": "el", "seo_kind": "profile"}, "organizations/a/"),
        ({"page_url": "en/workshops/w/", "lang": "en", "seo_kind": "workshop"}, "en/workshops/w/"),
        (
            {
                "page_url": "en/organizations/a/",
                "lang": "en",
                "seo_kind": "profile",
                "noindex": True,
            },
            None,
        ),
        ({"page_url": "organizations/", "lang": "el", "seo_kind": None}, None),
        ({"page_url": "organizations/kind/sse/", "lang": "el", "seo_kind": None}, None),
        ({"page_url": "404.html", "lang": "el", "noindex": True}, None),
        ({"page_url": "search/", "lang": "el", "seo_kind": None, "noindex": True}, None),
        ({"page": SimpleNamespace(url="about/", lang="el", is_fallback=False)}, "about/"),
        ({"page": SimpleNamespace(url="en/about/", lang="en", is_fallback=True)}, None),
        ({"page": SimpleNamespace(url="", lang="el", is_fallback=False)}, None),
        ({}, None),
    ],
)
def test_which_pages_are_indexed(context, expected):
    page = indexed_page("x/index.html", context, KINDS)
    assert (page.url if page else None) == expected


def test_main_gets_the_body_marker_once():
    html = '<body><main id="main"><p>x</p></main><main></main></body>'
    assert mark_body(html).count("data-pagefind-body") == 1
    assert (
        mark_body('<main data-pagefind-body id="m"></main>')
        == '<main data-pagefind-body id="m"></main>'
    )


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
@pytest.mark.parametrize(
    "setting, value, words",
    [
        ("MAP_LEAFLET_DIST", "/nonexistent/leaflet/dist", "make node-deps"),
        ("SEARCH_PAGEFIND_BINARY", "/nonexistent/pagefind", "Pagefind"),
    ],
)
def test_missing_tools_stop_the_build_clearly(tmp_path, capsys, setting, value, words):
    from sitebuild import FIXTURE, build_site

    output = tmp_path / "output"
    with pytest.raises(ContentErrors):
        build_site(
            FIXTURE / "content",
            FIXTURE / "organizations",
            output,
            allow_warnings=True,
            **{setting: value},
        )
    assert words in capsys.readouterr().err
    assert not output.exists()  # nothing half-built was swapped in


def _page(folder, path, lang, text):
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{text}</title></head>'
        f"<body><main><h1>{text}</h1><p>{text} {text}</p></main></body></html>",
        encoding="utf-8",
    )


def test_one_index_per_language_each_reused_until_its_pages_change(tmp_path):
    from search.indexer import build_index, pagefind_binary
    from search.select import IndexedPage
    from search.settings import search_settings

    runs = tmp_path / "runs.log"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(f'#!/bin/sh\necho run >> "{runs}"\nexec "{pagefind_binary(None)}" "$@"\n')
    wrapper.chmod(0o755)
    options = {**search_settings({}), "SEARCH_PAGEFIND_BINARY": str(wrapper)}
    site = tmp_path / "site"
    pages = [
        IndexedPage("a/index.html", "/a/", "el"),
        IndexedPage("en/a/index.html", "/en/a/", "en"),
    ]
    _page(site, "a/index.html", "el", "Κουζίνα")
    _page(site, "en/a/index.html", "en", "Kitchen")

    def build(name):
        output = tmp_path / name
        for page in pages:
            (output / page.path).parent.mkdir(parents=True, exist_ok=True)
            (output / page.path).write_bytes((site / page.path).read_bytes())
        build_index(output, pages, options, cache=tmp_path / "cache")
        entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
        return output / "pagefind", entry

    first, entry = build("first")
    assert sorted(entry["languages"]) == ["el", "en"]
    assert runs.read_text().count("run") == 2
    assert not (first / "pagefind-ui.js").exists()
    _page(site, "en/a/index.html", "en", "Garden")  # only the English page changes
    second, changed = build("second")
    assert runs.read_text().count("run") == 3  # the Greek index came from the cache
    assert changed["languages"]["el"] == entry["languages"]["el"]
    assert changed["languages"]["en"] != entry["languages"]["en"]
    el_meta = f"pagefind.{entry['languages']['el']['hash']}.pf_meta"
    assert (second / el_meta).read_bytes() == (first / el_meta).read_bytes()
    third, same = build("third")  # nothing changed: no run, the same bundle
    assert runs.read_text().count("run") == 3
    assert same == changed
    assert sorted(p.relative_to(third).as_posix() for p in third.rglob("*")) == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*")
    )


def test_a_site_with_nothing_to_index_is_built_without_an_index(tmp_path, caplog):
    from search.indexer import build_index
    from search.settings import search_settings

    build_index(tmp_path, [], search_settings({}), cache=tmp_path / "cache")
    assert not (tmp_path / "pagefind").exists()
    assert "no page to index" in caplog.text
