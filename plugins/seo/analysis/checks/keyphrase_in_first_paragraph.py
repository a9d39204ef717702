"""Whether the first paragraph has the keyphrase (Yoast: best within one sentence)."""

from __future__ import annotations

from ..context import Context
from ..language import sentences
from ..model import CheckResult

ID = "keyphrase_in_first_paragraph"
NEEDS_KEYPHRASE = True

MESSAGES = {
    "good": {
        "el": "Η φράση-κλειδί εμφανίζεται στην πρώτη παράγραφο.",
        "en": "The keyphrase appears in the first paragraph.",
    },
    "scattered": {
        "el": "Οι λέξεις της φράσης-κλειδιού είναι στην πρώτη παράγραφο, αλλά σε διαφορετικές "
        "προτάσεις. Γράψτε τες μαζί, σε μία πρόταση.",
        "en": "The keyphrase's words are in the first paragraph, but in different "
        "sentences. Put them together in one sentence.",
    },
    "missing": {
        "el": "Η φράση-κλειδί δεν εμφανίζεται στην πρώτη παράγραφο. Γράψτε την εκεί, ώστε "
        "να φαίνεται αμέσως τι αφορά η σελίδα.",
        "en": "The keyphrase does not appear in the first paragraph. Put it there, so that "
        "it is clear at once what the page is about.",
    },
}


def run(ctx: Context) -> CheckResult | None:
    assert ctx.keyphrase is not None
    paragraph = ctx.content.first_paragraph
    if not paragraph:
        return None  # text_length reports the empty page
    if ctx.keyphrase.count(sentences(paragraph)):
        return ctx.result(ID, "good", "good", MESSAGES)
    if ctx.keyphrase.match(paragraph).all_words:
        return ctx.result(ID, "ok", "scattered", MESSAGES)
    return ctx.result(ID, "problem", "missing", MESSAGES)
