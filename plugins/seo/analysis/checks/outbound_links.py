"""Whether the main content links to other sites (Yoast: none is only a warning)."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult
from ._links import count_links

ID = "outbound_links"
NEEDS_KEYPHRASE = False

MESSAGES = {
    "good": {
        "el": "Σύνδεσμοι προς άλλους ιστότοπους: {count}.",
        "en": "Links to other websites: {count}.",
    },
    "nofollow_only": {
        "el": 'Όλοι οι σύνδεσμοι προς άλλους ιστότοπους έχουν rel="nofollow". Αν '
        "εμπιστεύεστε έναν ιστότοπο (π.χ. της ίδιας της οργάνωσης), αφαιρέστε το.",
        "en": 'All links to other websites have rel="nofollow". Where you trust a site '
        "(the organization's own, say), remove it.",
    },
    "none": {
        "el": "Το κείμενο δεν έχει συνδέσμους προς άλλους ιστότοπους. Προσθέστε, αν "
        "υπάρχει, τον ιστότοπο της οργάνωσης ή μια χρήσιμη πηγή.",
        "en": "The text has no links to other websites. Add the organization's own "
        "website, if it has one, or a useful source.",
    },
}


def run(ctx: Context) -> CheckResult:
    followed, nofollow = count_links(ctx, "outbound")
    values = {"count": followed, "nofollow": nofollow}
    if followed:
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    if nofollow:
        return ctx.result(ID, "ok", "nofollow_only", MESSAGES, **values)
    return ctx.result(ID, "ok", "none", MESSAGES, **values)
