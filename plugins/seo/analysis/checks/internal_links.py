"""Whether the main content links to other pages of this site (Yoast: none is a problem)."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult
from ._links import count_links

ID = "internal_links"
NEEDS_KEYPHRASE = False

MESSAGES = {
    "good": {
        "el": "Σύνδεσμοι προς άλλες σελίδες του Παρατηρητηρίου: {count}.",
        "en": "Links to other pages of the Observatory: {count}.",
    },
    "nofollow_only": {
        "el": 'Οι σύνδεσμοι προς σελίδες του Παρατηρητηρίου έχουν όλοι rel="nofollow". '
        "Αφαιρέστε το: οι μηχανές αναζήτησης πρέπει να τους ακολουθούν.",
        "en": 'All links to the Observatory\'s pages have rel="nofollow". Remove it: '
        "search engines should follow them.",
    },
    "none": {
        "el": "Το κείμενο δεν έχει συνδέσμους προς άλλες σελίδες του Παρατηρητηρίου. "
        "Προσθέστε έναν ή δύο, π.χ. προς μια σχετική οργάνωση ή ένα εργαστήριο.",
        "en": "The text has no links to other pages of the Observatory. Add one or two, "
        "e.g. to a related organization or a workshop.",
    },
}


def run(ctx: Context) -> CheckResult:
    followed, nofollow = count_links(ctx, "internal")
    values = {"count": followed, "nofollow": nofollow}
    if followed:
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    if nofollow:
        return ctx.result(ID, "ok", "nofollow_only", MESSAGES, **values)
    return ctx.result(ID, "problem", "none", MESSAGES, **values)
