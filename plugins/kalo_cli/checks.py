"""The content checks that ``python -m kalo_cli check`` (``make check``) runs, in order.

A checker takes the folders to check and returns its problems and a one-line summary;
to add one, write a function like ``check_organizations`` and add it to ``CHECKERS``.
Each checks exactly what the build refuses, and also opens every image (the build's
image step would refuse a damaged one).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kalo.cache import cache_dir
from kalo.i18n import translate
from kalo.problems import Problem
from kalo_cli.words import LANGS, counted


@dataclass(frozen=True)
class CheckRoots:
    orgdir: Path  # organizations/<slug>/ folders
    inputdir: Path  # Pelican's content folder
    display_root: Path  # problems name files relative to this
    today: datetime.date
    settings: dict = field(default_factory=dict)  # the site's settings file, when given


@dataclass(frozen=True)
class CheckOutcome:
    problems: list[Problem]
    summary: dict[str, str]  # by language: "12 organizations checked: 11 published, ..."
    left_out: list[Problem] = field(default_factory=list)  # one note per unpublished item


Checker = Callable[[CheckRoots], CheckOutcome]


def check_organizations(roots: CheckRoots) -> CheckOutcome:
    from images.probe import remembered
    from organizations.load import load_organizations

    with remembered(_probe_cache(roots, "organizations")):
        result = load_organizations(
            roots.orgdir, today=roots.today, display_root=roots.display_root, probe_files=True
        )
    failed = result.folders - len(result.organizations)
    summary = {}
    for lang in LANGS:
        line = translate(
            lang,
            "%(checked)s: %(published)s, %(left_out)s (no permission: %(not_granted)s; "
            "withdrawn: %(withdrawn)s)",
        ) % {
            "checked": counted(
                lang,
                "%(num)s organization checked",
                "%(num)s organizations checked",
                result.folders,
            ),
            "published": counted(
                lang, "%(num)s published", "%(num)s published", len(result.published)
            ),
            "left_out": counted(
                lang,
                "%(num)s left out",
                "%(num)s left out",
                len(result.not_granted) + len(result.withdrawn),
            ),
            "not_granted": len(result.not_granted),
            "withdrawn": len(result.withdrawn),
        }
        if failed:
            line += ", " + counted(lang, "%(num)s with errors", "%(num)s with errors", failed)
        summary[lang] = line
    return CheckOutcome(result.problems, summary, result.left_out)


def check_workshops(roots: CheckRoots) -> CheckOutcome:
    from images.probe import remembered
    from kalo.schema.references import KnownOrganizations
    from organizations.load import load_organizations
    from workshops.load import load_workshops
    from workshops.settings import DEFAULTS

    orgs = load_organizations(roots.orgdir, today=roots.today, display_root=roots.display_root)
    known = KnownOrganizations.from_folder(roots.orgdir, {o.slug for o in orgs.organizations})
    with remembered(_probe_cache(roots, "workshops")):
        result = load_workshops(
            roots.inputdir / DEFAULTS["WORKSHOP_DIR"],
            today=roots.today,
            orgs=known,
            display_root=roots.display_root,
            probe_files=True,
        )
    held = sum(1 for w in result.workshops if w.held)
    planned = len(result.workshops) - held
    summary = {
        lang: translate(lang, "%(files)s: %(sessions)s (%(held)s, %(planned)s)")
        % {
            "files": counted(
                lang,
                "%(num)s workshop file checked",
                "%(num)s workshop files checked",
                result.files,
            ),
            "sessions": counted(lang, "%(num)s session", "%(num)s sessions", len(result.workshops)),
            "held": counted(lang, "%(num)s held", "%(num)s held", held),
            "planned": counted(lang, "%(num)s planned", "%(num)s planned", planned),
        }
        for lang in LANGS
    }
    return CheckOutcome(result.problems, summary)


def check_pages(roots: CheckRoots) -> CheckOutcome:
    from site_pages.footer import missing_footer_pages, shown_folder
    from site_pages.load import load_pages
    from site_pages.settings import site_pages_settings

    folder = roots.inputdir / "pages"
    result = load_pages(folder, today=roots.today, display_root=roots.display_root)
    problems = list(result.problems)
    if folder.is_dir():  # a site of organizations and workshops only has no footer pages
        footer = site_pages_settings(roots.settings)["SITE_PAGES_FOOTER"]
        problems += missing_footer_pages(
            footer, result.slugs, shown_folder(folder, roots.display_root)
        )
    summary = {
        lang: counted(
            lang, "%(num)s page file checked", "%(num)s page files checked", len(result.pages)
        )
        for lang in LANGS
    }
    return CheckOutcome(problems, summary)


def _probe_cache(roots: CheckRoots, checker: str) -> Path:
    """Where a checker's answers of the image checks are kept between runs: the cache folder
    of the content's project (outside the content; a file that changed is opened again)."""
    folder = cache_dir({"PATH": str(roots.inputdir.resolve())}, "check")
    return folder / f"image-probes-{checker}.pickle"


CHECKERS: tuple[Checker, ...] = (check_organizations, check_workshops, check_pages)
