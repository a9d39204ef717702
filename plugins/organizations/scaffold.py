"""The commented ``profile.yaml`` and ``about.el.md`` of a new organization (``make new-org``),
made from ``schema.PROFILE`` by the schema engine's scaffold."""

from __future__ import annotations

from kalo.schema.scaffold import scaffold_yaml
from organizations.schema import PROFILE

HEADER = """\
# yaml-language-server: $schema=../../schema/profile.schema.json
# Προφίλ φορέα — Organization profile
# Οδηγίες: docs/adding-an-organization.md · Όλα τα πεδία: docs/organization-fields.md
# Guide: docs/adding-an-organization.md · All fields: docs/organization-fields.md
#
# Συμπληρώστε τα πεδία με την ένδειξη ΥΠΟΧΡΕΩΤΙΚΟ. Για ένα προαιρετικό πεδίο, σβήστε το "# "
# στην αρχή των γραμμών του. Μετά τρέξτε: make check
# Fill in the fields marked REQUIRED. For an optional field, remove the "# " at the start of
# its lines. Then run: make check
"""

ABOUT_EL = """\
<!--
Περιγραφή του φορέα στα ελληνικά, σε Markdown: τι κάνει, για ποιους, πώς να τον βρει
κανείς. Γράψτε κάτω από αυτό το σχόλιο. Για αγγλική περιγραφή, φτιάξτε το about.en.md.
Description of the organization in Greek, in Markdown. Write below this comment.
For an English description, create about.en.md.
-->
"""


def scaffold_profile(name_el: str) -> str:
    return scaffold_yaml(PROFILE, HEADER, {"name.el": name_el})


def scaffold_about() -> str:
    return ABOUT_EL
