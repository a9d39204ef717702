"""Pelican glue: read the workshops into the context, then write their pages and feeds."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator

from kalo.i18n import LANGS
from kalo.incremental import stable_repr
from kalo.markup import render_markdown
from kalo.output import output_of
from kalo.pages import PageBatch
from kalo.problems import raise_if_errors
from kalo.text import sort_key
from organizations.cards import CardCache
from workshops import urls
from workshops.live import LiveWorkshops
from workshops.load import KnownOrganizations
from workshops.load_cache import cached_load
from workshops.programme import build_programme, by_organization, findings_and_needs
from workshops.settings import workshop_settings

log = logging.getLogger(__name__)


class WorkshopsGenerator(LiveWorkshops, Generator):
    """Workshop pages, series pages, the programme overview, findings and needs, feeds."""

    def generate_context(self):
        self.options = workshop_settings(self.settings)
        directory = self.context.get("organizations")
        if directory is None:  # the organizations plugin is not loaded, or ran later
            directory = self._own_directory()
        self.published = frozenset(org.slug for org in directory)
        self.programme, self.body_html = self._read(directory)
        self.directory = directory
        log.info("workshops: %d sessions (%d held)", len(self.programme), self.programme.held)
        self._publish_context()

    def _read(self, directory, shown: set[str] | None = None):
        """The programme and its texts' HTML: every summary read and checked (problems
        printed; ``shown``: only those of these files, besides errors), each text rendered
        once per process."""
        today = self.options["WORKSHOP_TODAY"] or date.today()
        content = Path(self.settings["PATH"])
        folder, orgs = content / self.options["WORKSHOP_DIR"], self._known_organizations(directory)
        result = cached_load(self.settings, folder, orgs, content.parent, today)
        raise_if_errors(
            result.problems
            if shown is None
            else [p for p in result.problems if p.severity == "error" or p.file in shown]
        )
        programme = build_programme(result.workshops)
        # Rendered when a page needs it (a page reused from an earlier build does not), and
        # once per process (the live preview reads the summaries again on each save).
        body_html = _Rendered(
            {
                (workshop.slug, lang): (text.body, lang)
                for workshop in programme
                for lang, text in workshop.texts.items()
            },
            self.__dict__.setdefault("_rendered", {}),
        )
        return programme, body_html

    def _publish_context(self) -> None:
        self.context["workshop_programme"] = self.programme
        self.context["workshop_urls"] = urls
        self.context["workshops_by_org"] = by_organization(self.programme, self.published)
        self.context["latest_workshops"] = self.programme.latest(self.options["WORKSHOP_LATEST"])

    def _own_directory(self):
        """The published organizations, read here when the organizations plugin did not."""
        from organizations.directory import build_directory
        from organizations.load import load_organizations

        orgdir = Path(self.settings.get("ORG_PATH", "organizations"))
        loaded = load_organizations(orgdir, today=date.today())
        return build_directory(loaded.organizations)

    def _known_organizations(self, directory) -> KnownOrganizations:
        """Valid profiles, published or not: the directory's and those it left out."""
        orgdir = Path(self.settings.get("ORG_PATH", "organizations"))
        left = directory.left_out
        valid = set(self.published) | set(left.no_permission) | set(left.withdrawn)
        return KnownOrganizations.from_folder(orgdir, valid)

    # --- output ---

    def generate_output(self, writer):
        # The pages show the programme (the content folder: the site's own inputs, which
        # every page's fingerprint covers) and the cards of the organizations that took
        # part (kalo.pages reuses a page while they are the same).
        self._start_batch()
        for lang in LANGS:
            self._write_programme(writer, lang)
            for series in self.programme.series:
                self._write_series(writer, series, lang)
            self._write_findings(writer, lang)
            for workshop in self.programme:
                self._write_workshop(writer, workshop, lang)
        self._batch.write(writer)
        self._write_feeds()

    def _start_batch(self) -> None:
        self._output = output_of(self.settings)
        self._cards = self.context.get("org_cards")
        self._batch = PageBatch(self.context, self.settings, name="workshops")

    def _write(self, writer, template: str, url: str, lang: str, shows=(), **extra):
        """``shows``: what the page shows besides the site's own inputs, or None."""
        self._batch.add(
            urls.save_as(url),
            self.get_template(template),
            shows=None if shows is None else stable_repr((template, url, lang, shows)),
            lang=lang,
            url=url,
            page_url=url,
            **extra,
        )

    def _write_workshop(self, writer, workshop, lang: str) -> None:
        counterparts = urls.per_language(urls.workshop_url, workshop.slug)
        alternates = {
            code: url for code, url in counterparts.items() if workshop.has_language(code)
        }
        own = workshop.has_language(lang)
        text_lang = workshop.text_lang(lang)
        participating = self._participating(workshop, lang)
        cards = self._cards
        self._write(
            writer,
            "workshop",
            counterparts[lang],
            lang,
            # The organizations that took part are shown as cards (workshop.html).
            shows=(
                [cards.digest((org.slug, lang, 3, True)) for org in participating]
                if isinstance(cards, CardCache) and cards.lasting
                else None
            ),
            render_values=lambda: {"body_html": self.body_html[(workshop.slug, text_lang)]},
            workshop=workshop,
            text=workshop.text(lang),
            text_lang=text_lang,
            series=self.programme.of_series(workshop.series),
            participating=participating,
            is_fallback=not own,
            noindex=not own,
            keywords=workshop.texts[lang].keywords if own else (),
            seo_kind="workshop",
            source=self._source(workshop.text(lang).source),
            lastmod=workshop.text(lang).updated or workshop.date,
            alternates=alternates,
            counterparts=counterparts,
        )

    def _participating(self, workshop, lang: str) -> list:
        """The published organizations that took part, alphabetically; others are not shown."""
        orgs = [
            self.directory.get(slug) for slug in workshop.organizations if slug in self.published
        ]
        return sorted(orgs, key=lambda org: sort_key(org.name.get(lang)))

    def _write_programme(self, writer, lang: str) -> None:
        counterparts = urls.per_language(urls.programme_url)
        self._write(
            writer,
            "programme",
            counterparts[lang],
            lang,
            alternates=counterparts,
            counterparts=counterparts,
            feed_urls=urls.per_language(urls.feed_url),
            seo_kind=None,
            lastmod=self._newest(self.programme),
            calendar_url=urls.calendar_url(),
        )

    def _write_series(self, writer, series, lang: str) -> None:
        counterparts = urls.per_language(urls.series_url, series.code)
        self._write(
            writer,
            "programme_series",
            counterparts[lang],
            lang,
            series=series,
            alternates=counterparts,
            counterparts=counterparts,
            seo_kind=None,
            lastmod=self._newest(series.workshops),
        )

    def _write_findings(self, writer, lang: str) -> None:
        counterparts = urls.per_language(urls.findings_url)
        findings, needs = findings_and_needs(self.programme, lang)
        self._write(
            writer,
            "findings",
            counterparts[lang],
            lang,
            findings=findings,
            needs=needs,
            alternates=counterparts,
            counterparts=counterparts,
            seo_kind=None,
            lastmod=self._newest(self.programme),
        )

    def _source(self, path: Path) -> str:
        """A summary's file as the volunteer sees it (content/workshops/x.md)."""
        root = Path(self.settings["PATH"]).resolve().parent
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    @staticmethod
    def _newest(workshops):
        """The sitemap's lastmod of a listing: its newest summary's own date, if any."""
        days = [d for w in workshops for d in (w.date, *(t.updated for t in w.texts.values())) if d]
        return max(days, default=None)

    def _write_feeds(self) -> None:
        """The feeds are made of the programme, the settings and today (the site's own
        inputs): they stay in an output folder updated in place while those are the same."""
        written = self._output
        names = [urls.calendar_url(), *(urls.feed_url(lang) for lang in LANGS)]
        token = f"feeds {written.site_fingerprint()}" if written.fingerprints else None
        if token is not None and all(written.keep(name, token) for name in names):
            return
        from workshops import feeds  # loads the feed and calendar libraries

        options = self._feed_options()
        files = {urls.calendar_url(): feeds.calendar_ics(self.programme, options)}
        for lang in LANGS:
            files[urls.feed_url(lang)] = feeds.atom_feed(self.programme, lang, options)
        for relative, data in files.items():
            target = written.staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.wrote(relative, token)

    def _feed_options(self):
        siteurl = self.settings.get("SITEURL", "") or ""
        domain = (
            self.options["WORKSHOP_UID_DOMAIN"]
            or urlsplit(siteurl).hostname
            or "kalo-west-athens.invalid"
        )
        from workshops import feeds

        return feeds.FeedOptions(
            siteurl=siteurl,
            uid_domain=domain,
            id_prefix=self.options["WORKSHOP_FEED_ID_PREFIX"],
            epoch=self.options["WORKSHOP_FEED_EPOCH"],
            event_minutes=self.options["WORKSHOP_EVENT_MINUTES"],
        )


class _Rendered(dict):
    """(slug, language) → the summary's HTML, rendered from its Markdown when first asked;
    ``memo``: HTML by (Markdown, language), kept by the generator across live updates."""

    def __init__(self, texts: dict, memo: dict):
        super().__init__()
        self.texts = texts
        self.memo = memo

    def __missing__(self, key):
        text = self.texts[key]
        html = self.memo.get(text)
        if html is None:
            html = self.memo[text] = render_markdown(*text)
        self[key] = html
        return html
