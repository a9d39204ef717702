"""Whether the keyphrase is short enough to be something people type (Yoast: 1-4 words)."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "keyphrase_length"
NEEDS_KEYPHRASE = True

MESSAGES = {
    "good": {
        "el": "Η φράση-κλειδί έχει καλό μήκος (λέξεις με νόημα: {words}).",
        "en": "The keyphrase has a good length (meaningful words: {words}).",
    },
    "long": {
        "el": "Η φράση-κλειδί είναι μακριά (λέξεις με νόημα: {words}). Κρατήστε τις λέξεις "
        "που θα πληκτρολογούσε κάποιος, έως {good}.",
        "en": "The keyphrase is long (meaningful words: {words}). Keep the words people "
        "would type, {good} at most.",
    },
    "too_long": {
        "el": "Η φράση-κλειδί είναι πολύ μακριά (λέξεις με νόημα: {words}). Γράψτε μια "
        "σύντομη φράση, έως {good} λέξεις, όπως θα την έψαχνε κάποιος.",
        "en": "The keyphrase is far too long (meaningful words: {words}). Write a short "
        "phrase of {good} words at most, as people would search for it.",
    },
    "only_stop_words": {
        "el": "Η φράση-κλειδί «{keyphrase}» έχει μόνο μικρές λέξεις (άρθρα, προθέσεις). "
        "Γράψτε λέξεις με νόημα, π.χ. «κοινωνική κουζίνα Περιστέρι».",
        "en": "The keyphrase “{keyphrase}” has only small words (articles, prepositions). "
        "Use meaningful words, e.g. “social kitchen Peristeri”.",
    },
}


def run(ctx: Context) -> CheckResult:
    assert ctx.keyphrase is not None
    if ctx.keyphrase.only_stop_words:
        return ctx.result(ID, "problem", "only_stop_words", MESSAGES)
    limits = ctx.settings["SEO_KEYPHRASE_WORDS"]
    count = len(ctx.keyphrase.words)
    if count <= limits["good"]:
        return ctx.result(ID, "good", "good", MESSAGES, words=count)
    if count <= limits["ok"]:
        return ctx.result(ID, "ok", "long", MESSAGES, words=count, good=limits["good"])
    return ctx.result(ID, "problem", "too_long", MESSAGES, words=count, good=limits["good"])
