"""Whether the page has a focus keyphrase at all (the first of its keywords)."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "keyphrase_set"
NEEDS_KEYPHRASE = False

MESSAGES = {
    "missing": {
        "el": "Δεν έχει οριστεί φράση-κλειδί. Γράψτε πρώτη στις λέξεις-κλειδιά (keywords) "
        "τη φράση που θα πληκτρολογούσε κάποιος για να βρει αυτή τη σελίδα, "
        "π.χ. «κοινωνική κουζίνα Περιστέρι».",
        "en": "No focus keyphrase is set. Put first among the keywords the phrase people "
        "would type to find this page, e.g. “social kitchen Peristeri”.",
    },
    "set": {
        "el": "Η φράση-κλειδί είναι «{keyphrase}».",
        "en": "The focus keyphrase is “{keyphrase}”.",
    },
}


def run(ctx: Context) -> CheckResult:
    if ctx.keyphrase is None:
        return ctx.result(ID, "problem", "missing", MESSAGES)
    return ctx.result(ID, "good", "set", MESSAGES)
