"""Interface strings, dates and numbers per language, from gettext catalogs and Babel.

English is the source language of interface strings (the msgids); Greek lives in
``theme/translations/el/LC_MESSAGES/messages.po``, compiled to ``.mo`` by ``make``.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from functools import cache
from pathlib import Path

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "theme" / "translations"
LANGS = ("el", "en")
DEFAULT_LANG = "el"
SOURCE_LANG = "en"
LOCALES = {"el": "el_GR", "en": "en_GB"}


class MissingCatalog(RuntimeError):
    """The compiled catalog of a language is missing or older than its .po file."""


@cache
def translations(lang: str) -> NullTranslations:
    if lang == SOURCE_LANG:
        return NullTranslations()
    po = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        raise MissingCatalog(
            f"{mo.relative_to(TRANSLATIONS_DIR.parents[1])} is missing or older than its "
            ".po file: run `make translations-compile` (make html does it for you)."
        )
    with mo.open("rb") as handle:
        return Translations(handle)


def catalog_version(lang: str) -> str:
    """What the interface strings of ``lang`` are made from (its .po file's digest; '' for
    the source language): for caches of output that shows them."""
    if lang == SOURCE_LANG:
        return ""
    po = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    return hashlib.sha256(po.read_bytes()).hexdigest()


def translate(lang: str, message: str) -> str:
    """The interface string ``message`` (English) in ``lang``."""
    return translations(lang).gettext(message)


def translate_plural(lang: str, singular: str, plural: str, count: int) -> str:
    return translations(lang).ngettext(singular, plural, count)


def format_date(value: date | datetime | None, lang: str, style: str = "long") -> str:
    """'14 Μαΐου 2024' in Greek (genitive month), '14 May 2024' in English."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return babel_format_datetime(value, format=style, locale=LOCALES[lang])
    return babel_format_date(value, format=style, locale=LOCALES[lang])


def format_number(value: int | float | None, lang: str) -> str:
    if value is None:
        return ""
    return format_decimal(value, locale=LOCALES[lang])


def lang_prefix(lang: str) -> str:
    """The folder of a language in the built site: '' for Greek, 'en/' for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"
