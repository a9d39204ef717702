"""Printable flyers in the fixture site: one per published organization and per series,
in both languages, noindex, out of the sitemap, with a QR code; never for an organization
without permission to be promoted."""

from __future__ import annotations

import re


def test_every_published_organization_has_a_flyer_in_both_languages(fixture_site):
    for prefix in ("", "en/"):
        for slug in ("alfa-koinsep", "vita-syllogos"):
            flyer = fixture_site / prefix / "organizations" / slug / "flyer" / "index.html"
            html = flyer.read_text(encoding="utf-8")
            assert '<meta name="robots" content="noindex">' in html
            assert '<svg role="img" aria-label="' in html and 'class="qr"' in html
            assert f"http://localhost:8000/{prefix}organizations/{slug}/" in html
            assert "/theme/css/flyer.css" in html
            profile = (fixture_site / prefix / "organizations" / slug / "index.html").read_text(
                encoding="utf-8"
            )
            assert f'href="/{prefix}organizations/{slug}/flyer/"' in profile
        for hidden in ("gamma-hidden", "delta-withdrawn"):
            assert not (fixture_site / prefix / "organizations" / hidden / "flyer").exists()


def test_every_series_has_a_flyer(fixture_site):
    for prefix in ("", "en/"):
        for code in ("focus-groups", "thematic", "pilot", "promotion"):
            flyer = fixture_site / prefix / "workshops" / "series" / code / "flyer" / "index.html"
            assert 'class="qr"' in flyer.read_text(encoding="utf-8")


def test_flyers_are_out_of_the_sitemap_and_the_seo_report(fixture_site):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/flyer/" not in sitemap
    assert not re.search(r"/flyer/", (fixture_site / "seo" / "report.json").read_text("utf-8"))


def test_the_qr_code_is_made_by_segno_as_svg():
    from flyers.qr import qr_code

    svg = str(qr_code("https://example.org/organizations/a/", "QR <a>"))
    assert svg.startswith('<svg role="img" aria-label="QR &lt;a&gt;" viewBox=')
    assert "style=" not in svg  # the site's CSP allows no inline style
