"""Whether another page in the same language has the same focus keyphrase.

Pages with the same keyphrase compete for the same searches. Keys come from
``keyphrase_key`` (language, then the sorted stems), so «κοινωνική κουζίνα» and
«Κοινωνικές κουζίνες» compete, but a Greek page never competes with an English one.
Yoast: one other page is a warning, more are a problem. The report lists the first
``LISTED_URLS`` competitors in address order and counts them all.
"""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "competing_pages"
# Competing addresses kept in the report (the count is always complete): a keyphrase shared
# by hundreds of pages would otherwise repeat the whole list in each of their reports.
LISTED_URLS = 10
NEEDS_KEYPHRASE = True

MESSAGES = {
    "good": {
        "el": "Καμία άλλη σελίδα δεν έχει την ίδια φράση-κλειδί.",
        "en": "No other page has the same keyphrase.",
    },
    "one": {
        "el": "Και η σελίδα {urls} έχει τη φράση-κλειδί «{keyphrase}»· οι δύο σελίδες θα "
        "ανταγωνίζονται στις αναζητήσεις. Διαλέξτε μια πιο συγκεκριμένη φράση για τη μία "
        "(π.χ. με την περιοχή ή τη δραστηριότητα).",
        "en": "The page {urls} also has the keyphrase “{keyphrase}”: the two pages will "
        "compete in searches. Choose a more specific phrase for one of them (add the "
        "area or the activity, say).",
    },
    "many": {
        "el": "Άλλες {count} σελίδες έχουν τη φράση-κλειδί «{keyphrase}» ({urls}). Δώστε σε "
        "κάθε σελίδα τη δική της, πιο συγκεκριμένη φράση.",
        "en": "{count} other pages have the keyphrase “{keyphrase}” ({urls}). Give each "
        "page its own, more specific phrase.",
    },
}


def run(ctx: Context) -> CheckResult:
    assert ctx.keyphrase is not None
    key = ctx.keyphrase.key(ctx.page.lang)
    others = sorted(set(ctx.page.keyphrase_pages.get(key, ())) - {ctx.page.url})
    count = len(others) if ctx.page.competing_count is None else ctx.page.competing_count
    values = {"count": count, "urls": others[:LISTED_URLS], "key": key}
    if not count:
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    if count == 1:
        return ctx.result(ID, "ok", "one", MESSAGES, **values)
    return ctx.result(ID, "problem", "many", MESSAGES, **values)
