"""The organizations map in real Chromium over the built sample site (plugins/map)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHARED_PLACE = ("isozygio-koinsep", "politistikos-syllogos-to-theatro-tis-geitonias")
NOT_PUBLISHED = ("omada-antallagis-vivlion-kamaterou", "koinoniko-frontistirio-peristeriou")


def markers(sample_site, prefix=""):
    return json.loads((sample_site / prefix / "map" / "organizations.json").read_text("utf-8"))[
        "markers"
    ]


def open_map(page, site_url, prefix=""):
    page.goto(f"{site_url}/{prefix}map/")
    page.wait_for_load_state("networkidle")
    assert page.tile_requests == [], "tiles were requested before the visitor asked for the map"
    page.click(".map-show")
    page.locator(".leaflet-marker-icon").first.wait_for()
    page.wait_for_function("() => document.querySelector('.map-status').textContent.match(/\\d/)")
    # Leaflet zooms to fit the markers with an animation; clicks land only once it is over.
    page.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim')")


def test_marker_data_has_only_published_organizations_with_a_location(sample_site):
    for prefix in ("", "en"):
        slugs = {m["slug"] for m in markers(sample_site, prefix)}
        assert len(slugs) == 15
        assert not slugs & set(NOT_PUBLISHED)
        assert set(SHARED_PLACE) <= slugs


def test_no_tile_request_before_the_click_then_the_map_opens(page, site_url, sample_site):
    page.goto(f"{site_url}/map/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.tile_requests == []
    assert page.locator(".leaflet-container").count() == 0
    open_map(page, site_url)
    page.wait_for_load_state("networkidle")
    assert page.tile_requests, "no OpenStreetMap tile was asked for after the click"
    assert page.outside_requests == [], page.outside_requests
    assert page.locator(".leaflet-marker-icon").count() == len(markers(sample_site))
    attribution = page.locator(".leaflet-control-attribution")
    assert "OpenStreetMap" in attribution.inner_text()
    assert attribution.locator("a[href='https://www.openstreetmap.org/copyright']").count() == 1
    assert not page.csp_errors, page.csp_errors


def test_organizations_at_the_same_place_are_both_clickable(page, site_url, sample_site):
    open_map(page, site_url, "en/")
    names = {m["slug"]: m["name"] for m in markers(sample_site, "en")}
    boxes = []
    for slug in SHARED_PLACE:
        icon = page.locator(f".leaflet-marker-icon[title='{names[slug]}']")
        boxes.append(icon.bounding_box())
        icon.click()  # fails if another marker covers this one's centre
        link = page.locator(".leaflet-popup-content a.map-popup-name")
        assert link.inner_text() == names[slug]
        assert urlsplit(link.get_attribute("href")).path == f"/en/organizations/{slug}/"
        page.click(".leaflet-popup-close-button")
        page.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    assert boxes[0] != boxes[1]


def test_popup_link_opens_the_profile(page, site_url, sample_site):
    open_map(page, site_url)
    first = markers(sample_site)[0]
    marker = page.locator(f".leaflet-marker-icon[title='{first['name']}']")
    popup_link = page.locator(".leaflet-popup-content a.map-popup-name")
    marker.click()
    popup_link.wait_for(timeout=10_000)
    popup_link.click()
    page.wait_for_url(f"{site_url}/organizations/{first['slug']}/")


def test_filters_narrow_the_markers(page, site_url, sample_site):
    open_map(page, site_url)
    in_peristeri = [m for m in markers(sample_site) if m["municipality"] == "peristeri"]
    page.select_option("#map-filter-municipality", "peristeri")
    page.wait_for_function(
        f"() => document.querySelectorAll('.leaflet-marker-icon').length === {len(in_peristeri)}"
    )
    page.select_option("#map-filter-municipality", "")
    page.select_option("#map-filter-kind", "sse")
    sse = [m for m in markers(sample_site) if m["kind"] == "sse"]
    page.wait_for_function(
        f"() => document.querySelectorAll('.leaflet-marker-icon').length === {len(sse)}"
    )
    page.select_option("#map-filter-sector", "food")
    both = [m for m in sse if "food" in m["sector"]]
    page.wait_for_function(
        f"() => document.querySelectorAll('.leaflet-marker-icon').length === {len(both)}"
    )


def test_map_page_without_javascript_lists_the_directory_by_municipality(
    page_without_js, site_url, sample_site
):
    page = page_without_js
    for prefix in ("", "en/"):
        page.goto(f"{site_url}/{prefix}map/")
        assert page.locator("[data-map]").is_hidden()
        links = [
            urlsplit(h).path
            for h in page.eval_on_selector_all(".map-list a", "a => a.map(x => x.href)")
        ]
        profiles = {p for p in links if p.count("/") == (4 if prefix else 3)}
        assert {
            f"/{prefix}organizations/{m['slug']}/" for m in markers(sample_site, prefix)
        } <= profiles
        assert f"/{prefix}organizations/municipality/peristeri/" in links
        assert not [p for p in links for slug in NOT_PUBLISHED if slug in p]
    assert page.tile_requests == [] and page.outside_requests == []


def test_header_links_to_the_map(page_without_js, site_url):
    page_without_js.goto(f"{site_url}/")
    assert page_without_js.locator(".site-nav a[href$='/map/']").count() == 1
