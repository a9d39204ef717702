""" "Did you mean …?" for codes and field names, forgiving accents, case and script.

A volunteer who writes ``municipality: Ιλιον`` means ``ilion``: the value is matched
against the codes and against their Greek and English labels with accents and case
folded, and against its own ELOT 743 transliteration.
"""

from __future__ import annotations

import difflib

from kalo.codes import codes, label
from kalo.elot743 import slugify
from kalo.text import fold


def close_names(value: str, names: tuple[str, ...] | list[str], limit: int = 3) -> list[str]:
    """Names that look like ``value`` (for unknown field names), best first."""
    by_folded = {fold(name): name for name in names}
    matches = difflib.get_close_matches(fold(value), list(by_folded), n=limit, cutoff=0.6)
    return [by_folded[match] for match in matches]


def close_codes(value: object, list_name: str, limit: int = 3) -> list[str]:
    """Codes of ``list_name`` that ``value`` probably meant, best first."""
    text = fold(str(value)).strip()
    if not text:
        return []
    keys: dict[str, str] = {}  # folded code, label or slug form → code
    for code in codes(list_name):
        for key in (code, label(list_name, code, "el"), label(list_name, code, "en")):
            keys.setdefault(fold(key), code)
            keys.setdefault(slugify(key), code)
    exact = keys.get(text) or keys.get(slugify(text))
    if exact:
        return [exact]
    found: list[str] = []
    for candidate in (text, slugify(text)):
        for match in difflib.get_close_matches(candidate, list(keys), n=limit * 3, cutoff=0.6):
            if keys[match] not in found:
                found.append(keys[match])
    return found[:limit]
