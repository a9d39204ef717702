"""The build's analysis of written pages (seo.analysis_cache): the same reports as the
pure analysis, read back from the files, cached, and bounded when many pages compete."""

from __future__ import annotations

import html

from seo_pages import GOOD_EL, GOOD_EN, change

from seo.analysis import analyze_site
from seo.analysis.checks.competing_pages import LISTED_URLS
from seo.analysis_cache import analyze_written
from seo.settings import get_settings
from seo.written_page import WrittenPage


def written(tmp_path, page, name):
    """``page`` as the site writes it: a whole HTML document with its main content."""
    path = tmp_path / "out" / name / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<!DOCTYPE html><html lang="{page.lang}"><head><title>{html.escape(page.title)}</title>'
        f'<meta name="description" content="{html.escape(page.meta_description)}"></head>'
        f"<body><header>menu</header><main>{page.html}</main></body></html>",
        encoding="utf-8",
    )
    return WrittenPage(path, page.url, page.lang, page.keyphrase, page.kind, page.source)


def pages_with_one_keyphrase(count):
    return [
        change(GOOD_EL, url=f"/organoseis/kouzina-{n:02d}/koinoniki-kouzina-peristeri/")
        for n in range(count)
    ]


def test_written_pages_get_the_reports_of_the_pure_analysis(tmp_path):
    pages = [GOOD_EL, GOOD_EN, change(GOOD_EL, url="/organoseis/allo/koinoniki-kouzina-peristeri/")]
    files = [written(tmp_path, page, f"p{n}") for n, page in enumerate(pages)]
    settings = get_settings()
    cached = analyze_written(files, "", settings, tmp_path / "cache")
    assert cached == analyze_site(pages, settings)
    again = analyze_written(files, "", settings, tmp_path / "cache")  # from the cache
    assert again == cached


def test_many_competing_pages_are_counted_and_only_the_first_listed(tmp_path):
    pages = pages_with_one_keyphrase(LISTED_URLS + 5)
    files = [written(tmp_path, page, f"p{n}") for n, page in enumerate(pages)]
    reports = analyze_written(files, "", get_settings(), tmp_path / "cache")
    for report in reports:
        result = report.result("competing_pages")
        assert result.level == "problem"
        assert result.values["count"] == LISTED_URLS + 4
        assert len(result.values["urls"]) == LISTED_URLS
        assert report.url not in result.values["urls"]
        assert result.values["urls"] == sorted(result.values["urls"])
        assert str(LISTED_URLS + 4) in result.advice
    # The pure analysis (complete lists) gives the same verdicts and counts.
    pure = analyze_site(pages, get_settings())
    assert [r.result("competing_pages").values["count"] for r in pure] == [
        r.result("competing_pages").values["count"] for r in reports
    ]


def test_a_changed_page_is_analysed_again(tmp_path):
    files = [written(tmp_path, GOOD_EL, "a")]
    settings = get_settings()
    before = analyze_written(files, "", settings, tmp_path / "cache")
    short = change(GOOD_EL, html="<p>Λίγα λόγια.</p>")
    written(tmp_path, short, "a")
    after = analyze_written(files, "", settings, tmp_path / "cache")
    assert after == analyze_site([short], settings)
    assert after != before


def test_results_are_kept_in_one_file_that_survives_damage_and_forgets_old_entries(
    tmp_path, monkeypatch
):
    from seo import result_store
    from seo.result_store import ResultStore

    monkeypatch.setattr(result_store, "SPARE_ENTRIES", 2)
    store = ResultStore(tmp_path)
    store.save(["a", "b"], {"a": 1, "b": 2})
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.sqlite"]
    store = ResultStore(tmp_path)
    store.save(["a"], {"c": 3})  # 3 entries: within 3 × 1 used + 2 spare, all kept
    assert store.load(["a", "b", "c"]) == {"a": 1, "b": 2, "c": 3}
    store.save(["a", "d"], {"d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9})  # 9 > 3 × 2 + 2
    store.close()
    store = ResultStore(tmp_path)
    assert store.load(list("abcdefghi")) == {"a": 1, "d": 4}
    store.close()
    (tmp_path / "results.sqlite").write_bytes(b"not a database at all" * 100)
    store = ResultStore(tmp_path)
    assert store.load(["a"]) == {}
    store.save(["a"], {"a": 3})
    assert store.load(["a"]) == {"a": 3}
    store.close()


def test_a_damaged_result_store_means_analysing_again(tmp_path):
    files = [written(tmp_path, GOOD_EL, "a")]
    settings = get_settings()
    first = analyze_written(files, "", settings, tmp_path / "cache")
    (tmp_path / "cache" / "results.sqlite").write_bytes(b"\0" * 4096)
    assert analyze_written(files, "", settings, tmp_path / "cache") == first


def test_changed_settings_mean_analysing_again(tmp_path):
    files = [written(tmp_path, GOOD_EL, "a")]
    analyze_written(files, "", get_settings(), tmp_path / "cache")
    stricter = get_settings({"SEO_TEXT_LENGTH": {"profile": {"good": 5000, "ok": 4000}}})
    assert analyze_written(files, "", stricter, tmp_path / "cache") == analyze_site(
        [GOOD_EL], stricter
    )
    assert analyze_site([GOOD_EL], stricter) != analyze_site([GOOD_EL], get_settings())


def test_the_cached_results_follow_the_stemmers_version(monkeypatch):
    """The stemmers are a compiled library: another Snowball may stem differently, so its
    version is part of what every cached result and keyphrase key is kept by."""
    import Stemmer

    from seo.analysis_cache import _code_version

    now = _code_version.__wrapped__()
    monkeypatch.setattr(Stemmer, "version", lambda: "99.0.0")
    assert _code_version.__wrapped__() != now
