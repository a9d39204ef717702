"""Pure pieces of the exports: records, CSV quoting, mappings, determinism (no Pelican build)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from kalo import codes
from opendata import essglobal, exports
from opendata.fields import CSV_FIELDS, JSON_FIELDS
from opendata.murmurations import in_greece, murmurations_profile
from opendata.records import build_records, flat_row, json_record
from organizations.directory import build_directory
from organizations.model import Localized, Location
from tests.opendata.opendata_helpers import FIXTURE_ORGS, SAMPLE_ORGS, split_organizations

BASE = "https://kalo.example"


@pytest.fixture(scope="module")
def sample_records():
    published, hidden = split_organizations(SAMPLE_ORGS)
    return build_records(build_directory(published + hidden), BASE)


def test_records_are_published_only_and_sorted():
    published, hidden = split_organizations(FIXTURE_ORGS)
    records = build_records(build_directory(published + hidden), BASE)
    assert [r.slug for r in records] == ["alfa-koinsep", "vita-syllogos"]
    # alfa-koinsep lists gamma-hidden as a partner: it never reaches the exports.
    assert records[0].partners == ("vita-syllogos",)
    assert records[1].partners == ("alfa-koinsep",)  # partnership shown both ways


def test_flat_row_has_every_csv_field_and_labels(sample_records):
    row = flat_row(sample_records[0])
    assert list(row) == [field.name for field in CSV_FIELDS]
    org = sample_records[0].org
    assert row["kind_en"] == codes.label("kind", org.kind, "en")
    assert row["sectors"] == list(org.sectors)
    assert row["url_el"] == f"{BASE}/organizations/{org.slug}/"
    assert row["url_en"] == f"{BASE}/en/organizations/{org.slug}/"


def test_json_record_has_every_json_field(sample_records):
    for record in sample_records:
        assert list(json_record(record)) == [field.name for field in JSON_FIELDS]


def test_csv_quotes_commas_quotes_and_line_breaks(sample_records):
    record = sample_records[0]
    tricky = replace(
        record.org, summary=Localized(el='Με "εισαγωγικά", κόμμα;\nκαι αλλαγή γραμμής', en=None)
    )
    data = exports.organizations_csv([replace(record, org=tricky)])
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0]["summary_el"] == 'Με "εισαγωγικά", κόμμα;\nκαι αλλαγή γραμμής'


def test_exports_are_deterministic(sample_records):
    assert exports.organizations_json(sample_records) == exports.organizations_json(
        list(sample_records)
    )
    assert exports.organizations_csv(sample_records) == exports.organizations_csv(
        list(sample_records)
    )


def test_geojson_is_lon_lat_and_only_located(sample_records):
    data = json.loads(exports.organizations_geojson(sample_records))
    located = [r for r in sample_records if r.org.location]
    assert [f["id"] for f in data["features"]] == [r.slug for r in located]
    for feature, record in zip(data["features"], located, strict=False):
        assert feature["geometry"]["coordinates"] == [
            record.org.location.lon,
            record.org.location.lat,
        ]


@pytest.mark.parametrize("list_name", ["legal_form", "sectors"])
def test_essglobal_mapping_covers_every_code(list_name):
    assert set(essglobal.mapping()[list_name]) == set(codes.codes(list_name))


def test_essglobal_concepts_are_in_their_schemes():
    for code in codes.codes("legal_form"):
        legal, structure = essglobal.legal_form_concepts(code)
        assert legal is None or legal.startswith("http://purl.org/essglobal/standard/legal-form/L")
        assert structure is None or "/organisational-structure/OS" in structure
    assert essglobal.sector_concepts(["care", "health", "food"]) == [
        "http://purl.org/essglobal/standard/activities-modified/AM80",
        "http://purl.org/essglobal/standard/activities-modified/AM60",
    ]
    assert essglobal.sector_concepts(["other"]) == []


def test_murmurations_country_only_when_known(sample_records):
    org = sample_records[0].org
    assert in_greece(replace(org, municipality="aigaleo"))
    assert in_greece(
        replace(org, municipality="other", location=Location(40.64, 22.94))
    )  # Thessaloniki
    assert not in_greece(
        replace(org, municipality="other", location=Location(48.85, 2.35))
    )  # Paris
    assert not in_greece(replace(org, municipality="other", location=None))


def test_email_can_be_left_out():
    published, hidden = split_organizations(FIXTURE_ORGS)
    records = build_records(build_directory(published + hidden), BASE, include_email=False)
    assert b"info@example.org" not in exports.organizations_json(records)
    assert b"info@example.org" not in exports.organizations_csv(records)
    by_slug = {r.slug: r for r in records}
    assert "contact_details" not in murmurations_profile(records[0], by_slug, BASE, "data")


def test_files_put_together_from_parts_are_the_files_made_whole():
    """The exports are spliced from each organization's JSON text (kept across builds):
    the bytes must be json.dumps's, whatever the values and the depth of the list."""
    import random

    from opendata.exports import SLOT, json_text, spliced, to_json

    chooser = random.Random(7)

    def value(depth=0):
        pick = chooser.random()
        if depth > 3 or pick < 0.3:
            return chooser.choice([1, 2.5, None, True, 'α"β\nγ', "", "x\\y", "\u2028"])
        if pick < 0.6:
            return [value(depth + 1) for _ in range(chooser.randint(0, 3))]
        return {f"k{n}": value(depth + 1) for n in range(chooser.randint(0, 3))}

    for _ in range(200):
        items = [value() for _ in range(chooser.randint(0, 4))]
        parts = [json_text(item) for item in items]
        assert spliced(SLOT, parts) == to_json(items)
        for container in ({"type": "FeatureCollection", "features": SLOT}, {"@graph": SLOT}):
            whole = {key: (items if item == SLOT else item) for key, item in container.items()}
            assert spliced(container, parts) == to_json(whole)


def test_the_generators_containers_joined_from_kept_items_are_the_files_made_whole():
    """The generator keeps each organization's items as bytes indented for its file
    (``list_item``) and joins them (``spliced_items``): for each of its three containers,
    the bytes of the file made whole."""
    from opendata.exports import (
        GEOJSON_CONTAINER,
        SLOT,
        item_prefix,
        json_text,
        list_item,
        spliced_items,
        to_json,
    )
    from opendata.generator import GRAPH

    items = [{"id": "α", "nested": {"list": [1, {"b": "γ\nδ"}]}}, {}, [], {"x": []}]
    for container in (SLOT, GEOJSON_CONTAINER, GRAPH):
        prefix = item_prefix(container)
        kept = [list_item(prefix, json_text(item)) for item in items]
        whole = (
            items
            if container == SLOT
            else {key: (items if value == SLOT else value) for key, value in container.items()}
        )
        assert spliced_items(container, kept) == to_json(whole)
        empty = (
            []
            if container == SLOT
            else {**whole, next(k for k, v in container.items() if v == SLOT): []}
        )
        assert spliced_items(container, []) == to_json(empty)
