"""Whether the keyphrase is used in the main text at all (all its words in one sentence)."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "keyphrase_in_text"
NEEDS_KEYPHRASE = True

MESSAGES = {
    "good": {
        "el": "Η φράση-κλειδί εμφανίζεται στο κείμενο (φορές: {count}).",
        "en": "The keyphrase appears in the text (times: {count}).",
    },
    "scattered": {
        "el": "Οι λέξεις της φράσης-κλειδιού υπάρχουν στο κείμενο, αλλά ποτέ μαζί στην ίδια "
        "πρόταση. Γράψτε τη φράση «{keyphrase}» τουλάχιστον μία φορά ολόκληρη.",
        "en": "The keyphrase's words are in the text but never together in one sentence. "
        "Write “{keyphrase}” in full at least once.",
    },
    "missing": {
        "el": "Η φράση-κλειδί «{keyphrase}» δεν εμφανίζεται στο κείμενο. Γράψτε την εκεί που "
        "ταιριάζει, με φυσικό τρόπο.",
        "en": "The keyphrase “{keyphrase}” does not appear in the text. Use it where it "
        "fits, naturally.",
    },
}


def run(ctx: Context) -> CheckResult:
    assert ctx.keyphrase is not None
    count = ctx.keyphrase.count(ctx.body_sentences)
    if count:
        return ctx.result(ID, "good", "good", MESSAGES, count=count)
    if ctx.keyphrase.match(ctx.body_words).all_words:
        return ctx.result(ID, "ok", "scattered", MESSAGES, count=0)
    return ctx.result(ID, "problem", "missing", MESSAGES, count=0)
