"""The footer's links to static pages (``SITE_PAGES_FOOTER``): only pages that exist are
linked, and a missing one is said by name (``missing_footer_pages``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kalo.problems import Problem


def footer_pages(pages: Iterable, slugs: Iterable[str], lang: str) -> list:
    """The pages of ``slugs`` that exist, in that order, each in ``lang`` (its translation
    or its fallback)."""
    by_slug = {page.slug: page for page in pages or ()}
    chosen = [by_slug[slug] for slug in slugs if slug in by_slug]
    return [_in_language(page, lang) for page in chosen]


def _in_language(page, lang: str):
    if page.lang == lang:
        return page
    return next((t for t in getattr(page, "translations", ()) if t.lang == lang), page)


def missing_footer_pages(
    slugs: Iterable[str], existing: set[str], folder_shown: str
) -> list[Problem]:
    """A warning for each footer page that has no file."""
    return [
        Problem(
            f"{folder_shown}{slug}.md",
            None,
            None,
            f"the footer links to the page {slug}, but there is no file {slug}.md; the link is "
            "left out of the footer until the page is written (or remove it from "
            "SITE_PAGES_FOOTER in pelicanconf.py)",
            f"το υποσέλιδο δείχνει στη σελίδα {slug}, αλλά δεν υπάρχει αρχείο {slug}.md· ο "
            "σύνδεσμος παραλείπεται από το υποσέλιδο μέχρι να γραφτεί η σελίδα (ή βγάλτε τον από "
            "το SITE_PAGES_FOOTER στο pelicanconf.py)",
            "warning",
        )
        for slug in slugs
        if slug not in existing
    ]


def shown_folder(folder: Path, root: Path) -> str:
    try:
        return folder.resolve().relative_to(root.resolve()).as_posix() + "/"
    except ValueError:
        return folder.as_posix() + "/"
