"""Read every ``organizations/<slug>/`` folder into ``Organization`` objects and problems.

Pure Python, no Pelican: the build and ``python -m kalo check`` both call
``load_organizations``. A folder with errors gives no Organization, and the others
still load, so that one run reports every problem of every folder.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kalo.cache import path_key
from kalo.elot743 import SLUG_PATTERN, slugify
from kalo.incremental import file_stamp
from kalo.parallel import map_forked
from kalo.pickle_file import PickleStore
from kalo.problems import Problem
from kalo.safe_yaml import decode_utf8, read_yaml_file
from kalo.schema.references import (
    KnownOrganizations,
    Reference,
    check_references,
    references_as_written,
)
from kalo.schema.validate import Where, validate
from organizations.folder_files import unread_files
from organizations.model import (
    Consent,
    Image,
    Localized,
    Location,
    Organization,
    model_digest,
)
from organizations.schema import ABOUT_FILES, PROFILE, PROFILE_FILE
from organizations.urls import RESERVED_SLUGS


@dataclass(frozen=True)
class LoadResult:
    organizations: list[Organization]  # every valid one, published or not, by slug
    problems: list[Problem]  # errors and warnings of all folders
    folders: int = 0  # organization folders looked at, valid or not
    # One note per folder that will not be published: which, why, and what to change.
    left_out: list[Problem] = field(default_factory=list)
    # Slug → a digest of everything its model was made from (the folder's files, the day,
    # the code), when loaded with a cache: equal digests, equal models.
    fingerprints: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def published(self) -> list[Organization]:
        return [org for org in self.organizations if org.published]

    @property
    def not_granted(self) -> list[Organization]:
        """Left out because permission was never given."""
        return [org for org in self.organizations if not org.consent.granted]

    @property
    def withdrawn(self) -> list[Organization]:
        """Left out because permission was withdrawn."""
        return [org for org in self.organizations if org.consent.granted and org.withdrawn]


@dataclass(frozen=True)
class _FolderResult:
    """One folder, read and checked on its own; partners are checked once all are read."""

    slug: str
    file: str  # profile.yaml as shown in messages
    organization: Organization | None  # None when the folder has errors
    problems: list[Problem]
    references: tuple[Reference, ...]  # the partners, as written
    consent_line: int | None = None  # where promotion_consent is written


def load_organizations(
    orgdir: Path,
    *,
    today: datetime.date,
    display_root: Path | None = None,
    cache: Path | FolderCache | None = None,
    probe_files: bool = False,
) -> LoadResult:
    """Load every organization folder of ``orgdir``; problems name files relative to
    ``display_root`` (default: the parent of ``orgdir``). With ``cache`` (a folder), a
    folder whose files did not change since the last call is not read or validated again
    (``FolderCache``; or give one, kept in memory across calls, which is then not saved);
    the partners cross-check always runs."""
    orgdir = Path(orgdir)
    root = Path(display_root) if display_root is not None else orgdir.parent
    shown = _Shown(root)
    if not orgdir.is_dir():
        return LoadResult(
            [],
            [
                Problem(
                    shown(orgdir),
                    None,
                    None,
                    "the organizations folder does not exist",
                    "ο φάκελος των φορέων δεν υπάρχει",
                )
            ],
        )
    folders = organization_folders(orgdir)
    fingerprints: dict[str, str] = {}
    if cache is None:
        results = [_load_folder(folder, shown, today, probe_files) for folder in folders]
    elif isinstance(cache, FolderCache):  # kept by the caller (the generator, the preview)
        results = cache.load_all(folders, shown)
        fingerprints = cache.fingerprints()
    else:
        store = FolderCache(Path(cache), orgdir, shown.root, today)
        results = store.load_all(folders, shown)
        store.save()
        fingerprints = store.fingerprints()
    known = KnownOrganizations(
        valid=frozenset(r.slug for r in results if r.organization is not None),
        folders=frozenset(r.slug for r in results),
    )
    problems: list[Problem] = []
    organizations = []
    left_out = []
    for result in results:
        partner_problems = check_references(
            result.file, list(result.references), known, own=result.slug
        )
        problems.extend(result.problems + partner_problems)
        if result.organization is not None and not partner_problems:
            organizations.append(result.organization)
        note = _left_out_note(result, failed=result.organization is None or bool(partner_problems))
        if note is not None:
            left_out.append(note)
    organizations.sort(key=lambda org: org.slug)
    return LoadResult(organizations, problems, len(folders), left_out, fingerprints)


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """The code and data a folder's result depends on: this package and the shared library."""
    digest = hashlib.sha256()
    plugins = Path(__file__).resolve().parents[1]
    for package in ("organizations", "kalo"):
        for path in sorted((plugins / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(plugins).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def organization_folders(orgdir: Path) -> list[Path]:
    """The organizations' folders (hidden ones and those starting with ``_`` left out), sorted."""
    with os.scandir(orgdir) as entries:
        return sorted(
            orgdir / entry.name
            for entry in entries
            if entry.is_dir() and not entry.name.startswith((".", "_"))
        )


def folder_stamps(orgdir: Path) -> dict[str, tuple]:
    """Every organization folder's ``_folder_stamp``, by folder name: taken early, beside
    the build (``kalo.early``), and handed to ``FolderCache``."""
    try:
        folders = organization_folders(Path(orgdir))
    except OSError:
        return {}
    return {folder.name: _folder_stamp(folder) for folder in folders}


def _folder_stamp(folder: Path) -> tuple:
    """Every file and subfolder of an organization's folder: name, type and
    ``kalo.incremental.file_stamp`` (size, mtime, inode, ctime), so an edited, added or
    removed file is always seen."""
    stamp = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            return ("unreadable", str(current))
        for entry in entries:
            s = entry.stat(follow_symlinks=False)
            stamp.append((entry.path, s.st_mode, file_stamp(s)))
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
    return tuple(stamp)


def _load_many(folders: list[Path], shown: _Shown, today: datetime.date) -> list[_FolderResult]:
    """``_load_folder`` of each folder, in order; on all cores (forked: nothing to pickle but
    the results) when there are many (kalo.parallel's one policy)."""
    return map_forked(functools.partial(_load_folder, shown=shown, today=today), folders)


class FolderCache:
    """Loaded and validated folders of the last build, by folder and its stamp: one pickle
    per organizations folder, code version, display root and day (validation knows today).

    ``stamps``: the folders' stamps taken earlier in this build (``folder_stamps``), used
    by the first ``load_all`` only (a later one, the live preview's, stamps afresh)."""

    def __init__(
        self,
        cache: Path,
        orgdir: Path,
        root: Path,
        today: datetime.date,
        stamps: dict[str, tuple] | None = None,
    ):
        where = path_key(orgdir)
        material = repr((str(root), today.isoformat(), _code_version()))
        self.prefix = f"folders-{where}-"
        self.material = hashlib.sha256(material.encode()).hexdigest()
        self.file = cache / f"{self.prefix}{self.material[:16]}.pickle"
        self.store = PickleStore(self.file, self.prefix)
        self.known: dict = self.store.known  # empty: load everything
        self.today = today
        self.fresh: dict = {}
        self._stamps = stamps or {}

    def load_all(self, folders: list[Path], shown: _Shown) -> list[_FolderResult]:
        """Every folder's result: from the cache when its files did not change, else read
        and validated again, on all cores when there are many (fork: nothing to pickle but
        the results)."""
        if self.fresh:  # called again: the last call's results are the known ones
            self.known, self.fresh = self.fresh, {}
        taken, self._stamps = self._stamps, {}
        stamps = [
            stamp if (stamp := taken.get(folder.name)) is not None else _folder_stamp(folder)
            for folder in folders
        ]
        results: list = [None] * len(folders)
        missing = []
        for number, (folder, stamp) in enumerate(zip(folders, stamps, strict=False)):
            known = self.known.get(folder.name)
            if known is not None and known[0] == stamp:
                results[number] = known[1]
            else:
                missing.append(number)
        fresh = _load_many([folders[number] for number in missing], shown, self.today)
        for number, result in zip(missing, fresh, strict=False):
            results[number] = result
        for folder, stamp, result in zip(folders, stamps, results, strict=False):
            known = self.known.get(folder.name)
            # The same entry when unchanged: the store writes only what changed.
            self.fresh[folder.name] = (
                known
                if known is not None and known[1] is result
                else (stamp, result, model_digest(result.organization))
            )
        return results

    def fingerprints(self) -> dict[str, str]:
        """Each valid folder's ``model_digest``, made once when the folder was read: what
        pages fingerprint an organization by (``organizations.directory``)."""
        return {name: entry[2] for name, entry in self.fresh.items() if entry[2] is not None}

    def save(self) -> None:
        if self.fresh.keys() == self.known.keys() and all(
            self.known[name] is self.fresh[name] for name in self.fresh
        ):
            return
        self.store.save(self.fresh)


class _Shown:
    """Paths as the volunteer sees them: relative to the display root, with slashes."""

    def __init__(self, root: Path):
        self.root = root.resolve()

    def __call__(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def _load_folder(
    folder: Path, shown: _Shown, today: datetime.date, probe_files: bool = False
) -> _FolderResult:
    problems: list[Problem] = []
    slug = folder.name
    source = folder / PROFILE_FILE
    file = shown(source)
    if not SLUG_PATTERN.match(slug):
        problems.append(_bad_slug(folder, shown))
    elif slug in RESERVED_SLUGS:
        problems.append(_reserved_slug(folder, shown))
    if not source.is_file():
        problems.append(
            Problem(
                file,
                None,
                None,
                f"every organization folder needs a {PROFILE_FILE}; create one with "
                '`make new-org NAME="..."` or remove the folder',
                f"κάθε φάκελος φορέα χρειάζεται {PROFILE_FILE}· φτιάξτε το με "
                '`make new-org NAME="..."` ή σβήστε τον φάκελο',
            )
        )
        return _FolderResult(slug, file, None, problems, ())
    loaded = read_yaml_file(source, file=file, guide=FIELDS_GUIDE)
    problems.extend(loaded.problems)
    about, about_problems = _read_about(folder, shown)
    problems.extend(about_problems)
    if loaded.document is None:
        return _FolderResult(slug, file, None, problems, ())
    where = Where(
        file=file,
        today=today,
        folder=folder,
        folder_shown=shown(folder) + "/",
        slug=slug,
        probe_files=probe_files,
    )
    check = validate(loaded.document, PROFILE, where)
    problems.extend(check.problems)
    references = tuple(references_as_written(loaded.document, PROFILE.root))
    consent_line = loaded.document.line_of("promotion_consent.granted")
    if any(p.severity == "error" for p in problems):
        return _FolderResult(slug, file, None, problems, references, consent_line)
    problems.extend(unread_files(folder, check.values, about, shown(folder) + "/"))
    organization = build_organization(slug, folder, source, check.values, about)
    return _FolderResult(slug, file, organization, problems, references, consent_line)


def _left_out_note(result: _FolderResult, *, failed: bool) -> Problem | None:
    """Why a folder will not be published, and what to change, in one line."""
    org = result.organization
    if failed:
        en = "this organization is not published until the errors above are fixed"
        el = "ο φορέας δεν δημοσιεύεται μέχρι να διορθωθούν τα λάθη παραπάνω"
        return Problem(result.file, None, None, en, el, "note")
    if not org.consent.granted:
        en = (
            "no promotion consent (promotion_consent.granted is false); once the organization "
            "has signed its permission, write granted: true with the date"
        )
        el = (
            "δεν έχει δοθεί άδεια προβολής (promotion_consent.granted: false)· μόλις ο φορέας "
            "υπογράψει την άδεια, γράψτε granted: true με την ημερομηνία"
        )
    elif org.withdrawn:
        when = org.consent.withdrawn
        en = (
            f"the permission was withdrawn on {when}; its address says the profile was removed. "
            "To publish it again, delete withdrawn and write the date of the new permission"
        )
        el = (
            f"η άδεια προβολής ανακλήθηκε στις {when}· η διεύθυνσή του λέει ότι το προφίλ "
            "αφαιρέθηκε. Για να ξαναδημοσιευτεί, σβήστε το withdrawn και γράψτε την ημερομηνία "
            "της νέας άδειας"
        )
    else:
        return None
    return Problem(result.file, result.consent_line, "promotion_consent", en, el, "note")


def _bad_slug(folder: Path, shown: _Shown) -> Problem:
    suggestion = slugify(folder.name)
    hint_en = f"; rename the folder to {suggestion}" if suggestion else ""
    hint_el = f"· μετονομάστε τον φάκελο σε {suggestion}" if suggestion else ""
    return Problem(
        shown(folder) + "/",
        None,
        None,
        "the folder name must be lowercase Latin letters, digits and single hyphens "
        f"(it becomes the page's address){hint_en}",
        "το όνομα του φακέλου πρέπει να έχει μόνο πεζά λατινικά γράμματα, ψηφία και μονές "
        f"παύλες (γίνεται η διεύθυνση της σελίδας){hint_el}",
    )


def _reserved_slug(folder: Path, shown: _Shown) -> Problem:
    return Problem(
        shown(folder) + "/",
        None,
        None,
        f'the folder name "{folder.name}" is taken by the directory\'s own pages '
        f"(/organizations/{folder.name}/...); add a word to it, e.g. the municipality",
        f"το όνομα φακέλου «{folder.name}» χρησιμοποιείται από τις σελίδες του καταλόγου "
        f"(/organizations/{folder.name}/...)· προσθέστε μια λέξη, π.χ. τον δήμο",
    )


def _read_about(folder: Path, shown: _Shown) -> tuple[dict[str, str], list[Problem]]:
    about: dict[str, str] = {}
    problems: list[Problem] = []
    for lang, name in ABOUT_FILES.items():
        path = folder / name
        if not path.is_file():
            continue
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(
                Problem(
                    shown(path),
                    None,
                    None,
                    f"the file cannot be read ({error.strerror})",
                    f"το αρχείο δεν μπορεί να διαβαστεί ({error.strerror})",
                )
            )
            continue
        decoded = decode_utf8(raw, file=shown(path))
        if decoded.problem:
            problems.append(decoded.problem)
        elif decoded.text.strip():  # an empty file (the web editor writes one) says nothing
            about[lang] = decoded.text
    return about, problems


FIELDS_GUIDE = "docs/organization-fields.md"


# --- values → model -------------------------------------------------------------------


def build_organization(
    slug: str, folder: Path, source: Path, values: dict[str, Any], about: dict[str, str]
) -> Organization:
    """The model of a profile whose values passed ``validate_profile``."""
    consent = values["promotion_consent"]
    registry = values.get("registry", {})
    contact = values.get("contact", {})
    location = values.get("location")
    logo = values.get("logo")
    keywords = values.get("keywords", {})
    return Organization(
        slug=slug,
        folder=folder.resolve(),
        source=source.resolve(),
        name=_localized(values["name"]),
        kind=values["kind"],
        legal_form=values["legal_form"],
        municipality=values["municipality"],
        sectors=tuple(values["sectors"]),
        summary=_localized(values["summary"]),
        consent=Consent(
            granted=consent["granted"],
            date=consent.get("date"),
            reference=consent.get("reference"),
            withdrawn=consent.get("withdrawn"),
        ),
        founded=values.get("founded"),
        registry_number=registry.get("number"),
        registry_url=registry.get("url"),
        address=_localized(values.get("address", {})),
        postal_code=values.get("postal_code"),
        location=Location(location["lat"], location["lon"]) if location else None,
        email=contact.get("email"),
        phone=contact.get("phone"),
        website=contact.get("website"),
        social=dict(values.get("social", {})),  # the validator keeps the schema's order
        offers=tuple(values.get("offers", ())),
        needs=tuple(values.get("needs", ())),
        keywords={lang: tuple(phrases) for lang, phrases in keywords.items()},
        logo=_image(folder, logo) if logo else None,
        photos=tuple(_image(folder, photo) for photo in values.get("photos", ())),
        employees=values.get("employees"),
        members=values.get("members"),
        vulnerable_employees=values.get("vulnerable_employees"),
        partners=tuple(values.get("partners", ())),
        updated=values.get("updated"),
        about=about,
    )


def _localized(values: dict[str, str]) -> Localized:
    return Localized(el=values.get("el"), en=values.get("en"))


def _image(folder: Path, values: dict[str, Any]) -> Image:
    return Image(
        path=(folder / values["file"]).resolve(),
        alt=_localized(values["alt"]),
        caption=_localized(values.get("caption", {})),
        shows_people=values.get("shows_people", False),
        people_consent=values.get("people_consent", False),
    )
