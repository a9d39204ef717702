"""Every image problem a volunteer can meet, in plain English and Greek, in one place."""

from __future__ import annotations

from kalo.problems import Problem

_FIX_EN = "Please export it again (for example as JPEG or PNG) and replace the file."
_FIX_EL = "Παρακαλούμε αποθηκεύστε την ξανά (π.χ. ως JPEG ή PNG) και αντικαταστήστε το αρχείο."


def _p(file: str, en: str, el: str, severity: str = "error") -> Problem:
    return Problem(file, None, None, en, el, severity)  # type: ignore[arg-type]


def unreadable(file: str, reason: str) -> Problem:
    return _p(
        file,
        f"the file cannot be read ({reason}).",
        f"το αρχείο δεν μπορεί να διαβαστεί ({reason}).",
    )


def missing(file: str) -> Problem:
    return _p(file, "the image file does not exist.", "το αρχείο της εικόνας δεν υπάρχει.")


def empty(file: str) -> Problem:
    return _p(
        file, "the image file is empty (0 bytes).", "το αρχείο της εικόνας είναι άδειο (0 bytes)."
    )


def file_too_big(file: str, size: int, limit: int) -> Problem:
    return _p(
        file,
        f"the file is {size / 1e6:.0f} MB; images may be at most {limit / 1e6:.0f} MB. "
        "Please send a smaller copy.",
        f"το αρχείο είναι {size / 1e6:.0f} MB· οι εικόνες μπορούν να είναι έως "
        f"{limit / 1e6:.0f} MB. Παρακαλούμε στείλτε ένα μικρότερο αντίγραφο.",
    )


def text_not_image(file: str) -> Problem:
    return _p(
        file,
        "this is a text file, not an image, although its name ends like an image's.",
        "αυτό είναι αρχείο κειμένου, όχι εικόνα, παρότι το όνομά του τελειώνει σαν εικόνας.",
    )


def unknown_format(file: str) -> Problem:
    return _p(
        file,
        "this is not an image in a format the site accepts (JPEG, PNG, WebP, AVIF, HEIC, "
        "GIF, TIFF, SVG). " + _FIX_EN,
        "αυτό δεν είναι εικόνα σε μορφή που δέχεται ο ιστότοπος (JPEG, PNG, WebP, AVIF, "
        "HEIC, GIF, TIFF, SVG). " + _FIX_EL,
    )


def truncated(file: str) -> Problem:
    return _p(
        file,
        "the image is incomplete (the file was cut short, perhaps during a download). " + _FIX_EN,
        "η εικόνα είναι ελλιπής (το αρχείο κόπηκε, ίσως κατά τη λήψη). " + _FIX_EL,
    )


def corrupt(file: str, fmt: str | None) -> Problem:
    kind = f"{fmt} " if fmt else ""
    return _p(
        file,
        f"the {kind}image is damaged and cannot be decoded. " + _FIX_EN,
        f"η εικόνα {kind}είναι κατεστραμμένη και δεν μπορεί να αποκωδικοποιηθεί. " + _FIX_EL,
    )


def too_many_pixels(file: str, width: int | None, height: int | None, limit: int) -> Problem:
    size = f"{width}×{height} " if width and height else ""
    return _p(
        file,
        f"the image is too large ({size}pixels; at most {limit / 1e6:.0f} million pixels). "
        "Please send a smaller copy, for example 4000 pixels wide.",
        f"η εικόνα είναι πολύ μεγάλη ({size}pixels· έως {limit / 1e6:.0f} εκατομμύρια "
        "pixels). Παρακαλούμε στείλτε ένα μικρότερο αντίγραφο, π.χ. πλάτους 4000 pixels.",
    )


def bad_dimensions(file: str, width: int, height: int, why_en: str, why_el: str) -> Problem:
    return _p(
        file,
        f"the image is {width}×{height} pixels, which is {why_en}. "
        "Please check that this is the right file.",
        f"η εικόνα είναι {width}×{height} pixels, {why_el}. "
        "Παρακαλούμε ελέγξτε ότι είναι το σωστό αρχείο.",
    )


def animated(file: str) -> Problem:
    return _p(
        file,
        "the image is animated; only its first frame is used.",
        "η εικόνα είναι κινούμενη· χρησιμοποιείται μόνο το πρώτο καρέ της.",
        "warning",
    )


def svg_invalid(file: str, reason: str) -> Problem:
    return _p(
        file,
        f"the SVG file is not valid SVG ({reason}).",
        f"το αρχείο SVG δεν είναι έγκυρο SVG ({reason}).",
    )


def svg_no_size(file: str) -> Problem:
    return _p(
        file,
        "the SVG has neither a viewBox nor a width and height in pixels; "
        "please export it again with a viewBox.",
        "το SVG δεν έχει ούτε viewBox ούτε πλάτος και ύψος σε pixels· "
        "παρακαλούμε εξάγετέ το ξανά με viewBox.",
    )


def svg_removed(file: str, removed: tuple[str, ...]) -> Problem:
    what = ", ".join(removed)
    return _p(
        file,
        f"unsafe or unsupported parts were removed from the SVG: {what}.",
        f"αφαιρέθηκαν μη ασφαλή ή μη υποστηριζόμενα μέρη από το SVG: {what}.",
        "warning",
    )


def missing_glyphs(file: str, chars: str) -> Problem:
    return _p(
        file,
        f"the social image font has no letters for {chars!r}; they are left out.",
        f"η γραμματοσειρά της εικόνας κοινοποίησης δεν έχει τους χαρακτήρες {chars!r}· "
        "παραλείπονται.",
        "warning",
    )
