"""Building the workshops' fixture site (tests/workshops/fixture), shared by the tests."""

from __future__ import annotations

import datetime
from pathlib import Path

from tests.conftest import build_site

FIXTURE = Path(__file__).parent / "fixture"
# The fixture's planned session (2025-09-10) is in the future on this day.
TODAY = datetime.date(2025, 6, 1)


def build_fixture(output: Path) -> Path:
    """Build it like `make html`, with warnings as errors, as on ``TODAY``."""
    return build_site(FIXTURE / "content", FIXTURE / "organizations", output, WORKSHOP_TODAY=TODAY)
