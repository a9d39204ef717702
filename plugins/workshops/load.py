"""Read every ``content/workshops/*.md`` into ``Workshop`` objects and problems.

Pure Python, no Pelican: the build and ``python -m kalo check`` both call
``load_workshops``. A file with errors gives nothing, and every other file still loads,
so that one run reports every problem of every file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kalo.elot743 import SLUG_PATTERN, slugify
from kalo.frontmatter import read_front_matter_file
from kalo.markdown_images import markdown_image_sources
from kalo.media import Image, Localized
from kalo.problems import Problem
from kalo.safe_yaml import YamlDocument
from kalo.schema.references import KnownOrganizations, check_references, references_as_written
from kalo.schema.validate import Where, validate
from kalo.schema.words import quoted
from workshops import schema
from workshops.model import DEFAULT_LANG, Workshop, WorkshopText

SKIPPED_NAMES = {"README.md"}
GUIDE = "docs/adding-a-workshop.md"


@dataclass(frozen=True)
class LoadResult:
    workshops: list[Workshop]  # every valid one, in programme order
    problems: list[Problem]
    files: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass
class _File:
    path: Path
    file: str  # as shown in messages
    slug: str
    lang: str
    document: YamlDocument | None = None
    values: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document is not None and not any(p.severity == "error" for p in self.problems)

    def line(self, path: str) -> int | None:
        return self.document.line_of(path) if self.document is not None else None

    def error(self, path: str | None, en: str, el: str, severity="error") -> None:
        line = self.line(path) if path else None
        self.problems.append(Problem(self.file, line, path, en, el, severity))


def load_workshops(
    folder: Path,
    *,
    today: datetime.date,
    orgs: KnownOrganizations | None = None,
    display_root: Path | None = None,
    probe_files: bool = False,
) -> LoadResult:
    """Load every summary of ``folder``; problems name files relative to ``display_root``
    (default: the parent of the content folder). A missing folder is an empty programme.
    ``probe_files``: open every photo as the image step would (``make check``)."""
    folder = Path(folder)
    if not folder.is_dir():
        return LoadResult([], [], 0)
    root = (Path(display_root) if display_root is not None else folder.parent.parent).resolve()
    images = folder / schema.IMAGES_DIR
    paths = sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix == ".md"
        and not p.name.startswith((".", "_"))
        and p.name not in SKIPPED_NAMES
    )
    files = [
        _read(path, _shown(path, root), images, _shown(images, root) + "/", today, probe_files)
        for path in paths
    ]

    originals = {f.slug: f for f in files if f.lang == DEFAULT_LANG}
    translations = [f for f in files if f.lang != DEFAULT_LANG]
    _check_translations(translations, originals)
    _check_numbers([originals[slug] for slug in sorted(originals)])
    if orgs is not None:
        for f in files:
            _check_organizations(f, orgs)

    workshops = []
    for slug in sorted(originals):
        original = originals[slug]
        if not original.ok:
            continue
        texts = {DEFAULT_LANG: _text(original)}
        for t in translations:
            if t.slug == slug and t.ok:
                texts[t.lang] = _text(t)
        workshops.append(_workshop(original, folder, texts))
    workshops.sort(key=lambda w: w.order)
    problems = [p for f in files for p in f.problems]
    problems += _unnamed_images(images, _shown(images, root) + "/", files)
    return LoadResult(workshops, problems, len(files))


def _unnamed_images(images: Path, shown: str, files: list[_File]) -> list[Problem]:
    """Images in content/workshops/images/ that no summary names: said, never silent."""
    if not images.is_dir():
        return []
    named = {photo.get("file") for f in files for photo in f.values.get("photos", ())}
    for f in files:
        named |= {
            path.relative_to(images.resolve()).as_posix()
            for path in markdown_image_sources(f.body, images.parent)
            if images.resolve() in path.parents
        }
    problems = []
    for path in sorted(images.rglob("*")):
        name = path.relative_to(images).as_posix()
        if not path.is_file() or name in named or path.name.startswith("."):
            continue
        problems.append(
            Problem(
                f"{shown}{name}",
                None,
                None,
                "no workshop summary names this image, so it is not published; add it to the "
                "photos: of its summary (with its alt text) or remove the file",
                "καμία περίληψη εργαστηρίου δεν αναφέρει αυτή την εικόνα, άρα δεν δημοσιεύεται· "
                "προσθέστε την στο photos: της περίληψής της (με την περιγραφή της) ή σβήστε το "
                "αρχείο",
                "warning",
            )
        )
    return problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read(
    path: Path,
    file: str,
    images: Path,
    images_shown: str,
    today: datetime.date,
    probe_files: bool,
) -> _File:
    match = schema.FILE_PATTERN.match(path.name)
    slug = match["slug"] if match else path.stem
    lang = (match["lang"] if match else None) or DEFAULT_LANG
    f = _File(path, file, slug, lang)
    if match and match["lang"] is not None and match["lang"] not in schema.TRANSLATION_LANGS:
        greek = match["lang"] == DEFAULT_LANG
        f.error(
            None,
            f"the Greek text is written as {slug}.md, without .el"
            if greek
            else f"unknown language {quoted(match['lang'])} in the file name; the English "
            f"translation of {slug}.md is {slug}.en.md",
            f"το ελληνικό κείμενο γράφεται ως {slug}.md, χωρίς .el"
            if greek
            else f"άγνωστη γλώσσα {quoted(match['lang'])} στο όνομα αρχείου· η αγγλική μετάφραση "
            f"του {slug}.md είναι το {slug}.en.md",
        )
    if not SLUG_PATTERN.match(slug):
        guess = slugify(slug)
        f.error(
            None,
            "the file name must be lowercase Latin letters, digits and single hyphens, "
            "such as focus-groups-01.md (it becomes the page's address); rename it"
            + (f" to {guess}.md" if guess else ""),
            "το όνομα του αρχείου πρέπει να έχει μόνο πεζά λατινικά γράμματα, ψηφία και μονές "
            "παύλες, όπως focus-groups-01.md (γίνεται η διεύθυνση της σελίδας)· μετονομάστε το"
            + (f" σε {guess}.md" if guess else ""),
        )
    elif slug in schema.RESERVED_SLUGS:
        f.error(
            None,
            f"the name {slug} is used by the programme's own pages; name the file "
            "<series>-<number>.md, such as focus-groups-01.md",
            f"το όνομα {slug} χρησιμοποιείται από τις σελίδες του προγράμματος· ονομάστε το "
            "αρχείο <σειρά>-<αριθμός>.md, όπως focus-groups-01.md",
        )
    split = read_front_matter_file(path, file=file, guide=GUIDE)
    f.problems.extend(split.problems)
    f.body = split.body
    if split.document is None:
        return f
    f.document = split.document
    where = Where(
        file=file,
        today=today,
        folder=images,
        folder_shown=images_shown,
        prefixes=(f"{schema.IMAGES_DIR}/",),
        probe_files=probe_files,
    )
    check = validate(split.document, schema.WORKSHOP, where)
    f.problems.extend(check.problems)
    f.values = check.values
    return f


def _check_translations(translations: list[_File], originals: dict[str, _File]) -> None:
    for t in translations:
        original = originals.get(t.slug)
        if original is None:
            t.error(
                None,
                f"a translation needs its Greek original {t.slug}.md in the same folder "
                f"(the file {t.slug}.md is missing; check the spelling of both names)",
                f"μια μετάφραση χρειάζεται το ελληνικό πρωτότυπο {t.slug}.md στον ίδιο φάκελο "
                f"(λείπει το αρχείο {t.slug}.md· ελέγξτε την ορθογραφία και των δύο ονομάτων)",
            )
            continue
        if original.document is None or t.document is None:
            continue
        for name in schema.SHARED:
            raw_t, raw_o = _raw(t, name), _raw(original, name)
            if (raw_t is not None and name not in t.values) or (
                raw_o is not None and name not in original.values
            ):
                continue  # the field check reported it
            if raw_t is None and (name not in schema.MUST_MATCH or schema.BY_NAME[name].required):
                continue  # taken from the original, or reported as missing
            if t.values.get(name) != original.values.get(name):
                t.error(
                    name,
                    f"the translation says {name}: {_shown_value(t, name)} but the Greek "
                    f"original {original.file} says {_shown_value(original, name)}; facts of "
                    "the session must be the same in both files",
                    f"η μετάφραση γράφει {name}: {_shown_value(t, name)} αλλά το ελληνικό "
                    f"πρωτότυπο {original.file} γράφει {_shown_value(original, name)}· τα "
                    "στοιχεία της συνάντησης πρέπει να είναι ίδια στα δύο αρχεία",
                )


def _raw(f: _File, name: str) -> Any:
    data = f.document.data if f.document is not None else None
    return data.get(name) if isinstance(data, dict) else None


def _shown_value(f: _File, name: str) -> str:
    value = _raw(f, name)
    if value is None:
        return "(nothing)"
    if isinstance(value, (list, dict)):
        return quoted(value)[:80]
    return str(value)


def _check_numbers(originals: list[_File]) -> None:
    """A number is used once in a series; the later file is refused, naming the first."""
    first: dict[tuple[str, int], _File] = {}
    for f in originals:
        series, number = f.values.get("series"), f.values.get("number")
        if series is None or number is None:
            continue
        key = (series, number)
        if key in first:
            other = first[key]
            f.error(
                "number",
                f"number {number} of the series {series} is already used by "
                f"{other.file}; each session of a series has its own number",
                f"ο αριθμός {number} της σειράς {series} χρησιμοποιείται ήδη από το "
                f"{other.file}· κάθε συνάντηση μιας σειράς έχει δικό της αριθμό",
            )
            continue
        first[key] = f
        expected = f"{series}-{number:02d}"
        if SLUG_PATTERN.match(f.slug) and f.slug != expected:
            f.error(
                None,
                f"the file is named {f.slug}.md but holds session {number} of the series "
                f"{series}; the usual name is {expected}.md (the name becomes the address)",
                f"το αρχείο λέγεται {f.slug}.md αλλά περιέχει τη συνάντηση {number} της σειράς "
                f"{series}· το συνηθισμένο όνομα είναι {expected}.md (το όνομα γίνεται η "
                "διεύθυνση)",
                severity="warning",
            )


def _check_organizations(f: _File, orgs: KnownOrganizations) -> None:
    if f.document is None:
        return
    references = references_as_written(f.document, schema.WORKSHOP.root)
    f.problems.extend(check_references(f.file, references, orgs))


# --- values → model -------------------------------------------------------------------


def _text(f: _File) -> WorkshopText:
    v = f.values
    return WorkshopText(
        lang=f.lang,
        source=f.path.resolve(),
        title=v["title"],
        summary=v.get("summary"),
        venue=v.get("venue"),
        topics=v.get("topics", ()),
        keywords=v.get("keywords", ()),
        findings=v.get("findings", ()),
        needs=v.get("needs", ()),
        body=f.body,
        updated=v.get("updated"),
    )


def _workshop(f: _File, folder: Path, texts: dict[str, WorkshopText]) -> Workshop:
    v = f.values
    day, time = v.get("date", (None, None))
    images = folder / schema.IMAGES_DIR
    return Workshop(
        slug=f.slug,
        series=v["series"],
        number=v["number"],
        status=v["status"],
        date=day,
        time=time,
        municipality=v.get("municipality"),
        participants=dict(v.get("participants", {})),
        composition=v.get("composition"),
        organizations=tuple(v.get("organizations", ())),
        photos=tuple(
            Image(
                path=(images / photo["file"]).resolve(),
                alt=Localized(**photo["alt"]),
                caption=Localized(**photo.get("caption", {})),
                shows_people=photo.get("shows_people", False),
                people_consent=photo.get("people_consent", False),
            )
            for photo in v.get("photos", ())
        ),
        texts=texts,
    )
