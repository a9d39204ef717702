"""The monogram of an organization without a logo: the initials of its name.

Pure: ``initials("Γεύσεις της Γειτονιάς ΚοινΣΕπ")`` is ``"ΓΓ"``. Articles, prepositions and
conjunctions are skipped, and so are abbreviations of a legal form (ΚοινΣΕπ, ΑΜΚΕ) when
the name has other words; Greek capitals lose their accents.
"""

from __future__ import annotations

import re

from kalo.text import fold, greek_upper

# Words that never give an initial (compared without accents or case).
SMALL_WORDS = frozenset(
    fold(word)
    for word in (
        "ο η το οι τα του της των τον την τους τις στο στη στην στον στα στους στις "
        "και για με σε από απο προς κατά κατα ή"
    ).split()
    + "the of and for in on at to a an".split()
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _is_abbreviation(word: str) -> bool:
    """ΚοινΣΕπ, ΑΜΚΕ, ΚοιΣΠΕ: capitals after the first letter."""
    return len(word) > 1 and word[1:] != word[1:].lower()


def initials(name: str, letters: int = 2) -> str:
    """Up to ``letters`` capitals for a monogram; "?" for a name without letters."""
    words = [word for word in _WORD.findall(name) if fold(word) not in SMALL_WORDS]
    plain = [word for word in words if not _is_abbreviation(word)]
    chosen = (plain or words)[:letters]
    return greek_upper("".join(word[0] for word in chosen)) or "?"
