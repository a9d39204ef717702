"""Pelican glue: read the workshops into the context, then write their pages and feeds."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator

from kalo.i18n import LANGS
from kalo.markup import render_markdown
from kalo.problems import raise_if_errors
from kalo.text import sort_key
from workshops import feeds, urls
from workshops.live import LiveWorkshops
from workshops.load import KnownOrganizations, load_workshops
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
        result = load_workshops(
            content / self.options["WORKSHOP_DIR"],
            today=today,
            orgs=self._known_organizations(directory),
            display_root=content.parent,
        )
        raise_if_errors(
            result.problems
            if shown is None
            else [p for p in result.problems if p.severity == "error" or p.file in shown]
        )
        programme = build_programme(result.workshops)
        rendered = self.__dict__.setdefault("_rendered", {})
        body_html = {}
        for workshop in programme:
            for lang, text in workshop.texts.items():
                if (text.body, lang) not in rendered:
                    rendered[text.body, lang] = render_markdown(text.body, lang)
                body_html[workshop.slug, lang] = rendered[text.body, lang]
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
        for lang in LANGS:
            self._write_programme(writer, lang)
            for series in self.programme.series:
                self._write_series(writer, series, lang)
            self._write_findings(writer, lang)
            for workshop in self.programme:
                self._write_workshop(writer, workshop, lang)
        self._write_feeds()

    def _write(self, writer, template: str, url: str, lang: str, **extra):
        writer.write_file(
            urls.save_as(url),
            self.get_template(template),
            self.context,
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
        self._write(
            writer,
            "workshop",
            counterparts[lang],
            lang,
            workshop=workshop,
            text=workshop.text(lang),
            text_lang=text_lang,
            body_html=self.body_html[(workshop.slug, text_lang)],
            series=self.programme.of_series(workshop.series),
            participating=self._participating(workshop, lang),
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
        output = Path(self.output_path)
        options = self._feed_options()
        files = {urls.calendar_url(): feeds.calendar_ics(self.programme, options)}
        for lang in LANGS:
            files[urls.feed_url(lang)] = feeds.atom_feed(self.programme, lang, options)
        for relative, data in files.items():
            target = output / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def _feed_options(self) -> feeds.FeedOptions:
        siteurl = self.settings.get("SITEURL", "") or ""
        domain = (
            self.options["WORKSHOP_UID_DOMAIN"]
            or urlsplit(siteurl).hostname
            or "kalo-west-athens.invalid"
        )
        return feeds.FeedOptions(
            siteurl=siteurl,
            uid_domain=domain,
            id_prefix=self.options["WORKSHOP_FEED_ID_PREFIX"],
            epoch=self.options["WORKSHOP_FEED_EPOCH"],
            event_minutes=self.options["WORKSHOP_EVENT_MINUTES"],
        )
