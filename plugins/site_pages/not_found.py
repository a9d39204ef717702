"""The "page not found" page, once per language (/404.html, /en/404.html)."""

from pelican.generators import Generator

from kalo.i18n import LANGS, lang_prefix
from kalo.pages import PageBatch


class NotFoundGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        template = self.get_template("404")
        counterparts = {lang: f"{lang_prefix(lang)}404.html" for lang in LANGS}
        batch = PageBatch(self.context, self.settings, name="404")
        for lang in LANGS:
            batch.add(
                counterparts[lang],
                template,
                lang=lang,
                page_url=counterparts[lang],
                counterparts=counterparts,
                alternates={},
                noindex=True,
                shows="",  # the site's own inputs only (theme, static pages, settings)
            )
        batch.write(writer)
