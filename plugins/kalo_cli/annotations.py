"""The check's findings where the volunteer looks: on the changed line of a pull request
(GitHub Actions workflow commands) or of a merge request (GitLab Code Quality report).
Greek first, then English, as in the terminal."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from kalo.problems import Problem, message_langs, shown_field

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "note": "info"}
TITLE = {"el": "Έλεγχος περιεχομένου", "en": "Content check"}


def _text(problem: Problem, lang: str) -> str:
    message = problem.message_el if lang == "el" else problem.message_en
    if problem.field:
        where = shown_field(problem.field)
        if lang == "el" and problem.field_el:
            where += f" ({problem.field_el})"
        message = f"{where}: {message}"
    return message


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_commands(problems: Iterable[Problem]) -> list[str]:
    """``::error file=…,line=…,title=…::message`` lines (GitHub Actions), one per problem."""
    first, second = message_langs()
    lines = []
    for problem in problems:
        properties = [f"file={_escape_property(problem.file)}"]
        if problem.line is not None:
            properties.append(f"line={problem.line}")
            if problem.column is not None:
                properties.append(f"col={problem.column}")
        title = f"{TITLE[first]} / {TITLE[second]}"
        properties.append(f"title={_escape_property(title)}")
        message = _text(problem, first) + "\n" + _text(problem, second)
        level = _GITHUB_LEVEL[problem.severity]
        lines.append(f"::{level} {','.join(properties)}::{_escape_data(message)}")
    return lines


def gitlab_code_quality(problems: Iterable[Problem]) -> str:
    """A GitLab Code Quality report (JSON), shown on the merge request's changed lines."""
    first, second = message_langs()
    report = []
    for problem in problems:
        identity = f"{problem.file}\0{problem.line}\0{problem.field}\0{problem.message_en}"
        report.append(
            {
                "description": f"{_text(problem, first)} / {_text(problem, second)}",
                "check_name": "kalo-content-check",
                "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
                "severity": _GITLAB_SEVERITY[problem.severity],
                "location": {"path": problem.file, "lines": {"begin": problem.line or 1}},
            }
        )
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"
