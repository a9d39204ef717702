"""The web editor's configuration (Decap CMS, ``theme/admin/config.yml``), made from the
content descriptions: never written by hand (``make schema``; a test keeps it current).

Collections: organizations (``profile.yaml``), their descriptions (``about.el.md`` and
``about.en.md`` side by side), workshop summaries and static pages, each in Greek and in
English. The backend (local, GitHub or GitLab) is added by the build (``plugins/web_editor``)
from the site's settings. ``theme/admin/admin.js`` gives the custom parts: the file formats
that write exactly the contract's files, the ELOT 743 folder names, the previews.
"""

from __future__ import annotations

from typing import Any

import yaml

from kalo.schema.editor import editor_field, editor_fields
from kalo.schema.fields import Field
from organizations.schema import PROFILE
from site_pages.schema import PAGE
from workshops.schema import MUST_MATCH, WORKSHOP

HEADER = (
    "# The web editor's form (Decap CMS), generated from the content descriptions by\n"
    "# `make schema` (plugins/kalo_cli/editor_config.py); do not edit by hand.\n"
    "# The build adds the backend (plugins/web_editor): see docs/web-editor.md.\n"
)
CONSENT_EXPLAINED = (
    "Χωρίς άδεια προβολής ο φορέας δεν εμφανίζεται πουθενά στον ιστότοπο: σημειώστε «Δόθηκε "
    "άδεια προβολής» "
    "μόνο αφού ο φορέας υπογράψει την άδεια, με την ημερομηνία της. — Without the permission "
    "to be promoted the organization appears nowhere: tick it only once the organization has "
    "signed, with the date."
)


def _body(label: str, hint: str, *, required: bool = False, i18n: Any = None) -> dict[str, Any]:
    field = {
        "name": "body",
        "label": label,
        "hint": hint,
        "widget": "markdown",
        "required": required,
    }
    if i18n is not None:
        field["i18n"] = i18n
    return field


def _organizations() -> dict[str, Any]:
    fields = list(PROFILE.root.fields)
    consent = next(f for f in fields if f.name == "promotion_consent")
    fields.remove(consent)
    consent_field = editor_field(consent)
    consent_field["hint"] = CONSENT_EXPLAINED
    return {
        "name": "organizations",
        "label": "Φορείς",
        "label_singular": "Φορέας",
        "description": "Το προφίλ κάθε φορέα (profile.yaml). Η περιγραφή του είναι στη συλλογή "
        "«Περιγραφές φορέων».",
        "folder": "organizations",
        "path": "{{slug}}/profile",
        "extension": "yaml",
        "format": "kalo-yaml",
        "create": True,
        "delete": False,
        # The folder's name: ELOT 743 of name.el, made by admin.js as `make new-org` makes it.
        "slug": "{{fields._slug}}",
        "identifier_field": "name.el",
        "summary": "{{name.el}}",
        "sortable_fields": ["name.el", "municipality"],
        "media_folder": "",
        "public_folder": "",
        "fields": [consent_field, *editor_fields(tuple(fields))],
    }


def _organization_about() -> dict[str, Any]:
    return {
        "name": "organization_about",
        "label": "Περιγραφές φορέων",
        "label_singular": "Περιγραφή φορέα",
        "description": "Η μεγάλη περιγραφή κάθε φορέα, στα ελληνικά (about.el.md) και στα "
        "αγγλικά (about.en.md), σε Markdown.",
        "folder": "organizations",
        "path": "{{slug}}/about",
        "extension": "md",
        "format": "kalo-markdown",
        "i18n": True,
        "create": True,
        "delete": False,
        "slug": "{{fields._organization}}",
        "identifier_field": "_organization",
        "summary": "{{dirname}}",
        "media_folder": "",
        "public_folder": "",
        "fields": [
            {
                **editor_field(PROFILE.root.child("partners").item, required_context=False),
                "name": "_organization",
                "label": "Φορέας",
                "hint": "Μόνο για νέα περιγραφή: ο φορέας στον οποίο ανήκει — Only for a new "
                "description: the organization it belongs to",
                "i18n": "none",  # in the Greek pane only: it names the folder
            },
            _body(
                "Περιγραφή",
                "Τι κάνει ο φορέας, για ποιους, πώς να τον βρει κανείς — What the organization "
                "does, for whom, how to find it",
                required=True,
                i18n=True,
            ),
        ],
    }


def _workshop_fields(*, translation: bool) -> list[dict[str, Any]]:
    """The Greek original has every field; a translation has its texts and the facts it
    must repeat (series, number, status, date)."""
    chosen: list[Field] = []
    for spec in WORKSHOP.root.fields:
        if translation and spec.shared and spec.name not in MUST_MATCH:
            continue
        chosen.append(spec)
    fields = editor_fields(tuple(chosen))
    return [
        *fields,
        _body("Συμπεράσματα", "Τα συμπεράσματα της συνάντησης, σε Markdown — The conclusions"),
    ]


def _workshops(*, translation: bool) -> dict[str, Any]:
    english = " (αγγλικά)" if translation else ""
    return {
        "name": "workshops_en" if translation else "workshops",
        "label": f"Εργαστήρια{english}",
        "label_singular": f"Εργαστήριο{english}",
        "description": (
            "Οι αγγλικές μεταφράσεις των περιλήψεων (<όνομα>.en.md): ίδια σειρά, αριθμός, "
            "κατάσταση και ημερομηνία με το ελληνικό πρωτότυπο."
            if translation
            else "Οι περιλήψεις των συναντήσεων του προγράμματος (<σειρά>-<αριθμός>.md)."
        ),
        "folder": "content/workshops",
        "extension": "en.md" if translation else "md",
        "format": "kalo-frontmatter",
        "create": True,
        "delete": False,
        # <series>-<number>.md, made by admin.js from the two fields.
        "slug": "{{fields._slug}}",
        "summary": "{{series}} {{number}}: {{title}}",
        "sortable_fields": ["series", "number", "title"],
        "media_folder": "images",
        "public_folder": "images",
        "fields": _workshop_fields(translation=translation),
    }


def _pages(*, translation: bool) -> dict[str, Any]:
    english = " (αγγλικά)" if translation else ""
    fields = editor_fields(PAGE.root.fields)
    if translation:
        fields.insert(
            0,
            {
                "name": "_original",
                "label": "Ελληνική σελίδα",
                "hint": "Μόνο για νέα μετάφραση: η σελίδα που μεταφράζει — Only for a new "
                "translation: the Greek page it translates",
                "required": False,
                "widget": "relation",
                "collection": "pages",
                "value_field": "{{slug}}",
                "search_fields": ["title"],
                "display_fields": ["title"],
            },
        )
    return {
        "name": "pages_en" if translation else "pages",
        "label": f"Σελίδες{english}",
        "label_singular": f"Σελίδα{english}",
        "description": (
            "Οι αγγλικές μεταφράσεις των σελίδων (<όνομα>.en.md)."
            if translation
            else "Οι σταθερές σελίδες του ιστότοπου (<όνομα>.md): το όνομα γίνεται η διεύθυνση."
        ),
        "folder": "content/pages",
        "extension": "en.md" if translation else "md",
        "format": "kalo-frontmatter",
        "create": True,
        "delete": False,
        "slug": "{{fields._slug}}",
        "summary": "{{title}}",
        "media_folder": "",
        "public_folder": "",
        "fields": [*fields, _body("Κείμενο", "Το κείμενο της σελίδας, σε Markdown — The text")],
    }


def editor_config() -> dict[str, Any]:
    return {
        "locale": "gr",
        "i18n": {"structure": "multiple_files", "locales": ["el", "en"], "default_locale": "el"},
        # Uploads belong to an entry (each collection says where); this is only Decap's default.
        "media_folder": "content/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [
            _organizations(),
            _organization_about(),
            _workshops(translation=False),
            _workshops(translation=True),
            _pages(translation=False),
            _pages(translation=True),
        ],
    }


def editor_config_text() -> str:
    return HEADER + yaml.safe_dump(
        editor_config(), allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
