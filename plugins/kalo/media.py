"""Texts in two languages and images with their texts: shared by organizations and workshops."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Localized:
    """A text in Greek (always there when required) and optionally English."""

    el: str | None = None
    en: str | None = None

    def get(self, lang: str, fallback: bool = True) -> str | None:
        value = self.en if lang == "en" else self.el
        if value is None and fallback:
            return self.el
        return value

    def has(self, lang: str) -> bool:
        return (self.en if lang == "en" else self.el) is not None


@dataclass(frozen=True)
class Image:
    """An image file of a profile's or a workshop's folder, with its texts and consent."""

    path: Path  # absolute path of the source file
    alt: Localized
    caption: Localized = Localized()
    shows_people: bool = False
    people_consent: bool = False

    @property
    def publishable(self) -> bool:
        return not self.shows_people or self.people_consent
