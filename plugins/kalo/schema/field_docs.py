"""The field references in ``docs/``: one Markdown page per described file, and one page of
every code list with its Greek and English labels (``docs/codes.md``), so that volunteers
never need to open the project's data files."""

from __future__ import annotations

from kalo.codes import codes, label
from kalo.schema.fields import Field, Kind, Schema, code_lists, walk

CODES_PAGE = "codes.md"

_KIND_WORDS = {
    Kind.TEXT: ("κείμενο", "text"),
    Kind.INTEGER: ("ακέραιος", "whole number"),
    Kind.NUMBER: ("αριθμός", "number"),
    Kind.BOOLEAN: ("true / false", "true / false"),
    Kind.DATE: ("ημερομηνία ΕΕΕΕ-ΜΜ-ΗΗ", "date YYYY-MM-DD"),
    Kind.DATETIME: ("ημερομηνία ΕΕΕΕ-ΜΜ-ΗΗ [ΩΩ:ΛΛ]", "date YYYY-MM-DD [HH:MM]"),
    Kind.URL: ("σύνδεσμος http(s)", "http(s) URL"),
    Kind.HTTPS_URL: ("σύνδεσμος https", "https URL"),
    Kind.EMAIL: ("e-mail", "e-mail"),
    Kind.PHONE: ("τηλέφωνο", "phone"),
    Kind.POSTAL_CODE: ("Τ.Κ. `NNN NN`", "postal code `NNN NN`"),
    Kind.CODE: ("κωδικός", "code"),
    Kind.COUNTS: ("κωδικός: αριθμός", "code: number"),
    Kind.SLUG: ("φάκελος φορέα", "organization folder"),
    Kind.FILE: ("αρχείο εικόνας", "image file"),
    Kind.GROUP: ("ομάδα πεδίων", "group of fields"),
    Kind.LIST: ("λίστα", "list"),
}


def fields_markdown(schema: Schema, title: str, intro: tuple[str, ...]) -> str:
    """The reference of every field of ``schema``: a table, the rules, links to the codes."""
    lines = [
        f"# {title}",
        "",
        f"<!-- Generated from {schema.source} by `make schema`; do not edit by hand. -->",
        "",
    ]
    for paragraph in intro:
        lines += [paragraph, ""]
    lines += [
        "Υποχρεωτικό «με την ομάδα»: υποχρεωτικό μόνο αν γράψετε την ομάδα στην οποία ανήκει. "
        '/ Required "with its group": required only when the group it belongs to is written.',
        "",
        "| πεδίο / field | υποχρ. / req. | τύπος / type | περιγραφή | description |",
        "|---|---|---|---|---|",
    ]
    parents: dict[str, Field] = {}
    for path, spec in walk(schema.root):
        parents[path] = spec
        lines.append(
            f"| `{path}` | {_required_cell(path, spec, parents)} | {_kind_cell(spec)} "
            f"| {spec.el} | {spec.en} |"
        )
    if schema.rules:
        lines += ["", "## Κανόνες / Rules", ""]
        for rule in schema.rules:
            lines += [f"- **{rule.id}**: {rule.el}", f"  {rule.en}"]
    used = code_lists(schema.root)
    if used:
        lines += [
            "",
            "## Κωδικοί / Codes",
            "",
            "Οι κωδικοί με τις ελληνικές και αγγλικές ονομασίες τους: "
            + ", ".join(f"[{name}]({CODES_PAGE}#{_anchor(name)})" for name in used)
            + ". / The codes with their Greek and English labels.",
        ]
    return "\n".join(lines) + "\n"


def codes_markdown(schemas: list[tuple[Schema, str]]) -> str:
    """``docs/codes.md``: every code list used by the described files, with the fields that
    use it. ``schemas``: each with the name of its file in words ("profile.yaml")."""
    users: dict[str, list[str]] = {}
    for schema, shown in schemas:
        for path, spec in walk(schema.root):
            for candidate in (spec, spec.item):
                if candidate is not None and candidate.codes:
                    entry = f"`{path}` ({shown})"
                    if entry not in users.setdefault(candidate.codes, []):
                        users[candidate.codes].append(entry)
    lines = [
        "# Κωδικοί / Codes",
        "",
        "<!-- Generated from plugins/kalo/data/codes.yaml by `make schema`; do not edit by hand. "
        "-->",
        "",
        "Στα πεδία που δέχονται κωδικό γράφετε τον κωδικό της πρώτης στήλης (στον web editor "
        "τον διαλέγετε από λίστα). / In fields that take a code, write the code of the first "
        "column (in the web editor you pick it from a list).",
    ]
    for list_name, fields in users.items():
        lines += [
            "",
            f"## {list_name}",
            "",
            "Πεδία / fields: " + ", ".join(fields),
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
    if spec.required_if is not None:
        sibling, value = spec.required_if
        shown = "true" if value is True else str(value)
        return f"όταν `{sibling}: {shown}` / when `{sibling}: {shown}`"
    if not spec.required:
        return "όχι / no"
    ancestor = path
    while "." in ancestor:
        ancestor = ancestor.rsplit(".", 1)[0]
        group = ancestor.removesuffix("[]")
        if not parents[group].required:
            return f"με το `{group}` / with `{group}`"
    return "ναι / yes"


def _kind_cell(spec: Field) -> str:
    el, en = _KIND_WORDS[spec.kind]
    if spec.kind is Kind.LIST and spec.item is not None:
        item_el, item_en = _KIND_WORDS[spec.item.kind]
        el, en = f"λίστα: {item_el}", f"list of {item_en}"
        bounds = spec.item
    else:
        bounds = spec
    details = []
    if bounds.codes:
        details.append(f"[{bounds.codes}]({CODES_PAGE}#{_anchor(bounds.codes)})")
    if bounds.min_length is not None and bounds.max_length is not None:
        details.append(f"{bounds.min_length}–{bounds.max_length}")
    elif bounds.max_length is not None:
        details.append(f"≤ {bounds.max_length}")
    if spec.up_to_this_year:
        details.append(f"{spec.minimum:g}–φέτος / this year")
    elif spec.minimum is not None and spec.maximum is not None:
        details.append(f"{spec.minimum:g}–{spec.maximum:g}")
    elif spec.minimum is not None:
        details.append(f"≥ {spec.minimum:g}")
    if spec.not_in_future:
        details.append("όχι μελλοντική / not in the future")
    if spec.files is not None:
        details.append(", ".join(spec.files.extensions))
    if spec.min_items:
        details.append(f"≥ {spec.min_items}")
    words = el if el == en else f"{el} / {en}"
    return words + (f" ({'; '.join(details)})" if details else "")


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lowercase, spaces to hyphens, punctuation dropped."""
    kept = "".join(c for c in title.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")
