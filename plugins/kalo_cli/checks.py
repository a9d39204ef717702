"""The content checks that ``python -m kalo_cli check`` (``make check``) runs, in order.

A checker takes the folders to check and returns its problems and a one-line summary;
to add one, write a function like ``check_organizations`` and add it to ``CHECKERS``.
Each checks exactly what the build refuses, and also opens every image (the build's
image step would refuse a damaged one).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kalo.problems import Problem


@dataclass(frozen=True)
class CheckRoots:
    orgdir: Path  # organizations/<slug>/ folders
    inputdir: Path  # Pelican's content folder
    display_root: Path  # problems name files relative to this
    today: datetime.date


@dataclass(frozen=True)
class CheckOutcome:
    problems: list[Problem]
    summary_en: str  # e.g. "12 organizations checked: 11 published, 1 left out (...)"
    summary_el: str


Checker = Callable[[CheckRoots], CheckOutcome]


def check_organizations(roots: CheckRoots) -> CheckOutcome:
    from organizations.load import load_organizations

    result = load_organizations(
        roots.orgdir, today=roots.today, display_root=roots.display_root, probe_files=True
    )
    checked = result.folders
    published = len(result.published)
    not_granted, withdrawn = len(result.not_granted), len(result.withdrawn)
    left_out = not_granted + withdrawn
    failed = checked - len(result.organizations)
    summary_en = (
        f"{checked} {'organization' if checked == 1 else 'organizations'} checked: "
        f"{published} published, {left_out} left out "
        f"(no permission: {not_granted}; withdrawn: {withdrawn})"
    )
    summary_el = (
        f"{'Ελέγχθηκε' if checked == 1 else 'Ελέγχθηκαν'} {checked} "
        f"{'φορέας' if checked == 1 else 'φορείς'}: "
        f"{published} δημοσιεύονται, {left_out} παραλείπονται "
        f"(χωρίς άδεια: {not_granted}· με ανάκληση: {withdrawn})"
    )
    if failed:
        summary_en += f", {failed} with errors"
        summary_el += f", {failed} με σφάλματα"
    return CheckOutcome(result.problems, summary_en, summary_el)


def check_workshops(roots: CheckRoots) -> CheckOutcome:
    from kalo.schema.references import KnownOrganizations
    from organizations.load import load_organizations
    from workshops.load import load_workshops
    from workshops.settings import DEFAULTS

    orgs = load_organizations(roots.orgdir, today=roots.today, display_root=roots.display_root)
    known = KnownOrganizations.from_folder(roots.orgdir, {o.slug for o in orgs.organizations})
    result = load_workshops(
        roots.inputdir / DEFAULTS["WORKSHOP_DIR"],
        today=roots.today,
        orgs=known,
        display_root=roots.display_root,
        probe_files=True,
    )
    held = sum(1 for w in result.workshops if w.held)
    planned = len(result.workshops) - held
    summary_en = (
        f"{result.files} workshop {'file' if result.files == 1 else 'files'} checked: "
        f"{len(result.workshops)} sessions ({held} held, {planned} planned)"
    )
    summary_el = (
        f"{'Ελέγχθηκε' if result.files == 1 else 'Ελέγχθηκαν'} {result.files} "
        f"{'αρχείο' if result.files == 1 else 'αρχεία'} εργαστηρίων: "
        f"{len(result.workshops)} συναντήσεις ({held} έγιναν, {planned} προγραμματισμένες)"
    )
    return CheckOutcome(result.problems, summary_en, summary_el)


def check_pages(roots: CheckRoots) -> CheckOutcome:
    from site_pages.load import load_pages

    result = load_pages(
        roots.inputdir / "pages", today=roots.today, display_root=roots.display_root
    )
    count = len(result.pages)
    summary_en = f"{count} page {'file' if count == 1 else 'files'} checked"
    summary_el = f"{'Ελέγχθηκε' if count == 1 else 'Ελέγχθηκαν'} {count} " + (
        "αρχείο σελίδας" if count == 1 else "αρχεία σελίδων"
    )
    return CheckOutcome(result.problems, summary_en, summary_el)


CHECKERS: tuple[Checker, ...] = (check_organizations, check_workshops, check_pages)
