"""Template helpers that depend on the language of the page being written."""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from kalo import codes, i18n
from kalo.text import greek_upper


def page_lang(context) -> str:
    """The language of what is being written: the context's ``lang``, or its content's."""
    lang = context.get("lang")
    if lang:
        return lang
    for key in ("page", "article", "organization", "workshop"):
        content = context.get(key)
        if content is not None and getattr(content, "lang", None):
            return content.lang
    return context.get("DEFAULT_LANG", i18n.DEFAULT_LANG)


@pass_context
def gettext(context, message: str, **variables) -> str:
    text = i18n.translate(page_lang(context), message)
    return text % variables if variables else text


@pass_context
def ngettext(context, singular: str, plural: str, count: int, **variables) -> str:
    text = i18n.translate_plural(page_lang(context), singular, plural, count)
    variables.setdefault("num", count)
    return text % variables


@pass_context
def date_filter(context, value, style: str = "long") -> str:
    return i18n.format_date(value, page_lang(context), style)


@pass_context
def number_filter(context, value) -> str:
    return i18n.format_number(value, page_lang(context))


@pass_context
def label_filter(context, code: str, list_name: str) -> str:
    return codes.label(list_name, code, page_lang(context))


@pass_context
def url_filter(context, path: str) -> str:
    """An address of the site under SITEURL; '' is the home page."""
    return f"{context.get('SITEURL', '')}/{path}"


@pass_context
def upper_filter(context, text: str) -> str:
    return Markup(greek_upper(str(text))) if isinstance(text, Markup) else greek_upper(str(text))


@pass_context
def lang_prefix(context) -> str:
    return i18n.lang_prefix(page_lang(context))


def in_language(content, lang: str):
    """The version of a page in ``lang`` (a translation or fallback), else the page."""
    if content.lang == lang:
        return content
    for translation in getattr(content, "translations", ()):
        if translation.lang == lang:
            return translation
    return content


def nav_pages(pages, lang: str) -> list:
    """Pages with a ``Nav: N`` line, in that order, each in ``lang``."""
    in_menu = [page for page in pages or () if page.metadata.get("nav")]
    in_menu.sort(key=lambda page: (int(page.metadata["nav"]), page.slug))
    return [in_language(page, lang) for page in in_menu]


def install_jinja_helpers(generator) -> None:
    env = generator.env
    env.globals.update(
        {
            "_": gettext,
            "gettext": gettext,
            "ngettext": ngettext,
            "lang_prefix": lang_prefix,
            "LANGUAGES": i18n.LANGS,
        }
    )
    env.filters.update(
        {
            "date": date_filter,
            "number": number_filter,
            "label": label_filter,
            "url": url_filter,
            "upper": upper_filter,
            "nav_pages": nav_pages,
            "in_language": in_language,
        }
    )
