"""The files under /data/ of the fixture and sample sites: counts, formats, validity, privacy."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from opendata import essglobal
from opendata.fields import CSV_FIELDS
from tests.opendata.opendata_helpers import (
    FIXTURE_ORGS,
    SAMPLE_ORGS,
    data_files,
    split_organizations,
)

SITES = [("fixture_site", FIXTURE_ORGS), ("sample_site", SAMPLE_ORGS)]

# The constraints of Murmurations' organizations_schema-v1.0.0 and the library fields it
# uses (linked_schemas, name, primary_url, urls, tags, status, geolocation, relationships,
# country_iso_3166, contact_details), transcribed: the tests run offline.
HTTP = {"type": "string", "maxLength": 2000, "pattern": "^https?://.*"}
MURMURATIONS_SCHEMA = {
    "type": "object",
    "required": ["linked_schemas", "name", "primary_url"],
    "properties": {
        "linked_schemas": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "name": {"type": "string", "minLength": 1},
        "primary_url": HTTP,
        "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "urls": {
            "type": "array",
            "uniqueItems": True,
            "items": {
                "type": "object",
                "required": ["url"],
                "properties": {"name": {"type": "string"}, "url": HTTP},
            },
        },
        "description": {"type": "string"},
        "status": {"enum": ["active", "completed", "cancelled", "on_hold", "in_planning"]},
        "country_iso_3166": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "geolocation": {
            "type": "object",
            "required": ["lat", "lon"],
            "properties": {
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lon": {"type": "number", "minimum": -180, "maximum": 180},
            },
        },
        "relationships": {
            "type": "array",
            "uniqueItems": True,
            "items": {
                "type": "object",
                "required": ["predicate_url", "object_url"],
                "properties": {"predicate_url": HTTP, "object_url": HTTP},
            },
        },
        "contact_details": {"type": "object", "properties": {"email": {"type": "string"}}},
        "telephone": {"type": "string", "minLength": 1, "maxLength": 100},
        "unique_id": {"type": "string"},
    },
}


@pytest.fixture(params=SITES, ids=[name for name, _ in SITES])
def site(request):
    fixture_name, orgdir = request.param
    published, hidden = split_organizations(orgdir)
    return request.getfixturevalue(fixture_name), published, hidden


def test_the_files_exist(site):
    output, published, _ = site
    names = set(data_files(output))
    expected = {
        "organizations.json",
        "organizations.csv",
        "organizations.geojson",
        "datapackage.json",
        "essglobal.jsonld",
        "index.html",
    }
    expected |= {f"murmurations/{org.slug}.json" for org in published}
    assert names == expected
    assert (output / "en" / "data" / "index.html").is_file()


def test_no_hidden_organization_anywhere_in_data(site):
    output, published, hidden = site
    assert hidden, "the content set should have a hidden organization to check"
    for name, text in data_files(output).items():
        for org in hidden:
            assert org.slug not in text, f"{org.slug} appears in /data/{name}"
            assert org.name.el not in text, f"{org.name.el} appears in /data/{name}"
            if org.name.en:
                assert org.name.en not in text, f"{org.name.en} appears in /data/{name}"
    english_page = (output / "en" / "data" / "index.html").read_text(encoding="utf-8")
    assert not any(org.slug in english_page for org in hidden)


def test_json_has_every_published_organization(site):
    output, published, _ = site
    rows = json.loads((output / "data" / "organizations.json").read_text(encoding="utf-8"))
    assert [row["slug"] for row in rows] == [org.slug for org in published]


def test_csv_opens_in_excel_and_parses(site):
    output, published, _ = site
    data = (output / "data" / "organizations.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark, for Excel"
    assert data.count(b"\r\n") >= len(published) + 1 and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row["slug"] for row in rows] == [org.slug for org in published]
    assert list(rows[0]) == [field.name for field in CSV_FIELDS]
    by_slug = {row["slug"]: row for row in rows}
    for org in published:
        assert by_slug[org.slug]["name_el"] == org.name.el
        assert by_slug[org.slug]["sectors"].split("; ") == list(org.sectors)


def test_geojson_structure(site):
    output, published, _ = site
    data = json.loads((output / "data" / "organizations.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    located = [org for org in published if org.location]
    assert [f["id"] for f in data["features"]] == [org.slug for org in located]
    for feature, org in zip(data["features"], located, strict=False):
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (pytest.approx(org.location.lat), pytest.approx(org.location.lon))
        assert feature["properties"]["slug"] == org.slug


def test_datapackage_validates_with_frictionless(site):
    frictionless = pytest.importorskip("frictionless")
    output, published, _ = site
    report = frictionless.validate(str(output / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])
    rows = {task.name: task.stats.get("rows") for task in report.tasks}
    assert rows["organizations-csv"] == rows["organizations-json"] == len(published)
    package = json.loads((output / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "ODC-BY-1.0"


def test_essglobal_has_the_mapped_concepts(site):
    output, published, _ = site
    data = json.loads((output / "data" / "essglobal.jsonld").read_text(encoding="utf-8"))
    assert "essglobal" in data["@context"]
    nodes = {node["dcterms:identifier"]: node for node in data["@graph"]}
    expected = [org for org in published if org.kind in ("sse", "civil-society")]
    assert sorted(nodes) == [org.slug for org in expected]
    for org in expected:
        node = nodes[org.slug]
        assert node["@type"] == "essglobal:SSEInitiative"
        legal, structure = essglobal.legal_form_concepts(org.legal_form)
        assert node.get("essglobal:legalForm", {}).get("@id") == legal
        assert node.get("essglobal:organisationalStructure", {}).get("@id") == structure
        sectors = [item["@id"] for item in node.get("essglobal:economicSector", [])]
        assert sectors == essglobal.sector_concepts(org.sectors)


def test_murmurations_profiles_are_valid(site):
    output, published, _ = site
    for org in published:
        path = output / "data" / "murmurations" / f"{org.slug}.json"
        profile = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(profile, MURMURATIONS_SCHEMA)
        assert profile["linked_schemas"] == ["organizations_schema-v1.0.0"]
        assert profile["name"] == org.name.el
        if org.location:
            assert profile["geolocation"] == {
                "lat": pytest.approx(org.location.lat),
                "lon": pytest.approx(org.location.lon),
            }


def test_open_data_page_links_every_file(site):
    output, published, _ = site
    for page in (output / "data" / "index.html", output / "en" / "data" / "index.html"):
        html = page.read_text(encoding="utf-8")
        for name in (
            "organizations.json",
            "organizations.csv",
            "organizations.geojson",
            "datapackage.json",
            "essglobal.jsonld",
        ):
            assert f"/data/{name}" in html
        assert "ODC-BY" in html or "Open Data Commons" in html
