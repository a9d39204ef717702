"""Pelican glue: count once per language, write /figures/ and /en/figures/."""

from __future__ import annotations

from pelican.generators import Generator

from figures import stats, svg
from kalo.i18n import LANGS, lang_prefix
from kalo.incremental import stable_repr
from kalo.pages import PageBatch


def figures_url(lang: str) -> str:
    return f"{lang_prefix(lang)}figures/"


class FiguresGenerator(Generator):
    """The figures page in every language; reads what other generators put in the context."""

    # Its write phase reads only the context: written beside the others (kalo.write_beside).
    write_beside = True

    def generate_context(self):
        self.directory = self.context.get("organizations")
        self.programme = self.context.get("workshop_programme")
        self.context["figures_url"] = figures_url

    def figures(self, lang: str) -> dict:
        """Everything the page shows, for one language."""
        orgs = list(self.directory) if self.directory is not None else []
        out = {
            "totals": stats.totals(orgs),
            "facets": {facet: stats.by_facet(orgs, facet, lang) for facet in stats.FACETS},
            "exchange": stats.exchange(orgs, lang),
            "series": None,
            "people": None,
        }
        if self.programme is not None:
            out["series"] = stats.workshop_series(self.programme, lang)
            out["people"] = stats.people_reached(self.programme, lang)
        return out

    def generate_output(self, writer):
        counterparts = {lang: figures_url(lang) for lang in LANGS}
        orgs = list(self.directory) if self.directory is not None else []
        lastmod = max((org.updated or org.consent.date for org in orgs), default=None)
        batch = PageBatch(self.context, self.settings, name="figures")
        for lang in LANGS:
            url = counterparts[lang]

            def chart(chart_id, title, bars, series=(), _lang=lang):
                return svg.bar_chart(chart_id, title, bars, _lang, tuple(series))

            figures = self.figures(lang)
            batch.add(
                f"{url}index.html",
                self.get_template("figures"),
                lang=lang,
                page_url=url,
                alternates=counterparts,
                counterparts=counterparts,
                noindex=False,
                seo_kind=None,
                lastmod=lastmod,
                figures=figures,
                bar_chart=chart,
                # Counts and labels only (frozen dataclasses): an edit that changes no
                # figure (an address, a text) leaves the page as it is.
                shows=stable_repr((lang, lastmod, sorted(figures.items()))),
            )
        batch.write(writer)
