"""Every file made from the content descriptions (``make schema``) is committed as made."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from kalo.schema.json_schema import json_schema
from kalo_cli.generated import GENERATED
from organizations.schema import PROFILE
from site_pages.schema import PAGE
from workshops.schema import WORKSHOP

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("generated", GENERATED, ids=lambda g: g.path)
def test_committed_file_is_what_the_descriptions_make(generated):
    committed = (ROOT / generated.path).read_text(encoding="utf-8")
    assert committed == generated.make(), f"{generated.path}: run `make schema` and commit it"


@pytest.mark.parametrize("schema", [PROFILE, WORKSHOP, PAGE], ids=lambda s: s.name)
def test_json_schemas_are_valid_draft_2020_12(schema):
    jsonschema.Draft202012Validator.check_schema(json_schema(schema))
