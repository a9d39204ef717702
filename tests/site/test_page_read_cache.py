"""site_pages.read_cache: a page's reading kept by its path and bytes, plain values only."""

from __future__ import annotations

import datetime

from site_pages.read_cache import ReadCache


def _cache(tmp_path, site="a" * 64) -> ReadCache:
    return ReadCache({"KALO_CACHE_DIR": str(tmp_path), "PATH": str(tmp_path)}, site)


def _reader(calls, metadata):
    def read():
        calls.append(1)
        return "<p>text</p>", metadata

    return read


def test_a_read_is_kept_across_builds_by_the_pages_path_and_bytes(tmp_path):
    calls = []
    first = _cache(tmp_path)
    meta = {"title": "Τίτλος", "nav": 1, "date": datetime.date(2026, 1, 2), "tags": ["a"]}
    assert first.read("pages/a.md", b"one", _reader(calls, meta)) == ("<p>text</p>", meta)
    first.save()
    again = _cache(tmp_path)
    assert again.read("pages/a.md", b"one", _reader(calls, {})) == ("<p>text</p>", meta)
    assert len(calls) == 1
    again.read("pages/a.md", b"two", _reader(calls, {}))  # other bytes: read
    again.read("pages/b.md", b"one", _reader(calls, {}))  # another page: read
    assert len(calls) == 3
    assert _cache(tmp_path, site="b" * 64).read("pages/a.md", b"one", _reader(calls, {}))
    assert len(calls) == 4  # other site inputs (code, settings, theme): read


def test_metadata_with_pelican_objects_is_read_again_every_time(tmp_path):
    class Tag:  # Pelican's carry the settings: never pickled into the cache
        pass

    calls = []
    cache = _cache(tmp_path)
    for _ in range(2):
        cache.read("pages/a.md", b"one", _reader(calls, {"tags": [Tag()]}))
    cache.save()
    _cache(tmp_path).read("pages/a.md", b"one", _reader(calls, {"tags": [Tag()]}))
    assert len(calls) == 3


def test_the_metadata_given_is_a_copy(tmp_path):
    cache = _cache(tmp_path)
    meta = {"keywords": ["one"]}
    cache.read("pages/a.md", b"one", _reader([], meta))
    meta["keywords"].append("changed after the read")
    _, given = cache.read("pages/a.md", b"one", _reader([], {}))
    given["keywords"].append("changed by its user")
    assert cache.read("pages/a.md", b"one", _reader([], {}))[1] == {"keywords": ["one"]}


def test_typesetting_is_kept_by_html_and_language(tmp_path):
    calls = []

    def typeset(html, lang):
        calls.append(lang)
        return f"{lang}:{html}"

    cache = _cache(tmp_path)
    assert cache.typeset("<p>x</p>", "el", typeset) == "el:<p>x</p>"
    cache.save()
    again = _cache(tmp_path)
    assert again.typeset("<p>x</p>", "el", typeset) == "el:<p>x</p>"
    assert again.typeset("<p>x</p>", "en", typeset) == "en:<p>x</p>"
    assert calls == ["el", "en"]
