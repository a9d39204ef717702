"""Split a Markdown file into its YAML front matter and its body (workshop summaries, pages).

Reads bytes, so that a file not saved as UTF-8 is a Problem and not an exception; the
front matter goes through the project's defended YAML loader (``kalo.safe_yaml``), with
line numbers that are the file's own. ``guide`` names the docs page that describes the
file's fields, for the messages.
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


def read_front_matter_file(path: Path, *, file: str, guide: str) -> SplitFile:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _failed(
                file,
                None,
                f"the file is {size:,} bytes, too big for a text of the site (limit {MAX_BYTES:,})",
                f"το αρχείο έχει μέγεθος {size:,} bytes, πολύ μεγάλο για κείμενο του ιστότοπου "
                f"(όριο {MAX_BYTES:,})",
            )
        raw = path.read_bytes()
    except OSError as error:
        return _failed(
            file,
            None,
            f"the file cannot be read ({error.strerror})",
            f"το αρχείο δεν μπορεί να διαβαστεί ({error.strerror})",
        )
    return split_bytes(raw, file=file, guide=guide)


def split_bytes(raw: bytes, *, file: str, guide: str) -> SplitFile:
    decoded = decode_utf8(raw, file=file)
    if decoded.problem:
        return SplitFile(None, "", (decoded.problem,))
    return split_text(decoded.text, file=file, guide=guide)


def split_text(text: str, *, file: str, guide: str) -> SplitFile:
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != FENCE:
        return _failed(
            file,
            1,
            "the file must start with its fields between two lines of '---' (the front "
            f"matter), then the text; see {guide}",
            "το αρχείο πρέπει να αρχίζει με τα πεδία του ανάμεσα σε δύο γραμμές '---', και μετά "
            f"το κείμενο· δείτε {guide}",
            body=text,
        )
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == FENCE), None)
    if end is None:
        return _failed(
            file,
            1,
            "the front matter opened by '---' on line 1 is never closed; add a line with only "
            "'---' after the last field, before the text",
            "τα στοιχεία που ανοίγουν με '---' στη γραμμή 1 δεν κλείνουν ποτέ· προσθέστε μια "
            "γραμμή μόνο με '---' μετά το τελευταίο πεδίο, πριν από το κείμενο",
        )
    body = "\n".join(lines[end + 1 :]).strip("\n")
    result = parse_yaml_text("\n".join(lines[1:end]), file=file, first_line=2, allow_empty=True)
    if result.problems:
        return SplitFile(None, body, result.problems)
    if result.document is None or result.document.data is None:
        return _failed(
            file,
            1,
            f"the front matter between the '---' lines is empty; see {guide} for its fields",
            f"τα στοιχεία ανάμεσα στις γραμμές '---' είναι κενά· δείτε το {guide} για τα πεδία",
            body=body,
        )
    return SplitFile(result.document, body)


def _failed(file: str, line: int | None, en: str, el: str, body: str = "") -> SplitFile:
    return SplitFile(None, body, (Problem(file, line, None, en, el),))
