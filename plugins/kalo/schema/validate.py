"""One walk that checks any described file: a profile, a workshop's or a page's front matter.

Pure: takes the parsed document (``kalo.safe_yaml``) and its ``Schema``; returns the
cleaned values (texts stripped, postal codes normalised, blanks dropped) and every problem
found, each naming its field and line, in the wording of ``words.py``. What needs more
than one file (partners exist, translations agree) is the loaders' part.
"""

from __future__ import annotations

import datetime
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
from kalo.schema.fields import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    POSTAL_CODE_PATTERN,
    Field,
    Kind,
    RuleInput,
    Schema,
)
from kalo.schema.words import expected, field_in_greek, found, quoted
from kalo.suggest import close_codes, close_names

INVALID = object()  # a value that failed its check (a problem was recorded)

DATETIME_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$")
# Dates as people write them by hand: 15/3/2024, 15.03.2024, 15-3-2024.
HAND_WRITTEN_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


@dataclass(frozen=True)
class Where:
    """The file being checked: how it is named in messages, the day it is checked on, and
    where the files its FILE fields name are (``folder``, shown as ``folder_shown``).
    ``prefixes``: what may stand before a file's name and means that same folder (a
    workshop's photos are written ``images/x.jpg``, relative to the Markdown file)."""

    file: str
    today: datetime.date
    folder: Path | None = None
    folder_shown: str = ""
    prefixes: tuple[str, ...] = ()
    slug: str | None = None
    # Open the files that FILE fields name (``make check``); the build's image step opens
    # them anyway, so the build does not.
    probe_files: bool = False


@dataclass
class Checked:
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(problem.severity == "error" for problem in self.problems)


def validate(document: YamlDocument, schema: Schema, where: Where) -> Checked:
    """Every problem of one file; the values of the fields that passed."""
    walker = _Walker(document, schema, where)
    return Checked(walker.run(), walker.problems)


class _Walker:
    def __init__(self, document: YamlDocument, schema: Schema, where: Where):
        self.document = document
        self.schema = schema
        self.where = where
        self.problems: list[Problem] = []
        self.failed: set[str] = set()  # field paths with a problem

    def report(self, path: str, en: str, el: str, severity: Severity = "error") -> None:
        if severity == "error":
            self.failed.add(path)
        line = self.document.line_of(path)
        self.problems.append(
            Problem(
                self.where.file,
                line,
                path or None,
                en,
                el,
                severity,
                field_el=field_in_greek(self.schema.root, path),
            )
        )

    def wrong(self, spec: Field, raw: Any, path: str) -> object:
        exp_en, exp_el = expected(spec)
        got_en, got_el = found(raw)
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
                f"expected {self.schema.holds_en}, one per line; found {got_en}",
                f"αναμένονταν {self.schema.holds_el}, ένα ανά γραμμή· βρέθηκε {got_el}",
            )
            return {}
        values = self.group(self.schema.root, data, "")
        for rule in self.schema.rules:
            if rule.check is not None:
                rule.check(
                    RuleInput(
                        values=values,
                        raw=data,
                        today=self.where.today,
                        slug=self.where.slug,
                        failed=frozenset(self.failed),
                        report=self.report,
                    )
                )
        return values

    # --- groups and lists ---

    def group(self, spec: Field, raw: dict, path: str) -> dict[str, Any]:
        names = tuple(child.name for child in spec.fields)
        for key in raw:
            key_path = _join(path, key)
            if not isinstance(key, str):
                self.report(
                    key_path,
                    f"field names are words; {quoted(key)} is not a field name here "
                    f"(fields: {', '.join(names)})",
                    f"τα ονόματα πεδίων είναι λέξεις· το {quoted(key)} δεν είναι όνομα πεδίου εδώ "
                    f"(πεδία: {', '.join(names)})",
                )
            elif spec.child(key) is None:
                self.unknown(key, key_path, names)
        values: dict[str, Any] = {}
        for child in spec.fields:
            child_path = _join(path, child.name)
            raw_value = raw.get(child.name)
            if _blank(raw_value):
                if child.required:
                    self.missing(child, child_path)
                elif child.required_if is not None and _blank(raw_value):
                    self.required_if(child, child_path, raw)
                continue
            value = self.value(child, raw_value, child_path)
            if value is not INVALID:
                values[child.name] = value
                if child.placeholder and value == child.example:
                    self.left_from_template(child_path, value)
        return values

    def left_from_template(self, path: str, value: Any) -> None:
        self.report(
            path,
            f"{quoted(value)} is the template's example, not real data, and would be published "
            "as it is; write the real value or delete the line",
            f"το {quoted(value)} είναι το παράδειγμα του προτύπου, όχι πραγματικό στοιχείο, και θα "
            "δημοσιευόταν όπως είναι· γράψτε το πραγματικό ή σβήστε τη γραμμή",
            "warning",
        )

    def unknown(self, key: str, path: str, names: tuple[str, ...]) -> None:
        close = close_names(key, names)
        hint_en = f"; did you mean {quoted(close[0])}?" if close else ""
        hint_el = f"· μήπως εννοείτε {quoted(close[0])};" if close else ""
        self.report(
            path,
            f"unknown field {quoted(key)}{hint_en} (fields here: {', '.join(names)})",
            f"άγνωστο πεδίο {quoted(key)}{hint_el} (πεδία εδώ: {', '.join(names)})",
        )

    def missing(self, spec: Field, path: str) -> None:
        if spec.kind is Kind.GROUP:
            inner = ", ".join(f.name for f in spec.fields if f.required)
            self.report(
                path,
                f"this field is required, with {inner} inside it",
                f"το πεδίο είναι υποχρεωτικό, με {inner} μέσα του",
            )
            return
        exp_en, exp_el = expected(spec)
        if spec.kind is Kind.LIST and spec.item is not None and spec.item.kind is not Kind.CODE:
            item_en, item_el = expected(spec.item)
            exp_en, exp_el = f"a list of {item_en}", f"λίστα με {item_el}"
        self.report(
            path, f"this field is required: {exp_en}", f"το πεδίο είναι υποχρεωτικό: {exp_el}"
        )

    def required_if(self, spec: Field, path: str, raw: dict) -> None:
        sibling, value = spec.required_if
        if raw.get(sibling) != value:
            return
        shown = _yaml_word(value)
        exp_en, exp_el = expected(spec)
        self.report(
            path,
            f"this field is required when {sibling} is {shown}: {exp_en}",
            f"το πεδίο είναι υποχρεωτικό όταν το {sibling} είναι {shown}: {exp_el}",
        )

    def value(self, spec: Field, raw: Any, path: str) -> Any:
        if spec.kind is Kind.GROUP:
            return (
                self.group(spec, raw, path)
                if isinstance(raw, dict)
                else self.wrong(spec, raw, path)
            )
        if spec.kind is Kind.LIST:
            return self.list(spec, raw, path)
        return _SCALARS[spec.kind](self, spec, raw, path)

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
            if spec.item.kind is Kind.TEXT and isinstance(raw_item, (dict, list)):
                self.report(
                    item_path,
                    "each item is plain text on one line; a ':' inside an item needs the whole "
                    "item in double quotes",
                    "κάθε στοιχείο είναι απλό κείμενο σε μία γραμμή· αν έχει ':' βάλτε όλο το "
                    "στοιχείο σε διπλά εισαγωγικά",
                )
                continue
            item = self.value(spec.item, raw_item, item_path)
            if item is INVALID:
                continue
            if spec.unique and isinstance(item, str):
                if item in seen:
                    self.report(
                        item_path,
                        f"{quoted(item)} is listed twice (also item {seen[item] + 1})",
                        f"το {quoted(item)} υπάρχει δύο φορές (και στο στοιχείο {seen[item] + 1})",
                    )
                    continue
                seen[item] = index
            items.append(item)
        return tuple(items)

    # --- scalars: each returns the cleaned value or INVALID ---

    def text(self, spec: Field, raw: Any, path: str) -> Any:
        if spec.numbers_as_text and isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            return self.wrong(spec, raw, path)
        value = " ".join(raw.split()) if spec.collapse_spaces else raw.strip()
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
        maximum = self.where.today.year if spec.up_to_this_year else spec.maximum
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
            return self.hand_written_date(raw, path) or self.wrong(spec, raw, path)
        return self.not_in_future(spec, value, path)

    def not_in_future(self, spec: Field, value: datetime.date, path: str) -> Any:
        if spec.not_in_future and value > self.where.today:
            self.report(
                path,
                f"the date {value} is in the future (today is {self.where.today})",
                f"η ημερομηνία {value} είναι στο μέλλον (σήμερα είναι {self.where.today})",
            )
            return INVALID
        return value

    def hand_written_date(self, raw: Any, path: str) -> object | None:
        """``15/3/2024``: say how to write it, not only the rule."""
        match = HAND_WRITTEN_DATE.match(raw.strip()) if isinstance(raw, str) else None
        if match is None:
            return None
        day, month, year = (int(part) for part in match.groups())
        try:
            value = datetime.date(year, month, day)
        except ValueError:
            return None
        self.report(
            path,
            f"dates are written YYYY-MM-DD (year-month-day): write {value.isoformat()}",
            f"οι ημερομηνίες γράφονται ΕΕΕΕ-ΜΜ-ΗΗ (έτος-μήνας-ημέρα): γράψτε {value.isoformat()}",
        )
        return INVALID

    def datetime(self, spec: Field, raw: Any, path: str) -> Any:
        """(date, time or None), Europe/Athens; YAML reads YYYY-MM-DD as a date already."""
        if isinstance(raw, datetime.datetime):
            if raw.tzinfo is None and raw.second == 0 and raw.microsecond == 0:
                return raw.date(), raw.time()
            return self.wrong(spec, raw, path)
        if isinstance(raw, datetime.date):
            return raw, None
        if isinstance(raw, str):
            match = DATETIME_PATTERN.match(raw.strip())
            if match:
                year, month, day, hour, minute = match.groups()
                try:
                    day_value = datetime.date(int(year), int(month), int(day))
                    time_value = datetime.time(int(hour), int(minute)) if hour is not None else None
                except ValueError:
                    self.report(
                        path,
                        f"{quoted(raw)} is not a real date or time",
                        f"το {quoted(raw)} δεν είναι πραγματική ημερομηνία ή ώρα",
                    )
                    return INVALID
                return day_value, time_value
        return self.hand_written_date(raw, path) or self.wrong(spec, raw, path)

    def url(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, str):
            return self.wrong(spec, raw, path)
        value = raw.strip()
        schemes = ("https",) if spec.kind is Kind.HTTPS_URL else ("https", "http")
        parts = urlsplit(value)
        if parts.scheme.lower() not in schemes or not parts.netloc or re.search(r"\s", value):
            return self.wrong(spec, raw, path)
        return value

    def pattern(self, spec: Field, raw: Any, path: str) -> Any:
        regex = {Kind.EMAIL: EMAIL_PATTERN, Kind.PHONE: PHONE_PATTERN}[spec.kind]
        if spec.numbers_as_text and isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str) or not re.match(regex, raw.strip()):
            return self.wrong(spec, raw, path)
        if spec.kind is Kind.PHONE and sum(char.isdigit() for char in raw) < 5:
            return self.wrong(spec, raw, path)
        return raw.strip()

    def postal_code(self, spec: Field, raw: Any, path: str) -> Any:
        # Written without quotes, 12241 is a number to YAML; that is fine.
        text = str(raw).strip() if isinstance(raw, (str, int)) and not isinstance(raw, bool) else ""
        if not re.match(POSTAL_CODE_PATTERN, text):
            return self.wrong(spec, raw, path)
        digits = text.replace(" ", "")
        return f"{digits[:3]} {digits[3:]}"

    def code(self, spec: Field, raw: Any, path: str, list_name: str | None = None) -> Any:
        list_name = list_name or spec.codes
        allowed = codes(list_name)
        if isinstance(raw, str) and raw.strip() in allowed:
            return raw.strip()
        noun_en, noun_el = self.schema.code_nouns.get(list_name, ("a code", "κωδικός"))
        close = close_codes(raw, list_name) if isinstance(raw, (str, int, float)) else []
        hint_en = f"; did you mean {quoted(close[0])}?" if close else ""
        hint_el = f"· μήπως εννοείτε {quoted(close[0])};" if close else ""
        listed = ", ".join(allowed)
        shown = quoted(raw)
        self.report(
            path,
            f"{shown} is not {noun_en}{hint_en} (codes: {listed})",
            f"το {shown} δεν είναι {noun_el}{hint_el} (κωδικοί: {listed})",
        )
        return INVALID

    def counts(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, dict):
            return self.wrong(spec, raw, path)
        numbers: dict[str, int] = {}
        ok = True
        for key, number in raw.items():
            item_path = _join(path, key)
            group = self.code(spec, key, item_path)
            if group is INVALID:
                ok = False
                continue
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                got_en, got_el = found(number)
                self.report(
                    item_path,
                    f"expected a whole number of 0 or more, found {got_en}",
                    f"αναμενόταν ακέραιος αριθμός 0 ή μεγαλύτερος, βρέθηκε {got_el}",
                )
                ok = False
                continue
            numbers[group] = number
        if not ok:
            return INVALID
        # Always in the order of codes.yaml, whatever the file's order.
        return {code: numbers[code] for code in codes(spec.codes) if code in numbers}

    def slug(self, spec: Field, raw: Any, path: str) -> Any:
        if isinstance(raw, str) and SLUG_PATTERN.match(raw.strip()):
            return raw.strip()
        guess = slugify(raw) if isinstance(raw, str) else ""
        if not guess:
            return self.wrong(spec, raw, path)
        self.report(
            path,
            f"{quoted(raw)} is not a folder name; organizations are written as the folder name "
            f"of their profile, such as {quoted(guess)}",
            f"το {quoted(raw)} δεν είναι όνομα φακέλου· οι φορείς γράφονται με το όνομα του "
            f"φακέλου του προφίλ τους, όπως {quoted(guess)}",
        )
        return INVALID

    def file(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, str):
            return self.wrong(spec, raw, path)
        name = raw.strip()
        for prefix in self.where.prefixes:
            if name.startswith(prefix):
                name = name[len(prefix) :]
                break
        shown_folder = self.where.folder_shown
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or "\\" in name or not relative.parts:
            self.report(
                path,
                f"{quoted(raw.strip())} must be the name of a file in {shown_folder} "
                "(e.g. logo.png)",
                f"το {quoted(raw.strip())} πρέπει να είναι όνομα αρχείου στον φάκελο "
                f"{shown_folder} (π.χ. logo.png)",
            )
            return INVALID
        extension = relative.suffix.lower().lstrip(".")
        allowed = spec.files.extensions
        if extension not in allowed:
            listed = ", ".join(allowed)
            self.report(
                path,
                f"{quoted(name)} is not an allowed image type (allowed: {listed})",
                f"το {quoted(name)} δεν είναι επιτρεπτός τύπος εικόνας (επιτρέπονται: {listed})",
            )
            return INVALID
        folder = self.where.folder
        if folder is None or not _exists_exactly(folder, relative):
            near = _nearest_file(folder, relative) if folder is not None else None
            hint_en = f"; did you mean {quoted(near)}?" if near else ""
            hint_el = f"· μήπως εννοείτε {quoted(near)};" if near else ""
            self.report(
                path,
                f"there is no file {quoted(name)} in the folder {shown_folder}{hint_en} "
                "(names must match exactly, capitals included)",
                f"δεν υπάρχει αρχείο {quoted(name)} στον φάκελο {shown_folder}{hint_el} "
                "(τα ονόματα πρέπει να ταιριάζουν ακριβώς, και στα κεφαλαία)",
            )
            return INVALID
        if spec.files.probe is not None and self.where.probe_files:
            findings = spec.files.probe(folder.joinpath(*relative.parts))
            for finding in findings:
                self.report(
                    path,
                    f"{name}: {finding.message_en}",
                    f"{name}: {finding.message_el}",
                    finding.severity,
                )
            if any(finding.severity == "error" for finding in findings):
                return INVALID
        return name


_SCALARS = {
    Kind.TEXT: _Walker.text,
    Kind.INTEGER: _Walker.integer,
    Kind.NUMBER: _Walker.number,
    Kind.BOOLEAN: _Walker.boolean,
    Kind.DATE: _Walker.date,
    Kind.DATETIME: _Walker.datetime,
    Kind.URL: _Walker.url,
    Kind.HTTPS_URL: _Walker.url,
    Kind.EMAIL: _Walker.pattern,
    Kind.PHONE: _Walker.pattern,
    Kind.POSTAL_CODE: _Walker.postal_code,
    Kind.CODE: _Walker.code,
    Kind.COUNTS: _Walker.counts,
    Kind.SLUG: _Walker.slug,
    Kind.FILE: _Walker.file,
}


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _blank(value: Any) -> bool:
    """Nothing written (``field:`` alone, or only spaces): the same as leaving it out."""
    return value is None or (isinstance(value, str) and not value.strip())


def _yaml_word(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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


def _nearest_file(folder: Path, relative: PurePosixPath) -> str | None:
    """A file that differs only in capitals or in its extension (``Logo.PNG``, ``logo.jpeg``
    for ``logo.png``): what the volunteer most likely meant."""
    parent = folder.joinpath(*relative.parts[:-1])
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return None
    wanted = relative.name.lower()
    stem = PurePosixPath(wanted).stem
    prefix = "/".join(relative.parts[:-1])
    for candidate in names:
        if candidate.lower() == wanted:
            return f"{prefix}/{candidate}" if prefix else candidate
    for candidate in names:
        if PurePosixPath(candidate.lower()).stem == stem and (parent / candidate).is_file():
            return f"{prefix}/{candidate}" if prefix else candidate
    return None
