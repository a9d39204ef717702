"""Whether the main text is long enough (``SEO_TEXT_LENGTH``, by kind of page).

Yoast asks 300 words of a page; organization profiles and workshops are short by nature
and have lower thresholds (see ``seo.settings``).
"""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "text_length"
NEEDS_KEYPHRASE = False

MESSAGES = {
    "good": {
        "el": "Το κείμενο έχει {words} λέξεις: αρκετό.",
        "en": "The text has {words} words: enough.",
    },
    "short": {
        "el": "Το κείμενο έχει {words} λέξεις, λίγο κάτω από τις {good} που προτείνονται. "
        "Προσθέστε μερικές προτάσεις για όσα κάνετε, πού και πότε.",
        "en": "The text has {words} words, a little under the {good} recommended. Add a "
        "few sentences about what you do, where and when.",
    },
    "too_short": {
        "el": "Το κείμενο έχει μόνο {words} λέξεις· προτείνονται τουλάχιστον {good}. Οι "
        "μηχανές αναζήτησης δύσκολα καταλαβαίνουν μια τόσο σύντομη σελίδα: περιγράψτε "
        "τι κάνετε, για ποιους, πού και πώς μπορεί κάποιος να συμμετάσχει.",
        "en": "The text has only {words} words; at least {good} are recommended. Search "
        "engines hardly understand such a short page: describe what you do, for whom, "
        "where, and how people can take part.",
    },
    "empty": {
        "el": "Η σελίδα δεν έχει κείμενο. Γράψτε τουλάχιστον {good} λέξεις.",
        "en": "The page has no text. Write at least {good} words.",
    },
}


def run(ctx: Context) -> CheckResult:
    thresholds = ctx.settings["SEO_TEXT_LENGTH"]
    limits = thresholds.get(ctx.page.kind) or thresholds["page"]
    words = len(ctx.body_words)
    values = {"words": words, "good": limits["good"], "ok": limits["ok"]}
    if words >= limits["good"]:
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    if words >= limits["ok"]:
        return ctx.result(ID, "ok", "short", MESSAGES, **values)
    if words == 0:
        return ctx.result(ID, "problem", "empty", MESSAGES, **values)
    return ctx.result(ID, "problem", "too_short", MESSAGES, **values)
