"""The face of an organization without a logo (its monogram) and the home page's strip."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from kalo.media import Localized
from organizations.model import Consent, Organization
from organizations.monogram import initials
from organizations.showcase import featured


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Γεύσεις της Γειτονιάς ΚοινΣΕπ", "ΓΓ"),  # article and legal form skipped
        ("Ίδρυμα Κοινωνικής Καινοτομίας Αττικής", "ΙΚ"),  # capitals without accents
        ("ΚοιΣΠΕ «Νέοι Ορίζοντες» Χαϊδαρίου", "ΝΟ"),  # quotes are not letters
        ("Αρτοποιείο Η Καλή Ζύμη", "ΑΚ"),
        ("Ισοζύγιο ΚοινΣΕπ", "Ι"),
        ("ΑΜΚΕ", "Α"),  # only an abbreviation: it is used
        ("Friends of the Park", "FP"),
        ("123 456", "?"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


def _org(slug: str) -> Organization:
    return Organization(
        slug=slug,
        folder=Path(slug),
        source=Path(slug) / "profile.yaml",
        name=Localized(el=slug),
        kind="sse",
        legal_form="allo",
        municipality="ilion",
        sectors=("food",),
        summary=Localized(el="x" * 20),
        consent=Consent(True, date(2025, 1, 1)),
    )


ORGS = [_org(f"org-{n:02d}") for n in range(15)]


def test_the_same_day_gives_the_same_strip():
    day = date(2026, 5, 1)
    assert featured(ORGS, day, 6) == featured(list(reversed(ORGS)), day, 6)


def test_the_strip_moves_every_day_and_gives_everyone_a_turn():
    start = date(2026, 5, 1)
    strips = [featured(ORGS, start + timedelta(days=n), 6) for n in range(3)]
    assert strips[0] != strips[1] != strips[2]
    assert all(len({org.slug for org in strip}) == 6 for strip in strips)
    shown = {org.slug for strip in strips for org in strip}
    assert shown == {org.slug for org in ORGS}


def test_a_small_directory_is_shown_whole():
    assert sorted(o.slug for o in featured(ORGS[:2], date(2026, 5, 1), 6)) == ["org-00", "org-01"]
    assert featured([], date(2026, 5, 1), 6) == []


def test_sorted_slugs_are_the_slugs_of_the_sorted_organizations():
    """The profiles' partners are ordered by slug (their cards' digests describe the
    page): the same order as the organizations' own, accents ignored, ties as given."""
    from organizations.directory import build_directory

    names = ["Ωμέγα", "άλφα", "Άλφα", "Beta", "βήτα", "alpha", "Ωμέγα"]
    orgs = []
    for number, name in enumerate(names):
        org = _org(f"org-{number:02d}")
        orgs.append(Organization(**{**org.__dict__, "name": Localized(el=name, en=name.upper())}))
    directory = build_directory(orgs)
    slugs = [org.slug for org in reversed(orgs)]
    for lang in ("el", "en"):
        expected = [org.slug for org in directory.sorted(slugs, lang)]
        assert directory.sorted_slugs(slugs, lang) == expected
        some = slugs[::2]
        assert directory.sorted_slugs(some, lang) == [slug for slug in expected if slug in some]
    in_order = directory.sorted_slugs(slugs, "el")
    assert in_order.index("org-06") < in_order.index("org-00")  # the same name: as given
    assert in_order[-2:] == ["org-06", "org-00"]  # Ω last
