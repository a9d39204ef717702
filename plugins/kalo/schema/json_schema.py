"""The JSON Schema (draft 2020-12) of a described file, so that editors (VS Code's YAML
extension, the web editor) check and complete it as the volunteer types.

What JSON Schema cannot say (files exist, organizations exist, dates not in the future,
a year up to this one, rules across fields) is checked only by ``make check``.
"""

from __future__ import annotations

import json
from typing import Any

from kalo.codes import codes, label
from kalo.elot743 import SLUG_PATTERN
from kalo.schema.fields import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    POSTAL_CODE_PATTERN,
    Field,
    Kind,
    Schema,
)

DATETIME_REGEX = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2})?$"


def json_schema(schema: Schema) -> dict[str, Any]:
    out: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": schema.file_en,
        "description": f"{schema.file_en} / {schema.file_el}. Generated from {schema.source} by "
        "`make schema`; do not edit.",
    }
    out.update(_field(schema.root))
    return out


def json_schema_text(schema: Schema) -> str:
    return json.dumps(json_schema(schema), ensure_ascii=False, indent=2) + "\n"


def _field(spec: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"description": f"{spec.en} / {spec.el}"} if spec.name else {}
    kind = spec.kind
    if kind is Kind.GROUP:
        out["type"] = "object"
        out["properties"] = {child.name: _field(child) for child in spec.fields}
        required = [child.name for child in spec.fields if child.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        conditional = [child for child in spec.fields if child.required_if is not None]
        for child in conditional:  # a single one per group in our descriptions
            sibling, value = child.required_if
            out["if"] = {"properties": {sibling: {"const": value}}, "required": [sibling]}
            out["then"] = {"required": [child.name]}
    elif kind is Kind.LIST:
        out["type"] = "array"
        out["items"] = _field(spec.item)
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.unique:
            out["uniqueItems"] = True
    elif kind is Kind.TEXT:
        out["type"] = ["string", "number"] if spec.numbers_as_text else "string"
        if spec.min_length is not None:
            out["minLength"] = spec.min_length
        if spec.max_length is not None:
            out["maxLength"] = spec.max_length
    elif kind in (Kind.INTEGER, Kind.NUMBER):
        out["type"] = kind.value
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
    elif kind is Kind.BOOLEAN:
        out["type"] = "boolean"
    elif kind is Kind.DATE:
        out.update(type="string", format="date")
    elif kind is Kind.DATETIME:
        out.update(type="string", pattern=DATETIME_REGEX)
    elif kind in (Kind.URL, Kind.HTTPS_URL):
        prefix = "^https://" if kind is Kind.HTTPS_URL else "^https?://"
        out.update(type="string", format="uri", pattern=prefix + r"[^\s]+$")
    elif kind is Kind.EMAIL:
        out.update(type="string", pattern=EMAIL_PATTERN)
    elif kind is Kind.PHONE:
        out.update(type=["string", "integer"], pattern=PHONE_PATTERN)
    elif kind is Kind.POSTAL_CODE:
        # The pattern applies to text, the bounds to a number written without quotes.
        out.update(
            type=["string", "integer"], pattern=POSTAL_CODE_PATTERN, minimum=10000, maximum=99999
        )
    elif kind is Kind.CODE:
        out["enum"] = list(codes(spec.codes))
        out["description"] = f"{out.get('description', spec.en)} ({_labels(spec.codes)})"
    elif kind is Kind.COUNTS:
        out["type"] = "object"
        out["propertyNames"] = {"enum": list(codes(spec.codes))}
        out["additionalProperties"] = {"type": "integer", "minimum": 0}
        out["description"] = f"{out.get('description', spec.en)} ({_labels(spec.codes)})"
    elif kind is Kind.SLUG:
        out.update(type="string", pattern=SLUG_PATTERN.pattern)
    elif kind is Kind.FILE:
        either_case = "|".join(
            "".join(f"[{c.lower()}{c.upper()}]" for c in ext) for ext in spec.files.extensions
        )
        out.update(type="string", pattern=rf"^[^/\\].*\.({either_case})$")
    return out


def _labels(list_name: str) -> str:
    return "; ".join(f"{code}: {label(list_name, code, 'el')}" for code in codes(list_name))
