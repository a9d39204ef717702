"""What a field expects and what a file holds, in plain English and Greek: the one wording
that every check of every kind of file uses."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from kalo.codes import codes
from kalo.schema.fields import Field, Kind

_STEP = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")
# The ending of a Greek ordinal numeral by the article of its noun: η 1η, ο 1ος, το 1ο.
_ORDINAL_ENDING = {"η": "η", "ο": "ος", "το": "ο"}


def quoted(value: Any) -> str:
    """A value as the volunteer wrote it, in double quotes."""
    return json.dumps(value if isinstance(value, str) else str(value), ensure_ascii=False)


def expected(spec: Field) -> tuple[str, str]:
    """What a field must hold, in English and Greek."""
    kind = spec.kind
    if kind is Kind.TEXT:
        en, el = "text", "κείμενο"
        if spec.min_length is not None and spec.max_length is not None:
            en += f" of {spec.min_length} to {spec.max_length} characters"
            el += f" {spec.min_length} έως {spec.max_length} χαρακτήρων"
        elif spec.max_length is not None:
            en += f" of at most {spec.max_length} characters"
            el += f" έως {spec.max_length} χαρακτήρων"
        return en, el
    if kind is Kind.INTEGER:
        if spec.up_to_this_year:
            return (
                f"a year from {spec.minimum:g} to the current year",
                f"έτος από {spec.minimum:g} έως φέτος",
            )
        low = spec.minimum if spec.minimum is not None else 0
        return f"a whole number of {low:g} or more", f"ακέραιος αριθμός {low:g} ή μεγαλύτερος"
    if kind is Kind.NUMBER:
        return (
            f"a number from {spec.minimum:g} to {spec.maximum:g}",
            f"αριθμός από {spec.minimum:g} έως {spec.maximum:g}",
        )
    if kind is Kind.CODE:
        listed = ", ".join(codes(spec.codes))
        return f"one of the codes {listed}", f"ένας από τους κωδικούς {listed}"
    if kind is Kind.LIST and spec.item is not None and spec.item.kind is Kind.CODE:
        listed = ", ".join(codes(spec.item.codes))
        return f"a list of codes ({listed})", f"λίστα κωδικών ({listed})"
    if kind is Kind.FILE:
        names = ", ".join(spec.files.extensions) if spec.files else ""
        return (
            f"the name of an image file ({names})",
            f"το όνομα αρχείου εικόνας ({names})",
        )
    return {
        Kind.BOOLEAN: ("true or false", "true ή false"),
        Kind.DATE: ("a date written YYYY-MM-DD", "ημερομηνία γραμμένη ΕΕΕΕ-ΜΜ-ΗΗ"),
        Kind.DATETIME: (
            "a date written YYYY-MM-DD or YYYY-MM-DD HH:MM (Athens time)",
            "ημερομηνία γραμμένη ΕΕΕΕ-ΜΜ-ΗΗ ή ΕΕΕΕ-ΜΜ-ΗΗ ΩΩ:ΛΛ (ώρα Αθήνας)",
        ),
        Kind.URL: (
            "a web address starting with https:// or http://",
            "διεύθυνση ιστού που αρχίζει με https:// ή http://",
        ),
        Kind.HTTPS_URL: (
            "a web address starting with https://",
            "διεύθυνση ιστού που αρχίζει με https://",
        ),
        Kind.EMAIL: (
            "an e-mail address such as info@example.gr",
            "διεύθυνση e-mail όπως info@example.gr",
        ),
        Kind.PHONE: (
            "a phone number (digits, spaces, +, -, parentheses)",
            "αριθμός τηλεφώνου (ψηφία, κενά, +, -, παρενθέσεις)",
        ),
        Kind.POSTAL_CODE: (
            "a postal code of five digits such as 122 41",
            "ταχυδρομικός κώδικας πέντε ψηφίων όπως 122 41",
        ),
        Kind.SLUG: (
            "the folder name of an organization",
            "το όνομα φακέλου ενός φορέα",
        ),
        Kind.GROUP: (
            "a group of fields, each indented on its own line below",
            "ομάδα πεδίων, το καθένα σε δική του γραμμή με εσοχή από κάτω",
        ),
        Kind.LIST: (
            "a list, each item on its own line starting with '- '",
            "λίστα, κάθε στοιχείο σε δική του γραμμή που αρχίζει με '- '",
        ),
        Kind.COUNTS: (
            "a group code and a number on each line, such as 'sse: 4'",
            "κωδικός ομάδας και αριθμός σε κάθε γραμμή, όπως 'sse: 4'",
        ),
    }[kind]


def found(value: Any) -> tuple[str, str]:
    """What the file holds, in English and Greek."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        return (
            f"the yes/no value {word} (put text in quotes)",
            f"την τιμή ναι/όχι {word} (βάλτε το κείμενο σε εισαγωγικά)",
        )
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


def field_in_greek(root: Field, path: str) -> str | None:
    """Which list item a field path is in, in Greek words: ``photos[0].alt.el`` → "η 1η
    φωτογραφία" (None for a path with no list item)."""
    spec: Field | None = root
    words = []
    for name, index in _STEP.findall(path):
        spec = spec.child(name) if spec is not None and spec.kind is Kind.GROUP else None
        if spec is None:
            return None
        if index:
            article, _, noun = spec.item_el.partition(" ")
            words.append(f"{article} {int(index) + 1}{_ORDINAL_ENDING.get(article, 'ο')} {noun}")
            spec = spec.item
    return ", ".join(words) or None
