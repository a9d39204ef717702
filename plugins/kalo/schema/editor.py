"""The web editor's form (Decap CMS) of a described file: one form field per ``Field``.

Greek labels and hints first (English in the hint); required fields marked; lengths and
patterns as the schema has them; every code list a select with its Greek labels; fields
that name organizations a relation to the organizations; image files uploaded beside the
entry. What a form cannot say (a year up to this one, dates not in the future, rules
across fields) ``make check`` says, on the pull request.
"""

from __future__ import annotations

from typing import Any

from kalo.codes import codes, label
from kalo.schema.fields import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    POSTAL_CODE_PATTERN,
    Field,
    Kind,
)

DATETIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2})?$"
# Texts longer than this get a box of several lines.
LONG_TEXT = 200
ORGANIZATIONS_COLLECTION = "organizations"


def editor_fields(
    fields: tuple[Field, ...], *, required_context: bool = True, i18n: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """``required_context``: the group holding these fields is itself required (the form
    cannot say "required when the group is written", so inside optional groups nothing is
    required; ``make check`` says it). ``i18n``: Decap's i18n setting by field name."""
    return [
        editor_field(spec, required_context=required_context, i18n=(i18n or {}).get(spec.name))
        for spec in fields
    ]


def editor_field(spec: Field, *, required_context: bool = True, i18n: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": spec.name,
        "label": spec.short_label,
        "hint": _hint(spec),
        "required": bool(spec.required and required_context),
    }
    if i18n is not None:
        out["i18n"] = i18n
    out.update(_widget(spec, required_context=required_context))
    return out


def _hint(spec: Field) -> str:
    # "(true/false)" explains a YAML value; the form shows a switch.
    return f"{spec.el} — {spec.en}".replace(" (true/false)", "")


def _widget(spec: Field, *, required_context: bool = True) -> dict[str, Any]:
    kind = spec.kind
    if kind is Kind.GROUP:
        return {
            "widget": "object",
            "collapsed": False,
            "fields": editor_fields(
                spec.fields, required_context=spec.required and required_context
            ),
        }
    if kind is Kind.LIST:
        return _list(spec)
    if kind is Kind.TEXT:
        widget = "text" if (spec.max_length or 0) > LONG_TEXT or spec.markdown else "string"
        if spec.markdown:
            widget = "markdown"
        out: dict[str, Any] = {"widget": widget}
        pattern = _length_pattern(spec)
        if pattern:
            out["pattern"] = pattern
        return out
    if kind in (Kind.INTEGER, Kind.NUMBER):
        out = {"widget": "number", "value_type": "int" if kind is Kind.INTEGER else "float"}
        if spec.minimum is not None:
            out["min"] = spec.minimum if kind is Kind.NUMBER else int(spec.minimum)
        if spec.maximum is not None and not spec.up_to_this_year:
            out["max"] = spec.maximum if kind is Kind.NUMBER else int(spec.maximum)
        if kind is Kind.NUMBER:
            out["step"] = 0.00001
        return out
    if kind is Kind.BOOLEAN:
        return {"widget": "boolean", "default": False}
    if kind is Kind.DATE:
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    if kind is Kind.DATETIME:
        return {
            "widget": "string",
            "pattern": [
                DATETIME_PATTERN,
                "Γράψτε ΕΕΕΕ-ΜΜ-ΗΗ ή ΕΕΕΕ-ΜΜ-ΗΗ ΩΩ:ΛΛ (π.χ. 2025-03-14 18:00)",
            ],
        }
    if kind in (Kind.URL, Kind.HTTPS_URL):
        scheme = "https" if kind is Kind.HTTPS_URL else "https?"
        message = (
            "Διεύθυνση που αρχίζει με https://"
            if kind is Kind.HTTPS_URL
            else ("Διεύθυνση που αρχίζει με https:// ή http://")
        )
        return {"widget": "string", "pattern": [rf"^{scheme}://\S+$", message]}
    if kind is Kind.EMAIL:
        return {
            "widget": "string",
            "pattern": [EMAIL_PATTERN, "Διεύθυνση e-mail, π.χ. info@example.gr"],
        }
    if kind is Kind.PHONE:
        return {"widget": "string", "pattern": [PHONE_PATTERN, "Ψηφία, κενά, +, -, παρενθέσεις"]}
    if kind is Kind.POSTAL_CODE:
        return {"widget": "string", "pattern": [POSTAL_CODE_PATTERN, "Πέντε ψηφία, π.χ. 122 41"]}
    if kind is Kind.CODE:
        return {"widget": "select", "options": _options(spec.codes)}
    if kind is Kind.COUNTS:
        return {
            "widget": "object",
            "collapsed": False,
            "fields": [
                {
                    "name": code,
                    "label": label(spec.codes, code, "el"),
                    "required": False,
                    "widget": "number",
                    "value_type": "int",
                    "min": 0,
                }
                for code in codes(spec.codes)
            ],
        }
    if kind is Kind.SLUG:
        return _relation(multiple=False)
    if kind is Kind.FILE:
        return {"widget": "image", "choose_url": False}
    raise ValueError(f"no form widget for {kind}")


def _list(spec: Field) -> dict[str, Any]:
    item = spec.item
    if item.kind is Kind.CODE:
        out: dict[str, Any] = {
            "widget": "select",
            "multiple": True,
            "options": _options(item.codes),
        }
        if spec.min_items:
            out["min"] = spec.min_items
        return out
    if item.kind is Kind.SLUG:
        return _relation(multiple=True)
    if item.kind is Kind.GROUP:
        first = item.fields[0].name
        return {
            "widget": "list",
            "default": [],  # Decap would start a new entry with one empty item
            "collapsed": False,
            "summary": "{{fields." + first + "}}",
            "fields": editor_fields(item.fields, required_context=True),
        }
    out = {
        "widget": "list",
        "default": [],
        "field": {"name": "item", "label": item.short_label, **_widget(item)},
    }
    if spec.min_items:
        out["min"] = spec.min_items
    return out


def _relation(*, multiple: bool) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": ORGANIZATIONS_COLLECTION,
        # admin.js reads each profile with its folder's name as "_folder": the value stored.
        "value_field": "{{_folder}}",
        "search_fields": ["name.el", "name.en"],
        "display_fields": ["name.el"],
        "multiple": multiple,
    }


def _options(list_name: str) -> list[dict[str, str]]:
    return [{"label": label(list_name, code, "el"), "value": code} for code in codes(list_name)]


def _length_pattern(spec: Field) -> list[str] | None:
    low, high = spec.min_length, spec.max_length
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        return [rf"^[\s\S]{{{low},{high}}}$", f"Από {low} έως {high} χαρακτήρες"]
    if high is not None:
        return [rf"^[\s\S]{{0,{high}}}$", f"Έως {high} χαρακτήρες"]
    return [rf"^[\s\S]{{{low},}}$", f"Τουλάχιστον {low} χαρακτήρες"]
