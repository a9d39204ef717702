"""Helpers of the workshop tests: a content folder written from strings, the fixture site."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.conftest import build_site

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture"
# The fixture's planned session (2025-09-10) is in the future on this day.
TODAY = datetime.date(2025, 6, 1)


def build_fixture(output: Path) -> Path:
    return build_site(FIXTURE / "content", FIXTURE / "organizations", output, WORKSHOP_TODAY=TODAY)


@pytest.fixture(scope="session")
def workshop_site(tmp_path_factory) -> Path:
    """The tiny fixture site under tests/workshops/fixture, built once per session."""
    return build_fixture(tmp_path_factory.mktemp("workshops") / "output")
