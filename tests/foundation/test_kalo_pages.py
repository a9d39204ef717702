"""kalo.pages: PageContext, what content_written's listeners read of a page and the build;
PageStore, the rendered pages kept across builds and output folders."""

from __future__ import annotations

import pytest

from kalo.pages import PageContext, PageStore


def test_a_pages_values_come_before_the_builds_and_the_rest_is_the_builds():
    build = {"SITEURL": "https://example.org", "lang": "el", "page": None}
    context = PageContext({"lang": "en", "page_url": "en/x/"}, build)
    assert context["lang"] == "en" and context.get("lang") == "en"
    assert context["SITEURL"] == "https://example.org"
    assert context.get("page") is None and "page" in context
    assert context.get("missing") is None and context.get("missing", 3) == 3
    assert "missing" not in context
    with pytest.raises(KeyError):
        context["missing"]
    assert list(context) == ["lang", "page_url", "SITEURL", "page"]
    assert len(context) == 4
    assert dict(context) == {**build, "lang": "en", "page_url": "en/x/"}


def _stored(store: PageStore, tmp_path, fingerprint: str, text: str) -> None:
    page = tmp_path / f"{fingerprint}-written.html"
    page.write_text(text, encoding="utf-8")
    store.put(str(page), fingerprint)
    store.note(fingerprint, text.encode())


def _index_was_read(store: PageStore) -> bool:
    return "known" in store.store.__dict__


def test_pages_stored_by_a_build_are_found_by_the_next_without_reading_the_index(tmp_path):
    """Within the hour of the last pruning, a build that stores a few pages writes them to
    the small file of recent pages; the next build finds them there, and a page that was
    never stored is known to be missing without the index either."""
    folder = tmp_path / "pages"
    first = PageStore(folder)
    _stored(first, tmp_path, "a" * 64, "one")
    first.save()  # the first save prunes (no pruning yet): everything in the index
    second = PageStore(folder)
    _stored(second, tmp_path, "b" * 64, "two")
    assert second.get("c" * 64) is None
    second.save()
    assert not _index_was_read(second)
    third = PageStore(folder)
    found = third.get("b" * 64)
    assert found is not None and found[1] == b"two" and found[0].read_text() == "two"
    assert not _index_was_read(third)
    assert third.get("a" * 64)[1] == b"one"  # in the index: read now
    assert _index_was_read(third)


def test_the_next_hour_merges_the_recent_pages_into_the_index_and_prunes_old_ones(tmp_path):
    folder = tmp_path / "pages"
    first = PageStore(folder)
    _stored(first, tmp_path, "a" * 64, "old")
    first.save()
    second = PageStore(folder)
    _stored(second, tmp_path, "b" * 64, "new")
    second.save()
    later = PageStore(folder)
    later.now += (PageStore.KEPT_SECONDS + 3600) * 1_000_000_000  # two days and an hour on
    later.touch("b" * 64)  # still in the output folder; "a…" is used no more
    later.save()
    assert _index_was_read(later)
    after = PageStore(folder)
    assert after.recent == {} and after.pruned == later.now
    assert set(after.index) == {"b" * 64}
    assert after.index["b" * 64][0] == later.now  # its use time brought up to date
    assert not (folder / "aa" / f"{'a' * 64}.html").exists()
    assert after.get("b" * 64)[1] == b"new"


def test_many_recent_pages_are_merged_into_the_index_at_once(tmp_path):
    folder = tmp_path / "pages"
    PageStore(folder).save()  # pruned now
    store = PageStore(folder)
    for number in range(PageStore.RECENT_LIMIT + 1):
        _stored(store, tmp_path, f"{number:064x}", str(number))
    store.save()
    assert _index_was_read(store)
    after = PageStore(folder)
    assert after.recent == {} and len(after.index) == PageStore.RECENT_LIMIT + 1
