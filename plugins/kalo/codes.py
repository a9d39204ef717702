"""The contract's fixed codes and their Greek and English labels (data/codes.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kalo.safe_yaml import load_project_yaml

CODES_FILE = Path(__file__).parent / "data" / "codes.yaml"

LANGS = ("el", "en")


@lru_cache(maxsize=1)
def all_codes() -> dict[str, dict[str, dict]]:
    with CODES_FILE.open(encoding="utf-8") as handle:
        return load_project_yaml(handle)


def codes(list_name: str) -> tuple[str, ...]:
    """The codes of one list, in the order of the data file."""
    return tuple(all_codes()[list_name])


def label(list_name: str, code: str, lang: str) -> str:
    """The label of a code in a language; the code itself if it has none."""
    entry = all_codes().get(list_name, {}).get(code)
    if not entry:
        return code
    return entry.get(lang) or entry.get("el") or code


def attribute(list_name: str, code: str, name: str):
    """A non-label attribute of a code, e.g. a series' ``planned`` count."""
    return all_codes()[list_name][code][name]
