"""The "page not found" page, once per language (/404.html, /en/404.html)."""

from pelican.generators import Generator

from kalo.i18n import LANGS, lang_prefix


class NotFoundGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        template = self.get_template("404")
        counterparts = {lang: f"{lang_prefix(lang)}404.html" for lang in LANGS}
        for lang in LANGS:
            writer.write_file(
                counterparts[lang],
                template,
                self.context,
                lang=lang,
                page_url=counterparts[lang],
                counterparts=counterparts,
                alternates={},
                noindex=True,
            )
