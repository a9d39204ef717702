"""Whether the meta description (the page's summary) has the keyphrase, once or twice."""

from __future__ import annotations

from ..context import Context
from ..language import sentences
from ..model import CheckResult

ID = "keyphrase_in_meta_description"
NEEDS_KEYPHRASE = True
MAX_USES = 2  # Yoast: more than twice reads as keyword stuffing

MESSAGES = {
    "good": {
        "el": "Η περίληψη (meta description) έχει τη φράση-κλειδί.",
        "en": "The summary (meta description) contains the keyphrase.",
    },
    "too_often": {
        "el": "Η περίληψη (meta description) έχει τη φράση-κλειδί πολλές φορές ({count}). "
        "Αρκούν μία ή δύο· γράψτε μια φυσική περιγραφή της σελίδας.",
        "en": "The summary (meta description) has the keyphrase too many times ({count}). Once or "
        "twice is enough: describe the page naturally.",
    },
    "missing": {
        "el": "Η περίληψη (meta description) δεν έχει τη φράση-κλειδί «{keyphrase}». Γράψτε "
        "την εκεί: οι μηχανές αναζήτησης τη δείχνουν με έντονα γράμματα στα αποτελέσματα.",
        "en": "The summary (meta description) does not contain the keyphrase “{keyphrase}”. "
        "Add it: search engines show it in bold in their results.",
    },
}


def run(ctx: Context) -> CheckResult | None:
    assert ctx.keyphrase is not None
    description = ctx.page.meta_description
    if not description.strip():
        return None  # meta_description_length reports the missing description
    count = ctx.keyphrase.count(sentences(description))
    if count > MAX_USES:
        return ctx.result(ID, "ok", "too_often", MESSAGES, count=count)
    if count or ctx.keyphrase.match(description).all_words:
        return ctx.result(ID, "good", "good", MESSAGES, count=count)
    return ctx.result(ID, "problem", "missing", MESSAGES, count=0)
