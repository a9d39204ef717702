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
    parts = json.loads((sample_site / "pagefind" / "parts.json").read_text("utf-8"))
    assert sorted(parts) == ["el", "en"]
    for folder in {part for listed in parts.values() for part in listed}:
        assert (sample_site / "pagefind" / folder / "pagefind.js").exists()
        assert not (sample_site / "pagefind" / folder / "pagefind-ui.js").exists()
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


def test_the_index_is_made_in_parts_each_reused_until_its_pages_change(tmp_path):
    """A page and its translation are in parts of their own languages, of the same
    number; a part is made again only when one of its pages changed, and a rebuild with
    nothing changed gives the same bundle."""
    from search.indexer import build_index, pagefind_binary
    from search.select import IndexedPage
    from search.settings import search_settings

    runs = tmp_path / "runs.log"
    wrapper = tmp_path / "pagefind"
    wrapper.write_text(f'#!/bin/sh\necho run >> "{runs}"\nexec "{pagefind_binary(None)}" "$@"\n')
    wrapper.chmod(0o755)
    options = {
        **search_settings({}),
        "SEARCH_PAGEFIND_BINARY": str(wrapper),
        "SEARCH_PART_SIZE": 1,
    }
    site = tmp_path / "site"
    pages = [
        IndexedPage("a/index.html", "a/", "el"),
        IndexedPage("en/a/index.html", "en/a/", "en"),
        IndexedPage("b/index.html", "b/", "el"),
        IndexedPage("en/b/index.html", "en/b/", "en"),
    ]
    _page(site, "a/index.html", "el", "Κουζίνα")
    _page(site, "en/a/index.html", "en", "Kitchen")
    _page(site, "b/index.html", "el", "Κήπος")
    _page(site, "en/b/index.html", "en", "Garden")

    def build(name):
        output = tmp_path / name
        for page in pages:
            (output / page.path).parent.mkdir(parents=True, exist_ok=True)
            (output / page.path).write_bytes((site / page.path).read_bytes())
        build_index(output, pages, options, cache=tmp_path / "cache")
        bundle = output / "pagefind"
        return bundle, json.loads((bundle / "parts.json").read_text("utf-8"))

    first, parts = build("first")
    assert sorted(parts) == ["el", "en"] and not set(parts["el"]) & set(parts["en"])
    assert len(parts["el"]) == len(parts["en"]) == 2
    assert runs.read_text().count("run") == 4
    for lang, folders in parts.items():
        for folder in folders:
            entry = json.loads((first / folder / "pagefind-entry.json").read_text("utf-8"))
            assert sorted(entry["languages"]) == [lang]
            assert not (first / folder / "pagefind-ui.js").exists()
    _page(site, "en/b/index.html", "en", "Orchard")  # one page of one part changes
    second, changed = build("second")
    assert runs.read_text().count("run") == 5  # the other parts came from the cache
    assert changed["el"] == parts["el"]
    assert len(set(changed["en"]) & set(parts["en"])) == 1
    third, same = build("third")  # nothing changed: no run, the same bundle
    assert runs.read_text().count("run") == 5
    assert same == changed
    assert sorted(p.relative_to(third).as_posix() for p in third.rglob("*")) == sorted(
        p.relative_to(second).as_posix() for p in second.rglob("*")
    )


def test_a_part_that_is_not_whole_is_made_again_and_every_part_is_whole(tmp_path):
    """A part in the cache with an empty entry (as Pagefind's WriteFiles once left) is made
    again, never published; every part of a build is whole (entry, meta and WebAssembly of
    each language)."""
    from search.indexer import ENTRY, _whole, build_index
    from search.select import IndexedPage
    from search.settings import search_settings

    options = {**search_settings({}), "SEARCH_PART_SIZE": 1}
    pages = [IndexedPage(f"{name}/index.html", f"{name}/", "el") for name in "abcd"]
    for page in pages:
        _page(tmp_path / "out", page.path, page.lang, f"Κουζίνα {page.url.strip('/')}")
    cache = tmp_path / "cache"
    build_index(tmp_path / "out", pages, options, cache=cache)
    bundle = tmp_path / "out" / "pagefind"
    folders = json.loads((bundle / "parts.json").read_text("utf-8"))["el"]
    assert len(folders) > 1 and all(_whole(bundle / folder) for folder in folders)
    damaged = next(path for path in cache.iterdir() if path.name.startswith(folders[0][:-1]))
    (damaged / ENTRY).unlink()
    (damaged / ENTRY).write_bytes(b"")  # not through the hard link of the first output
    for page in pages:
        _page(tmp_path / "again", page.path, page.lang, f"Κουζίνα {page.url.strip('/')}")
    build_index(tmp_path / "again", pages, options, cache=cache)
    again = tmp_path / "again" / "pagefind"
    assert json.loads((again / "parts.json").read_text("utf-8"))["el"] == folders
    assert all(_whole(again / folder) for folder in folders)
    assert json.loads((again / folders[0] / ENTRY).read_text("utf-8"))["languages"]["el"]


def test_a_language_lists_only_the_parts_that_have_its_pages(tmp_path):
    from search.indexer import build_index
    from search.select import IndexedPage
    from search.settings import search_settings

    options = {**search_settings({}), "SEARCH_PART_SIZE": 1}
    pages = [IndexedPage(f"{name}/index.html", f"{name}/", "el") for name in "abcdef"]
    pages.append(IndexedPage("en/g/index.html", "en/g/", "en"))
    for page in pages:
        _page(tmp_path / "out", page.path, page.lang, page.url.strip("/"))
    build_index(tmp_path / "out", pages, options, cache=tmp_path / "cache")
    bundle = tmp_path / "out" / "pagefind"
    parts = json.loads((bundle / "parts.json").read_text("utf-8"))
    assert len(parts["el"]) > 1 and len(parts["en"]) == 1
    for lang, folders in parts.items():
        for folder in folders:
            entry = json.loads((bundle / folder / "pagefind-entry.json").read_text("utf-8"))
            assert sorted(entry["languages"]) == [lang]


def test_a_site_with_nothing_to_index_is_built_without_an_index(tmp_path, caplog):
    from search.indexer import build_index
    from search.settings import search_settings

    build_index(tmp_path, [], search_settings({}), cache=tmp_path / "cache")
    assert not (tmp_path / "pagefind").exists()
    assert "no page to index" in caplog.text


def test_the_live_preview_starts_no_index_job_of_its_own(monkeypatch, tmp_path):
    """In the preview, the index is made by its background process once the site is quiet;
    a job forked by the preview's own process could not be waited for there (it failed
    with "No child processes" and the search index was never updated)."""
    import search
    from kalo import parallel
    from kalo.live import LIVE_PAGES, LivePages
    from search.select import IndexedPage

    def no_fork(*_args, **_kwargs):
        raise AssertionError("a forked index job in the preview")

    monkeypatch.setattr(parallel, "start_forked", no_fork)
    output = str(tmp_path / "served")
    settings = {
        "OUTPUT_PATH": output,
        "PATH": str(tmp_path / "content"),
        "KALO_CACHE_DIR": str(tmp_path / "cache"),
        LIVE_PAGES: LivePages(),
    }
    monkeypatch.setitem(
        search._builds,
        output,
        {"pages": [IndexedPage("a/index.html", "a/", "el")], "digests": [b"0"], "job": None},
    )
    search.start_indexing(settings)
    assert search._builds[output]["job"] is None


def test_the_pagefind_binary_is_the_one_pagefind_itself_would_run(monkeypatch, tmp_path):
    """The build asks the pinned binary package directly (without pagefind.service's
    asyncio); it must find what pagefind.service finds, and PAGEFIND_BINARY_PATH, which
    only pagefind.service knows, still wins."""
    from pagefind.service import get_executable

    from search.indexer import pagefind_binary

    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    assert pagefind_binary(None) == get_executable()
    assert pagefind_binary(None).is_file()
    other = tmp_path / "pagefind"
    other.write_text("#!/bin/sh\n")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(other))
    assert pagefind_binary(None) == other


def test_a_page_noted_after_the_index_was_started_is_indexed_too(tmp_path):
    """The index is started when the organizations, workshops and static pages are written;
    the parts planned then are kept for the end unless a page was noted after the start,
    which is then in the index as well."""
    import json
    from types import SimpleNamespace

    import search

    output = tmp_path / "out"
    settings = {
        "OUTPUT_PATH": str(output),
        "PATH": str(tmp_path / "content"),
        "KALO_CACHE_DIR": str(tmp_path / "cache"),
    }
    pelican = SimpleNamespace(output_path=str(output), settings=settings)

    def write(slug: str) -> None:
        page = output / slug / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="el"><head><title>{slug}</title></head><body>'
            f"<main><h1>{slug}</h1><p>Λέξεις της σελίδας {slug}.</p></main></body></html>",
            encoding="utf-8",
        )
        context = {
            "OUTPUT_PATH": str(output),
            "page_url": f"{slug}/",
            "lang": "el",
            "seo_kind": "profile",
        }
        search._page_written(str(page), context)

    search._start(pelican)
    write("proti")
    search.start_indexing(settings)
    write("defteri")  # after the start
    search._finish(pelican)
    listed = json.loads((output / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    entries = [
        json.loads((output / "pagefind" / folder / "pagefind-entry.json").read_text("utf-8"))
        for folder in listed["el"]
    ]
    assert sum(entry["languages"]["el"]["page_count"] for entry in entries) == 2, entries
