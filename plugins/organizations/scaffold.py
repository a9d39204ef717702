"""The commented ``profile.yaml`` and ``about.el.md`` of a new organization, from the schema.

Required fields are written out (empty, for the volunteer to fill); optional ones are
commented out with an example. Each field has a one-line explanation in Greek and English.
"""

from __future__ import annotations

import json

from kalo.codes import codes, label
from organizations.schema import PROFILE, Field, Type

HEADER = """\
# yaml-language-server: $schema=../../schema/profile.schema.json
# Προφίλ οργανισμού — Organization profile
# Οδηγίες: docs/adding-an-organization.md · Όλα τα πεδία: docs/organization-fields.md
# Guide: docs/adding-an-organization.md · All fields: docs/organization-fields.md
#
# Συμπληρώστε τα πεδία με την ένδειξη ΥΠΟΧΡΕΩΤΙΚΟ. Για ένα προαιρετικό πεδίο, σβήστε το "# "
# στην αρχή των γραμμών του. Μετά τρέξτε: make check
# Fill in the fields marked REQUIRED. For an optional field, remove the "# " at the start of
# its lines. Then run: make check
"""

REQUIRED_MARK = "  (ΥΠΟΧΡΕΩΤΙΚΟ / REQUIRED)"

ABOUT_EL = """\
<!--
Περιγραφή του οργανισμού στα ελληνικά, σε Markdown: τι κάνει, για ποιους, πώς να τον βρει
κανείς. Γράψτε κάτω από αυτό το σχόλιο. Για αγγλική περιγραφή, φτιάξτε το about.en.md.
Description of the organization in Greek, in Markdown. Write below this comment.
For an English description, create about.en.md.
-->
"""


def scaffold_profile(name_el: str) -> str:
    lines = HEADER.splitlines()
    for spec in PROFILE.fields:
        lines.append("")
        lines.extend(_field_lines(spec, spec.name, depth=0, commented=False, name_el=name_el))
    return "\n".join(lines) + "\n"


def scaffold_about() -> str:
    return ABOUT_EL


def _field_lines(spec: Field, path: str, *, depth: int, commented: bool, name_el: str) -> list[str]:
    commented = commented or not spec.required
    pad = "  " * depth

    def line(text: str) -> str:
        return f"# {pad}{text}" if commented else f"{pad}{text}"

    mark = REQUIRED_MARK if spec.required and not commented else ""
    out = [line(f"# {spec.el} — {spec.en}{mark}")]
    code_list = spec.codes or (spec.item.codes if spec.item is not None else None)
    if code_list:
        listed = ", ".join(f"{code} = {label(code_list, code, 'el')}" for code in codes(code_list))
        out.append(line(f"# κωδικοί / codes: {listed}"))
    if spec.type is Type.GROUP:
        out.append(line(f"{spec.name}:"))
        for child in spec.fields:
            out.extend(
                _field_lines(
                    child,
                    f"{path}.{child.name}",
                    depth=depth + 1,
                    commented=commented,
                    name_el=name_el,
                )
            )
    elif spec.type is Type.LIST and spec.item is not None and spec.item.type is Type.GROUP:
        out.append(line(f"{spec.name}:"))
        item_lines: list[str] = []
        for child in spec.item.fields:
            item_lines.extend(
                _field_lines(
                    child,
                    f"{path}[].{child.name}",
                    depth=depth + 2,
                    commented=True,
                    name_el=name_el,
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
        out.append(line(f"{spec.name}: {_value(spec, path, commented, name_el)}".rstrip()))
    return out


def _value(spec: Field, path: str, commented: bool, name_el: str) -> str:
    """The value written after the field name."""
    if path == "name.el":
        return json.dumps(name_el, ensure_ascii=False)
    if spec.type is Type.BOOLEAN and not commented:
        return "false"  # promotion_consent.granted: no permission until it is recorded
    if spec.type is Type.LIST and not commented:
        return "[]"
    if not commented:
        return ""  # required: left for the volunteer
    example = spec.example
    if spec.type is Type.LIST and example is None and spec.item is not None and spec.item.codes:
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
    if spec.type in (Type.DATE, Type.CODE, Type.SLUG):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)
