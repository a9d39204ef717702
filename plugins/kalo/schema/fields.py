"""The words of a content description: fields, their kinds, and rules across fields.

A ``Schema`` describes one kind of file that volunteers write (a profile, a workshop
summary's front matter, a static page's front matter) as data: a group of ``Field``s and
a few ``Rule``s. Everything else is made from it by one function each: the check
(``validate.py``), the JSON Schema for editors (``json_schema.py``), the field reference
in ``docs/`` (``field_docs.py``), the commented scaffold (``scaffold.py``) and the web
editor's form (``editor.py``).

A group's required fields are required only when the group is written: "``alt.el`` is
required when a logo is given" and "``lat`` and ``lon``, both or neither" say it that way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


class Kind(Enum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"  # a date, or a date and a time HH:MM
    URL = "url"  # http or https
    HTTPS_URL = "https-url"
    EMAIL = "email"
    PHONE = "phone"
    POSTAL_CODE = "postal-code"
    CODE = "code"  # one code of a list of kalo/data/codes.yaml
    SLUG = "slug"  # the folder of an organization
    FILE = "file"  # an image file, by its name
    GROUP = "group"  # named fields
    LIST = "list"  # items of one field
    COUNTS = "counts"  # codes of a list, each with a whole number


POSTAL_CODE_PATTERN = r"^[0-9]{3} ?[0-9]{2}$"
PHONE_PATTERN = r"^[0-9+()\- ]+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

# Checks a file's bytes (say, that an image opens); returns what is wrong with it (the
# problems' file, line and field are the checker's to set).
FileProbe = Callable[[Path], list[Any]]


@dataclass(frozen=True)
class Files:
    """What a FILE field may name: its extensions, and a deeper check of the file."""

    extensions: tuple[str, ...]
    probe: FileProbe | None = None


@dataclass(frozen=True)
class Field:
    """One field. ``el`` and ``en`` explain it in one line; ``label`` is its short Greek
    name in forms (by default the explanation up to its first comma)."""

    name: str
    kind: Kind
    el: str
    en: str
    label: str = ""
    required: bool = False
    # Required when a field of the same group has this value: ("granted", True).
    required_if: tuple[str, Any] | None = None
    fields: tuple[Field, ...] = ()  # GROUP: the fields inside it
    item: Field | None = None  # LIST: what each item is
    min_length: int | None = None  # TEXT
    max_length: int | None = None
    minimum: float | None = None  # INTEGER, NUMBER
    maximum: float | None = None
    up_to_this_year: bool = False  # INTEGER: a year no later than today's
    not_in_future: bool = False  # DATE
    codes: str | None = None  # CODE, COUNTS: the list's name in kalo/data/codes.yaml
    files: Files | None = None  # FILE
    min_items: int = 0  # LIST
    unique: bool = False  # LIST: no item twice
    item_el: str = "το στοιχείο"  # LIST: an item in Greek, with its article ("η φωτογραφία")
    numbers_as_text: bool = False  # TEXT: 12345 written without quotes is still text
    collapse_spaces: bool = False  # TEXT: line breaks and runs of spaces become one space
    # The same in every language: a translation may leave it out, and when it writes it,
    # it must equal the original's (workshop facts).
    shared: bool = False
    markdown: bool = False  # TEXT: may hold Markdown (the editor gives a Markdown box)
    example: object = None  # shown, commented out, in the scaffold
    # The example is made up (an address, a link): left in a file, it is a warning, since it
    # would be published as real data.
    placeholder: bool = False

    def child(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def short_label(self) -> str:
        if self.label:
            return self.label
        stops = [self.el.find(stop) for stop in (",", "·", ":", "(", ";") if stop in self.el]
        return self.el[: min(stops)].strip() if stops else self.el


@dataclass(frozen=True)
class RuleInput:
    """What a rule's check sees: the cleaned values, the document as written, the day, the
    slug of the file's own organization (if any), and ``report`` for what it finds."""

    values: dict[str, Any]
    raw: dict[str, Any]
    today: Any
    slug: str | None
    failed: frozenset[str]  # field paths that already have a problem
    report: Callable[..., None]  # report(path, en, el, severity="error")


@dataclass(frozen=True)
class Rule:
    """A rule that ties fields together, in words (for the docs) and as a check. A rule
    with no check is kept by the loader, which sees more than one file."""

    id: str
    en: str
    el: str
    check: Callable[[RuleInput], None] | None = None


@dataclass(frozen=True)
class Schema:
    """One kind of file: its fields (``root``, a GROUP), its rules, and how it is named."""

    name: str  # "profile", "workshop", "page": the JSON Schema's file and the docs' name
    root: Field
    rules: tuple[Rule, ...] = ()
    file_en: str = ""  # "profile.yaml", "the front matter of content/workshops/<slug>.md"
    file_el: str = ""
    source: str = ""  # the module that describes it, named in generated files
    # "the fields of a profile (name:, kind:, ...)": what a file that holds no fields misses.
    holds_en: str = "the fields"
    holds_el: str = "τα πεδία"
    # What the code lists are called in messages ("a municipality code", "κωδικός δήμου").
    code_nouns: dict[str, tuple[str, str]] = field(default_factory=dict)


def walk(spec: Field, path: str = "") -> Iterator[tuple[str, Field]]:
    """Every field with its dotted path (``photos[].alt.el``), depth first, in file order."""
    for child in spec.fields:
        child_path = f"{path}.{child.name}" if path else child.name
        yield child_path, child
        if child.kind is Kind.GROUP:
            yield from walk(child, child_path)
        elif child.kind is Kind.LIST and child.item is not None and child.item.kind is Kind.GROUP:
            yield from walk(child.item, child_path + "[]")


def code_lists(spec: Field) -> list[str]:
    """The code lists a description uses, in the order they first appear."""
    found: list[str] = []
    for _path, child in walk(spec):
        for candidate in (child, child.item):
            if candidate is not None and candidate.codes and candidate.codes not in found:
                found.append(candidate.codes)
    return found


# --- building blocks for descriptions -------------------------------------------------


def text(name: str, el: str, en: str, **options) -> Field:
    return Field(name, Kind.TEXT, el, en, **options)


def localized(name: str, el: str, en: str, *, el_required: bool = False, **options) -> Field:
    """A group of a Greek and an English text with the same bounds."""
    example = options.pop("example", None)
    example_en = options.pop("example_en", None)
    required = options.pop("required", False)
    label = options.pop("label", "")
    # "Σύντομη περιγραφή (ελληνικά)": a form shows several Greek boxes; each says whose.
    shown = label or Field(name, Kind.TEXT, el, en).short_label
    return Field(
        name,
        Kind.GROUP,
        el,
        en,
        label=label,
        required=required,
        fields=(
            text(
                "el",
                "Στα ελληνικά",
                "In Greek",
                label=f"{shown} (ελληνικά)",
                required=el_required,
                example=example,
                **options,
            ),
            text(
                "en",
                "Στα αγγλικά",
                "In English",
                label=f"{shown} (αγγλικά)",
                example=example_en,
                **options,
            ),
        ),
    )


def group(
    name: str, el: str, en: str, *fields: Field, required: bool = False, label: str = ""
) -> Field:
    return Field(name, Kind.GROUP, el, en, label=label, required=required, fields=tuple(fields))


def code(name: str, el: str, en: str, list_name: str, **options) -> Field:
    return Field(name, Kind.CODE, el, en, codes=list_name, **options)


def code_list(name: str, el: str, en: str, list_name: str, **options) -> Field:
    item = Field("", Kind.CODE, el, en, codes=list_name)
    return Field(name, Kind.LIST, el, en, item=item, unique=True, **options)


def texts(name: str, el: str, en: str, *, item_max: int, **options) -> Field:
    """A list of short texts (topics, keywords, findings)."""
    item_options = {
        k: options.pop(k) for k in ("collapse_spaces", "numbers_as_text") if k in options
    }
    item = text(
        "", el, en, max_length=item_max, min_length=options.pop("item_min", None), **item_options
    )
    return Field(name, Kind.LIST, el, en, item=item, **options)


def count(name: str, el: str, en: str, **options) -> Field:
    return Field(name, Kind.INTEGER, el, en, minimum=0, **options)


def image(name: str, el: str, en: str, files: Files, **options) -> Field:
    return Field(name, Kind.FILE, el, en, files=files, **options)


def organizations(name: str, el: str, en: str, **options) -> Field:
    """Slugs of organization folders (partners, participants), each once."""
    item = Field("", Kind.SLUG, "Φάκελος φορέα", "Organization folder")
    return Field(name, Kind.LIST, el, en, item=item, unique=True, **options)
