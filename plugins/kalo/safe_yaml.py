"""A defended YAML loader for files that volunteers write.

Every way a file can be wrong becomes a ``Problem`` (file, line, plain words in English
and Greek), never an exception: not UTF-8 (say, saved as Greek Windows cp1253), empty,
invalid YAML, duplicate keys, anchors and aliases (which make "billion laughs" files
possible and are never needed in our content), impossible dates, Python tags.

The result keeps the line of every field, so that validators can point at it:
``document.line_of("photos[1].alt.el")``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kalo.problems import Problem

# A profile is a few kilobytes; anything this big is a mistake (or an attack).
MAX_BYTES = 1_000_000

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class YamlDocument:
    """Plain Python data (dict, list, str, int, float, bool, date, None) and field lines."""

    data: Any
    lines: dict[str, int] = field(default_factory=dict)  # dotted path → 1-based line

    def line_of(self, path: str) -> int | None:
        """The line of a field, or of its nearest parent that is in the file."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = parent_path(path)
        return None


@dataclass(frozen=True)
class YamlResult:
    """A document when the file could be read, and the problems found reading it."""

    document: YamlDocument | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.problems


def load_project_yaml(stream):
    """The project's own data (codes, mappings, generated forms), not a volunteer's file:
    read by libyaml when PyYAML has it (eight times quicker; every build reads the codes),
    else by PyYAML's safe loader, which gives the same data."""
    return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parent_path(path: str) -> str:
    """``photos[1].alt.el`` → ``photos[1].alt`` → ``photos[1]`` → ``photos`` → ``""``."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def join_path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


# --- decoding -------------------------------------------------------------------------


@dataclass(frozen=True)
class DecodedText:
    text: str | None
    problem: Problem | None = None


def decode_utf8(raw: bytes, *, file: str) -> DecodedText:
    """The text of a UTF-8 file (a leading BOM is dropped), or a Problem saying how to fix it."""
    if raw.startswith(UTF16_BOMS):
        return DecodedText(None, _encoding_problem(file, None, "UTF-16"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return DecodedText(None, _encoding_problem(file, line, _guess_encoding(raw)))
    return DecodedText(text.removeprefix("\ufeff"))


def _guess_encoding(raw: bytes) -> str | None:
    """Greek text that is not UTF-8 is nearly always Windows-1253 or ISO 8859-7."""
    try:
        text = raw.decode("cp1253")
    except UnicodeDecodeError:
        return None
    if any("\u0370" <= char <= "\u03ff" for char in text):
        return "Windows-1253 / ISO 8859-7"
    return None


def _encoding_problem(file: str, line: int | None, guess: str | None) -> Problem:
    seen_en = f" (it looks like {guess})" if guess else ""
    seen_el = f" (μοιάζει με {guess})" if guess else ""
    return Problem(
        file=file,
        line=line,
        field=None,
        message_en=(
            f"the file is not saved as UTF-8{seen_en}. Open it in your editor and save it "
            'with the encoding "UTF-8" (in Notepad: Save as → Encoding: UTF-8).'
        ),
        message_el=(
            f"το αρχείο δεν είναι αποθηκευμένο ως UTF-8{seen_el}. Ανοίξτε το στον επεξεργαστή "
            "κειμένου και αποθηκεύστε το με κωδικοποίηση «UTF-8» (στο Notepad: Αποθήκευση "
            "ως → Κωδικοποίηση: UTF-8)."
        ),
    )


# --- the loader -----------------------------------------------------------------------


class _Refused(yaml.MarkedYAMLError):
    """A construct we do not accept, with the place where it is."""


class DefendedLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases and reports impossible dates."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent) or (
            isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor is not None
        ):
            raise _Refused(problem="anchor or alias", problem_mark=event.start_mark)
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node):
        return _timestamp(self, node)


def _timestamp(loader, node):
    """A date, or a refusal at its place when the date does not exist (2025-02-30)."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise _Refused(problem="impossible date", problem_mark=node.start_mark) from None


DefendedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", DefendedLoader.construct_yaml_timestamp
)

if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):
        """libyaml's parser with the same constructors; used only on text with no & or *."""

        def construct_yaml_timestamp(self, node):
            return _timestamp(self, node)

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _FastLoader.construct_yaml_timestamp)
    _FAST_LOADER = _FastLoader
else:  # PyYAML built without libyaml: every file takes the pure-Python path
    _FAST_LOADER = None


def read_yaml_file(
    path: Path, *, file: str, allow_empty: bool = False, guide: str | None = None
) -> YamlResult:
    """Read and parse a YAML file; ``file`` is the name shown in problems, ``guide`` the
    docs page of its fields (named when the file is empty)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return YamlResult(None, (_too_big(file, size),))
        raw = path.read_bytes()
    except OSError as error:
        return YamlResult(None, (_unreadable(file, error),))
    return parse_yaml_bytes(raw, file=file, allow_empty=allow_empty, guide=guide)


def parse_yaml_bytes(
    raw: bytes, *, file: str, allow_empty: bool = False, guide: str | None = None
) -> YamlResult:
    if len(raw) > MAX_BYTES:
        return YamlResult(None, (_too_big(file, len(raw)),))
    decoded = decode_utf8(raw, file=file)
    if decoded.problem:
        return YamlResult(None, (decoded.problem,))
    return parse_yaml_text(decoded.text, file=file, allow_empty=allow_empty, guide=guide)


def parse_yaml_text(
    text: str,
    *,
    file: str,
    first_line: int = 1,
    allow_empty: bool = False,
    guide: str | None = None,
) -> YamlResult:
    """Parse YAML text; ``first_line`` is the file line of the text's first line
    (for front matter that starts below a ``---``).

    Files without ``&`` or ``*`` (no anchor or alias can be in them) are parsed by libyaml,
    about ten times faster; any other file, and any file libyaml finds wrong, goes through
    the pure-Python loader, whose messages are the ones explained to volunteers.
    """
    if _FAST_LOADER is not None and "&" not in text and "*" not in text:
        fast = _parse_with(_FAST_LOADER, text, file, first_line - 1, allow_empty, guide)
        if fast is not None:
            return fast
    return _parse_with(DefendedLoader, text, file, first_line - 1, allow_empty, guide, final=True)


def _parse_with(
    loader_class,
    text: str,
    file: str,
    offset: int,
    allow_empty: bool,
    guide: str | None,
    final: bool = False,
) -> YamlResult | None:
    """The result, or None when a non-final loader met an error (to be explained by the next)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            if allow_empty:
                return YamlResult(YamlDocument(None))
            return YamlResult(None, (_empty(file, guide),))
        lines: dict[str, int] = {}
        duplicates: list[Problem] = []
        _walk(node, "", lines, duplicates, file, offset)
        if duplicates:
            return YamlResult(None, tuple(duplicates))
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        return YamlResult(None, (_syntax_problem(file, error, offset, text),)) if final else None
    except yaml.YAMLError as error:  # unmarked errors: rare, still in plain words
        return YamlResult(None, (_syntax_problem(file, error, offset, text),)) if final else None
    except RecursionError:
        return YamlResult(None, (_too_deep(file),))
    finally:
        loader.dispose()
    return YamlResult(YamlDocument(data, lines))


def _walk(node: Node, path: str, lines: dict, problems: list, file: str, offset: int) -> None:
    """Record the line of every field and report duplicate keys, all of them."""
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            key = key_node.value if isinstance(key_node, ScalarNode) else "?"
            if key in seen:
                problems.append(_duplicate(file, line, join_path(path, key), seen[key]))
                continue
            seen[key] = line
            child = join_path(path, key)
            lines[child] = line
            _walk(value_node, child, lines, problems, file, offset)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            child = join_path(path, index)
            lines[child] = item.start_mark.line + 1 + offset
            _walk(item, child, lines, problems, file, offset)


# --- messages -------------------------------------------------------------------------

# The parser's reasons, in words a volunteer can act on (matched as substrings).
_PLAIN_REASONS: tuple[tuple[str, str, str], ...] = (
    (
        "anchor or alias",
        "anchors (&name) and aliases (*name) are not allowed; write each value out in full",
        "δεν επιτρέπονται άγκυρες (&όνομα) και αναφορές (*όνομα)· γράψτε κάθε τιμή ολόκληρη",
    ),
    (
        "impossible date",
        "this date does not exist; write a real date as YYYY-MM-DD",
        "αυτή η ημερομηνία δεν υπάρχει· γράψτε μια πραγματική ημερομηνία ως ΕΕΕΕ-ΜΜ-ΗΗ",
    ),
    (
        "mapping values are not allowed here",
        "a colon ':' where it cannot be; if a value contains ': ', put the whole value in "
        "double quotes, or check the indentation of this line",
        "άνω και κάτω τελεία ':' σε θέση που δεν επιτρέπεται· αν μια τιμή περιέχει ': ', "
        "βάλτε όλη την τιμή σε διπλά εισαγωγικά, ή ελέγξτε τις εσοχές της γραμμής",
    ),
    (
        "could not find expected ':'",
        "a line is missing the ':' after its field name, or a quote is not closed",
        "σε μια γραμμή λείπει το ':' μετά το όνομα του πεδίου, ή ένα εισαγωγικό δεν κλείνει",
    ),
    (
        "cannot start any token",
        "a character that cannot start a value here (a tab? use spaces for indentation; "
        "a value starting with @ or `? put it in double quotes)",
        "χαρακτήρας που δεν μπορεί να ξεκινά τιμή εδώ (tab; χρησιμοποιήστε κενά για εσοχές· "
        "τιμή που αρχίζει με @ ή `; βάλτε τη σε διπλά εισαγωγικά)",
    ),
    (
        "found unexpected end of stream",
        "the file ends inside a quoted value: a quote is opened and never closed",
        "το αρχείο τελειώνει μέσα σε τιμή με εισαγωγικά: ένα εισαγωγικό ανοίγει και δεν κλείνει",
    ),
    (
        "expected a single document",
        "the file holds more than one document ('---' line); keep a single one",
        "το αρχείο έχει περισσότερα από ένα έγγραφα (γραμμή '---')· κρατήστε μόνο ένα",
    ),
    (
        "could not determine a constructor",
        "tags starting with '!' are not allowed; write plain values",
        "δεν επιτρέπονται ετικέτες που αρχίζουν με '!'· γράψτε απλές τιμές",
    ),
    (
        "expected <block end>",
        "the indentation is inconsistent: fields of the same group must start in the same column",
        "οι εσοχές δεν είναι συνεπείς: τα πεδία της ίδιας ομάδας πρέπει να ξεκινούν στην ίδια "
        "στήλη",
    ),
    (
        "did not find expected key",
        "the indentation is inconsistent, or a list item '-' is mixed with fields",
        "οι εσοχές δεν είναι συνεπείς, ή ένα στοιχείο λίστας '-' ανακατεύεται με πεδία",
    ),
    (
        "while parsing a flow",
        "a list or group in brackets [ ] or { } is not closed properly (a missing ']', '}' or ',')",
        "μια λίστα ή ομάδα σε αγκύλες [ ] ή { } δεν κλείνει σωστά (λείπει ']', '}' ή ',')",
    ),
    (
        "did not find expected",
        "a list or group in brackets [ ] or { } is not closed properly",
        "μια λίστα ή ομάδα σε αγκύλες [ ] ή { } δεν κλείνει σωστά",
    ),
)


def _plain_reason(reason: str) -> tuple[str, str]:
    for needle, english, greek in _PLAIN_REASONS:
        if needle in reason:
            return english, greek
    return reason, reason


def _syntax_problem(file: str, error: yaml.YAMLError, offset: int, text: str) -> Problem:
    """In plain words, at a line and column; the parser's own English only in the English
    message, and only when we have no plain words for it."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 + offset if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    source_line = (
        text.splitlines()[mark.line]
        if mark is not None and mark.line < len(text.splitlines())
        else ""
    )
    if "\t" in source_line:
        tab = source_line.index("\t") + 1
        return Problem(
            file,
            line,
            None,
            f"this is not valid YAML: a tab character at column {tab}; YAML indents with spaces "
            "only, so replace the tab with spaces (two for each level)",
            f"δεν είναι έγκυρο YAML: χαρακτήρας tab στη στήλη {tab}· στο YAML οι εσοχές γίνονται "
            "μόνο με κενά, άρα αντικαταστήστε το tab με κενά (δύο για κάθε επίπεδο)",
            column=tab,
        )
    reason = " ".join(
        part for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part
    ) or str(error)
    english, greek = _plain_reason(reason)
    if isinstance(error, _Refused):
        return Problem(file, line, None, english, greek, column=column)
    at_en = f" at column {column}" if column else ""
    at_el = f" στη στήλη {column}" if column else ""
    if english == reason:  # no plain words for it: the parser's reason, in English only
        return Problem(
            file,
            line,
            None,
            f"this is not valid YAML{at_en} (the parser says: {reason}); check the quotes, the "
            "colons and the indentation of this line",
            f"δεν είναι έγκυρο YAML{at_el}· ελέγξτε τα εισαγωγικά, τις άνω και κάτω τελείες και "
            "τις εσοχές αυτής της γραμμής",
            column=column,
        )
    return Problem(
        file,
        line,
        None,
        f"this is not valid YAML{at_en}: {english}",
        f"δεν είναι έγκυρο YAML{at_el}: {greek}",
        column=column,
    )


def _duplicate(file: str, line: int, path: str, first_line: int) -> Problem:
    return Problem(
        file,
        line,
        path,
        f"this field is written twice (first on line {first_line}); keep only one",
        f"το πεδίο γράφεται δύο φορές (πρώτη φορά στη γραμμή {first_line})· κρατήστε μόνο ένα",
    )


def _empty(file: str, guide: str | None) -> Problem:
    see_en = f" (see {guide})" if guide else ""
    see_el = f" (δείτε {guide})" if guide else ""
    return Problem(
        file,
        None,
        None,
        f"the file is empty; it must hold the fields{see_en}",
        f"το αρχείο είναι κενό· πρέπει να περιέχει τα πεδία{see_el}",
    )


def _too_big(file: str, size: int) -> Problem:
    return Problem(
        file,
        None,
        None,
        f"the file is {size:,} bytes, too big for a data file (limit {MAX_BYTES:,})",
        f"το αρχείο έχει μέγεθος {size:,} bytes, πολύ μεγάλο για αρχείο δεδομένων "
        f"(όριο {MAX_BYTES:,})",
    )


def _too_deep(file: str) -> Problem:
    return Problem(
        file,
        None,
        None,
        "the file is nested too deeply to be a data file",
        "το αρχείο έχει υπερβολικά πολλά επίπεδα εμφώλευσης",
    )


def _unreadable(file: str, error: OSError) -> Problem:
    return Problem(
        file,
        None,
        None,
        f"the file cannot be read ({error.strerror})",
        f"το αρχείο δεν μπορεί να διαβαστεί ({error.strerror})",
    )


def as_date(value: Any) -> datetime.date | None:
    """A YAML date value (or a quoted ``YYYY-MM-DD``) as a date; None otherwise."""
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None
