"""The three exports as bytes: deterministic (sorted by slug, no build time), pure.

- JSON: a list of organization objects (``records.json_record``), UTF-8, indented.
- CSV: UTF-8 with a byte-order mark and CRLF line ends, every field quoted as needed,
  so that Excel (Greek locale included) opens it with the right characters and columns.
- GeoJSON (RFC 7946): only organizations with a location, coordinates [lon, lat].
"""

from __future__ import annotations

import csv
import io
import json

from opendata.fields import CSV_FIELDS
from opendata.records import Record, csv_cells, flat_row, json_record

CSV_BOM = "\ufeff"


def to_json(data) -> bytes:
    """The project's JSON style: UTF-8 text (not \\u escapes), two-space indent, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def organizations_json(records: list[Record]) -> bytes:
    return to_json([json_record(record) for record in records])


def organizations_csv(records: list[Record]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([field.name for field in CSV_FIELDS])
    for record in records:
        writer.writerow(csv_cells(record))
    return (CSV_BOM + buffer.getvalue()).encode("utf-8")


def organizations_geojson(records: list[Record]) -> bytes:
    features = []
    for record in records:
        location = record.org.location
        if location is None:
            continue
        properties = {
            name: value for name, value in flat_row(record).items() if name not in ("lat", "lon")
        }
        row = flat_row(record)
        features.append(
            {
                "type": "Feature",
                "id": record.slug,
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": properties,
            }
        )
    return to_json({"type": "FeatureCollection", "features": features})


def geolocated(records: list[Record]) -> list[Record]:
    return [record for record in records if record.org.location is not None]
