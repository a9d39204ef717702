"""The repository's sample site builds without a single warning and has every kind of page."""

from __future__ import annotations

import re


def test_sample_site_has_every_kind_of_page(sample_site):
    for address in ("", "en/", "organizations/", "en/organizations/", "network/", "en/network/",
                    "organizations/municipality/peristeri/", "en/organizations/sector/food/"):
        assert (sample_site / address / "index.html").is_file(), address
    for name in ("404.html", "en/404.html", "sitemap.xml", "robots.txt"):
        assert (sample_site / name).is_file(), name


def test_sample_organizations_respect_consent(sample_site):
    published = (sample_site / "organizations" / "gefseis-tis-geitonias-koinsep" / "index.html")
    assert published.is_file()
    assert not (sample_site / "organizations" / "omada-antallagis-vivlion-kamaterou").exists()
    removed = (sample_site / "organizations" / "koinoniko-frontistirio-peristeriou" / "index.html")
    assert "noindex" in removed.read_text(encoding="utf-8")
    for path in sample_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".geojson", ".atom", ".ics", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "omada-antallagis-vivlion-kamaterou" not in text, path


def test_every_sample_page_has_one_h1_and_a_lang(sample_site):
    for path in sample_site.rglob("*.html"):
        if "seo" in path.relative_to(sample_site).parts:
            continue
        html = path.read_text(encoding="utf-8")
        assert len(re.findall(r"<h1[ >]", html)) == 1, path
        assert re.search(r'<html lang="(el|en)">', html), path
