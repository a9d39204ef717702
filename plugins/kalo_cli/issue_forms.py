"""The issue forms for people who will not use the web editor: "Νέος φορέας" and "Διόρθωση
στοιχείων", for GitHub (issue forms, YAML) and GitLab (description templates, Markdown).

Made from the profile's description, with the same labels and choices as the editor, so
that the three ways in ask the same questions (``make schema``; a test keeps them current).
"""

from __future__ import annotations

from typing import Any

import yaml

from kalo.codes import codes, label
from kalo.schema.fields import Field, Kind
from organizations.schema import PROFILE

CONSENT_NOTE = (
    "**Τίποτα δεν δημοσιεύεται χωρίς την άδεια προβολής του φορέα.** Ο φορέας εμφανίζεται "
    "στον ιστότοπο μόνο αφού δώσει γραπτή άδεια (συνήθως με το έντυπο του δικτύου «ΚΟΙΝΩΝΩ»). "
    "— Nothing is published without the organization's permission to be promoted."
)
INTRO = (
    "Συμπληρώστε ό,τι γνωρίζετε· τα πεδία με αστερίσκο είναι υποχρεωτικά. Ένας εθελοντής θα "
    "περάσει τα στοιχεία στον ιστότοπο και θα σας απαντήσει εδώ. Λογότυπο και φωτογραφίες: "
    "σύρετέ τα στο αντίστοιχο πλαίσιο. — Fill in what you know; a volunteer will add it to "
    "the site and answer here."
)
# Fields of the profile the forms ask for, in this order (the rest is for the volunteer).
ASKED = (
    "name",
    "kind",
    "legal_form",
    "municipality",
    "sectors",
    "summary",
    "founded",
    "address",
    "postal_code",
    "contact",
    "social",
    "offers",
    "needs",
    "logo",
    "photos",
)
NEW_ORGANIZATION = ".github/ISSUE_TEMPLATE/new-organization.yml"
CORRECTION = ".github/ISSUE_TEMPLATE/correction.yml"
GITLAB_NEW = ".gitlab/issue_templates/new-organization.md"
GITLAB_CORRECTION = ".gitlab/issue_templates/correction.md"
GENERATED_NOTE = "Generated from plugins/organizations/schema.py by `make schema`; do not edit."


def _hint(spec: Field) -> str:
    return f"{spec.el} — {spec.en}"


def _options(list_name: str) -> list[str]:
    return [f"{label(list_name, code, 'el')} ({code})" for code in codes(list_name)]


def _element(spec: Field, path: str, required: bool) -> list[dict[str, Any]]:
    """The form elements of one field (a group gives one per field inside it)."""
    ident = path.replace(".", "-").replace("_", "-")
    attributes: dict[str, Any] = {"label": spec.short_label, "description": _hint(spec)}
    validations = {"required": required}
    kind = spec.kind
    if kind is Kind.GROUP:
        if spec.name == "social":
            return [
                {
                    "type": "textarea",
                    "id": ident,
                    "attributes": {**attributes, "placeholder": "https://facebook.com/..."},
                    "validations": {"required": False},
                }
            ]
        elements = []
        for child in spec.fields:
            elements += _element(child, f"{path}.{child.name}", required and child.required)
        return elements
    if kind is Kind.CODE:
        kind_name, attributes["options"] = "dropdown", _options(spec.codes)
    elif kind is Kind.LIST and spec.item is not None and spec.item.kind is Kind.CODE:
        kind_name, attributes["options"] = "dropdown", _options(spec.item.codes)
        attributes["multiple"] = True
    elif kind is Kind.FILE or (
        kind is Kind.LIST and spec.item is not None and spec.item.kind is Kind.GROUP
    ):
        kind_name = "textarea"
        attributes["description"] += " · Σύρετε εδώ τις εικόνες, με μια περιγραφή της καθεμιάς."
    elif kind is Kind.TEXT and (spec.max_length or 0) > 200:
        kind_name = "textarea"
    else:
        kind_name = "input"
    return [{"type": kind_name, "id": ident, "attributes": attributes, "validations": validations}]


def new_organization_form() -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "markdown", "attributes": {"value": f"{CONSENT_NOTE}\n\n{INTRO}"}},
    ]
    for name in ASKED:
        spec = PROFILE.root.child(name)
        body += _element(spec, name, spec.required)
    body += [
        {
            "type": "textarea",
            "id": "about",
            "attributes": {
                "label": "Περιγραφή του φορέα",
                "description": "Τι κάνει ο φορέας, για ποιους, πώς να τον βρει κανείς (ελληνικά, "
                "και αγγλικά αν θέλετε) — What the organization does, for whom, how to find it",
            },
            "validations": {"required": False},
        },
        {
            "type": "input",
            "id": "consent-date",
            "attributes": {
                "label": "Ημερομηνία της άδειας προβολής",
                "description": "Η ημέρα που ο φορέας υπέγραψε την άδεια, ΕΕΕΕ-ΜΜ-ΗΗ (αν έχει "
                "υπογραφεί) — The day the organization signed its permission",
            },
            "validations": {"required": False},
        },
        {
            "type": "checkboxes",
            "id": "consent",
            "attributes": {
                "label": "Άδεια προβολής",
                "options": [
                    {
                        "label": "Κατάλαβα ότι τίποτα δεν δημοσιεύεται πριν ο φορέας δώσει "
                        "γραπτή άδεια προβολής — I understand that nothing is published before "
                        "the organization gives its written permission",
                        "required": True,
                    }
                ],
            },
        },
    ]
    return {
        "name": "Νέος φορέας / New organization",
        "description": "Προτείνετε έναν φορέα για τον κατάλογο του Παρατηρητηρίου.",
        "title": "Νέος φορέας: ",
        "labels": ["νέος φορέας"],
        "body": body,
    }


def correction_form() -> dict[str, Any]:
    return {
        "name": "Διόρθωση στοιχείων / Correction",
        "description": "Ζητήστε μια διόρθωση στο προφίλ ενός φορέα ή στην απόσυρσή του.",
        "title": "Διόρθωση: ",
        "labels": ["διόρθωση"],
        "body": [
            {
                "type": "markdown",
                "attributes": {
                    "value": "Κάθε σελίδα φορέα έχει σύνδεσμο «Προτείνετε διόρθωση» που "
                    "συμπληρώνει τον φορέα. Για ανάκληση της άδειας προβολής, γράψτε το εδώ: το "
                    "προφίλ αποσύρεται. — Each organization's page links here with the "
                    "organization filled in."
                },
            },
            {
                "type": "input",
                "id": "organization",
                "attributes": {
                    "label": "Φορέας",
                    "description": "Η επωνυμία ή η διεύθυνση της σελίδας του — Its name or "
                    "the address of its page",
                },
                "validations": {"required": True},
            },
            {
                "type": "textarea",
                "id": "what",
                "attributes": {
                    "label": "Τι πρέπει να διορθωθεί",
                    "description": "Ποιο στοιχείο, και ποια είναι η σωστή τιμή — Which detail, "
                    "and its right value",
                },
                "validations": {"required": True},
            },
        ],
    }


def _yaml(form: dict[str, Any]) -> str:
    header = f"# {GENERATED_NOTE}\n"
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def github_new_organization() -> str:
    return _yaml(new_organization_form())


def github_correction() -> str:
    return _yaml(correction_form())


def _markdown(form: dict[str, Any]) -> str:
    lines = [f"<!-- {GENERATED_NOTE} -->", ""]
    for element in form["body"]:
        attributes = element["attributes"]
        if element["type"] == "markdown":
            lines += [attributes["value"], ""]
            continue
        star = " *" if element.get("validations", {}).get("required") else ""
        lines.append(f"### {attributes['label']}{star}")
        if attributes.get("description"):
            lines.append(f"_{attributes['description']}_")
        lines.append("")
        for option in attributes.get("options", ()):
            text = option["label"] if isinstance(option, dict) else option
            lines.append(f"- [ ] {text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def gitlab_new_organization() -> str:
    return _markdown(new_organization_form())


def gitlab_correction() -> str:
    return _markdown(correction_form())
