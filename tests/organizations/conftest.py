"""Fixtures for the organization tests; the builders are in org_builders.py."""

from __future__ import annotations

import pytest
from org_builders import BYSTANDER, OrgFolders, valid_profile


@pytest.fixture
def orgs(tmp_path) -> OrgFolders:
    return OrgFolders(tmp_path)


@pytest.fixture
def orgs_with_bystander(orgs) -> OrgFolders:
    orgs.write(BYSTANDER, valid_profile(name={"el": "Άλλος φορέας"}))
    return orgs
