"""The repository's sample site builds without a single warning and has every kind of page."""

from __future__ import annotations

import re


def test_sample_site_has_every_kind_of_page(sample_site):
    for address in (
        "",
        "en/",
        "organizations/",
        "en/organizations/",
        "network/",
        "en/network/",
        "organizations/municipality/peristeri/",
        "en/organizations/sector/food/",
    ):
        assert (sample_site / address / "index.html").is_file(), address
    for name in ("404.html", "en/404.html", "sitemap.xml", "robots.txt"):
        assert (sample_site / name).is_file(), name


def test_sample_organizations_respect_consent(sample_site):
    published = sample_site / "organizations" / "gefseis-tis-geitonias-koinsep" / "index.html"
    assert published.is_file()
    assert not (sample_site / "organizations" / "omada-antallagis-vivlion-kamaterou").exists()
    removed = sample_site / "organizations" / "koinoniko-frontistirio-peristeriou" / "index.html"
    assert "noindex" in removed.read_text(encoding="utf-8")
    for path in sample_site.rglob("*"):
        if path.is_file() and path.suffix in (
            ".html",
            ".xml",
            ".json",
            ".csv",
            ".geojson",
            ".atom",
            ".ics",
            ".txt",
        ):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "omada-antallagis-vivlion-kamaterou" not in text, path


def test_every_sample_page_has_one_h1_and_a_lang(sample_site):
    for path in sample_site.rglob("*.html"):
        if {"seo", "admin"} & set(path.relative_to(sample_site).parts):  # report, editor app
            continue
        html = path.read_text(encoding="utf-8")
        assert len(re.findall(r"<h1[ >]", html)) == 1, path
        assert re.search(r'<html lang="(el|en)">', html), path


def test_no_image_leaves_the_build_with_metadata(sample_site):
    from PIL import Image
    from pillow_heif import register_heif_opener

    register_heif_opener()
    images = [
        p for p in sample_site.rglob("*") if p.suffix in (".jpg", ".jpeg", ".png", ".webp", ".avif")
    ]
    assert len(images) > 50
    for path in images:
        data = path.read_bytes()
        # A JPEG's metadata is before its first scan (FFDA); the compressed data after it
        # may hold any three bytes, "GPS" too.
        header = data[: data.find(b"\xff\xda")] if path.suffix in (".jpg", ".jpeg") else data
        assert b"GPS" not in header and b"Exif\x00\x00" not in data, path
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert "icc_profile" not in image.info or path.suffix == ".png", path


def test_profiles_show_responsive_images_and_social_cards(sample_site):
    html = (
        sample_site / "organizations" / "gefseis-tis-geitonias-koinsep" / "index.html"
    ).read_text(encoding="utf-8")
    assert '<source type="image/avif"' in html and '<source type="image/webp"' in html
    assert 'loading="lazy"' in html and 'width="' in html and 'height="' in html
    assert (
        '<meta property="og:image" content="http://localhost:8000/images/social/organizations/'
        in html
    )
    og = re.search(r'og:image" content="http://localhost:8000/([^"]+)"', html).group(1)
    from PIL import Image

    with Image.open(sample_site / og) as card:
        assert card.size == (1200, 630)


def test_workshops_carry_event_json_ld_and_a_social_card(sample_site):
    import json

    html = (sample_site / "workshops" / "thematic-01" / "index.html").read_text(encoding="utf-8")
    blocks = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    [event] = [b for b in blocks if b["@type"] == "Event"]
    assert event["eventStatus"].startswith("https://schema.org/")
    assert event["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert event["organizer"]["name"].startswith("Διαδημοτικό")
    assert "og:image" in html and "BreadcrumbList" in html
