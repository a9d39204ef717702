"""Every file made from the content descriptions, by ``make schema``; a test keeps the
committed copies equal to what this makes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kalo.schema.field_docs import codes_markdown, fields_markdown
from kalo.schema.json_schema import json_schema_text
from kalo_cli import issue_forms
from kalo_cli.editor_config import editor_config_text
from organizations.schema import PROFILE
from site_pages.schema import PAGE
from workshops.schema import WORKSHOP


@dataclass(frozen=True)
class Generated:
    path: str  # relative to the project's root
    make: Callable[[], str]


def _organization_fields() -> str:
    return fields_markdown(
        PROFILE,
        "Πεδία του profile.yaml / Fields of profile.yaml",
        (
            "Κάθε φορέας έχει τον φάκελό του `organizations/<slug>/` με ένα `profile.yaml`. "
            "Πώς προσθέτετε ή αλλάζετε έναν φορέα: "
            "[adding-an-organization.md](adding-an-organization.md).",
            "Each organization has its folder `organizations/<slug>/` with a `profile.yaml`. "
            "How to add or change one: [adding-an-organization.md](adding-an-organization.md).",
        ),
    )


def _workshop_fields() -> str:
    return fields_markdown(
        WORKSHOP,
        "Πεδία μιας περίληψης εργαστηρίου / Fields of a workshop summary",
        (
            "Κάθε συνάντηση του προγράμματος είναι ένα αρχείο `content/workshops/<slug>.md`: "
            "τα πεδία ανάμεσα σε δύο γραμμές `---`, μετά τα συμπεράσματα σε Markdown. Πώς: "
            "[adding-a-workshop.md](adding-a-workshop.md).",
            "Each session of the programme is a file `content/workshops/<slug>.md`: the fields "
            "between two `---` lines, then the conclusions in Markdown. How: "
            "[adding-a-workshop.md](adding-a-workshop.md).",
        ),
    )


def _page_fields() -> str:
    return fields_markdown(
        PAGE,
        "Πεδία μιας σελίδας / Fields of a page",
        (
            "Κάθε σελίδα του ιστότοπου είναι ένα αρχείο `content/pages/<slug>.md`: τα πεδία "
            "ανάμεσα σε δύο γραμμές `---`, μετά το κείμενο σε Markdown. Πώς: "
            "[pages.md](pages.md).",
            "Each page of the site is a file `content/pages/<slug>.md`: the fields between two "
            "`---` lines, then the text in Markdown. How: [pages.md](pages.md).",
        ),
    )


def _codes() -> str:
    return codes_markdown(
        [
            (PROFILE, "profile.yaml"),
            (WORKSHOP, "workshops / εργαστήρια"),
            (PAGE, "pages / σελίδες"),
        ]
    )


GENERATED: tuple[Generated, ...] = (
    Generated("schema/profile.schema.json", lambda: json_schema_text(PROFILE)),
    Generated("schema/workshop.schema.json", lambda: json_schema_text(WORKSHOP)),
    Generated("schema/page.schema.json", lambda: json_schema_text(PAGE)),
    Generated("docs/organization-fields.md", _organization_fields),
    Generated("docs/workshop-fields.md", _workshop_fields),
    Generated("docs/page-fields.md", _page_fields),
    Generated("docs/codes.md", _codes),
    Generated("theme/admin/config.yml", editor_config_text),
    Generated(issue_forms.NEW_ORGANIZATION, issue_forms.github_new_organization),
    Generated(issue_forms.CORRECTION, issue_forms.github_correction),
    Generated(issue_forms.GITLAB_NEW, issue_forms.gitlab_new_organization),
    Generated(issue_forms.GITLAB_CORRECTION, issue_forms.gitlab_correction),
)
