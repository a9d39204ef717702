"""Whether the page's address (slug) has the keyphrase's words.

Greek words are compared through their ELOT 743 transliteration (``kalo.elot743``, the
way the project makes every slug): «κοινωνική κουζίνα» is found in
``koinoniki-kouzina`` and, by its stems, in ``koinonikis-kouzinas``. Latin-script words
are compared by their English stems (``social-kitchens`` has "social kitchen").
"""

from __future__ import annotations

from kalo.elot743 import slugify

from ..context import Context
from ..language import Word, is_greek, word_key
from ..model import CheckResult

ID = "keyphrase_in_slug"
NEEDS_KEYPHRASE = True
MAX_ENDING = 4  # letters an inflected ending may add to a transliterated Greek stem

MESSAGES = {
    "good": {
        "el": "Η διεύθυνση της σελίδας (slug) έχει τη φράση-κλειδί.",
        "en": "The page's address (slug) contains the keyphrase.",
    },
    "partial": {
        "el": "Η διεύθυνση της σελίδας (slug) έχει μόνο μερικές λέξεις της φράσης-κλειδιού "
        "({found} από {total}). Μια διεύθυνση σαν «{suggestion}» θα ταίριαζε καλύτερα.",
        "en": "The page's address (slug) has only some of the keyphrase's words ({found} of "
        "{total}). An address like “{suggestion}” would fit better.",
    },
    "missing": {
        "el": "Η διεύθυνση της σελίδας (slug) δεν έχει τη φράση-κλειδί. Μια διεύθυνση σαν "
        "«{suggestion}» θα βοηθούσε. Αν η σελίδα έχει ήδη δημοσιευτεί, ρωτήστε πριν την "
        "αλλάξετε: οι παλιοί σύνδεσμοι θα σπάσουν.",
        "en": "The page's address (slug) does not contain the keyphrase. An address like "
        "“{suggestion}” would help. If the page is already published, ask before "
        "changing it: old links would break.",
    },
}


def _in_slug(word: Word, tokens: list[str]) -> bool:
    if slugify(word.text) in tokens:
        return True
    if is_greek(word.key):
        stem = slugify(word.key)
        return len(stem) >= 3 and any(
            token.startswith(stem) and len(token) - len(stem) <= MAX_ENDING for token in tokens
        )
    return any(word_key(token) == word.key for token in tokens)


def run(ctx: Context) -> CheckResult | None:
    assert ctx.keyphrase is not None
    tokens = [t for t in ctx.page.slug.lower().split("-") if t]
    if not tokens:
        return None  # the home page has no slug
    words = ctx.keyphrase.words
    found = sum(1 for word in words if _in_slug(word, tokens))
    values = {"found": found, "total": len(words), "suggestion": slugify(ctx.keyphrase.text)}
    if found == len(words):
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    if found * 2 > len(words):
        return ctx.result(ID, "ok", "partial", MESSAGES, **values)
    return ctx.result(ID, "problem", "missing", MESSAGES, **values)
