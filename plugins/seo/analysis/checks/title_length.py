"""Whether the title is there and fits in search results (``SEO_TITLE_LENGTH``).

Yoast measures the title's width in pixels (600 px in Google's results); this check
counts characters, 30 to 60 being the usual approximation of that width. A title longer
than the maximum is a problem (the end is cut off, as Yoast also judges); a short one is ok.
"""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult
from ._length import visible_length

ID = "title_length"
NEEDS_KEYPHRASE = False

MESSAGES = {
    "good": {
        "el": "Ο τίτλος έχει {length} χαρακτήρες: χωράει στα αποτελέσματα αναζήτησης.",
        "en": "The title has {length} characters: it fits in search results.",
    },
    "missing": {
        "el": "Η σελίδα δεν έχει τίτλο. Γράψτε έναν σύντομο τίτλο που ξεκινά με τη φράση-κλειδί.",
        "en": "The page has no title. Write a short title that starts with the keyphrase.",
    },
    "too_short": {
        "el": "Ο τίτλος έχει μόνο {length} χαρακτήρες. Υπάρχει χώρος έως {max}: προσθέστε "
        "π.χ. την περιοχή ή τι κάνετε.",
        "en": "The title has only {length} characters. There is room for up to {max}: add, "
        "say, the area or what you do.",
    },
    "too_long": {
        "el": "Ο τίτλος έχει {length} χαρακτήρες· οι μηχανές αναζήτησης δείχνουν περίπου "
        "{max} και κόβουν τα υπόλοιπα. Συντομέψτε τον, κρατώντας τη φράση-κλειδί στην αρχή.",
        "en": "The title has {length} characters; search engines show about {max} and cut "
        "the rest. Shorten it, keeping the keyphrase at the start.",
    },
}


def run(ctx: Context) -> CheckResult:
    band = ctx.settings["SEO_TITLE_LENGTH"]
    length = visible_length(ctx.page.title)
    values = {"length": length, "min": band["min"], "max": band["max"]}
    if length == 0:
        return ctx.result(ID, "problem", "missing", MESSAGES, **values)
    if length > band["max"]:
        return ctx.result(ID, "problem", "too_long", MESSAGES, **values)
    if length < band["min"]:
        return ctx.result(ID, "ok", "too_short", MESSAGES, **values)
    return ctx.result(ID, "good", "good", MESSAGES, **values)
