"""Language-aware text helpers: sorting, accent-free capitals, matching keys."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def strip_accents(text: str) -> str:
    """Remove tonos, diaeresis and other combining marks (ΐ → ι, ϋ → υ)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, accents and final sigma ignored: the key for matching and sorting."""
    return strip_accents(text).casefold()


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical order ignoring accents and case.

    Greek letters are in alphabetical order in Unicode once accents are removed and
    ς is folded to σ, so folding is enough for Greek; the text itself breaks ties so
    the order is total and builds stay deterministic.
    """
    return (fold(text), text)


def greek_upper(text: str) -> str:
    """Capitals without accents, as Greek typography requires (Αιγάλεω → ΑΙΓΑΛΕΩ).

    A diaeresis that marks a split diphthong stays (Χαϊδάρι → ΧΑΪΔΑΡΙ).
    """
    out = []
    decomposed = unicodedata.normalize("NFD", text)
    for char in decomposed:
        if unicodedata.combining(char) and char != "\u0308":
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out)).upper()
