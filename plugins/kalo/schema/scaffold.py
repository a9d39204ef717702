"""A commented YAML file to start from, made from a description: required fields written
out (empty, or with the value given), optional ones commented out with an example; each
field with its one-line explanation in Greek and English and, for codes, their labels."""

from __future__ import annotations

import json
from typing import Any

from kalo.codes import codes, label
from kalo.schema.fields import Field, Kind, Schema

REQUIRED_MARK = "  (ΥΠΟΧΡΕΩΤΙΚΟ / REQUIRED)"


def scaffold_yaml(schema: Schema, header: str, given: dict[str, Any]) -> str:
    """``given``: values by dotted path, written instead of the blank (``name.el``)."""
    lines = header.splitlines()
    for spec in schema.root.fields:
        lines.append("")
        lines.extend(_field_lines(spec, spec.name, depth=0, commented=False, given=given))
    return "\n".join(lines) + "\n"


def _field_lines(spec: Field, path: str, *, depth: int, commented: bool, given: dict) -> list[str]:
    commented = commented or not spec.required
    pad = "  " * depth

    def line(text: str) -> str:
        return f"# {pad}{text}" if commented else f"{pad}{text}"

    mark = REQUIRED_MARK if spec.required and not commented else ""
    # Greek first, English below it: the volunteer reads the first line.
    out = [line(f"# {spec.el}{mark}"), line(f"# {spec.en}")]
    code_list = spec.codes or (spec.item.codes if spec.item is not None else None)
    if code_list:
        listed = ", ".join(f"{code} = {label(code_list, code, 'el')}" for code in codes(code_list))
        out.append(line(f"# κωδικοί / codes: {listed}"))
    if spec.kind is Kind.GROUP:
        out.append(line(f"{spec.name}:"))
        for child in spec.fields:
            out.extend(
                _field_lines(
                    child, f"{path}.{child.name}", depth=depth + 1, commented=commented, given=given
                )
            )
    elif spec.kind is Kind.LIST and spec.item is not None and spec.item.kind is Kind.GROUP:
        out.append(line(f"{spec.name}:"))
        item_lines: list[str] = []
        for child in spec.item.fields:
            item_lines.extend(
                _field_lines(
                    child, f"{path}[].{child.name}", depth=depth + 2, commented=True, given=given
                )
            )
        # The first field of the example item carries the list's "- ".
        item_start = f"# {pad}    "
        first = next(
            i for i, text in enumerate(item_lines) if not text[len(item_start) :].startswith("#")
        )
        item_lines[first] = f"# {pad}  - " + item_lines[first][len(item_start) :]
        out.extend(item_lines)
    else:
        out.append(line(f"{spec.name}: {_value(spec, path, commented, given)}".rstrip()))
    return out


def _value(spec: Field, path: str, commented: bool, given: dict) -> str:
    """The value written after the field name."""
    if path in given:
        return _yaml(given[path], spec)
    if spec.kind is Kind.BOOLEAN and not commented:
        return "false"  # promotion_consent.granted: no permission until it is recorded
    if spec.kind is Kind.LIST and not commented:
        return "[]"
    if not commented:
        return ""  # required: left for the volunteer
    example = spec.example
    if spec.kind is Kind.LIST and example is None and spec.item is not None and spec.item.codes:
        example = [codes(spec.item.codes)[0]]
    return _yaml(example, spec)


def _yaml(value: object, spec: Field) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(item, spec.item or spec) for item in value) + "]"
    if spec.kind in (Kind.DATE, Kind.CODE, Kind.SLUG):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)
