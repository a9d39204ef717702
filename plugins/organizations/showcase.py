"""The organizations the home page shows: a strip that moves on every day.

Pure and deterministic: the same organizations on the same day give the same strip, in
every build; from one day to the next the window moves by its own length, so that over
the days every organization gets its turn on the home page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from organizations.model import Organization


def featured(organizations: Sequence[Organization], day: date, count: int) -> list[Organization]:
    """``count`` organizations (all of them when there are fewer), starting at a place
    that depends only on ``day``, in the order of their slugs."""
    ordered = sorted(organizations, key=lambda org: org.slug)
    if not ordered or count <= 0:
        return []
    start = (day.toordinal() * count) % len(ordered)
    return [ordered[(start + i) % len(ordered)] for i in range(min(count, len(ordered)))]
