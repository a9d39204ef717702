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
_MARKER = json.dumps(_SLOT)


def to_json(data) -> bytes:
    """The project's JSON style: UTF-8 text (not \\u escapes), two-space indent, final newline."""
    return (json_text(data) + "\n").encode("utf-8")


def json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def spliced(container, parts: list[str]) -> bytes:
    """``to_json(container)`` with its one list ``SLOT`` being the items whose JSON texts
    (``json_text``) are ``parts``: the same bytes as serializing the whole, made from
    texts kept per organization. ``container`` is ``SLOT`` itself for a bare list."""
    prefix = item_prefix(container)
    return spliced_items(container, [list_item(prefix, part) for part in parts])


def _slot(container) -> tuple[str, int]:
    """``to_json(container)``'s text, and how far its slot's line is indented."""
    text = json_text(container)
    at = text.index(_MARKER)
    lead = at - (text.rfind("\n", 0, at) + 1)
    if container != _SLOT:  # the list is the value of a key, on that key's line
        line = text[text.rfind("\n", 0, at) + 1 : at]
        lead = len(line) - len(line.lstrip(" "))
    return text, lead


def item_prefix(container) -> str:
    """How far the items of ``container``'s slot list are indented."""
    return " " * (_slot(container)[1] + 2)


def list_item(prefix: str, part: str) -> bytes:
    """A JSON text (``json_text``) as the bytes it has as an item of a slot list whose
    ``item_prefix`` is ``prefix``: kept per organization, so that a build joins bytes."""
    return (prefix + part.replace("\n", "\n" + prefix)).encode("utf-8")


def spliced_items(container, items: list[bytes]) -> bytes:
    """``spliced`` from items already made by ``list_item`` for this ``container``."""
    text, lead = _slot(container)
    head, _, tail = text.partition(_MARKER)
    if not items:
        listed = b"[]"
    else:
        listed = b"[\n" + b",\n".join(items) + b"\n" + b" " * lead + b"]"
    return head.encode("utf-8") + listed + (tail + "\n").encode("utf-8")


SLOT = _SLOT


def organizations_json(records: list[Record]) -> bytes:
    return spliced(SLOT, [json_text(json_record(record)) for record in records])


def csv_line(cells: list[str]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(cells)
    return buffer.getvalue()


def csv_from_lines(lines: list[str]) -> bytes:
    return csv_from_line_bytes([line.encode("utf-8") for line in lines])


def csv_from_line_bytes(lines: list[bytes]) -> bytes:
    header = csv_line([field.name for field in CSV_FIELDS])
    return (CSV_BOM + header).encode("utf-8") + b"".join(lines)


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


GEOJSON_CONTAINER = {"type": "FeatureCollection", "features": SLOT}


def geojson_from_parts(parts: list[str]) -> bytes:
    return spliced(GEOJSON_CONTAINER, parts)


def organizations_geojson(records: list[Record]) -> bytes:
    features = [geojson_feature(record) for record in records]
    return geojson_from_parts([json_text(f) for f in features if f is not None])


def geolocated(records: list[Record]) -> list[Record]:
    return [record for record in records if record.org.location is not None]
