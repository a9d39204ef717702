"""Each check, passing and failing, on pages that differ from a good one in one field."""

from __future__ import annotations

import re

import pytest
from seo_pages import FILLER_EL, GOOD_EL, GOOD_EN, body, change

from seo.analysis import CHECK_IDS, CHECKS, analyze_page, keyphrase_key
from seo.settings import get_settings

KP = "κοινωνική κουζίνα Περιστέρι"
PLAIN = body(f"Η {KP}.", FILLER_EL)  # keyphrase once, no subheading, link or image


def result(page, check_id, **settings):
    return analyze_page(page, get_settings(settings)).result(check_id)


@pytest.mark.parametrize("page", [GOOD_EL, GOOD_EN], ids=["el", "en"])
def test_the_good_pages_pass_every_check(page):
    report = analyze_page(page)
    assert [r.id for r in report.results] == list(CHECK_IDS)
    assert {r.level for r in report.results} == {"good"}
    assert report.score == 100 and report.rating == "good"


CASES = [
    # keyphrase_set
    ("keyphrase_set", change(GOOD_EL, keyphrase=None), "problem", "missing"),
    ("keyphrase_set", change(GOOD_EL, keyphrase="  "), "problem", "missing"),
    # keyphrase_length
    ("keyphrase_length", change(GOOD_EL, keyphrase=KP + " Αιγάλεω Χαϊδάρι"), "ok", "long"),
    (
        "keyphrase_length",
        change(GOOD_EL, keyphrase=KP + " Αιγάλεω Χαϊδάρι Ίλιον Πετρούπολη Αγία Βαρβάρα"),
        "problem",
        "too_long",
    ),
    ("keyphrase_length", change(GOOD_EL, keyphrase="και του"), "problem", "only_stop_words"),
    # keyphrase_in_title
    (
        "keyphrase_in_title",
        change(GOOD_EL, title="Ζεστό φαγητό: Κοινωνική Κουζίνα Περιστερίου"),
        "ok",
        "not_at_start",
    ),
    (
        "keyphrase_in_title",
        change(GOOD_EL, title="Περιστέρι: μια κουζίνα πραγματικά κοινωνική"),
        "ok",
        "not_in_order",
    ),
    (
        "keyphrase_in_title",
        change(GOOD_EL, title="Ζεστό φαγητό για όλους στη Δυτική Αθήνα"),
        "problem",
        "missing",
    ),
    (
        "keyphrase_in_title",
        change(GOOD_EL, title="Η ΚΟΙΝΩΝΙΚΗ ΚΟΥΖΙΝΑ ΣΤΟ ΠΕΡΙΣΤΕΡΙ"),
        "good",
        "good",
    ),
    (
        "keyphrase_in_title",
        change(GOOD_EN, title="Hot meals: the social kitchen of Peristeri"),
        "ok",
        "not_at_start",
    ),
    ("keyphrase_in_title", change(GOOD_EN, title="Hot meals for all"), "problem", "missing"),
    # keyphrase_in_meta_description
    (
        "keyphrase_in_meta_description",
        change(GOOD_EL, meta_description="Ζεστό φαγητό κάθε μεσημέρι για όσους το χρειάζονται."),
        "problem",
        "missing",
    ),
    (
        "keyphrase_in_meta_description",
        change(GOOD_EL, meta_description=f"{KP}. {KP}. {KP}, {KP}."),
        "ok",
        "too_often",
    ),
    (
        "keyphrase_in_meta_description",
        change(GOOD_EN, meta_description="Hot meals every noon for anyone in need."),
        "problem",
        "missing",
    ),
    # keyphrase_in_first_paragraph
    (
        "keyphrase_in_first_paragraph",
        change(GOOD_EL, html=body("Ξεκινήσαμε το 2012.", FILLER_EL, extra=f"<p>{KP}</p>")),
        "problem",
        "missing",
    ),
    (
        "keyphrase_in_first_paragraph",
        change(GOOD_EL, html=body("Μια κοινωνική ιδέα. Μια κουζίνα στο Περιστέρι.", FILLER_EL)),
        "ok",
        "scattered",
    ),
    # keyphrase_in_text
    (
        "keyphrase_in_text",
        change(GOOD_EL, html=body("Ξεκινήσαμε.", FILLER_EL)),
        "problem",
        "missing",
    ),
    (
        "keyphrase_in_text",
        change(GOOD_EL, html=body("Μια κοινωνική ιδέα. Μια κουζίνα στο Περιστέρι.", FILLER_EL)),
        "ok",
        "scattered",
    ),
    # keyphrase_density (≥ 100 words)
    (
        "keyphrase_density",
        change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, repeats=6)),
        "ok",
        "too_low",
    ),
    (
        "keyphrase_density",
        change(GOOD_EL, html=body(f"{KP}. " * 6, FILLER_EL, repeats=2)),
        "problem",
        "too_high",
    ),
    # keyphrase_in_subheading
    (
        "keyphrase_in_subheading",
        change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, subheading="Ποιοι είμαστε")),
        "problem",
        "missing",
    ),
    (
        "keyphrase_in_subheading",
        change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, repeats=10)),
        "ok",
        "no_subheadings",
    ),
    (
        "keyphrase_in_subheading",
        change(GOOD_EL, html=PLAIN + "<h3>Οι κοινωνικές κουζίνες στο Περιστέρι</h3>"),
        "good",
        "good",
    ),
    # keyphrase_in_image_alt
    ("keyphrase_in_image_alt", change(GOOD_EL, html=PLAIN), "ok", "no_images"),
    (
        "keyphrase_in_image_alt",
        change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, extra='<img src="a.jpg" alt="Λογότυπο">')),
        "problem",
        "missing",
    ),
    (
        "keyphrase_in_image_alt",
        change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, extra='<img src="a.jpg">')),
        "problem",
        "missing",
    ),
    (
        "keyphrase_in_image_alt",
        change(GOOD_EL, html=PLAIN, images_alt=["Η κοινωνική κουζίνα"]),
        "ok",
        "partial",
    ),
    (
        "keyphrase_in_image_alt",
        change(GOOD_EL, html=PLAIN, images_alt=["ΚΟΙΝΩΝΙΚΗ ΚΟΥΖΙΝΑ ΠΕΡΙΣΤΕΡΙΟΥ"]),
        "good",
        "good",
    ),
    # keyphrase_in_slug
    ("keyphrase_in_slug", change(GOOD_EL, slug="koinonikis-kouzinas-peristeriou"), "good", "good"),
    ("keyphrase_in_slug", change(GOOD_EL, slug="kouzina-peristeri"), "ok", "partial"),
    ("keyphrase_in_slug", change(GOOD_EL, slug="organosi-12"), "problem", "missing"),
    ("keyphrase_in_slug", change(GOOD_EL, slug="koinoniki-kouzina-aigaleo"), "ok", "partial"),
    ("keyphrase_in_slug", change(GOOD_EN, slug="social-kitchens-of-peristeri"), "good", "good"),
    ("keyphrase_in_slug", change(GOOD_EN, slug="kitchen"), "problem", "missing"),
    # competing_pages
    (
        "competing_pages",
        change(GOOD_EL, keyphrase_pages={keyphrase_key(KP, "el"): [GOOD_EL.url, "/a/"]}),
        "ok",
        "one",
    ),
    (
        "competing_pages",
        change(
            GOOD_EL,
            keyphrase_pages={
                keyphrase_key("Κουζίνες κοινωνικές Περιστερίου", "el"): ["/a/", "/b/"]
            },
        ),
        "problem",
        "many",
    ),
    (
        "competing_pages",
        change(GOOD_EL, keyphrase_pages={keyphrase_key(KP, "en"): ["/en/a/", "/en/b/"]}),
        "good",
        "good",
    ),
    # title_length
    ("title_length", change(GOOD_EL, title=""), "problem", "missing"),
    ("title_length", change(GOOD_EL, title="Κοινωνική κουζίνα Περιστέρι"), "ok", "too_short"),
    ("title_length", change(GOOD_EL, title="Κ" * 61), "problem", "too_long"),
    ("title_length", change(GOOD_EL, title="Κ" * 60), "good", "good"),  # 120 bytes, 60 letters
    # meta_description_length
    ("meta_description_length", change(GOOD_EL, meta_description=""), "problem", "missing"),
    ("meta_description_length", change(GOOD_EL, meta_description="Κ" * 119), "ok", "too_short"),
    ("meta_description_length", change(GOOD_EL, meta_description="Κ" * 157), "ok", "too_long"),
    ("meta_description_length", change(GOOD_EL, meta_description="Κ" * 156), "good", "good"),
    ("meta_description_length", change(GOOD_EL, meta_description="Κ" * 120), "good", "good"),
    # text_length
    ("text_length", change(GOOD_EL, kind="page"), "ok", "short"),  # 207 words
    ("text_length", change(GOOD_EL, kind="unknown-kind"), "ok", "short"),  # as "page"
    (
        "text_length",
        change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, repeats=1)),
        "problem",
        "too_short",
    ),
    ("text_length", change(GOOD_EL, html="<p> </p>"), "problem", "empty"),
    # internal_links
    ("internal_links", change(GOOD_EL, html=PLAIN), "problem", "none"),
    (
        "internal_links",
        change(GOOD_EL, html=f'<p><a href="/a/" rel="nofollow">α</a> {KP}</p>'),
        "ok",
        "nofollow_only",
    ),
    (
        "internal_links",
        change(GOOD_EL, html=f'<p><a href="https://www.kalo.example.gr/a/">α</a> {KP}</p>'),
        "good",
        "good",
    ),
    (
        "internal_links",
        change(
            GOOD_EL,
            html=f'<p><a href="#top">α</a> <a href="{GOOD_EL.url}">β</a> '
            f'<a href="mailto:a@b.gr">γ</a> <a href="https://other.org/">δ</a> {KP}</p>',
        ),
        "problem",
        "none",
    ),
    # outbound_links
    ("outbound_links", change(GOOD_EL, html=PLAIN), "ok", "none"),
    (
        "outbound_links",
        change(GOOD_EL, html='<p><a href="https://other.org/" rel="nofollow ugc">α</a></p>'),
        "ok",
        "nofollow_only",
    ),
    (
        "outbound_links",
        change(GOOD_EL, html='<p><a href="https://kalo.example.gr/a/">α</a></p>'),
        "ok",
        "none",
    ),
]


@pytest.mark.parametrize(
    ("check_id", "page", "level", "outcome"),
    CASES,
    ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)],
)
def test_check(check_id, page, level, outcome):
    found = result(page, check_id)
    assert found is not None
    assert (found.level, found.outcome) == (level, outcome), found.advice


NOT_APPLICABLE = [
    ("keyphrase_in_title", change(GOOD_EL, title="")),
    ("keyphrase_in_meta_description", change(GOOD_EL, meta_description=" ")),
    ("keyphrase_in_first_paragraph", change(GOOD_EL, html="")),
    ("keyphrase_density", change(GOOD_EL, html=f"<p>{KP}. {KP}.</p>")),  # under 100 words
    ("keyphrase_density", change(GOOD_EL, html=body("Ξεκινήσαμε.", FILLER_EL))),  # not used
    ("keyphrase_in_subheading", change(GOOD_EL, html=f"<p>{KP}</p>")),  # short, no subheadings
    ("keyphrase_in_slug", change(GOOD_EL, slug="")),
]


@pytest.mark.parametrize(("check_id", "page"), NOT_APPLICABLE)
def test_check_does_not_apply(check_id, page):
    assert result(page, check_id) is None


def test_keyphrase_checks_are_skipped_without_a_keyphrase():
    report = analyze_page(change(GOOD_EL, keyphrase=None))
    ids = [r.id for r in report.results]
    assert ids[0] == "keyphrase_set"
    assert not any(i.startswith("keyphrase_in") or i == "competing_pages" for i in ids[1:])


def test_density_band_comes_from_settings():
    page = change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, repeats=6))
    assert result(page, "keyphrase_density", SEO_DENSITY={"min": 0.2}).level == "good"


def test_title_start_setting_allows_words_before_the_keyphrase():
    page = change(GOOD_EL, title="Ζεστό φαγητό: Κοινωνική Κουζίνα Περιστερίου")
    assert result(page, "keyphrase_in_title", SEO_TITLE_KEYPHRASE_START=2).level == "good"


def test_disabled_checks_do_not_run():
    report = analyze_page(GOOD_EL, get_settings({"SEO_DISABLED_CHECKS": ["outbound_links"]}))
    assert report.result("outbound_links") is None


def test_every_outcome_has_greek_and_english_advice():
    for check in CHECKS:
        for outcome, languages in check.MESSAGES.items():
            assert set(languages) == {"el", "en"}, (check.ID, outcome)


GREEK = re.compile("[α-ωΑ-Ω]")


@pytest.mark.parametrize(("check_id", "page", "level", "outcome"), CASES[:20])
def test_advice_is_in_the_page_language(check_id, page, level, outcome):
    advice = result(page, check_id).advice
    if page.lang == "el":
        assert GREEK.search(advice)
    else:
        without_keyphrase = advice.replace(page.keyphrase or "", "")
        assert not GREEK.search(without_keyphrase), advice


def test_greek_advice_uses_decimal_comma():
    page = change(GOOD_EL, html=body(f"Η {KP}.", FILLER_EL, repeats=6))
    advice = result(page, "keyphrase_density").advice
    assert "0,5%" in advice and "0.5" not in advice


def test_first_paragraph_example_advice():
    page = change(GOOD_EL, html=body("Ξεκινήσαμε το 2012.", FILLER_EL, extra=f"<p>{KP}</p>"))
    assert result(page, "keyphrase_in_first_paragraph").advice == (
        "Η φράση-κλειδί δεν εμφανίζεται στην πρώτη παράγραφο. Γράψτε την εκεί, ώστε να "
        "φαίνεται αμέσως τι αφορά η σελίδα."
    )


def test_page_lang_must_be_known():
    with pytest.raises(ValueError):
        change(GOOD_EL, lang="fr")
