"""Whether a subheading (h2 or h3) of the main content has the keyphrase."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "keyphrase_in_subheading"
NEEDS_KEYPHRASE = True
LONG_TEXT = 300  # words: a text this long should have subheadings (Yoast: 300)

MESSAGES = {
    "good": {
        "el": "Ένας υπότιτλος έχει τη φράση-κλειδί.",
        "en": "A subheading contains the keyphrase.",
    },
    "no_subheadings": {
        "el": "Το κείμενο είναι μεγάλο ({words} λέξεις) και δεν έχει υπότιτλους. Χωρίστε το "
        "με υπότιτλους (## στο Markdown) και γράψτε τη φράση-κλειδί σε έναν από αυτούς.",
        "en": "The text is long ({words} words) and has no subheadings. Break it up with "
        "subheadings (## in Markdown) and put the keyphrase in one of them.",
    },
    "missing": {
        "el": "Κανένας υπότιτλος (από {subheadings}) δεν έχει τη φράση-κλειδί. Γράψτε τη "
        "φράση «{keyphrase}» σε έναν υπότιτλο, εκεί που ταιριάζει.",
        "en": "No subheading (of {subheadings}) contains the keyphrase. Put “{keyphrase}” in "
        "one subheading, where it fits.",
    },
}


def run(ctx: Context) -> CheckResult | None:
    assert ctx.keyphrase is not None
    subheadings = ctx.content.subheadings
    if not subheadings:
        words = len(ctx.body_words)
        if words < LONG_TEXT:
            return None  # a short text needs no subheadings
        return ctx.result(ID, "ok", "no_subheadings", MESSAGES, words=words, subheadings=0)
    values = {"subheadings": len(subheadings)}
    if any(ctx.keyphrase.match(text).all_words for text in subheadings):
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    return ctx.result(ID, "problem", "missing", MESSAGES, **values)
