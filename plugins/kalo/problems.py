"""Content mistakes as values: collected, then reported together, never as tracebacks."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, in words a volunteer understands.

    ``file`` is the path as the volunteer sees it (relative to the project's root
    where possible); ``field`` is a dotted path such as ``photos[2].alt.el``.
    """

    file: str
    line: int | None
    field: str | None
    message_en: str
    message_el: str
    severity: Severity = "error"

    def format(self, lang: str = "en") -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        message = self.message_el if lang == "el" else self.message_en
        prefix = f"{where}: "
        if self.field:
            prefix += f"{self.field}: "
        if self.severity == "warning":
            prefix += "warning: " if lang != "el" else "προειδοποίηση: "
        return prefix + message


class ContentErrors(Exception):
    """Raised at the boundary when content has errors; carries all of them."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        count = len(errors_only(self.problems))
        super().__init__(
            f"{count} error(s) in the content, listed above; nothing was published. "
            f"/ {count} λάθος(η) στο περιεχόμενο, δείτε παραπάνω· δεν δημοσιεύτηκε τίποτα."
        )


def _sort_key(problem: Problem):
    return (problem.file, problem.line or 0, problem.field or "", problem.message_en)


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def format_report(problems: Iterable[Problem], langs: tuple[str, ...] = ("en", "el")) -> str:
    """All problems, sorted by file and line; each in English, then in Greek."""
    lines = []
    for problem in sorted(problems, key=_sort_key):
        for lang in langs:
            text = problem.format(lang)
            lines.append(text if lang == langs[0] else "    " + text)
    return "\n".join(lines)


def raise_if_errors(problems: Iterable[Problem], stream=None) -> None:
    """Print every problem (errors and warnings) plainly, then stop if any is an error.

    Printed here rather than through Pelican's log, which would wrap and decorate them.
    """
    problems = list(problems)
    if problems:
        print(format_report(problems), file=stream or sys.stderr, flush=True)
    if errors_only(problems):
        raise ContentErrors(problems)
