"""Counting characters the way a reader sees them."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def visible_length(text: str) -> int:
    """Characters after NFC normalization, with runs of spaces counted as one."""
    return len(_SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip())
