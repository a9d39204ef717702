"""Check one ``profile.yaml`` against ``schema.PROFILE`` and ``schema.RULES``.

Pure: takes the parsed document, returns the cleaned values (postal codes normalised,
texts stripped, blanks dropped) and every problem found, each naming its field and line.
Whether partners exist needs all folders, so ``load.py`` checks that.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from kalo.codes import codes
from kalo.elot743 import SLUG_PATTERN, slugify
from kalo.problems import Problem, Severity
from kalo.safe_yaml import YamlDocument, as_date
from kalo.suggest import close_codes, close_names
from organizations.schema import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    POSTAL_CODE_PATTERN,
    PROFILE,
    Field,
    Type,
)

INVALID = object()  # a value that failed its check (a problem was recorded)

# What each code list is called in messages.
CODE_NOUNS = {
    "kind": ("a kind code", "κωδικός είδους φορέα"),
    "municipality": ("a municipality code", "κωδικός δήμου"),
    "legal_form": ("a legal form code", "κωδικός νομικής μορφής"),
    "sectors": ("a sector code", "κωδικός τομέα"),
    "exchange": ("an offers/needs code", "κωδικός προσφοράς/ανάγκης"),
}


@dataclass
class ProfileCheck:
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(problem.severity == "error" for problem in self.problems)


def validate_profile(
    document: YamlDocument, *, file: str, folder: Path, slug: str, today: datetime.date
) -> ProfileCheck:
    """Every problem of one profile; ``file`` is the name shown in messages."""
    validator = _ProfileValidator(document, file, folder, slug, today)
    return ProfileCheck(validator.run(), validator.problems)


# --- what is expected and what was found, in words ------------------------------------


def expected(spec: Field) -> tuple[str, str]:
    """What a field must hold, in English and Greek."""
    t = spec.type
    if t is Type.TEXT:
        en, el = "text", "κείμενο"
        if spec.min_length is not None and spec.max_length is not None:
            en += f" of {spec.min_length} to {spec.max_length} characters"
            el += f" {spec.min_length} έως {spec.max_length} χαρακτήρων"
        elif spec.max_length is not None:
            en += f" of at most {spec.max_length} characters"
            el += f" έως {spec.max_length} χαρακτήρων"
        return en, el
    if t is Type.INTEGER:
        if spec.up_to_this_year:
            return (
                f"a year from {spec.minimum:g} to the current year",
                f"έτος από {spec.minimum:g} έως φέτος",
            )
        return "a whole number of 0 or more", "ακέραιος αριθμός 0 ή μεγαλύτερος"
    if t is Type.NUMBER:
        return (
            f"a number from {spec.minimum:g} to {spec.maximum:g}",
            f"αριθμός από {spec.minimum:g} έως {spec.maximum:g}",
        )
    if t is Type.CODE:
        listed = ", ".join(codes(spec.codes))
        return f"one of the codes {listed}", f"ένας από τους κωδικούς {listed}"
    return {
        Type.BOOLEAN: ("true or false", "true ή false"),
        Type.DATE: ("a date written YYYY-MM-DD", "ημερομηνία γραμμένη ΕΕΕΕ-ΜΜ-ΗΗ"),
        Type.URL: (
            "a web address starting with https:// or http://",
            "διεύθυνση ιστού που αρχίζει με https:// ή http://",
        ),
        Type.HTTPS_URL: (
            "a web address starting with https://",
            "διεύθυνση ιστού που αρχίζει με https://",
        ),
        Type.EMAIL: (
            "an e-mail address such as info@example.gr",
            "διεύθυνση e-mail όπως info@example.gr",
        ),
        Type.PHONE: (
            "a phone number (digits, spaces, +, -, parentheses)",
            "αριθμός τηλεφώνου (ψηφία, κενά, +, -, παρενθέσεις)",
        ),
        Type.POSTAL_CODE: (
            "a postal code of five digits such as 122 41",
            "ταχυδρομικός κώδικας πέντε ψηφίων όπως 122 41",
        ),
        Type.SLUG: ("the folder name of another organization", "το όνομα φακέλου άλλου οργανισμού"),
        Type.IMAGE: (
            f"the name of an image file in this folder ({', '.join(spec.extensions)})",
            f"το όνομα αρχείου εικόνας σε αυτόν τον φάκελο ({', '.join(spec.extensions)})",
        ),
        Type.GROUP: (
            "a group of fields, each indented on its own line below",
            "ομάδα πεδίων, το καθένα σε δική του γραμμή με εσοχή από κάτω",
        ),
        Type.LIST: (
            "a list, each item on its own line starting with '- '",
            "λίστα, κάθε στοιχείο σε δική του γραμμή που αρχίζει με '- '",
        ),
    }[t]


def found(value: Any) -> tuple[str, str]:
    """What the file holds, in English and Greek."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        return (
            f"the yes/no value {word} (put text in quotes)",
            f"την τιμή ναι/όχι {word} (βάλτε το κείμενο σε εισαγωγικά)",
        )
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        quoted = json.dumps(shown, ensure_ascii=False)
        return quoted, quoted
    if isinstance(value, (int, float)):
        return f"the number {value}", f"τον αριθμό {value}"
    if isinstance(value, datetime.date):
        return f"the date {value}", f"την ημερομηνία {value}"
    if isinstance(value, list):
        return "a list", "λίστα"
    if isinstance(value, dict):
        return "a group of fields", "ομάδα πεδίων"
    return "nothing", "τίποτα"


def _quoted(value: Any) -> str:
    return json.dumps(value if isinstance(value, str) else str(value), ensure_ascii=False)


# --- the walk -------------------------------------------------------------------------


class _ProfileValidator:
    def __init__(
        self, document: YamlDocument, file: str, folder: Path, slug: str, today: datetime.date
    ):
        self.document = document
        self.file = file
        self.folder = folder
        self.slug = slug
        self.today = today
        self.problems: list[Problem] = []
        self.failed: set[str] = set()  # paths with a problem, so rules do not repeat it

    def report(self, path: str, en: str, el: str, severity: Severity = "error") -> None:
        if severity == "error":
            self.failed.add(path)
        self.problems.append(
            Problem(self.file, self.document.line_of(path), path or None, en, el, severity)
        )

    def wrong(self, spec: Field, value: Any, path: str) -> object:
        exp_en, exp_el = expected(spec)
        got_en, got_el = found(value)
        self.report(
            path, f"expected {exp_en}, found {got_en}", f"αναμενόταν {exp_el}, βρέθηκε {got_el}"
        )
        return INVALID

    def run(self) -> dict[str, Any]:
        data = self.document.data
        if not isinstance(data, dict):
            got_en, got_el = found(data)
            self.report(
                "",
                "expected the fields of a profile (name:, kind:, ...), one per line; found "
                f"{got_en}",
                "αναμένονταν τα πεδία ενός προφίλ (name:, kind:, ...), ένα ανά γραμμή· βρέθηκε "
                f"{got_el}",
            )
            return {}
        values = self.group(PROFILE, data, "")
        self.check_rules(values)
        return values

    # Groups and lists.

    def group(self, spec: Field, raw: dict, path: str) -> dict[str, Any]:
        names = tuple(child.name for child in spec.fields)
        for key in raw:
            key_path = f"{path}.{key}" if path else str(key)
            if not isinstance(key, str):
                self.report(
                    key_path,
                    f"field names are words; {_quoted(key)} is not a field name here "
                    f"(fields: {', '.join(names)})",
                    f"τα ονόματα πεδίων είναι λέξεις· το {_quoted(key)} δεν είναι όνομα πεδίου εδώ "
                    f"(πεδία: {', '.join(names)})",
                )
            elif spec.child(key) is None:
                self.unknown(key, key_path, names)
        values: dict[str, Any] = {}
        for child in spec.fields:
            child_path = f"{path}.{child.name}" if path else child.name
            raw_value = raw.get(child.name)
            if _blank(raw_value):
                if child.required:
                    self.missing(child, child_path)
                continue
            value = self.value(child, raw_value, child_path)
            if value is not INVALID:
                values[child.name] = value
        return values

    def unknown(self, key: str, path: str, names: tuple[str, ...]) -> None:
        close = close_names(key, names)
        hint_en = f"; did you mean {_quoted(close[0])}?" if close else ""
        hint_el = f"· μήπως εννοείτε {_quoted(close[0])};" if close else ""
        self.report(
            path,
            f"unknown field {_quoted(key)}{hint_en} (fields here: {', '.join(names)})",
            f"άγνωστο πεδίο {_quoted(key)}{hint_el} (πεδία εδώ: {', '.join(names)})",
        )

    def missing(self, spec: Field, path: str) -> None:
        if spec.type is Type.GROUP:
            inner = ", ".join(f.name for f in spec.fields if f.required)
            self.report(
                path,
                f"this field is required, with {inner} inside it",
                f"το πεδίο είναι υποχρεωτικό, με {inner} μέσα του",
            )
            return
        exp_en, exp_el = expected(spec)
        if spec.type is Type.LIST and spec.item is not None and spec.item.codes:
            listed = ", ".join(codes(spec.item.codes))
            exp_en, exp_el = f"a list of codes ({listed})", f"λίστα κωδικών ({listed})"
        elif spec.type is Type.LIST and spec.item is not None:
            exp_en, exp_el = expected(spec.item)
            exp_en, exp_el = f"a list of {exp_en}", f"λίστα με {exp_el}"
        self.report(
            path, f"this field is required: {exp_en}", f"το πεδίο είναι υποχρεωτικό: {exp_el}"
        )

    def value(self, spec: Field, raw: Any, path: str) -> Any:
        if spec.type is Type.GROUP:
            return (
                self.group(spec, raw, path)
                if isinstance(raw, dict)
                else self.wrong(spec, raw, path)
            )
        if spec.type is Type.LIST:
            return self.list(spec, raw, path)
        return SCALAR_CHECKS[spec.type](self, spec, raw, path)

    def list(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, list):
            return self.wrong(spec, raw, path)
        if len(raw) < spec.min_items:
            self.report(
                path,
                f"the list is empty; write at least {spec.min_items} item",
                f"η λίστα είναι κενή· γράψτε τουλάχιστον {spec.min_items} στοιχείο",
            )
            return INVALID
        items = []
        seen: dict[Any, int] = {}
        for index, raw_item in enumerate(raw):
            item_path = f"{path}[{index}]"
            if _blank(raw_item):
                self.report(
                    item_path,
                    "this list item is empty; remove the line or fill it in",
                    "το στοιχείο της λίστας είναι κενό· σβήστε τη γραμμή ή συμπληρώστε το",
                )
                continue
            item = self.value(spec.item, raw_item, item_path)
            if item is INVALID:
                continue
            if spec.unique and isinstance(item, str):
                if item in seen:
                    self.report(
                        item_path,
                        f"{_quoted(item)} is listed twice (also item {seen[item] + 1})",
                        f"το {_quoted(item)} υπάρχει δύο φορές (και στο στοιχείο {seen[item] + 1})",
                    )
                    continue
                seen[item] = index
            items.append(item)
        return tuple(items)

    # Scalars: each returns the cleaned value or INVALID.

    def text(self, spec: Field, raw: Any, path: str) -> Any:
        if spec.numbers_as_text and isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            return self.wrong(spec, raw, path)
        value = raw.strip()
        length = len(value)
        too_short = spec.min_length is not None and length < spec.min_length
        too_long = spec.max_length is not None and length > spec.max_length
        if too_short or too_long:
            exp_en, exp_el = expected(spec)
            self.report(
                path,
                f"expected {exp_en}, found {length}",
                f"αναμενόταν {exp_el}, βρέθηκαν {length}",
            )
            return INVALID
        return value

    def integer(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, int) or isinstance(raw, bool):
            return self.wrong(spec, raw, path)
        maximum = self.today.year if spec.up_to_this_year else spec.maximum
        if (spec.minimum is not None and raw < spec.minimum) or (
            maximum is not None and raw > maximum
        ):
            return self.wrong(spec, raw, path)
        return raw

    def number(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, (int, float)) or isinstance(raw, bool) or not math.isfinite(raw):
            return self.wrong(spec, raw, path)
        if not spec.minimum <= raw <= spec.maximum:
            return self.wrong(spec, raw, path)
        return float(raw)

    def boolean(self, spec: Field, raw: Any, path: str) -> Any:
        return raw if isinstance(raw, bool) else self.wrong(spec, raw, path)

    def date(self, spec: Field, raw: Any, path: str) -> Any:
        value = as_date(raw)
        if value is None:
            return self.wrong(spec, raw, path)
        if spec.not_in_future and value > self.today:
            self.report(
                path,
                f"the date {value} is in the future (today is {self.today})",
                f"η ημερομηνία {value} είναι στο μέλλον (σήμερα είναι {self.today})",
            )
            return INVALID
        return value

    def url(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, str):
            return self.wrong(spec, raw, path)
        value = raw.strip()
        schemes = ("https",) if spec.type is Type.HTTPS_URL else ("https", "http")
        parts = urlsplit(value)
        if parts.scheme.lower() not in schemes or not parts.netloc or re.search(r"\s", value):
            return self.wrong(spec, raw, path)
        return value

    def pattern(self, spec: Field, raw: Any, path: str) -> Any:
        regex = {Type.EMAIL: EMAIL_PATTERN, Type.PHONE: PHONE_PATTERN}[spec.type]
        if spec.numbers_as_text and isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str) or not re.match(regex, raw.strip()):
            return self.wrong(spec, raw, path)
        if spec.type is Type.PHONE and sum(char.isdigit() for char in raw) < 5:
            return self.wrong(spec, raw, path)
        return raw.strip()

    def postal_code(self, spec: Field, raw: Any, path: str) -> Any:
        # Written without quotes, 12241 is a number to YAML; that is fine.
        text = str(raw).strip() if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
        if not re.match(POSTAL_CODE_PATTERN, text):
            return self.wrong(spec, raw, path)
        digits = text.replace(" ", "")
        return f"{digits[:3]} {digits[3:]}"

    def code(self, spec: Field, raw: Any, path: str) -> Any:
        allowed = codes(spec.codes)
        if isinstance(raw, str) and raw.strip() in allowed:
            return raw.strip()
        noun_en, noun_el = CODE_NOUNS.get(spec.codes, ("a code", "κωδικός"))
        close = close_codes(raw, spec.codes) if isinstance(raw, (str, int, float)) else []
        hint_en = f"; did you mean {_quoted(close[0])}?" if close else ""
        hint_el = f"· μήπως εννοείτε {_quoted(close[0])};" if close else ""
        listed = ", ".join(allowed)
        shown = _quoted(raw)
        self.report(
            path,
            f"{shown} is not {noun_en}{hint_en} (codes: {listed})",
            f"το {shown} δεν είναι {noun_el}{hint_el} (κωδικοί: {listed})",
        )
        return INVALID

    def slug(self, spec: Field, raw: Any, path: str) -> Any:
        if isinstance(raw, str) and SLUG_PATTERN.match(raw.strip()):
            return raw.strip()
        if isinstance(raw, str) and slugify(raw):
            guess = _quoted(slugify(raw))
            self.report(
                path,
                f"{_quoted(raw)} is not a folder name; partners are written as the "
                f"folder name of the organization, such as {guess}",
                f"το {_quoted(raw)} δεν είναι όνομα φακέλου· οι συνεργάτες γράφονται με το "
                f"όνομα του φακέλου του οργανισμού, όπως {guess}",
            )
            return INVALID
        return self.wrong(spec, raw, path)

    def image(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, str):
            return self.wrong(spec, raw, path)
        name = raw.strip()
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or "\\" in name or not relative.parts:
            self.report(
                path,
                f"{_quoted(name)} must be a file inside the organization's folder, "
                "written as its name (e.g. logo.png)",
                f"το {_quoted(name)} πρέπει να είναι αρχείο μέσα στον φάκελο του "
                "οργανισμού, γραμμένο με το όνομά του (π.χ. logo.png)",
            )
            return INVALID
        extension = relative.suffix.lower().lstrip(".")
        if extension not in spec.extensions:
            allowed = ", ".join(spec.extensions)
            self.report(
                path,
                f"{_quoted(name)} is not an allowed image type (allowed: {allowed})",
                f"το {_quoted(name)} δεν είναι επιτρεπτός τύπος εικόνας (επιτρέπονται: {allowed})",
            )
            return INVALID
        if not _exists_exactly(self.folder, relative):
            self.report(
                path,
                f"there is no file {_quoted(name)} in the folder {self.folder.name}/ "
                "(names must match exactly, capitals included)",
                f"δεν υπάρχει αρχείο {_quoted(name)} στον φάκελο {self.folder.name}/ "
                "(τα ονόματα πρέπει να ταιριάζουν ακριβώς, και στα κεφαλαία)",
            )
            return INVALID
        return name

    # Rules across fields (schema.RULES).

    def check_rules(self, values: dict[str, Any]) -> None:
        consent = values.get("promotion_consent", {})
        if (
            consent.get("granted") is True
            and "date" not in consent
            and "promotion_consent.date" not in self.failed
        ):
            self.report(
                "promotion_consent.date",
                "permission is granted, so the date it was given is required (YYYY-MM-DD)",
                "η άδεια έχει δοθεί, άρα χρειάζεται και η ημερομηνία της (ΕΕΕΕ-ΜΜ-ΗΗ)",
            )
        if "date" in consent and "withdrawn" in consent and consent["withdrawn"] < consent["date"]:
            self.report(
                "promotion_consent.withdrawn",
                f"withdrawn on {consent['withdrawn']}, before permission was given on "
                f"{consent['date']}",
                f"ανακλήθηκε στις {consent['withdrawn']}, πριν δοθεί η άδεια στις "
                f"{consent['date']}",
            )
        employees, vulnerable = values.get("employees"), values.get("vulnerable_employees")
        if employees is not None and vulnerable is not None and vulnerable > employees:
            self.report(
                "vulnerable_employees",
                f"{vulnerable} vulnerable employees is more than the {employees} employees",
                f"{vulnerable} εργαζόμενοι από ευάλωτες ομάδες είναι περισσότεροι από τους "
                f"{employees} εργαζόμενους",
            )
        for index, partner in enumerate(values.get("partners", ())):
            if partner == self.slug:
                self.report(
                    f"partners[{index}]",
                    "an organization cannot be its own partner",
                    "ένας οργανισμός δεν μπορεί να είναι συνεργάτης του εαυτού του",
                )
        # Photos are read as written, so the warning is given even when a photo has errors.
        raw_photos = self.document.data.get("photos")
        for index, photo in enumerate(raw_photos if isinstance(raw_photos, list) else ()):
            if not isinstance(photo, dict):
                continue
            if photo.get("shows_people") is True and photo.get("people_consent") is not True:
                name = photo.get("file")
                self.report(
                    f"photos[{index}].shows_people",
                    f"the photo {name} shows people but people_consent is not true; "
                    "it is left out of the output",
                    f"η φωτογραφία {name} δείχνει πρόσωπα χωρίς people_consent: true· "
                    "δεν θα δημοσιευτεί",
                    severity="warning",
                )


SCALAR_CHECKS = {
    Type.TEXT: _ProfileValidator.text,
    Type.INTEGER: _ProfileValidator.integer,
    Type.NUMBER: _ProfileValidator.number,
    Type.BOOLEAN: _ProfileValidator.boolean,
    Type.DATE: _ProfileValidator.date,
    Type.URL: _ProfileValidator.url,
    Type.HTTPS_URL: _ProfileValidator.url,
    Type.EMAIL: _ProfileValidator.pattern,
    Type.PHONE: _ProfileValidator.pattern,
    Type.POSTAL_CODE: _ProfileValidator.postal_code,
    Type.CODE: _ProfileValidator.code,
    Type.SLUG: _ProfileValidator.slug,
    Type.IMAGE: _ProfileValidator.image,
}


def _blank(value: Any) -> bool:
    """Nothing written (``field:`` alone, or only spaces): the same as leaving it out."""
    return value is None or (isinstance(value, str) and not value.strip())


def _exists_exactly(folder: Path, relative: PurePosixPath) -> bool:
    """Whether the file exists with exactly this spelling, also on case-blind disks."""
    current = folder
    for part in relative.parts:
        try:
            if part not in os.listdir(current):
                return False
        except OSError:
            return False
        current = current / part
    return current.is_file()
