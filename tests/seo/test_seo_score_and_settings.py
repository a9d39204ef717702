"""The score, the overall light, the settings overlay and the build-failure decision."""

from __future__ import annotations

import pytest
from seo_pages import GOOD_EL, GOOD_EN, change

from seo.analysis import (
    CheckResult,
    analyze_page,
    analyze_site,
    failing_pages,
    keyphrase_index,
    rating,
    score,
)
from seo.settings import DEFAULTS, SeoSettingsError, get_settings


def results(*levels):
    return [CheckResult(f"c{i}", level, "x", "") for i, level in enumerate(levels)]


@pytest.mark.parametrize(
    ("levels", "not_run", "expected"),
    [
        (("good",) * 4, 0, 100),
        (("good", "ok"), 0, 75),
        (("good", "problem"), 0, 50),
        (("problem",) * 3, 0, 0),
        (("good",), 1, 50),
        ((), 0, 0),
        (("good", "good", "ok"), 0, 83),
    ],
)
def test_score(levels, not_run, expected):
    assert score(results(*levels), not_run) == expected


@pytest.mark.parametrize(
    ("total", "light"),
    [(100, "good"), (70, "good"), (69, "ok"), (40, "ok"), (39, "problem")],
)
def test_rating(total, light):
    assert rating(total, get_settings()) == light


def test_a_page_without_keyphrase_scores_low():
    report = analyze_page(change(GOOD_EL, keyphrase=None))
    assert report.score < 40 and report.rating == "problem"


def test_analyze_site_finds_competing_pages_in_the_same_language_only():
    twin = change(GOOD_EL, url="/organoseis/allo/", keyphrase="Κοινωνικές κουζίνες Περιστερίου")
    english = change(GOOD_EN, keyphrase="κοινωνική κουζίνα Περιστέρι")
    reports = analyze_site([twin, english, GOOD_EL])
    assert [r.url for r in reports] == sorted(r.url for r in reports)
    by_url = {r.url: r for r in reports}
    assert by_url[GOOD_EL.url].result("competing_pages").level == "ok"
    assert by_url["/organoseis/allo/"].result("competing_pages").values["urls"] == [GOOD_EL.url]
    assert by_url[GOOD_EN.url].result("competing_pages").level == "good"
    assert len(keyphrase_index([twin, english, GOOD_EL])) == 2


def test_get_settings_overlays_without_changing_its_input():
    user = {
        "SEO_TEXT_LENGTH": {"profile": {"good": 120}},
        "SITENAME": "x",
        "SEO_FAIL_CHECKS": ["title_length"],
    }
    snapshot = repr(user)
    settings = get_settings(user)
    assert settings["SEO_TEXT_LENGTH"]["profile"] == {"good": 120, "ok": 80}
    assert settings["SEO_TEXT_LENGTH"]["page"] == DEFAULTS["SEO_TEXT_LENGTH"]["page"]
    assert settings["SEO_FAIL_CHECKS"] == ("title_length",)
    assert "SITENAME" not in settings
    assert repr(user) == snapshot
    settings["SEO_DENSITY"]["min"] = 9
    assert DEFAULTS["SEO_DENSITY"]["min"] == 0.5


def test_get_settings_reports_every_mistake():
    with pytest.raises(SeoSettingsError) as error:
        get_settings(
            {
                "SEO_TYPO": 1,
                "SEO_FAIL_LEVEL": "bad",
                "SEO_FAIL_CHECKS": ["no_such_check"],
                "SEO_DENSITY": {"min": "low"},
            }
        )
    text = str(error.value)
    for expected in ("SEO_TYPO", "SEO_FAIL_LEVEL", "no_such_check", "SEO_DENSITY"):
        assert expected in text
    assert len(error.value.mistakes) == 4


def test_the_build_never_fails_with_the_defaults():
    reports = [analyze_page(change(GOOD_EL, keyphrase=None, title=""))]
    assert failing_pages(reports, get_settings()) == ()


def test_failing_on_problems_of_listed_checks():
    bad = analyze_page(change(GOOD_EL, keyphrase=None))
    short_title = analyze_page(change(GOOD_EN, title="Hot meals"))  # ok, not problem
    settings = get_settings(
        {"SEO_FAIL_LEVEL": "problem", "SEO_FAIL_CHECKS": ["keyphrase_set", "title_length"]}
    )
    failures = failing_pages([short_title, bad], settings)
    assert [f.url for f in failures] == [GOOD_EL.url]
    assert [r.id for r in failures[0].results] == ["keyphrase_set"]


def test_failing_on_ok_catches_warnings_too():
    short_title = analyze_page(change(GOOD_EN, title="Hot meals"))
    settings = get_settings({"SEO_FAIL_LEVEL": "ok", "SEO_FAIL_CHECKS": ["title_length"]})
    (failure,) = failing_pages([short_title], settings)
    assert failure.results[0].id == "title_length" and not failure.low_score


def test_failing_on_every_check_when_none_listed():
    page = analyze_page(change(GOOD_EL, meta_description=""))
    (failure,) = failing_pages([page], get_settings({"SEO_FAIL_LEVEL": "problem"}))
    assert [r.id for r in failure.results] == ["meta_description_length"]


def test_failing_on_a_minimum_score():
    good, bad = analyze_page(GOOD_EL), analyze_page(change(GOOD_EN, keyphrase=None))
    (failure,) = failing_pages([good, bad], get_settings({"SEO_FAIL_MIN_SCORE": 50}))
    assert failure.url == GOOD_EN.url and failure.low_score and failure.results == ()
