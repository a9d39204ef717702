"""Content mistakes as values: collected, then reported together, never as tracebacks.

Each is printed in Greek first, then in English (volunteers read Greek); maintainers set
``KALO_MESSAGES=en`` for English first. A field path counts list items from 1, as people
do: ``photos[0]`` in the code is ``photos[1]`` in a message, "η 1η φωτογραφία" in Greek.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

# "note": not a mistake, but something that will not be published, said by name.
Severity = Literal["error", "warning", "note"]

_INDEX = re.compile(r"\[(\d+)\]")
_PREFIX = {
    ("warning", "en"): "warning: ",
    ("warning", "el"): "προειδοποίηση: ",
    ("note", "en"): "not published: ",
    ("note", "el"): "δεν δημοσιεύεται: ",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, in words a volunteer understands.

    ``file`` is the path as the volunteer sees it (relative to the project's root
    where possible); ``field`` is a dotted path such as ``photos[2].alt.el`` (list items
    counted from 0, as in the data); ``field_el`` says which item it is in Greek words
    ("η 3η φωτογραφία"), where the checker knows.
    """

    file: str
    line: int | None
    field: str | None
    message_en: str
    message_el: str
    severity: Severity = "error"
    column: int | None = None
    field_el: str | None = None

    def format(self, lang: str = "en") -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        message = self.message_el if lang == "el" else self.message_en
        prefix = f"{where}: "
        if self.field:
            prefix += f"{shown_field(self.field)}"
            if lang == "el" and self.field_el:
                prefix += f" ({self.field_el})"
            prefix += ": "
        return prefix + _PREFIX.get((self.severity, lang), "") + message


def shown_field(path: str) -> str:
    """``photos[0].alt.el`` as people count: ``photos[1].alt.el``."""
    return _INDEX.sub(lambda match: f"[{int(match.group(1)) + 1}]", path)


def message_langs() -> tuple[str, str]:
    """Greek first, unless ``KALO_MESSAGES=en`` asks for English first."""
    first = os.environ.get("KALO_MESSAGES", "el").strip().lower()
    return ("en", "el") if first == "en" else ("el", "en")


class ContentErrors(Exception):
    """Raised at the boundary when content has errors; carries all of them."""

    def __init__(self, problems: Iterable[Problem]):
        from kalo.i18n import translate_plural

        self.problems = sorted(problems, key=_sort_key)
        count = len(errors_only(self.problems))
        lines = {
            lang: translate_plural(
                lang,
                "%(num)d error in the content, listed above; nothing was published.",
                "%(num)d errors in the content, listed above; nothing was published.",
                count,
            )
            % {"num": count}
            for lang in ("el", "en")
        }
        super().__init__(" / ".join(lines[lang] for lang in message_langs()))

    def __reduce__(self):
        # Whole across processes (a forked worker's mistakes are raised in the build).
        return type(self), (self.problems,)


def _sort_key(problem: Problem):
    return (problem.file, problem.line or 0, problem.field or "", problem.message_en)


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def format_report(problems: Iterable[Problem], langs: tuple[str, ...] | None = None) -> str:
    """All problems, sorted by file and line; each in Greek, then in English, indented."""
    langs = langs or message_langs()
    lines = []
    for problem in sorted(problems, key=_sort_key):
        for lang in langs:
            text = problem.format(lang)
            lines.append(text if lang == langs[0] else "    " + text)
    return "\n".join(lines)


def raise_if_errors(problems: Iterable[Problem], stream=None) -> None:
    """Print every problem (errors, warnings, notes) plainly, then stop if any is an error.

    Printed here rather than through Pelican's log, which would wrap and decorate them.
    """
    problems = list(problems)
    if problems:
        print(format_report(problems), file=stream or sys.stderr, flush=True)
    if errors_only(problems):
        raise ContentErrors(problems)
