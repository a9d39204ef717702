"""The search page of each language: /search/ and /en/search/."""

from __future__ import annotations

from pelican.generators import Generator

from kalo.i18n import LANGS, lang_prefix
from kalo.incremental import stable_repr
from kalo.pages import PageBatch
from search.settings import search_settings


def search_url(lang: str, page: str = "search/") -> str:
    return f"{lang_prefix(lang)}{page}"


class SearchPageGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        options = search_settings(self.settings)
        if not options["SEARCH_ENABLED"]:
            return
        # The organizations, workshops and static pages are written: their index is made
        # while the rest of the build goes on.
        from search import start_indexing

        start_indexing(self.settings)
        counterparts = {lang: search_url(lang, options["SEARCH_PAGE"]) for lang in LANGS}
        # Besides the site's own inputs, the page shows (without JavaScript) the facets'
        # values and how many organizations each has.
        directory = self.context.get("organizations")
        facets = directory.facet_counts if directory is not None else None
        batch = PageBatch(self.context, self.settings, name="search")
        for lang in LANGS:
            batch.add(
                f"{counterparts[lang]}index.html",
                self.get_template("search"),
                lang=lang,
                page_url=counterparts[lang],
                alternates=counterparts,
                counterparts=counterparts,
                noindex=True,
                seo_kind=None,
                search_bundle=options["SEARCH_BUNDLE_DIR"] + "/",
                shows=stable_repr(facets),
            )
        batch.write(writer)
