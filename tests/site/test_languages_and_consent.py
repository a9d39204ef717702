"""Bilingual addresses, counterparts, fallbacks, and consent, on the fixture site."""

from __future__ import annotations

import re
from pathlib import Path


def read(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_every_page_exists_in_both_languages(fixture_site):
    greek = {
        p.relative_to(fixture_site)
        for p in fixture_site.rglob("*.html")
        # seo: the report; admin: the web editor, in Greek only
        if p.relative_to(fixture_site).parts[0] not in ("en", "seo", "admin")
    }
    for path in greek:
        assert (fixture_site / "en" / path).exists(), f"no English counterpart of {path}"


def test_html_lang_and_language_switch(fixture_site):
    greek = read(fixture_site, "organizations/alfa-koinsep")
    english = read(fixture_site, "en/organizations/alfa-koinsep")
    assert '<html lang="el">' in greek and '<html lang="en">' in english
    assert 'href="/en/organizations/alfa-koinsep/" hreflang="en" lang="en"' in greek
    assert 'href="/organizations/alfa-koinsep/" hreflang="el" lang="el"' in english
    for html in (greek, english):
        assert (
            '<link rel="alternate" hreflang="el" href="http://localhost:8000/organizations/alfa-koinsep/">'
            in html
        )
        assert (
            '<link rel="alternate" hreflang="en" href="http://localhost:8000/en/organizations/alfa-koinsep/">'
            in html
        )
        assert (
            '<link rel="alternate" hreflang="x-default" href="http://localhost:8000/organizations/alfa-koinsep/">'
            in html
        )
    assert '<meta property="og:locale" content="el_GR">' in greek
    assert '<meta property="og:locale:alternate" content="en_GB">' in greek


def test_missing_translation_is_shown_in_greek_with_notice(fixture_site):
    page = read(fixture_site, "en/about")
    assert "has not been translated into English yet" in page
    assert '<div lang="el">' in page and "Κείμενο μόνο στα ελληνικά" in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'hreflang="en"' not in page.split("</head>")[0].replace('hreflang="en" lang', "")
    org = read(fixture_site, "en/organizations/vita-syllogos")
    assert "no English description yet" in org and '<h1 lang="el">Σύλλογος Βήτα</h1>' in org


def test_unpublished_organization_appears_nowhere(fixture_site):
    for path in fixture_site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            for needle in ("gamma-hidden", "Γάμμα", "Κρυφός"):
                assert needle not in text, f"{needle} in {path}"


def test_withdrawn_organization_gets_a_removal_page_only(fixture_site):
    for address in ("organizations/delta-withdrawn", "en/organizations/delta-withdrawn"):
        page = read(fixture_site, address)
        assert '<meta name="robots" content="noindex">' in page
        assert "removed from the Observatory at the organization" in page
        assert "αφαιρέθηκε από το Παρατηρητήριο" in page
        assert "Δέλτα" not in page
    listing = read(fixture_site, "organizations")
    assert "delta-withdrawn" not in listing


def test_partners_link_both_ways_and_skip_unpublished(fixture_site):
    vita = read(fixture_site, "organizations/vita-syllogos")
    assert 'href="/organizations/alfa-koinsep/">Άλφα ΚοινΣΕπ</a>' in vita


def test_greek_dates_use_the_genitive(fixture_site):
    assert "1 Ιουνίου 2025" in read(fixture_site, "organizations/alfa-koinsep")
    assert "1 June 2025" in read(fixture_site, "en/organizations/alfa-koinsep")


def test_one_h1_per_page(fixture_site):
    for path in fixture_site.rglob("*.html"):
        if path.relative_to(fixture_site).parts[0] == "admin":  # the editor's application
            continue
        assert len(re.findall(r"<h1[ >]", path.read_text(encoding="utf-8"))) == 1, path
