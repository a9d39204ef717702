"""Read and check every static page of ``content/pages/`` (``<slug>.md`` and
``<slug>.en.md``): file names, the front matter against ``schema.PAGE``, translations with
their original. Pure Python, no Pelican: the build and ``make check`` both call
``load_pages``; Pelican then reads the same files with ``reader.py``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kalo.elot743 import SLUG_PATTERN, slugify
from kalo.frontmatter import read_front_matter_file
from kalo.problems import Problem
from kalo.schema.validate import Where, validate
from kalo.schema.words import quoted
from site_pages.schema import FILE_PATTERN, GUIDE, PAGE, TRANSLATION_LANGS

DEFAULT_LANG = "el"


@dataclass
class PageFile:
    path: Path
    file: str  # as shown in messages
    slug: str
    lang: str
    values: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def error(self, en: str, el: str) -> None:
        self.problems.append(Problem(self.file, None, None, en, el))


@dataclass(frozen=True)
class LoadResult:
    pages: list[PageFile]  # every file, in name order; ``ok`` says which passed
    problems: list[Problem]

    @property
    def slugs(self) -> set[str]:
        """The Greek pages that passed: the pages the site will have."""
        return {page.slug for page in self.pages if page.lang == DEFAULT_LANG and page.ok}


def load_pages(folder: Path, *, today: datetime.date, display_root: Path) -> LoadResult:
    folder = Path(folder)
    if not folder.is_dir():
        return LoadResult([], [])
    root = Path(display_root).resolve()
    pages = [
        _read(path, _shown(path, root), today)
        for path in sorted(folder.iterdir())
        if path.is_file() and path.suffix == ".md" and not path.name.startswith((".", "_"))
    ]
    originals = {page.slug for page in pages if page.lang == DEFAULT_LANG}
    for page in pages:
        if page.lang != DEFAULT_LANG and page.slug not in originals:
            page.error(
                f"a translation needs its Greek original {page.slug}.md in the same folder "
                f"(the file {page.slug}.md is missing; check the spelling of both names)",
                f"μια μετάφραση χρειάζεται το ελληνικό πρωτότυπο {page.slug}.md στον ίδιο "
                f"φάκελο (λείπει το αρχείο {page.slug}.md· ελέγξτε την ορθογραφία και των δύο "
                "ονομάτων)",
            )
    return LoadResult(pages, [p for page in pages for p in page.problems])


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path, file: str, today: datetime.date) -> PageFile:
    match = FILE_PATTERN.match(path.name)
    slug = match["slug"] if match else path.stem
    lang = (match["lang"] if match else None) or DEFAULT_LANG
    page = PageFile(path, file, slug, lang)
    if match and match["lang"] is not None and match["lang"] not in TRANSLATION_LANGS:
        if match["lang"] == DEFAULT_LANG:
            page.error(
                f"the Greek page is written as {slug}.md, without .el",
                f"η ελληνική σελίδα γράφεται ως {slug}.md, χωρίς .el",
            )
        else:
            page.error(
                f"unknown language {quoted(match['lang'])} in the file name; the English "
                f"translation of {slug}.md is {slug}.en.md",
                f"άγνωστη γλώσσα {quoted(match['lang'])} στο όνομα αρχείου· η αγγλική μετάφραση "
                f"του {slug}.md είναι το {slug}.en.md",
            )
    if not SLUG_PATTERN.match(slug):
        guess = slugify(slug)
        page.error(
            "the file name must be lowercase Latin letters, digits and single hyphens, such as "
            "privacy.md (it becomes the page's address); rename it"
            + (f" to {guess}.md" if guess else ""),
            "το όνομα του αρχείου πρέπει να έχει μόνο πεζά λατινικά γράμματα, ψηφία και μονές "
            "παύλες, όπως privacy.md (γίνεται η διεύθυνση της σελίδας)· μετονομάστε το"
            + (f" σε {guess}.md" if guess else ""),
        )
    split = read_front_matter_file(path, file=file, guide=GUIDE)
    page.problems.extend(split.problems)
    page.body = split.body
    if split.document is None:
        return page
    check = validate(split.document, PAGE, Where(file=file, today=today))
    page.problems.extend(check.problems)
    page.values = check.values
    return page
