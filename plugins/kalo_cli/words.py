"""The check's summary lines in both languages, from the gettext catalogs (plurals too:
"1 λάθος", "2 λάθη"). English is the source; Greek is in theme/translations."""

from __future__ import annotations

from kalo.i18n import format_number, translate, translate_plural

LANGS = ("el", "en")


def counted(lang: str, singular: str, plural: str, number: int) -> str:
    """``singular``/``plural`` hold ``%(num)s``: the number, written as the language writes it."""
    return translate_plural(lang, singular, plural, number) % {"num": format_number(number, lang)}


def errors_and_warnings(lang: str, errors: int, warnings: int) -> str:
    return translate(lang, "%(errors)s, %(warnings)s") % {
        "errors": counted(lang, "%(num)s error", "%(num)s errors", errors),
        "warnings": counted(lang, "%(num)s warning", "%(num)s warnings", warnings),
    }


def not_published_heading(lang: str) -> str:
    return translate(lang, "Not published:")
