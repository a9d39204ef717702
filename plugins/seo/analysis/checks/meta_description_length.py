"""Whether the meta description (summary) is there and 120-156 characters long (Yoast).

Length is counted in characters (Unicode code points after NFC normalization, spaces
collapsed), not bytes: a Greek letter is one character, though two bytes in UTF-8.
"""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult
from ._length import visible_length

ID = "meta_description_length"
NEEDS_KEYPHRASE = False

MESSAGES = {
    "good": {
        "el": "Η περίληψη (meta description) έχει {length} χαρακτήρες: καλό μήκος.",
        "en": "The summary (meta description) has {length} characters: a good length.",
    },
    "missing": {
        "el": "Η σελίδα δεν έχει περίληψη (meta description). Γράψτε στο summary δύο "
        "προτάσεις ({min}–{max} χαρακτήρες) που λένε τι θα βρει κάποιος εδώ, με τη "
        "φράση-κλειδί.",
        "en": "The page has no summary (meta description). Write in the summary two "
        "sentences ({min}–{max} characters) saying what people will find here, with the "
        "keyphrase.",
    },
    "too_short": {
        "el": "Η περίληψη (meta description) έχει {length} χαρακτήρες· είναι σύντομη. "
        "Γράψτε έως {max} χαρακτήρες (τουλάχιστον {min}), για να δείξετε τι θα βρει κάποιος εδώ.",
        "en": "The summary (meta description) has {length} characters: it is short. Use "
        "up to {max} characters (at least {min}) to show what people will find here.",
    },
    "too_long": {
        "el": "Η περίληψη (meta description) έχει {length} χαρακτήρες· οι μηχανές αναζήτησης "
        "θα κόψουν ό,τι περνά τους {max}. Συντομέψτε την.",
        "en": "The summary (meta description) has {length} characters: search engines "
        "cut whatever is past {max}. Shorten it.",
    },
}


def run(ctx: Context) -> CheckResult:
    band = ctx.settings["SEO_META_DESCRIPTION_LENGTH"]
    length = visible_length(ctx.page.meta_description)
    values = {"length": length, "min": band["min"], "max": band["max"]}
    if length == 0:
        return ctx.result(ID, "problem", "missing", MESSAGES, **values)
    if length < band["min"]:
        return ctx.result(ID, "ok", "too_short", MESSAGES, **values)
    if length > band["max"]:
        return ctx.result(ID, "ok", "too_long", MESSAGES, **values)
    return ctx.result(ID, "good", "good", MESSAGES, **values)
