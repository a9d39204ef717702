"""How often the keyphrase is used per 100 words of text (Yoast: 0.5% to 3%).

Not judged for short texts (``SEO_DENSITY["min_words"]``), nor when the keyphrase is not
used at all (``keyphrase_in_text`` says so). Deviation from Yoast: too rare is "ok" here,
not a problem, because the keyphrase is there; too often is a problem (keyword stuffing).
"""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "keyphrase_density"
NEEDS_KEYPHRASE = True

MESSAGES = {
    "good": {
        "el": "Πυκνότητα φράσης-κλειδιού {density}% (φορές: {count}, λέξεις: {words}): μια χαρά.",
        "en": "Keyphrase density {density}% (times: {count}, words: {words}): just right.",
    },
    "too_low": {
        "el": "Πυκνότητα φράσης-κλειδιού {density}% (φορές: {count}, λέξεις: {words}): "
        "χαμηλή. Γράψτε τη λίγο πιο συχνά, όπου ταιριάζει (στόχος: από {min}% έως {max}%).",
        "en": "Keyphrase density {density}% (times: {count}, words: {words}): low. Use it "
        "a little more often where it fits (aim: {min}% to {max}%).",
    },
    "too_high": {
        "el": "Πυκνότητα φράσης-κλειδιού {density}% (φορές: {count}, λέξεις: {words}): "
        "πολύ υψηλή. Οι μηχανές αναζήτησης το θεωρούν παραγέμισμα· γράψτε πιο φυσικά, "
        "με συνώνυμα (στόχος: έως {max}%).",
        "en": "Keyphrase density {density}% (times: {count}, words: {words}): too high. "
        "Search engines treat that as stuffing; write more naturally, with synonyms "
        "(aim: at most {max}%).",
    },
}


def run(ctx: Context) -> CheckResult | None:
    assert ctx.keyphrase is not None
    band = ctx.settings["SEO_DENSITY"]
    words = len(ctx.body_words)
    if words < band["min_words"]:
        return None
    count = ctx.keyphrase.count(ctx.body_sentences)
    if not count:
        return None
    density = round(100 * count / words, 2)
    values = {
        "count": count,
        "words": words,
        "density": float(density),
        "min": float(band["min"]),
        "max": float(band["max"]),
    }
    if density < band["min"]:
        return ctx.result(ID, "ok", "too_low", MESSAGES, **values)
    if density > band["max"]:
        return ctx.result(ID, "problem", "too_high", MESSAGES, **values)
    return ctx.result(ID, "good", "good", MESSAGES, **values)
