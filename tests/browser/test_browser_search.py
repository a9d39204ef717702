"""The search page in real Chromium over the built sample site (plugins/search, Pagefind)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from kalo.text import fold

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KITCHEN = "/organizations/gefseis-tis-geitonias-koinsep/"  # «Κοινωνική κουζίνα … στο Περιστέρι»
KITCHEN_EN = "/en/organizations/gefseis-tis-geitonias-koinsep/"
NO_PERMISSION = "omada-antallagis-vivlion-kamaterou"  # Ομάδα Ανταλλαγής Βιβλίων Καματερού
WITHDRAWN = "koinoniko-frontistirio-peristeriou"  # Κοινωνικό Φροντιστήριο Περιστερίου


def search(page, site_url: str, query: str, lang_prefix: str = "", filters: dict | None = None):
    """Type ``query`` into the search page of a language; the result addresses, in order."""
    page.goto(f"{site_url}/{lang_prefix}search/")
    form = page.locator("form[data-search]")
    form.wait_for(state="visible")
    for name, label in (filters or {}).items():
        select = page.locator(f"select[name={name}]")
        select.wait_for()
        select.select_option(label=label)
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    shown = query or ", ".join((filters or {}).values())
    page.wait_for_function(
        "shown => document.querySelector('.search-status').textContent.includes(shown)",
        arg=shown,
    )
    # The first results come with the count; the rest are appended, then the list is done.
    page.wait_for_selector(".search-results[aria-busy=false]", state="attached")
    assert not page.csp_errors, page.csp_errors
    return [
        urlsplit(href).path
        for href in page.eval_on_selector_all(
            ".search-results li h2 a", "links => links.map(a => a.href)"
        )
    ]


@pytest.mark.parametrize(
    "query", ["περιστερι", "ΠΕΡΙΣΤΕΡΙ", "Περιστέρι", "περιστέρι", "Περιστερίου"]
)
def test_greek_case_accents_and_forms_are_ignored(page, site_url, query):
    results = search(page, site_url, query)
    assert KITCHEN in results
    assert all(not url.startswith("/en/") for url in results), results


@pytest.mark.parametrize(
    "query", ["ΚΟΙΝΩΝΙΚΗ ΚΟΥΖΙΝΑ", "κοινωνικές κουζίνες", "ΚΟΙΝΩΝΙΚΕΣ ΚΟΥΖΙΝΕΣ"]
)
def test_final_sigma_and_capitals(page, site_url, query):
    assert KITCHEN in search(page, site_url, query)


def test_inflected_form_matches_through_stemming(page, site_url, sample_site):
    query = "κοινωνικής κουζίνας"
    results = search(page, site_url, query)
    assert KITCHEN in results
    # At least one result has only the other form: it was found by its stem, not its text.
    texts = {
        url: fold((sample_site / url.strip("/") / "index.html").read_text(encoding="utf-8"))
        for url in results
    }
    only_stem = [
        url
        for url, text in texts.items()
        if fold("κοινωνική κουζίνα") in text and fold(query) not in text
    ]
    assert only_stem, results


def test_english_query_uses_the_english_index_only(page, site_url):
    english = search(page, site_url, "kitchen", lang_prefix="en/")
    assert KITCHEN_EN in english
    assert all(url.startswith("/en/") for url in english), english
    greek = search(page, site_url, "kitchen")
    assert all(not url.startswith("/en/") for url in greek), greek


def test_a_filter_narrows_the_results(page, site_url):
    everything = search(page, site_url, "κοινωνική")
    in_peristeri = search(page, site_url, "κοινωνική", filters={"municipality": "Περιστέρι"})
    assert KITCHEN in in_peristeri
    assert 0 < len(in_peristeri) < len(everything)
    assert all(url.startswith("/organizations/") for url in in_peristeri), in_peristeri


def test_a_filter_alone_lists_its_organizations(page, site_url):
    results = search(page, site_url, "", lang_prefix="en/", filters={"municipality": "Peristeri"})
    assert results == [KITCHEN_EN]


@pytest.mark.parametrize(
    "query, lang_prefix",
    [
        ("Ανταλλαγής Βιβλίων Καματερού", ""),
        ("Book Swap Kamatero", "en/"),
        ("Φροντιστήριο Περιστερίου", ""),
        ("Tutoring Centre", "en/"),
    ],
)
def test_unpublished_and_withdrawn_organizations_are_not_found(page, site_url, query, lang_prefix):
    results = search(page, site_url, query, lang_prefix=lang_prefix)
    assert not [url for url in results if NO_PERMISSION in url or WITHDRAWN in url], results


def test_listings_reports_and_removal_pages_are_not_indexed(page, site_url):
    results = search(page, site_url, "Περιστέρι") + search(page, site_url, "Peristeri", "en/")
    for url in results:
        assert re.fullmatch(
            r"/(en/)?(organizations|workshops)/[a-z0-9-]+/|/(en/)?[a-z0-9-]+/", url
        ), url
        assert not re.search(
            r"/organizations/(kind|municipality|sector|offers|needs|legal-form)/", url
        )
        assert not url.startswith(("/seo/", "/search/", "/en/search/")), url


def test_search_page_without_javascript_links_to_the_categories(page_without_js, site_url):
    page = page_without_js
    for prefix in ("", "en/"):
        page.goto(f"{site_url}/{prefix}search/")
        assert page.locator("form[data-search]").is_hidden()
        links = page.eval_on_selector_all(".search-fallback a", "links => links.map(a => a.href)")
        paths = [urlsplit(link).path for link in links]
        assert f"/{prefix}organizations/municipality/peristeri/" in paths
        assert any(f"/{prefix}organizations/kind/" in p for p in paths)
        assert any(f"/{prefix}organizations/sector/" in p for p in paths)


def test_header_links_to_search(page_without_js, site_url):
    page_without_js.goto(f"{site_url}/en/organizations/")
    assert page_without_js.locator(".site-nav a[href$='/en/search/']").count() == 1


def test_many_results_come_a_screenful_first_then_the_rest_in_order(page, site_url):
    """The count and the first ten results are shown together; the rest of the first 50 are
    appended after them, and the list is no longer busy."""
    results = search(page, site_url, "εργαστήρι")
    total = int(re.search(r"\d+", page.locator(".search-status").inner_text()).group())
    assert total > 10, total
    assert len(results) == min(total, 50)
    assert len(set(results)) == len(results)
    assert page.locator(".search-results").get_attribute("aria-busy") == "false"
