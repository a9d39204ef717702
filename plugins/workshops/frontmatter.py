"""Split a workshop file into its YAML front matter and its Markdown body.

Reads bytes, so that a file not saved as UTF-8 is a Problem and not an exception; the
front matter goes through the project's defended YAML loader (``kalo.safe_yaml``), with
line numbers that are the file's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kalo.problems import Problem
from kalo.safe_yaml import MAX_BYTES, YamlDocument, decode_utf8, parse_yaml_text

FENCE = "---"


@dataclass(frozen=True)
class SplitFile:
    document: YamlDocument | None  # None when the front matter could not be read
    body: str
    problems: tuple[Problem, ...] = ()


def read_workshop_file(path: Path, *, file: str) -> SplitFile:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return SplitFile(
                None,
                "",
                (
                    Problem(
                        file,
                        None,
                        None,
                        f"the file is {size:,} bytes, too big for a workshop summary (limit "
                        f"{MAX_BYTES:,})",
                        f"το αρχείο έχει μέγεθος {size:,} bytes, πολύ μεγάλο για περίληψη "
                        "εργαστηρίου "
                        f"(όριο {MAX_BYTES:,})",
                    ),
                ),
            )
        raw = path.read_bytes()
    except OSError as error:
        return SplitFile(
            None,
            "",
            (
                Problem(
                    file,
                    None,
                    None,
                    f"the file cannot be read ({error.strerror})",
                    f"το αρχείο δεν μπορεί να διαβαστεί ({error.strerror})",
                ),
            ),
        )
    return split_bytes(raw, file=file)


def split_bytes(raw: bytes, *, file: str) -> SplitFile:
    decoded = decode_utf8(raw, file=file)
    if decoded.problem:
        return SplitFile(None, "", (decoded.problem,))
    return split_text(decoded.text, file=file)


def split_text(text: str, *, file: str) -> SplitFile:
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != FENCE:
        return SplitFile(None, text, (_no_front_matter(file),))
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == FENCE), None)
    if end is None:
        return SplitFile(
            None,
            "",
            (
                Problem(
                    file,
                    1,
                    None,
                    "the front matter opened by '---' on line 1 is never closed; add a line with "
                    "only "
                    "'---' after the last field, before the text",
                    "τα στοιχεία που ανοίγουν με '---' στη γραμμή 1 δεν κλείνουν ποτέ· προσθέστε "
                    "μια "
                    "γραμμή μόνο με '---' μετά το τελευταίο πεδίο, πριν από το κείμενο",
                ),
            ),
        )
    body = "\n".join(lines[end + 1 :]).strip("\n")
    result = parse_yaml_text("\n".join(lines[1:end]), file=file, first_line=2, allow_empty=True)
    if result.problems:
        return SplitFile(None, body, result.problems)
    if result.document is None or result.document.data is None:
        return SplitFile(
            None,
            body,
            (
                Problem(
                    file,
                    1,
                    None,
                    "the front matter between the '---' lines is empty; it needs at least title, "
                    "series, number and status (see docs/adding-a-workshop.md)",
                    "τα στοιχεία ανάμεσα στις γραμμές '---' είναι κενά· χρειάζονται τουλάχιστον "
                    "title, "
                    "series, number και status (δείτε docs/adding-a-workshop.md)",
                ),
            ),
        )
    return SplitFile(result.document, body)


def _no_front_matter(file: str) -> Problem:
    return Problem(
        file,
        1,
        None,
        "the file must start with its fields between two lines of '---' (the front matter), "
        "then the text; see docs/adding-a-workshop.md",
        "το αρχείο πρέπει να αρχίζει με τα πεδία του ανάμεσα σε δύο γραμμές '---', και μετά "
        "το κείμενο· δείτε docs/adding-a-workshop.md",
    )
