"""Fields that name other organizations (partners, a workshop's participants): checked
once every organization folder has been read, with one wording for every kind of file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kalo.elot743 import SLUG_PATTERN
from kalo.problems import Problem
from kalo.safe_yaml import YamlDocument
from kalo.schema.fields import Field, Kind
from kalo.schema.words import field_in_greek


@dataclass(frozen=True)
class KnownOrganizations:
    """The organization folders, for checking the fields that name them."""

    valid: frozenset[str]  # folders with a valid profile, published or not
    folders: frozenset[str]  # every folder, valid or not

    @classmethod
    def from_folder(cls, orgdir: Path, valid: set[str] | frozenset[str]) -> KnownOrganizations:
        orgdir = Path(orgdir)
        folders = (
            frozenset(p.name for p in orgdir.iterdir() if p.is_dir())
            if orgdir.is_dir()
            else frozenset()
        )
        return cls(frozenset(valid), folders)


@dataclass(frozen=True)
class Reference:
    path: str  # "partners[2]"
    slug: str
    line: int | None
    field_el: str | None = None  # "ο 3ος συνεργάτης"


def references_as_written(document: YamlDocument, root: Field) -> list[Reference]:
    """Every organization named by a field of ``root`` (lists of SLUG at the top level), by
    its place in the file, when it is written as a folder name (others were reported)."""
    data = document.data if isinstance(document.data, dict) else {}
    found: list[Reference] = []
    for spec in root.fields:
        raw = data.get(spec.name)
        if spec.kind is not Kind.LIST or spec.item is None or spec.item.kind is not Kind.SLUG:
            continue
        if not isinstance(raw, list):
            continue
        for index, item in enumerate(raw):
            if isinstance(item, str) and SLUG_PATTERN.match(item.strip()):
                path = f"{spec.name}[{index}]"
                found.append(
                    Reference(
                        path, item.strip(), document.line_of(path), field_in_greek(root, path)
                    )
                )
    return found


def check_references(
    file: str, references: list[Reference], known: KnownOrganizations, *, own: str | None = None
) -> list[Problem]:
    """A problem for each named organization that has no folder or whose profile has
    errors; published or not does not matter here (pages show only published ones).
    ``own``: the file's own organization, which a rule of its own reports."""
    problems = []
    for ref in references:
        if ref.slug in known.valid or ref.slug == own:
            continue
        if ref.slug in known.folders:
            problems.append(
                Problem(
                    file,
                    ref.line,
                    ref.path,
                    f"the organization {ref.slug} has errors in its own profile (see its "
                    "messages); "
                    "fix them first",
                    f"ο φορέας {ref.slug} έχει λάθη στο δικό του προφίλ (δείτε τα μηνύματά του)· "
                    "διορθώστε τα πρώτα",
                    field_el=ref.field_el,
                )
            )
        else:
            problems.append(
                Problem(
                    file,
                    ref.line,
                    ref.path,
                    f"there is no organization folder {ref.slug}/; organizations are written as "
                    "the folder name of their profile under organizations/",
                    f"δεν υπάρχει φάκελος φορέα {ref.slug}/· οι φορείς γράφονται με το όνομα του "
                    "φακέλου του προφίλ τους στο organizations/",
                    field_el=ref.field_el,
                )
            )
    return problems
