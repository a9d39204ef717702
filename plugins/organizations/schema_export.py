"""``schema/profile.schema.json``: the JSON Schema (draft 2020-12) of ``profile.yaml``,
made from ``schema.PROFILE`` so that editors (VS Code's YAML extension) check and
complete the file as the volunteer types.

Written by ``python -m kalo schema``; a test keeps the committed file equal to this.
What JSON Schema cannot say (files exist, partners exist, dates not in the future,
founded up to this year, vulnerable ≤ employees) is checked only by ``make check``.
"""

from __future__ import annotations

import json
from typing import Any

from kalo.codes import codes, label
from organizations.schema import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    POSTAL_CODE_PATTERN,
    PROFILE,
    SLUG_REGEX,
    Field,
    Type,
)

SCHEMA_PATH = "schema/profile.schema.json"


def profile_json_schema() -> dict[str, Any]:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "profile.yaml",
        "description": "Organization profile of the observatory of the Social and Solidarity "
        "Economy of West Athens / Προφίλ οργανισμού. Generated from "
        "plugins/organizations/schema.py by `python -m kalo schema`; do not edit.",
    }
    schema.update(_field_schema(PROFILE))
    consent = schema["properties"]["promotion_consent"]
    # Rule consent-date: the date is required when permission is granted.
    consent["if"] = {"properties": {"granted": {"const": True}}, "required": ["granted"]}
    consent["then"] = {"required": ["date"]}
    return schema


def profile_json_schema_text() -> str:
    return json.dumps(profile_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _describe(spec: Field) -> dict[str, str]:
    return {"description": f"{spec.en} / {spec.el}"} if spec.name else {}


def _field_schema(spec: Field) -> dict[str, Any]:
    out: dict[str, Any] = _describe(spec)
    t = spec.type
    if t is Type.GROUP:
        out["type"] = "object"
        out["properties"] = {child.name: _field_schema(child) for child in spec.fields}
        required = [child.name for child in spec.fields if child.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
    elif t is Type.LIST:
        out["type"] = "array"
        out["items"] = _field_schema(spec.item)
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.unique:
            out["uniqueItems"] = True
    elif t is Type.TEXT:
        out["type"] = ["string", "number"] if spec.numbers_as_text else "string"
        if spec.min_length is not None:
            out["minLength"] = spec.min_length
        if spec.max_length is not None:
            out["maxLength"] = spec.max_length
    elif t in (Type.INTEGER, Type.NUMBER):
        out["type"] = t.value
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
    elif t is Type.BOOLEAN:
        out["type"] = "boolean"
    elif t is Type.DATE:
        out.update(type="string", format="date")
    elif t in (Type.URL, Type.HTTPS_URL):
        prefix = "^https://" if t is Type.HTTPS_URL else "^https?://"
        out.update(type="string", format="uri", pattern=prefix + r"[^\s]+$")
    elif t is Type.EMAIL:
        out.update(type="string", pattern=EMAIL_PATTERN)
    elif t is Type.PHONE:
        out.update(type=["string", "integer"], pattern=PHONE_PATTERN)
    elif t is Type.POSTAL_CODE:
        # Pattern applies to text, the bounds to a number written without quotes.
        out.update(
            type=["string", "integer"], pattern=POSTAL_CODE_PATTERN, minimum=10000, maximum=99999
        )
    elif t is Type.CODE:
        out["enum"] = list(codes(spec.codes))
        labels = "; ".join(f"{code}: {label(spec.codes, code, 'el')}" for code in codes(spec.codes))
        out["description"] = f"{out.get('description', spec.en)} ({labels})"
    elif t is Type.SLUG:
        out.update(type="string", pattern=SLUG_REGEX)
    elif t is Type.IMAGE:
        either_case = "|".join(
            "".join(f"[{c.lower()}{c.upper()}]" for c in ext) for ext in spec.extensions
        )
        out.update(type="string", pattern=rf"^[^/\\].*\.({either_case})$")
    return out
