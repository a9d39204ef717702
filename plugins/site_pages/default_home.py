"""A home page for every language, even without content/pages/home.md or home.en.md.

A language whose home text is missing gets the default home at its address (/ or /en/):
the same template, ``home.html``, without a ``page``, made from the directory, the
programme's progress and the figures. The build logs a warning naming the missing file, so
the site is never without a home, and a volunteer sees what to write. A home page that does
exist gains the default one as its translation (the language switch and hreflang).
"""

from __future__ import annotations

import logging

from pelican.generators import Generator

from kalo.i18n import DEFAULT_LANG, LANGS, lang_prefix
from kalo.pages import PageBatch

log = logging.getLogger(__name__)

HOME_TEMPLATE = "home"


def home_file(lang: str) -> str:
    return "home.md" if lang == DEFAULT_LANG else f"home.{lang}.md"


def home_pages(pages) -> dict:
    """The home pages Pelican read, by language (fallback copies are not home texts)."""
    found = {}
    for page in pages or ():
        for version in (page, *getattr(page, "translations", ())):
            if getattr(version, "template", None) == HOME_TEMPLATE and not getattr(
                version, "is_fallback", False
            ):
                found.setdefault(version.lang, version)
    return found


class DefaultHomeGenerator(Generator):
    def generate_context(self):
        found = home_pages(
            [*(self.context.get("pages") or ()), *(self.context.get("hidden_pages") or ())]
        )
        self.missing = [lang for lang in LANGS if lang not in found]
        self.addresses = {lang: lang_prefix(lang) for lang in LANGS}
        for lang in self.missing:
            log.warning(
                "site_pages: content/pages/%s is missing: the default home page is used at /%s "
                "(organizations, programme, figures) / λείπει το content/pages/%s: "
                "χρησιμοποιείται η προεπιλεγμένη αρχική σελίδα",
                home_file(lang),
                self.addresses[lang],
                home_file(lang),
            )
        # The home pages that exist gain the default ones as their translations.
        defaults = {lang: self.addresses[lang] for lang in self.missing}
        for version in found.values():
            version.counterparts = {**getattr(version, "counterparts", {}), **defaults}
            version.alternates = {**getattr(version, "alternates", {}), **defaults}

    def generate_output(self, writer):
        if not self.missing:
            return
        template = self.get_template(HOME_TEMPLATE)
        batch = PageBatch(self.context, self.settings, name="home")
        for lang in self.missing:
            batch.add(
                f"{self.addresses[lang]}index.html",
                template,
                lang=lang,
                page=None,
                page_url=self.addresses[lang],
                alternates=self.addresses,
                counterparts=self.addresses,
                seo_kind=None,
            )
        batch.write(writer)
