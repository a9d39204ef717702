"""Whether the title has the keyphrase, in order, near its start (Yoast: at the start)."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "keyphrase_in_title"
NEEDS_KEYPHRASE = True

MESSAGES = {
    "good": {
        "el": "Ο τίτλος ξεκινά με τη φράση-κλειδί.",
        "en": "The title starts with the keyphrase.",
    },
    "not_at_start": {
        "el": "Ο τίτλος έχει τη φράση-κλειδί, αλλά όχι στην αρχή. Μετακινήστε τη στην αρχή "
        "του τίτλου: εκεί τη βλέπουν πρώτα οι αναγνώστες και οι μηχανές αναζήτησης.",
        "en": "The title has the keyphrase, but not at its start. Move it to the start: "
        "readers and search engines see that part first.",
    },
    "not_in_order": {
        "el": "Ο τίτλος έχει όλες τις λέξεις της φράσης-κλειδιού, αλλά όχι μαζί και με τη "
        "σειρά. Γράψτε «{keyphrase}» ακριβώς έτσι, στην αρχή του τίτλου.",
        "en": "The title has all the keyphrase's words, but not together and in order. "
        "Write “{keyphrase}” as it is, at the start of the title.",
    },
    "missing": {
        "el": "Ο τίτλος δεν έχει τη φράση-κλειδί «{keyphrase}». Γράψτε τη στην αρχή του τίτλου.",
        "en": "The title does not contain the keyphrase “{keyphrase}”. Put it at the start "
        "of the title.",
    },
}


def run(ctx: Context) -> CheckResult | None:
    assert ctx.keyphrase is not None
    if not ctx.page.title.strip():
        return None  # title_length reports the missing title
    match = ctx.keyphrase.match(ctx.page.title)
    values = {"found": match.found, "total": match.total, "position": match.start}
    if match.exact and match.start <= ctx.settings["SEO_TITLE_KEYPHRASE_START"]:
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    if match.exact:
        return ctx.result(ID, "ok", "not_at_start", MESSAGES, **values)
    if match.all_words:
        return ctx.result(ID, "ok", "not_in_order", MESSAGES, **values)
    return ctx.result(ID, "problem", "missing", MESSAGES, **values)
