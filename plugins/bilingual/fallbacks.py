"""English fallback pages for Greek pages that have no English translation yet.

The fallback lives at the English address, shows the Greek text marked ``lang="el"`` with
a notice, is ``noindex`` and is left out of hreflang alternates and the sitemap, so the
language switch always works and search engines see only real translations.
"""

from __future__ import annotations

import copy

from kalo.i18n import DEFAULT_LANG, LANGS

# A home page without its translation gets the default home instead (plugins/site_pages).
NO_FALLBACK_TEMPLATES = {"home"}


def add_fallback_pages(generator) -> None:
    for page in generator.pages:
        if page.lang != DEFAULT_LANG or page.template in NO_FALLBACK_TEMPLATES:
            continue
        present = {page.lang} | {t.lang for t in page.translations}
        for lang in LANGS:
            if lang not in present:
                fallback = _fallback_copy(page, lang)
                page.translations.append(fallback)
                generator.translations.append(fallback)
    for page in generator.pages:
        _link_counterparts(page)


def _fallback_copy(page, lang: str):
    fallback = copy.copy(page)
    fallback.metadata = dict(page.metadata)
    fallback.lang = lang
    fallback.content_lang = page.lang
    fallback.is_fallback = True
    fallback.in_default_lang = False
    fallback.override_url = page.settings["PAGE_LANG_URL"].format(lang=lang, slug=page.slug)
    fallback.override_save_as = page.settings["PAGE_LANG_SAVE_AS"].format(lang=lang, slug=page.slug)
    fallback.translations = []
    return fallback


def _link_counterparts(page) -> None:
    """Give each version of a page: ``alternates`` (real versions) and ``counterparts``."""
    versions = [page, *page.translations]
    real = {v.lang: v.url for v in versions if not getattr(v, "is_fallback", False)}
    every = {v.lang: v.url for v in versions}
    for version in versions:
        version.alternates = real
        version.counterparts = every
        if not hasattr(version, "is_fallback"):
            version.is_fallback = False
            version.content_lang = version.lang
        version.translations = [v for v in versions if v is not version]
