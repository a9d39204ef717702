"""What a profile's description says of the sessions its organization took part in
(organizations.generator: a page is written again when its description changes)."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from organizations.generator import OrganizationsGenerator


@dataclass(frozen=True)
class Session:
    slug: str
    title: str


def _described(generator, slug: str):
    return OrganizationsGenerator._workshops_of(generator, slug)


def test_a_session_is_described_by_a_digest_that_follows_its_model():
    generator = SimpleNamespace(
        context={"workshops_by_org": {"alfa": (Session("s1", "Χρηματοδότηση"),)}}
    )
    first = _described(generator, "alfa")
    assert len(first) == 1 and len(first[0]) == 64
    assert _described(generator, "alfa") == first
    assert _described(generator, "beta") is None
    # A new programme (the live preview reads the summaries again): its sessions are
    # described afresh, never by what an earlier object at the same address was (the old
    # programme is let go first, so that its memory can be used again).
    for title in ("Μάρκετινγκ", "Χρηματοδότηση", "Μάρκετινγκ"):
        generator.context = {}
        generator.context = {"workshops_by_org": {"alfa": (Session("s1", title),)}}
        assert (_described(generator, "alfa") == first) == (title == "Χρηματοδότηση"), title


def test_the_seo_reports_source_of_a_profile_is_its_file_under_the_organizations_folder():
    """Made from the path's parts (quicker than relative_to); a profile.yaml that resolves
    outside its folder (a link) is shown as relative_to shows it."""
    from pathlib import Path

    generator = SimpleNamespace()
    folder = Path("/site/organizations/alfa")
    org = SimpleNamespace(slug="alfa", folder=folder, source=folder / "profile.yaml")
    shown = OrganizationsGenerator._source_of(generator, org)
    assert shown == "organizations/alfa/profile.yaml"
    assert shown == str(org.source.relative_to(folder.parent.parent))
    linked = SimpleNamespace(
        slug="beta",
        folder=Path("/site/organizations/beta"),
        source=Path("/elsewhere/beta/profile.yaml"),
    )
    with pytest.raises(ValueError):  # as relative_to: never a wrong path in silence
        OrganizationsGenerator._source_of(generator, linked)
