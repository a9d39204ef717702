"""The JSON Schema, the field reference and the scaffold all come from schema.PROFILE
(that the committed generated files are current: tests/foundation/test_generated_files.py)."""

from __future__ import annotations

import datetime
import re

import jsonschema
import pytest
from org_builders import BYSTANDER, TODAY, valid_profile

from kalo.schema.fields import Kind, walk
from kalo.schema.json_schema import json_schema
from kalo_cli.generated import GENERATED
from organizations.scaffold import scaffold_profile
from organizations.schema import PROFILE, RULES


def profile_json_schema():
    return json_schema(PROFILE)


def organization_fields_markdown():
    return next(g for g in GENERATED if g.path == "docs/organization-fields.md").make()


def test_json_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(profile_json_schema())


def _as_json(value):
    """YAML data as an editor's JSON view of it (dates are strings)."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize(
    "changes, valid",
    [
        ({}, True),
        ({"postal_code": 12241, "logo": {"file": "Logo.PNG", "alt": {"el": "Λογότυπο"}}}, True),
        ({"kind": "κοινσεπ"}, False),
        ({"contcat": {}}, False),
        ({"promotion_consent": {"granted": True}}, False),
        ({"social": {"facebook": "http://facebook.com/x"}}, False),
        ({"photos": [{"file": "a.svg", "alt": {"el": "x"}}]}, False),
        ({"location": {"lat": 38}}, False),
    ],
)
def test_json_schema_agrees_with_the_validator(changes, valid):
    validator = jsonschema.Draft202012Validator(profile_json_schema())
    assert validator.is_valid(_as_json(valid_profile(**changes))) is valid


def test_every_field_is_documented_and_explained():
    docs = organization_fields_markdown()
    for path, spec in walk(PROFILE.root):
        assert f"| `{path}` |" in docs
        assert spec.el and spec.en
    for rule in RULES:
        assert rule.id in docs


# --- the scaffold ---------------------------------------------------------------------

NAME = "Κοινωνική Συνεταιριστική Επιχείρηση Αιγάλεω"


def test_scaffold_starts_with_the_schema_line_and_the_name():
    text = scaffold_profile(NAME)
    assert (
        text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/profile.schema.json"
    )
    assert f'  el: "{NAME}"' in text
    assert re.search(r"^  granted: false$", text, re.M)


def test_scaffold_mentions_every_field():
    text = scaffold_profile(NAME)
    for path, spec in walk(PROFILE.root):
        assert re.search(rf"^[# ]*(- )?{re.escape(spec.name)}:", text, re.M), path


def fill_required(text: str) -> str:
    """What a volunteer does: write the required values after their field names."""
    for field_line, value in [
        ("kind:", "kind: sse"),
        ("legal_form:", "legal_form: koinsep-entaxis"),
        ("municipality:", "municipality: aigaleo"),
        ("sectors: []", "sectors: [food, care]"),
        ("  el:", "  el: Κοινωνική κουζίνα και φροντίδα στο Αιγάλεω."),
    ]:
        text, count = re.subn(rf"^{re.escape(field_line)}$", value, text, count=1, flags=re.M)
        assert count == 1, field_line
    return text


def uncomment_optional_fields(text: str) -> str:
    """What a volunteer does for every optional field: remove one "# " from its lines."""
    blocks = text.split("\n\n")
    out = [blocks[0]]
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith("# #"):  # a whole commented-out field
            lines = [line[2:] if line.startswith("# ") else line for line in lines]
        else:  # commented-out fields inside a written group
            lines = [line[2:] if line.startswith("#  ") else line for line in lines]
        out.append("\n".join(lines))
    return "\n\n".join(out)


def test_scaffold_as_created_lists_only_the_required_fields(orgs):
    orgs.write("nea", scaffold_profile(NAME))
    result = orgs.load()
    assert {p.field for p in result.problems} == {
        "kind",
        "legal_form",
        "municipality",
        "sectors",
        "summary.el",
    }


def test_scaffold_with_required_fields_filled_passes(orgs_with_bystander):
    orgs_with_bystander.write("nea", fill_required(scaffold_profile(NAME)))
    result = orgs_with_bystander.load()
    assert result.problems == []
    org = next(o for o in result.organizations if o.slug == "nea")
    assert org.name.el == NAME and not org.published


def test_scaffold_with_every_example_uncommented_passes_and_the_made_up_ones_are_named(orgs):
    text = uncomment_optional_fields(fill_required(scaffold_profile(NAME)))
    text = text.replace("onoma-allou-forea", BYSTANDER)
    orgs.write(BYSTANDER)
    orgs.write("nea", text, files={"logo.png": b"png", "photo1.jpg": b"jpg"})
    result = orgs.load(today=TODAY)
    assert result.errors == []
    # Example addresses, links and names would be published as real data: each is named.
    left = {p.field for p in result.warnings}
    assert {"name.en", "address.el", "address.en", "contact.email", "social.facebook"} <= left
    assert all("the template's example" in p.message_en for p in result.warnings)
    assert {spec.name for _, spec in walk(PROFILE.root) if spec.placeholder} >= {"email", "x"}
    org = next(o for o in result.organizations if o.slug == "nea")
    assert org.location is not None and org.logo is not None and org.photos
    assert org.consent.withdrawn is not None  # the example withdrawal, so it is not published
    assert all(spec.kind is not Kind.GROUP or spec.fields for _, spec in walk(PROFILE.root))
