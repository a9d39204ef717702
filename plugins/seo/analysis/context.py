"""What every check reads about one page, worked out once, and how a check answers."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from .content import Content, parse_html
from .language import Keyphrase, Word, sentences, words
from .model import CheckResult, Level, PageForAnalysis

SHOWN_ITEMS = 3  # items of a list value named in an advice

Messages = Mapping[str, Mapping[str, str]]
"""outcome → language → message template (``str.format`` fields from the values)."""


class Context:
    """One page, parsed, with its keyphrase and the settings; parts are computed on demand."""

    def __init__(self, page: PageForAnalysis, settings: Mapping[str, Any]):
        self.page = page
        self.settings = settings
        self.keyphrase = Keyphrase.parse(page.keyphrase)

    @cached_property
    def content(self) -> Content:
        return parse_html(self.page.html)

    @cached_property
    def body_words(self) -> tuple[Word, ...]:
        return words(self.content.text)

    @cached_property
    def body_sentences(self) -> tuple[tuple[Word, ...], ...]:
        return tuple(
            words(sentence) for block in self.content.blocks for sentence in sentences(block.text)
        )

    def result(
        self, check_id: str, level: Level, outcome: str, messages: Messages, **values: Any
    ) -> CheckResult:
        """The check's answer, with the advice written in the page's language."""
        template = messages[outcome].get(self.page.lang) or messages[outcome]["en"]
        shown = {key: self._show(value) for key, value in values.items()}
        if self.keyphrase is not None:
            shown.setdefault("keyphrase", self.keyphrase.text)
        return CheckResult(check_id, level, outcome, template.format(**shown), dict(values))

    def _show(self, value: Any) -> str:
        if isinstance(value, float):
            text = f"{value:.1f}"
            return text.replace(".", ",") if self.page.lang == "el" else text
        if isinstance(value, (list, tuple)):
            shown = [str(v) for v in value[:SHOWN_ITEMS]]
            return ", ".join(shown + (["…"] if len(value) > SHOWN_ITEMS else []))
        return str(value)
