"""Page metadata: JSON-LD safe whatever the text, schema.org types, sitemaps, robots.txt."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from organizations.model import Consent, Localized, Location, Organization
from seo.jsonld import organization, schema_type, script_json
from seo.sitemap import SitemapEntry, write_robots, write_sitemaps

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOSTILE = '"Κουζίνα" </script><script>alert(1)</script> <!-- & \u2028 \\'


def make_org(**changes) -> Organization:
    values = dict(
        slug="alfa",
        folder=Path("/x/alfa"),
        source=Path("/x/alfa/profile.yaml"),
        name=Localized(el=HOSTILE, en="Alfa"),
        kind="sse",
        legal_form="koinsep-entaxis",
        municipality="peristeri",
        sectors=("food",),
        summary=Localized(el=HOSTILE),
        consent=Consent(granted=True, date=date(2025, 1, 1)),
        address=Localized(el="Οδός 1"),
        location=Location(38.0, 23.7),
        email="a@example.org",
        website="https://example.org",
        social={"facebook": "https://www.facebook.com/x"},
        founded=2015,
        employees=3,
    )
    values.update(changes)
    return Organization(**values)


def test_json_ld_stays_valid_json_and_cannot_close_its_script():
    data = organization(
        make_org(), "el", "https://s.example/organizations/alfa/", "https://s.example"
    )
    text = script_json(data)
    assert "</script" not in text.lower() and "<!--" not in text and "<" not in text
    assert json.loads(text) == data
    assert data["name"] == HOSTILE


@pytest.mark.parametrize(
    "kind, legal_form, has_address, expected",
    [
        ("local-authority", "dimos", True, "GovernmentOrganization"),
        ("sse", "dimotiko-nomiko-prosopo", True, "GovernmentOrganization"),
        ("civil-society", "somateio", True, "NGO"),
        ("sse", "amke", False, "NGO"),
        ("business", "epicheirisi", True, "LocalBusiness"),
        ("sse", "koinsep-entaxis", True, "LocalBusiness"),
        ("sse", "koinsep-entaxis", False, "Organization"),
        ("sse", "allo", True, "Organization"),
    ],
)
def test_most_precise_schema_type(kind, legal_form, has_address, expected):
    assert schema_type(kind, legal_form, has_address) == expected


def test_organization_json_ld_fields():
    data = organization(
        make_org(), "en", "https://s.example/en/organizations/alfa/", "https://s.example"
    )
    assert data["@type"] == "LocalBusiness"
    assert data["name"] == "Alfa" and data["alternateName"] == HOSTILE
    assert data["address"]["@type"] == "PostalAddress" and data["geo"]["latitude"] == 38.0
    assert data["sameAs"] == ["https://example.org", "https://www.facebook.com/x"]
    assert data["memberOf"]["@type"] == "Organization"
    assert data["numberOfEmployees"]["value"] == 3 and data["foundingDate"] == "2015"


def _entries(count):
    return [
        SitemapEntry(
            f"https://s.example/p{i}/",
            date(2025, 1, 1 + i % 28),
            {"el": f"https://s.example/p{i}/", "en": f"https://s.example/en/p{i}/"},
        )
        for i in range(count)
    ]


def test_sitemap_has_locations_dates_and_language_alternates(tmp_path):
    [path] = write_sitemaps(_entries(3), tmp_path, "https://s.example")
    root = ET.parse(path).getroot()
    assert root.tag == f"{{{NS['s']}}}urlset"
    urls = root.findall("s:url", NS)
    assert len(urls) == 3
    for url in urls:
        assert url.find("s:loc", NS).text.startswith("https://")
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", url.find("s:lastmod", NS).text)
        langs = {link.get("hreflang") for link in url.findall("x:link", NS)}
        assert langs == {"el", "en", "x-default"}


def test_sitemap_index_beyond_the_limit(tmp_path):
    written = write_sitemaps(_entries(5), tmp_path, "https://s.example", max_urls=2)
    index = ET.parse(tmp_path / "sitemap.xml").getroot()
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    locations = [node.text for node in index.findall("s:sitemap/s:loc", NS)]
    assert locations == [f"https://s.example/sitemap-{n}.xml" for n in (1, 2, 3)]
    assert len(written) == 4
    total = sum(len(ET.parse(tmp_path / f"sitemap-{n}.xml").getroot()) for n in (1, 2, 3))
    assert total == 5


def test_robots_names_the_sitemap(tmp_path):
    text = write_robots(tmp_path, "https://s.example").read_text()
    assert "Sitemap: https://s.example/sitemap.xml" in text


def test_fixture_sitemap_lists_indexable_pages_once(fixture_site):
    root = ET.parse(fixture_site / "sitemap.xml").getroot()
    locations = [node.text for node in root.findall("s:url/s:loc", NS)]
    assert len(locations) == len(set(locations))
    site = "http://localhost:8000/"
    assert site + "organizations/alfa-koinsep/" in locations
    assert site + "en/organizations/alfa-koinsep/" in locations
    # noindex pages: removal pages, translation fallbacks, 404 pages.
    for absent in (
        "organizations/delta-withdrawn/",
        "en/about/",
        "en/organizations/vita-syllogos/",
        "404.html",
        "en/404.html",
    ):
        assert site + absent not in locations
    for location in locations:
        page = fixture_site / location.removeprefix(site) / "index.html"
        assert 'name="robots" content="noindex"' not in page.read_text(encoding="utf-8")


def test_every_page_has_parseable_json_ld(fixture_site):
    for path in fixture_site.rglob("*.html"):
        if path.parent.name in ("seo", "admin"):
            continue  # the keyword report and the web editor are not pages of the site
        html = path.read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert blocks, f"no JSON-LD in {path}"
        types = [json.loads(block)["@type"] for block in blocks]
        assert "BreadcrumbList" in types


def test_keyword_report_is_written_and_kept_out_of_search(fixture_site):
    report = (fixture_site / "seo" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in report
    data = json.loads((fixture_site / "seo" / "report.json").read_text(encoding="utf-8"))
    urls = {page["url"] for page in data["pages"]}
    assert "organizations/alfa-koinsep/" in urls and "en/organizations/alfa-koinsep/" in urls
    assert not any("gamma" in url or "delta" in url for url in urls)
    assert "/seo/" not in (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "Disallow: /seo/" in (fixture_site / "robots.txt").read_text(encoding="utf-8")
    assert "alfa-koinsep" in (fixture_site / "seo" / "report.txt").read_text(encoding="utf-8")


def test_failing_keyword_analysis_stops_the_build_and_keeps_the_old_site(tmp_path):
    from kalo.problems import ContentErrors
    from sitebuild import FIXTURE, build_site

    fixture = FIXTURE
    output = tmp_path / "site"
    output.mkdir()
    (output / "previous.html").write_text("previous build")
    with pytest.raises(ContentErrors) as raised:
        build_site(
            fixture / "content",
            fixture / "organizations",
            output,
            SEO_FAIL_LEVEL="problem",
            SEO_FAIL_CHECKS=["keyphrase_set"],
        )
    assert any(p.field == "keywords" for p in raised.value.problems)
    assert [p.name for p in output.iterdir()] == ["previous.html"]
