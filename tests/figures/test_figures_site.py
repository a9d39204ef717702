"""The figures pages of the fixture and sample sites: numbers equal the data, charts are valid."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from tests.opendata.opendata_helpers import FIXTURE_ORGS, SAMPLE_ORGS, split_organizations

SITES = [("fixture_site", FIXTURE_ORGS), ("sample_site", SAMPLE_ORGS)]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(params=SITES, ids=[name for name, _ in SITES])
def site(request):
    fixture_name, orgdir = request.param
    published, hidden = split_organizations(orgdir)
    return request.getfixturevalue(fixture_name), published, hidden


def pages(output):
    return {
        "el": (output / "figures" / "index.html").read_text(encoding="utf-8"),
        "en": (output / "en" / "figures" / "index.html").read_text(encoding="utf-8"),
    }


def table(html: str, chart_id: str) -> dict[str, tuple[int, ...]]:
    """code → values of a chart's table."""
    body = re.search(
        rf'<table class="figure-table" id="{chart_id}-table">(.*?)</table>', html, re.S
    )
    assert body, f"no table for {chart_id}"
    rows = {}
    for code, cells in re.findall(r'<tr data-code="([^"]+)">(.*?)</tr>', body.group(1), re.S):
        rows[code] = tuple(int(v) for v in re.findall(r'data-value="(\d+)"', cells))
    return rows


def test_numbers_equal_the_open_data(site):
    output, published, _ = site
    data = json.loads((output / "data" / "organizations.json").read_text(encoding="utf-8"))
    assert len(data) == len(published)
    for html in pages(output).values():
        assert f'data-total="organizations">{len(data)}<' in html
        employees = sum(row["employees"] or 0 for row in data)
        assert (
            re.search(rf'data-total="employees">{employees:,}<'.replace(",", "[.,]?"), html)
            or f'data-total="employees">{employees}<' in html
        )
        for chart, key in (
            ("kind", "kind"),
            ("municipality", "municipality"),
            ("legal_form", "legal_form"),
        ):
            expected = Counter(row[key]["code"] for row in data)
            assert table(html, f"chart-{chart}") == {code: (n,) for code, n in expected.items()}
        sectors = Counter(item["code"] for row in data for item in row["sectors"])
        assert table(html, "chart-sectors") == {code: (n,) for code, n in sectors.items()}
        offered = Counter(item["code"] for row in data for item in row["offers"])
        needed = Counter(item["code"] for row in data for item in row["needs"])
        codes = set(offered) | set(needed)
        assert table(html, "chart-exchange") == {c: (offered[c], needed[c]) for c in codes}


def test_no_hidden_organization_on_the_figures_pages(site):
    output, _, hidden = site
    for html in pages(output).values():
        for org in hidden:
            assert org.slug not in html and org.name.el not in html


def test_charts_parse_as_xml_with_title_and_desc(site):
    output, _, _ = site
    for html in pages(output).values():
        charts = re.findall(r"<svg\b.*?</svg>", html, re.S)
        assert len(charts) >= 5
        for text in charts:
            root = ET.fromstring(text)
            assert root.get("role") == "img"
            title_id, desc_id = root.get("aria-labelledby").split()
            assert root.find(f"{SVG}title").get("id") == title_id
            assert root.find(f"{SVG}desc").get("id") == desc_id
            assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text


def test_bars_sorted_by_count(site):
    output, _, _ = site
    html = pages(output)["en"]
    for chart in (
        "chart-kind",
        "chart-municipality",
        "chart-legal_form",
        "chart-sectors",
        "chart-exchange",
    ):
        totals = [sum(values) for values in table(html, chart).values()]
        assert totals == sorted(totals, reverse=True)


def test_workshops_section_from_the_programme(sample_site):
    html = pages(sample_site)["en"]
    series = table(html, "chart-series")
    assert set(series) == {"focus-groups", "thematic", "pilot", "promotion"}
    assert series["focus-groups"][2] == 17 and series["promotion"][2] == 10
    # The sample's summaries record no participants yet: the chart says so instead of
    # drawing nothing; with participants it has a table like the others.
    figure = re.search(
        r'<figure class="figure-chart" aria-labelledby="chart-people-caption">(.*?)</figure>',
        html,
        re.S,
    ).group(1)
    assert "figure-table" in figure or "No data yet." in figure


def test_footer_links_figures_and_open_data(fixture_site):
    home = (fixture_site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="/en/figures/"' in home and 'href="/en/data/"' in home
