"""The workshops' fixture site, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workshops.site_helpers import build_fixture


@pytest.fixture(scope="session")
def workshop_site(tmp_path_factory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("workshops") / "output")
