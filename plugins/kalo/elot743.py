"""Greek to Latin transliteration by ELOT 743 (ISO 843 type 1), and slugs made from it.

Every slug the project makes from Greek text comes from ``slugify`` here, so that
"Κοινωνική Συνεταιριστική Επιχείρηση Αιγάλεω" becomes
``koinoniki-synetairistiki-epicheirisi-aigaleo``, as a Greek reader expects.
"""

from __future__ import annotations

import re
import unicodedata

SINGLE = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
# γ before γ, ξ or χ is a nasal: γγ → ng, γξ → nx, γχ → nch (γκ stays gk).
GAMMA_NASAL = {"γ", "ξ", "χ"}
# αυ, ευ, ηυ: v before vowels and voiced consonants, f before voiceless ones and at the end.
VOICELESS = set("θκξπστφχψ")
GREEK_VOWELS = set("αεηιουω")
DIAERESIS = "\u0308"


def _letters(text: str) -> list[tuple[str, bool]]:
    """Lowercase base letters, each with whether it carried a diaeresis."""
    letters: list[tuple[str, bool]] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(char):
            if char == DIAERESIS and letters:
                letters[-1] = (letters[-1][0], True)
            continue
        letters.append((char, False))
    return letters


def transliterate(text: str) -> str:
    """ELOT 743 transliteration of Greek letters; other characters pass through."""
    letters = _letters(text)
    out: list[str] = []
    i = 0
    while i < len(letters):
        char, _ = letters[i]
        nxt, nxt_diaeresis = letters[i + 1] if i + 1 < len(letters) else ("", False)
        after = letters[i + 2][0] if i + 2 < len(letters) else ""
        prev = letters[i - 1][0] if i > 0 else ""
        if char == "ο" and nxt == "υ" and not nxt_diaeresis:
            out.append("ou")
            i += 2
            continue
        if char in "αεη" and nxt == "υ" and not nxt_diaeresis:
            out.append(SINGLE[char] + ("f" if (after in VOICELESS or not after.isalpha()) else "v"))
            i += 2
            continue
        if char == "γ" and nxt in GAMMA_NASAL:
            out.append("n")
            i += 1
            continue
        if char == "μ" and nxt == "π":
            at_start = not prev.isalpha()
            at_end = not after.isalpha()
            out.append("b" if at_start or at_end else "mp")
            i += 2
            continue
        out.append(SINGLE.get(char, char))
        i += 1
    return "".join(out)


def slugify(text: str) -> str:
    """A slug of lowercase ASCII letters, digits and single hyphens."""
    latin = transliterate(text)
    ascii_only = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")


SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
