"""Whether at least one image's alt text has the keyphrase."""

from __future__ import annotations

from ..context import Context
from ..model import CheckResult

ID = "keyphrase_in_image_alt"
NEEDS_KEYPHRASE = True

MESSAGES = {
    "good": {
        "el": "Μια εικόνα έχει τη φράση-κλειδί στο εναλλακτικό της κείμενο (alt).",
        "en": "An image has the keyphrase in its alternative text (alt).",
    },
    "no_images": {
        "el": "Η σελίδα δεν έχει εικόνες. Προσθέστε μία, με εναλλακτικό κείμενο (alt) που "
        "περιγράφει τι δείχνει και περιέχει τη φράση-κλειδί, αν ταιριάζει.",
        "en": "The page has no images. Add one, with an alternative text (alt) that "
        "describes what it shows and includes the keyphrase where it fits.",
    },
    "partial": {
        "el": "Κάποιο εναλλακτικό κείμενο (alt) εικόνας έχει μόνο μερικές λέξεις της "
        "φράσης-κλειδιού. Περιγράψτε μια εικόνα με ολόκληρη τη φράση «{keyphrase}», αν "
        "ταιριάζει σε αυτό που δείχνει.",
        "en": "An image's alternative text (alt) has only some of the keyphrase's words. "
        "Describe one image with the whole of “{keyphrase}”, if it fits what it shows.",
    },
    "missing": {
        "el": "Καμία εικόνα (από {images}) δεν έχει τη φράση-κλειδί στο εναλλακτικό κείμενο "
        "(alt). Περιγράψτε μια εικόνα με λόγια που περιέχουν τη φράση «{keyphrase}».",
        "en": "No image (of {images}) has the keyphrase in its alternative text (alt). "
        "Describe one image in words that include “{keyphrase}”.",
    },
}


def run(ctx: Context) -> CheckResult:
    assert ctx.keyphrase is not None
    alts = [*ctx.page.images_alt, *(image.alt or "" for image in ctx.content.images)]
    if not alts:
        return ctx.result(ID, "ok", "no_images", MESSAGES, images=0)
    best = max(ctx.keyphrase.match(alt).found for alt in alts)
    total = len(ctx.keyphrase.words)
    values = {"images": len(alts), "found": best, "total": total}
    if best == total:
        return ctx.result(ID, "good", "good", MESSAGES, **values)
    if best * 2 > total:
        return ctx.result(ID, "ok", "partial", MESSAGES, **values)
    return ctx.result(ID, "problem", "missing", MESSAGES, **values)
