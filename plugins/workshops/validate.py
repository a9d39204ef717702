"""Check the front matter of one workshop file against ``schema.FIELDS``.

Pure: takes the parsed document, returns the cleaned values and every problem found,
each naming its field and line. Rules across files (numbers used twice, translations
that disagree with their original, organizations that do not exist) are in ``load.py``.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from kalo.codes import codes
from kalo.elot743 import SLUG_PATTERN, slugify
from kalo.problems import Problem, Severity
from kalo.safe_yaml import YamlDocument
from kalo.suggest import close_codes, close_names
from workshops import schema
from workshops.schema import Field

INVALID = object()

CODE_NOUNS = {
    "series": ("a series code", "κωδικός σειράς"),
    "status": ("a status code", "κωδικός κατάστασης"),
    "municipality": ("a municipality code", "κωδικός δήμου"),
    "composition": ("a composition code", "κωδικός σύνθεσης"),
    "participant_group": ("a participant group code", "κωδικός ομάδας συμμετεχόντων"),
}


@dataclass
class FileCheck:
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def validate_front_matter(
    document: YamlDocument,
    *,
    file: str,
    images_dir: Path,
    today: datetime.date,
    images_shown: str = "",
) -> FileCheck:
    """Every problem of one file's front matter; ``file`` is the name shown in messages."""
    checker = _Checker(document, file, images_dir, images_shown or images_dir.as_posix(), today)
    return FileCheck(checker.run(), checker.problems)


def quoted(value: Any) -> str:
    return json.dumps(value if isinstance(value, str) else str(value), ensure_ascii=False)


def found(value: Any) -> tuple[str, str]:
    """What the file holds, in English and Greek."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        return f"the yes/no value {word}", f"την τιμή ναι/όχι {word}"
    if isinstance(value, str):
        shown = quoted(value if len(value) <= 60 else value[:57] + "...")
        return shown, shown
    if isinstance(value, (int, float)):
        return f"the number {value}", f"τον αριθμό {value}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value}", f"την ημερομηνία {value}"
    if isinstance(value, list):
        return "a list", "λίστα"
    if isinstance(value, dict):
        return "a group of fields", "ομάδα πεδίων"
    return "nothing", "τίποτα"


class _Checker:
    def __init__(self, document, file, images_dir, images_shown, today):
        self.document = document
        self.file = file
        self.images_dir = images_dir
        self.images_shown = images_shown.rstrip("/")
        self.today = today
        self.problems: list[Problem] = []

    def report(self, path: str, en: str, el: str, severity: Severity = "error") -> None:
        self.problems.append(
            Problem(self.file, self.document.line_of(path), path or None, en, el, severity)
        )

    def wrong(self, path: str, value: Any, exp_en: str, exp_el: str) -> object:
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
                "expected the fields of a workshop (title:, series:, number:, ...), "
                f"one per line; found {got_en}",
                "αναμένονταν τα πεδία ενός εργαστηρίου (title:, series:, number:, ...), "
                f"ένα ανά γραμμή· βρέθηκε {got_el}",
            )
            return {}
        for key in data:
            if not isinstance(key, str) or key not in schema.BY_NAME:
                self.unknown(key)
        values: dict[str, Any] = {}
        for spec in schema.FIELDS:
            raw = data.get(spec.name)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if spec.required:
                    self.report(
                        spec.name,
                        f"this field is required: {self.expected(spec)[0]}",
                        f"το πεδίο είναι υποχρεωτικό: {self.expected(spec)[1]}",
                    )
                continue
            value = getattr(self, f"check_{spec.kind}")(spec, raw, spec.name)
            if value is not INVALID:
                values[spec.name] = value
        self.check_rules(values)
        return values

    def unknown(self, key: Any) -> None:
        names = ", ".join(schema.NAMES)
        close = close_names(str(key), schema.NAMES)
        hint_en = f"; did you mean {quoted(close[0])}?" if close else ""
        hint_el = f"· μήπως εννοείτε {quoted(close[0])};" if close else ""
        self.report(
            str(key),
            f"unknown field {quoted(key)}{hint_en} (fields: {names})",
            f"άγνωστο πεδίο {quoted(key)}{hint_el} (πεδία: {names})",
        )

    def expected(self, spec: Field) -> tuple[str, str]:
        if spec.kind == "text":
            if spec.min_length:
                return (
                    f"text of {spec.min_length} to {spec.max_length} characters",
                    f"κείμενο {spec.min_length} έως {spec.max_length} χαρακτήρων",
                )
            return (
                f"text of at most {spec.max_length} characters",
                f"κείμενο έως {spec.max_length} χαρακτήρων",
            )
        if spec.kind == "code":
            listed = ", ".join(codes(spec.codes))
            return f"one of the codes {listed}", f"ένας από τους κωδικούς {listed}"
        return {
            "number": ("a whole number of 1 or more", "ακέραιος αριθμός 1 ή μεγαλύτερος"),
            "datetime": (
                "a date written YYYY-MM-DD or YYYY-MM-DD HH:MM (Athens time)",
                "ημερομηνία γραμμένη ΕΕΕΕ-ΜΜ-ΗΗ ή ΕΕΕΕ-ΜΜ-ΗΗ ΩΩ:ΛΛ (ώρα Αθήνας)",
            ),
            "date": ("a date written YYYY-MM-DD", "ημερομηνία γραμμένη ΕΕΕΕ-ΜΜ-ΗΗ"),
            "texts": (
                "a list, each item on its own line starting with '- '",
                "λίστα, κάθε στοιχείο σε δική του γραμμή που αρχίζει με '- '",
            ),
            "slugs": (
                "a list of organization folder names, each on a line starting with '- '",
                "λίστα με ονόματα φακέλων οργανισμών, το καθένα σε γραμμή που αρχίζει με '- '",
            ),
            "participants": (
                "a group code and a number on each line, such as 'sse: 4'",
                "κωδικός ομάδας και αριθμός σε κάθε γραμμή, όπως 'sse: 4'",
            ),
            "photos": (
                "a list of photos, each starting with '- file: ...'",
                "λίστα φωτογραφιών, η καθεμία αρχίζει με '- file: ...'",
            ),
        }[spec.kind]

    # --- kinds: each returns the cleaned value or INVALID ---

    def check_text(self, spec: Field, raw: Any, path: str) -> Any:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            return self.wrong(path, raw, *self.expected(spec))
        value = " ".join(raw.split())
        if (
            spec.min_length
            and len(value) < spec.min_length
            or spec.max_length
            and len(value) > spec.max_length
        ):
            exp_en, exp_el = self.expected(spec)
            self.report(
                path,
                f"expected {exp_en}, found {len(value)}",
                f"αναμενόταν {exp_el}, βρέθηκαν {len(value)}",
            )
            return INVALID
        return value

    def check_code(self, spec: Field, raw: Any, path: str, list_name: str | None = None) -> Any:
        list_name = list_name or spec.codes
        allowed = codes(list_name)
        if isinstance(raw, str) and raw.strip() in allowed:
            return raw.strip()
        noun_en, noun_el = CODE_NOUNS[list_name]
        close = close_codes(raw, list_name) if isinstance(raw, (str, int, float)) else []
        hint_en = f"; did you mean {quoted(close[0])}?" if close else ""
        hint_el = f"· μήπως εννοείτε {quoted(close[0])};" if close else ""
        listed = ", ".join(allowed)
        self.report(
            path,
            f"{quoted(raw)} is not {noun_en}{hint_en} (codes: {listed})",
            f"το {quoted(raw)} δεν είναι {noun_el}{hint_el} (κωδικοί: {listed})",
        )
        return INVALID

    def check_number(self, spec: Field, raw: Any, path: str) -> Any:
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 1:
            return raw
        return self.wrong(path, raw, *self.expected(spec))

    def check_datetime(self, spec: Field, raw: Any, path: str) -> Any:
        """(date, time or None), Europe/Athens; YAML reads YYYY-MM-DD as a date already."""
        if isinstance(raw, datetime.datetime):
            if raw.tzinfo is None and raw.second == 0 and raw.microsecond == 0:
                return raw.date(), raw.time()
            return self.wrong(path, raw, *self.expected(spec))
        if isinstance(raw, datetime.date):
            return raw, None
        if isinstance(raw, str):
            match = schema.DATE_PATTERN.match(raw.strip())
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
        return self.wrong(path, raw, *self.expected(spec))

    def check_date(self, spec: Field, raw: Any, path: str) -> Any:
        if isinstance(raw, datetime.date) and not isinstance(raw, datetime.datetime):
            value = raw
        elif (
            isinstance(raw, str)
            and schema.DATE_PATTERN.match(raw.strip())
            and len(raw.strip()) == 10
        ):
            try:
                value = datetime.date.fromisoformat(raw.strip())
            except ValueError:
                return self.wrong(path, raw, *self.expected(spec))
        else:
            return self.wrong(path, raw, *self.expected(spec))
        if value > self.today:
            self.report(
                path,
                f"the date {value} is in the future (today is {self.today})",
                f"η ημερομηνία {value} είναι στο μέλλον (σήμερα είναι {self.today})",
            )
            return INVALID
        return value

    def check_texts(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, list):
            return self.wrong(path, raw, *self.expected(spec))
        items: list[str] = []
        for index, item in enumerate(raw):
            item_path = f"{path}[{index}]"
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                if isinstance(item, (dict, list)):
                    self.report(
                        item_path,
                        "each item is plain text on one line; a ':' inside "
                        "an item needs the whole item in double quotes",
                        "κάθε στοιχείο είναι απλό κείμενο σε μία γραμμή· αν έχει ':' "
                        "βάλτε όλο το στοιχείο σε διπλά εισαγωγικά",
                    )
                else:
                    self.report(
                        item_path,
                        "this list item is empty; remove the line or fill it in",
                        "το στοιχείο της λίστας είναι κενό· σβήστε τη γραμμή ή συμπληρώστε το",
                    )
                continue
            text = " ".join(item.split())
            if len(text) > spec.max_length:
                self.report(
                    item_path,
                    f"an item of at most {spec.max_length} characters is "
                    f"expected, found {len(text)}",
                    f"αναμενόταν στοιχείο έως {spec.max_length} χαρακτήρων, βρέθηκαν {len(text)}",
                )
                continue
            if spec.unique and text in items:
                self.report(
                    item_path,
                    f"{quoted(text)} is listed twice",
                    f"το {quoted(text)} υπάρχει δύο φορές",
                )
                continue
            items.append(text)
        return tuple(items)

    def check_slugs(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, list):
            return self.wrong(path, raw, *self.expected(spec))
        slugs: list[str] = []
        for index, item in enumerate(raw):
            item_path = f"{path}[{index}]"
            value = item.strip() if isinstance(item, str) else item
            if isinstance(value, str) and SLUG_PATTERN.match(value):
                if value in slugs:
                    self.report(
                        item_path,
                        f"{quoted(value)} is listed twice",
                        f"το {quoted(value)} υπάρχει δύο φορές",
                    )
                else:
                    slugs.append(value)
                continue
            guess = slugify(value) if isinstance(value, str) else ""
            hint_en = f", such as {quoted(guess)}" if guess else ""
            hint_el = f", όπως {quoted(guess)}" if guess else ""
            self.report(
                item_path,
                f"{quoted(item)} is not a folder name; organizations are "
                f"written as the folder name of their profile{hint_en}",
                f"το {quoted(item)} δεν είναι όνομα φακέλου· οι οργανισμοί γράφονται με "
                f"το όνομα του φακέλου του προφίλ τους{hint_el}",
            )
        return tuple(slugs)

    def check_participants(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, dict):
            return self.wrong(path, raw, *self.expected(spec))
        counts: dict[str, int] = {}
        ok = True
        for key, number in raw.items():
            item_path = f"{path}.{key}"
            group = self.check_code(spec, key, item_path)
            if group is INVALID:
                ok = False
                continue
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                self.wrong(
                    item_path,
                    number,
                    "a whole number of 0 or more",
                    "ακέραιος αριθμός 0 ή μεγαλύτερος",
                )
                ok = False
                continue
            counts[group] = number
        if not ok:
            return INVALID
        # Always in the order of codes.yaml, whatever the file's order.
        return {code: counts[code] for code in codes("participant_group") if code in counts}

    def check_photos(self, spec: Field, raw: Any, path: str) -> Any:
        if not isinstance(raw, list):
            return self.wrong(path, raw, *self.expected(spec))
        photos = []
        for index, item in enumerate(raw):
            photo = self.photo(item, f"{path}[{index}]")
            if photo is not INVALID:
                photos.append(photo)
        return tuple(photos)

    def photo(self, raw: Any, path: str) -> Any:
        if not isinstance(raw, dict):
            return self.wrong(path, raw, *self.expected(schema.BY_NAME["photos"]))
        bad = False
        for key in raw:
            if key not in schema.PHOTO_FIELDS:
                close = close_names(str(key), schema.PHOTO_FIELDS)
                hint_en = f"; did you mean {quoted(close[0])}?" if close else ""
                hint_el = f"· μήπως εννοείτε {quoted(close[0])};" if close else ""
                fields = ", ".join(schema.PHOTO_FIELDS)
                self.report(
                    f"{path}.{key}",
                    f"unknown field {quoted(key)}{hint_en} (fields of a photo: {fields})",
                    f"άγνωστο πεδίο {quoted(key)}{hint_el} (πεδία φωτογραφίας: {fields})",
                )
                bad = True
        name = raw.get("file")
        if not isinstance(name, str) or not name.strip():
            self.report(
                f"{path}.file",
                f"each photo needs 'file': the name of an image file in {self.images_shown}/",
                "κάθε φωτογραφία χρειάζεται 'file': το όνομα "
                f"αρχείου εικόνας στον φάκελο {self.images_shown}/",
            )
            bad = True
        elif not self.image_exists(name.strip(), f"{path}.file"):
            bad = True
        texts = {}
        for key in ("alt", "caption"):
            value = raw.get(key)
            if value is None:
                texts[key] = {}
                continue
            if not isinstance(value, dict) or any(
                k not in schema.PHOTO_TEXTS or not isinstance(v, str) for k, v in value.items()
            ):
                self.wrong(
                    f"{path}.{key}",
                    value,
                    "a group with el: and en: texts",
                    "ομάδα με κείμενα el: και en:",
                )
                bad = True
                continue
            texts[key] = {k: " ".join(v.split()) for k, v in value.items() if v.strip()}
        if "alt" in texts and not texts["alt"].get("el"):
            self.report(
                f"{path}.alt.el",
                "every photo needs alt.el: what the photo shows, in "
                "Greek, for people who cannot see it",
                "κάθε φωτογραφία χρειάζεται "
                "alt.el: τι δείχνει η φωτογραφία, στα ελληνικά, για όσους δεν τη βλέπουν",
            )
            bad = True
        flags = {}
        for key in ("shows_people", "people_consent"):
            value = raw.get(key, False)
            if not isinstance(value, bool):
                self.wrong(f"{path}.{key}", value, "true or false", "true ή false")
                bad = True
            flags[key] = value is True
        if bad:
            return INVALID
        if flags["shows_people"] and not flags["people_consent"]:
            self.report(
                f"{path}.shows_people",
                f"the photo {name.strip()} shows people without "
                "their recorded consent (people_consent: true); it is left out of the site",
                f"η φωτογραφία {name.strip()} δείχνει πρόσωπα χωρίς καταγεγραμμένη "
                "συναίνεση (people_consent: true)· δεν δημοσιεύεται",
                severity="warning",
            )
        return {"file": name.strip(), "alt": texts["alt"], "caption": texts["caption"], **flags}

    def image_exists(self, name: str, path: str) -> bool:
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or "\\" in name:
            self.report(
                path,
                f"{quoted(name)} must be the name of a file in {self.images_shown}/",
                f"το {quoted(name)} πρέπει να είναι όνομα αρχείου στον φάκελο {self.images_shown}/",
            )
            return False
        if relative.suffix.lower().lstrip(".") not in schema.PHOTO_EXTENSIONS:
            allowed = ", ".join(schema.PHOTO_EXTENSIONS)
            self.report(
                path,
                f"{quoted(name)} is not an allowed image type (allowed: {allowed})",
                f"το {quoted(name)} δεν είναι επιτρεπτός τύπος εικόνας (επιτρέπονται: {allowed})",
            )
            return False
        target = self.images_dir.joinpath(*relative.parts)
        if not target.is_file() or target.name not in {p.name for p in target.parent.iterdir()}:
            self.report(
                path,
                f"there is no file {quoted(name)} in {self.images_shown}/ (names "
                "must match exactly, capitals included)",
                f"δεν υπάρχει αρχείο {quoted(name)} στον φάκελο {self.images_shown}/ "
                "(τα ονόματα πρέπει να ταιριάζουν ακριβώς, και στα κεφαλαία)",
            )
            return False
        return True

    # --- rules across fields ---

    def check_rules(self, values: dict[str, Any]) -> None:
        when = values.get("date")
        if when is None:
            return
        day = when[0]
        if values.get("status") == "planned" and day < self.today:
            self.report(
                "date",
                f"the session is planned but its date {day} has passed (today is "
                f"{self.today}); if it took place, write status: held, otherwise correct "
                "the date",
                f"η συνάντηση είναι προγραμματισμένη αλλά η ημερομηνία της "
                f"{day} έχει περάσει (σήμερα είναι {self.today})· αν έγινε, γράψτε "
                "status: held, αλλιώς διορθώστε την ημερομηνία",
            )
        if values.get("status") == "held" and day > self.today:
            self.report(
                "date",
                f"the session is marked held but its date {day} is in the future "
                f"(today is {self.today}); write status: planned or correct the date",
                f"η συνάντηση σημειώνεται ως πραγματοποιημένη αλλά η ημερομηνία της "
                f"{day} είναι στο μέλλον (σήμερα είναι {self.today})· γράψτε "
                "status: planned ή διορθώστε την ημερομηνία",
            )
