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
# Where a list of parts goes in a JSON container (``spliced``): a string no data contains.
_SLOT = "\x00kalo-parts\x00"


def to_json(data) -> bytes:
    """The project's JSON style: UTF-8 text (not \\u escapes), two-space indent, final newline."""
    return (json_text(data) + "\n").encode("utf-8")


def json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def spliced(container, parts: list[str]) -> bytes:
    """``to_json(container)`` with its one list ``SLOT`` being the items whose JSON texts
    (``json_text``) are ``parts``: the same bytes as serializing the whole, made from
    texts kept per organization. ``container`` is ``SLOT`` itself for a bare list."""
    text = json_text(container)
    marker = json.dumps(_SLOT)
    at = text.index(marker)
    lead = at - (text.rfind("\n", 0, at) + 1)
    if container != _SLOT:  # the list is the value of a key, on that key's line
        line = text[text.rfind("\n", 0, at) + 1 : at]
        lead = len(line) - len(line.lstrip(" "))
    if not parts:
        listed = "[]"
    else:
        prefix = " " * (lead + 2)
        items = [prefix + part.replace("\n", "\n" + prefix) for part in parts]
        listed = "[\n" + ",\n".join(items) + "\n" + " " * lead + "]"
    return (text.replace(marker, listed, 1) + "\n").encode("utf-8")


SLOT = _SLOT


def organizations_json(records: list[Record]) -> bytes:
    return spliced(SLOT, [json_text(json_record(record)) for record in records])


def csv_line(cells: list[str]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(cells)
    return buffer.getvalue()


def csv_from_lines(lines: list[str]) -> bytes:
    header = csv_line([field.name for field in CSV_FIELDS])
    return (CSV_BOM + header + "".join(lines)).encode("utf-8")


def organizations_csv(records: list[Record]) -> bytes:
    return csv_from_lines([csv_line(csv_cells(record)) for record in records])


def geojson_feature(record: Record) -> dict | None:
    """One organization's GeoJSON feature, or None without a location."""
    if record.org.location is None:
        return None
    row = flat_row(record)
    properties = {name: value for name, value in row.items() if name not in ("lat", "lon")}
    return {
        "type": "Feature",
        "id": record.slug,
        "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
        "properties": properties,
    }


def geojson_from_parts(parts: list[str]) -> bytes:
    return spliced({"type": "FeatureCollection", "features": SLOT}, parts)


def organizations_geojson(records: list[Record]) -> bytes:
    features = [geojson_feature(record) for record in records]
    return geojson_from_parts([json_text(f) for f in features if f is not None])


def geolocated(records: list[Record]) -> list[Record]:
    return [record for record in records if record.org.location is not None]
