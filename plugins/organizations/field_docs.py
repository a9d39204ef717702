"""``docs/organization-fields.md``: the reference of every ``profile.yaml`` field, made
from ``schema.PROFILE``, ``schema.RULES`` and the code lists. Written by
``python -m kalo schema``; a test keeps the committed file equal to this.
"""

from __future__ import annotations

from kalo.codes import codes, label
from organizations.schema import RULES, Field, Type, walk

DOCS_PATH = "docs/organization-fields.md"

_CODE_LIST_TITLES = {
    "kind": "kind",
    "legal_form": "legal_form",
    "municipality": "municipality",
    "sectors": "sectors",
    "exchange": "offers / needs",
}

_TYPE_WORDS = {
    Type.TEXT: ("κείμενο", "text"),
    Type.INTEGER: ("ακέραιος", "whole number"),
    Type.NUMBER: ("αριθμός", "number"),
    Type.BOOLEAN: ("true / false", "true / false"),
    Type.DATE: ("ημερομηνία ΕΕΕΕ-ΜΜ-ΗΗ", "date YYYY-MM-DD"),
    Type.URL: ("σύνδεσμος http(s)", "http(s) URL"),
    Type.HTTPS_URL: ("σύνδεσμος https", "https URL"),
    Type.EMAIL: ("e-mail", "e-mail"),
    Type.PHONE: ("τηλέφωνο", "phone"),
    Type.POSTAL_CODE: ("Τ.Κ. `NNN NN`", "postal code `NNN NN`"),
    Type.CODE: ("κωδικός", "code"),
    Type.SLUG: ("φάκελος οργανισμού", "organization folder"),
    Type.IMAGE: ("αρχείο εικόνας", "image file"),
    Type.GROUP: ("ομάδα πεδίων", "group of fields"),
    Type.LIST: ("λίστα", "list"),
}


def organization_fields_markdown() -> str:
    lines = [
        "# Πεδία του profile.yaml / Fields of profile.yaml",
        "",
        "<!-- Generated from plugins/organizations/schema.py by `python -m kalo schema`; "
        "do not edit by hand. -->",
        "",
        "Κάθε οργανισμός έχει τον φάκελό του `organizations/<slug>/` με ένα `profile.yaml`. "
        "Πώς προσθέτετε ή αλλάζετε έναν οργανισμό: "
        "[adding-an-organization.md](adding-an-organization.md).",
        "",
        "Each organization has its folder `organizations/<slug>/` with a `profile.yaml`. "
        "How to add or change one: [adding-an-organization.md](adding-an-organization.md).",
        "",
        "Υποχρεωτικό «όταν δίνεται η ομάδα»: υποχρεωτικό μόνο αν γράψετε την ομάδα στην οποία "
        'ανήκει. / Required "with its group": required only when the group it belongs to is '
        "written.",
        "",
        "| πεδίο / field | υποχρ. / req. | τύπος / type | περιγραφή | description |",
        "|---|---|---|---|---|",
    ]
    parents: dict[str, Field] = {}
    for path, spec in walk():
        parents[path] = spec
        lines.append(
            f"| `{path}` | {_required_cell(path, spec, parents)} | {_type_cell(spec)} "
            f"| {spec.el} | {spec.en} |"
        )
    lines += ["", "## Κανόνες / Rules", ""]
    for rule in RULES:
        lines += [f"- **{rule.id}**: {rule.el}", f"  {rule.en}"]
    lines += ["", "## Κωδικοί / Codes"]
    for list_name, title in _CODE_LIST_TITLES.items():
        lines += [
            "",
            f"### {title}",
            "",
            "| κωδικός / code | ελληνικά | English |",
            "|---|---|---|",
        ]
        for code in codes(list_name):
            lines.append(
                f"| `{code}` | {label(list_name, code, 'el')} | {label(list_name, code, 'en')} |"
            )
    return "\n".join(lines) + "\n"


def _required_cell(path: str, spec: Field, parents: dict[str, Field]) -> str:
    """Required fields inside an optional group are required only with that group."""
    if not spec.required:
        return "όχι / no"
    ancestor = path
    while "." in ancestor:
        ancestor = ancestor.rsplit(".", 1)[0]
        group = ancestor.removesuffix("[]")
        if not parents[group].required:
            return f"με το `{group}` / with `{group}`"
    return "ναι / yes"


def _type_cell(spec: Field) -> str:
    el, en = _TYPE_WORDS[spec.type]
    if spec.type is Type.LIST and spec.item is not None:
        item_el, item_en = _TYPE_WORDS[spec.item.type]
        el, en = f"λίστα: {item_el}", f"list of {item_en}"
        spec_for_codes = spec.item
    else:
        spec_for_codes = spec
    details = []
    if spec_for_codes.codes:
        title = _CODE_LIST_TITLES[spec_for_codes.codes]
        details.append(f"[{title}](#{_anchor(title)})")
    if spec.min_length is not None and spec.max_length is not None:
        details.append(f"{spec.min_length}–{spec.max_length}")
    elif spec.max_length is not None:
        details.append(f"≤ {spec.max_length}")
    if spec.up_to_this_year:
        details.append(f"{spec.minimum:g}–φέτος / this year")
    elif spec.minimum is not None and spec.maximum is not None:
        details.append(f"{spec.minimum:g}–{spec.maximum:g}")
    elif spec.minimum is not None:
        details.append(f"≥ {spec.minimum:g}")
    if spec.not_in_future:
        details.append("όχι μελλοντική / not in the future")
    if spec.extensions:
        details.append(", ".join(spec.extensions))
    if spec.min_items:
        details.append(f"≥ {spec.min_items}")
    text = el if el == en else f"{el} / {en}"
    return text + (f" ({'; '.join(details)})" if details else "")


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lowercase, spaces to hyphens, punctuation dropped."""
    kept = "".join(c for c in title.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")
