"""Pelican glue: read organizations into the context, then write their pages."""

from __future__ import annotations

import functools
import hashlib
import logging
from datetime import date
from pathlib import Path
from urllib.parse import quote

from pelican.generators import Generator

from kalo import early, timing
from kalo.cache import cache_dir, path_key
from kalo.i18n import LANGS
from kalo.incremental import stable_repr
from kalo.live import live_pages
from kalo.markup import MarkdownCache
from kalo.output import output_of
from kalo.pages import PageBatch
from kalo.pickle_file import read_pickle, replace_pickle
from kalo.problems import raise_if_errors
from organizations import FOLDER_STAMPS, urls
from organizations.cards import FIRST_SCREEN, CardCache
from organizations.directory import FACETS, build_directory
from organizations.live import LiveOrganizations
from organizations.load import FolderCache, load_organizations
from organizations.settings import org_settings
from organizations.showcase import featured

log = logging.getLogger(__name__)


class OrganizationsGenerator(LiveOrganizations, Generator):
    """Profiles, the directory with its facet pages, and removal pages."""

    def generate_context(self):
        orgdir = Path(self.settings["ORG_PATH"])
        cache = cache_dir(self.settings, "organizations")
        # Kept for the live preview (organizations.live): only changed folders are read again.
        self._folders = FolderCache(
            cache,
            orgdir,
            orgdir.parent,
            date.today(),
            stamps=early.take(self.settings, FOLDER_STAMPS),
        )
        with timing.step("organizations: load and validate"):
            result = load_organizations(
                orgdir, today=date.today(), display_root=orgdir.parent, cache=self._folders
            )
        self._folders.save()
        raise_if_errors(result.problems)

        self.options = org_settings(self.settings)
        # The possible partners of the last build, when the offers, needs and places they
        # are made from are the same (an incremental build; organizations.directory).
        matches_file = cache / f"matches-{path_key(orgdir)}.pickle"
        known = read_pickle(matches_file) if output_of(self.settings).fingerprints else None
        before = dict(known) if known is not None else None
        self.directory = build_directory(
            result.organizations,
            self.options["ORG_POSSIBLE_PARTNERS"],
            result.fingerprints,
            known,
        )
        if known is not None and known.keys() != before.keys():
            fresh = {key: value for key, value in known.items() if key not in before}
            replace_pickle(matches_file, fresh, f"matches-{path_key(orgdir)}")
        rendered = MarkdownCache(cache, name=f"about-{path_key(orgdir)}", settings=self.settings)
        with timing.step("organizations: Markdown"):
            self.about_html = self._render_about(rendered)
        rendered.save()
        self._markdown = rendered
        self._publish_context()
        left = self.directory.left_out
        log.info(
            "organizations: %d published, %d left out (no permission: %d, withdrawn: %d)",
            len(self.directory),
            left.total,
            len(left.no_permission),
            len(left.withdrawn),
        )
        self.context["org_urls"] = urls
        # Cards rendered once and reused by every listing (organizations.cards), and kept
        # across builds by what they show when pages get fingerprints (kalo.pages).
        self._output = output_of(self.settings)
        # Pages say what they show: for this build or the next (kalo.pages), or for the
        # live preview, which writes again only the pages whose description changed.
        self._describes = self._output.fingerprints or live_pages(self.settings) is not None
        self.cards = CardCache()
        if self._output.fingerprints:
            name = f"cards-{path_key(orgdir)}"
            self.cards = CardCache(cache / f"{name}.pickle", self._card_material, name)
        self.context["org_cards"] = self.cards
        self.context["join_links"] = self._join_links()

    def _render_about(self, rendered: MarkdownCache) -> dict:
        """The HTML of every published organization's texts, by (slug, language)."""
        keys = [(org.slug, lang) for org in self.directory for lang in org.about]
        texts = rendered.render_many(
            [(self.directory.by_slug[slug].about[lang], lang) for slug, lang in keys]
        )
        return dict(zip(keys, texts, strict=False))

    def _publish_context(self) -> None:
        """What the directory gives the other generators and the templates."""
        self.context["organizations"] = self.directory
        self.context["home_organizations"] = featured(
            self.directory.organizations,
            self.options["ORG_HOME_DATE"] or date.today(),
            self.options["ORG_HOME_COUNT"],
        )

    def _card_material(self, slug: str) -> str:
        """What a card shows besides its language and level: the site's inputs (theme,
        code, settings), the organization's model and its images."""
        site = self._output.site_fingerprint()
        return f"{site}\0{self._digest(slug)}\0{self._images_of(slug)}"

    def _listings(self, lang: str) -> list[list]:
        """The organizations of every listing page of a language, in their order."""
        made = self.__dict__.setdefault("_listed", {})
        if lang not in made:
            made[lang] = [self.directory.sorted(self.directory.organizations, lang)] + [
                self.directory.sorted(value.slugs, lang)
                for values in self.directory.facets.values()
                for value in values
            ]
        return made[lang]

    def _listing_cards(self, listed, lang: str) -> list[str]:
        """The digests of a listing's cards, in order (they are what it shows of them)."""
        return self.cards.digests([org.slug for org in listed], lang, 2)

    def generate_output(self, writer):
        # Every page is added to one batch, rendered on all cores (kalo.pages), in the
        # order they were always written.
        self._batch = PageBatch(self.context, self.settings, name="organizations")
        if self._describes:
            # Listings and profiles are fingerprinted by the cards they show: made first.
            with timing.step("organizations: cards"):
                # Each card once (an organization is on about ten listings: 35,000 places
                # for 4,000 cards at 1,000 organizations), in the order of their places.
                wanted: dict = {}
                for lang in LANGS:
                    for listed in self._listings(lang):
                        eager, lazy = listed[:FIRST_SCREEN], listed[FIRST_SCREEN:]
                        wanted.update(dict.fromkeys((org.slug, lang, 2, False) for org in eager))
                        wanted.update(dict.fromkeys((org.slug, lang, 2, True) for org in lazy))
                # Profiles show their partners' cards (partials/org_partners.html).
                for lang in LANGS:
                    for partners in self.directory.partners.values():
                        wanted.update(dict.fromkeys((slug, lang, 3, True) for slug in partners))
                self.cards.prepare(
                    self.env, self.context, list(wanted), self.directory.by_slug, self.settings
                )
        with timing.step("organizations: descriptions"):
            for lang in LANGS:
                self._write_directory(writer, lang)
                self._write_facets(writer, lang)
                for org in self.directory:
                    self._write_profile(writer, org, lang)
            self._write_removal_pages(writer)
        with timing.step("organizations: pages"):
            self._batch.write(writer)
        self.cards.save()
        log.info(
            "organizations: %d pages written, %d unchanged ones reused",
            len(self._batch.pages) - self._batch.reused,
            self._batch.reused,
        )

    def _write(
        self, writer, template: str, url: str, lang: str, shows=None, render_values=None, **extra
    ):
        self._batch.add(
            urls.save_as(url),
            self.get_template(template),
            shows=shows,
            render_values=render_values,
            lang=lang,
            page_url=url,
            **extra,
        )

    def _write_profile(self, writer, org, lang: str) -> None:
        own = org.has_language(lang)
        counterparts = urls.per_language(urls.profile_url, org.slug)
        alternates = {code: url for code, url in counterparts.items() if org.has_language(code)}
        self._write(
            writer,
            "organization",
            counterparts[lang],
            lang,
            shows=self._profile_shows(org, lang) if self._describes else None,
            render_values=lambda: dict(
                about_html=self.about_html.get((org.slug, lang))
                or self.about_html.get((org.slug, "el")),
                about_lang=lang if (org.slug, lang) in self.about_html else "el",
                # Sorted only for a page that is rendered (most are reused).
                partners=self.directory.sorted(self.directory.partners[org.slug], lang),
                possible_partners=self.directory.possible_partners[org.slug],
                correction=self._correction_links(org, lang),
            ),
            organization=org,
            is_fallback=not own,
            noindex=not own,
            alternates=alternates,
            counterparts=counterparts,
            lastmod=_lastmod(org),
            keywords=org.keywords.get(lang, ()) if own else (),
            seo_kind="profile",
            source=self._source_of(org),
        )

    def _source_of(self, org) -> str:
        """The profile's file as the volunteer sees it (``organizations/<slug>/...``), for
        the SEO report: made once per organization, not once per language."""
        made = self.__dict__.setdefault("_sources", {})
        found = made.get(org.slug)
        if found is None:
            # By its name's parts (a path's relative_to costs more, for 1,000 of them),
            # when the file is in its folder (a linked profile.yaml may resolve elsewhere).
            folder, source = org.folder.parts, org.source.parts
            if source[: len(folder)] == folder:
                found = "/".join(source[len(folder) - 2 :])
            else:
                found = str(org.source.relative_to(org.folder.parent.parent))
            made[org.slug] = found
        return found

    def _profile_shows(self, org, lang: str) -> str:
        """Everything a profile page shows that is not the site's own input (theme, code,
        settings, content pages, workshops, today: kalo.incremental): the whole
        organization (its values and those made from them: its text, addresses, links),
        its partners' cards (their digests: the cards are what it shows of them), the
        possible partners' addresses and names, its workshops, every image made from its
        folder and its social images. Described once for both languages."""
        return f"organization\0{lang}\0{self._profile_material(org.slug)}"

    def _profile_material(self, slug: str) -> str:
        """A digest of what the profile shows in both languages (``_profile_shows``), made
        once per organization, directory and programme (the live preview's updates replace
        one or the other: a saved profile, a saved session)."""
        made = self.__dict__.get("_profiles_shown")
        programme = self.context.get("workshops_by_org")
        if made is None or made[0] is not self.directory or made[1] is not programme:
            made = self._profiles_shown = (self.directory, programme, {})
        found = made[2].get(slug)
        if found is None:
            directory = self.directory
            by_slug = directory.by_slug
            described = stable_repr(
                (
                    self._digest(slug),
                    # Partners are shown as cards (organizations/partials/org_partners.html).
                    [
                        [
                            self.cards.digest((partner, lang, 3, True))
                            for partner in directory.sorted_slugs(directory.partners[slug], lang)
                        ]
                        for lang in LANGS
                    ],
                    [_shown_match(match, by_slug) for match in directory.possible_partners[slug]],
                    self._workshops_of(slug),
                    self._images_of(slug),
                )
            )
            found = made[2][slug] = hashlib.sha256(
                described.encode("utf-8", "surrogatepass")
            ).hexdigest()
        return found

    def _workshops_of(self, slug: str) -> tuple[str, ...] | None:
        """The sessions an organization took part in, each as a digest of its whole model
        (made once per session and build: a session's text is long, and it is named on
        the profiles of all its organizations, in both languages)."""
        by_org = self.context.get("workshops_by_org") or {}
        workshops = by_org.get(slug)
        if workshops is None:
            return None
        # Keyed by ``id``, so kept with the mapping they were made from: its sessions stay
        # alive (no id is reused), and a new programme (the live preview) starts afresh.
        made = self.__dict__.get("_workshop_digests")
        if made is None or made[0] is not by_org:
            made = self._workshop_digests = (by_org, {})
        digests = made[1]
        for workshop in workshops:
            if id(workshop) not in digests:
                described = stable_repr(workshop).encode("utf-8", "surrogatepass")
                digests[id(workshop)] = hashlib.sha256(described).hexdigest()
        return tuple(digests[id(workshop)] for workshop in workshops)

    @functools.cached_property
    def _org_root(self) -> Path:
        """The organizations' folder, resolved once: image paths are absolute and resolved."""
        return Path(self.settings["ORG_PATH"]).resolve()

    def _images_of(self, slug: str) -> str:
        """The responsive images (logo, photos, those of its Markdown: every role) made from
        the files of one organization's folder, and its social images (a digest, made once
        per organization and build)."""
        site = self.context.get("site_images")
        if site is None:
            return ""
        digests = self.__dict__.setdefault("_image_digests", {})
        if slug in digests:
            return digests[slug]
        images = site.folder_digests(self._org_root).get(slug)
        social = site.social.get(("organizations", slug))
        described = stable_repr([images, social])
        digests[slug] = hashlib.sha256(described.encode("utf-8", "surrogatepass")).hexdigest()
        return digests[slug]

    def _digest(self, slug: str) -> str:
        return self.directory.fingerprint(slug)

    def _listing_shows(self, lang: str, listed, values: dict) -> str | None:
        """What a listing shows besides the site's inputs: its cards (their digests), the
        facets' codes and counts, and its own values."""
        if not self._describes:
            return None
        own = {k: v for k, v in values.items() if k not in ("listed", "facets", "facet_value")}
        current = values.get("facet_value")
        return stable_repr(
            (
                "listing",
                lang,
                self._listing_cards(listed, lang),
                self.directory.facet_counts,
                (current.facet, current.code) if current is not None else None,
                sorted(own.items()),
            )
        )

    def _write_directory(self, writer, lang: str) -> None:
        counterparts = urls.per_language(urls.directory_url)
        listed = self._listings(lang)[0]
        values = dict(
            listed=listed,
            lastmod=max(map(_lastmod, self.directory), default=None),
            seo_kind=None,
            alternates=counterparts,
            counterparts=counterparts,
            facets=self.directory.facets,
        )
        self._write(
            writer,
            "organizations",
            counterparts[lang],
            lang,
            shows=self._listing_shows(lang, listed, values),
            **values,
        )

    def _write_facets(self, writer, lang: str) -> None:
        listings = iter(self._listings(lang)[1:])
        lastmods = {org.slug: _lastmod(org) for org in self.directory}
        for facet, values in self.directory.facets.items():
            list_name = FACETS[facet][1]
            for value in values:
                counterparts = urls.per_language(urls.facet_url, facet, value.code)
                listed = next(listings)
                page_values = dict(
                    facet=facet,
                    facet_value=value,
                    list_name=list_name,
                    listed=listed,
                    lastmod=max((lastmods[slug] for slug in value.slugs), default=None),
                    seo_kind=None,
                    alternates=counterparts,
                    counterparts=counterparts,
                    facets=self.directory.facets,
                )
                self._write(
                    writer,
                    "organization_facet",
                    counterparts[lang],
                    lang,
                    shows=self._listing_shows(lang, listed, page_values),
                    **page_values,
                )

    def _write_removal_pages(self, writer) -> None:
        """A withdrawn organization's address says, in both languages, that it was removed."""
        for org in self.directory.withdrawn:
            for lang in LANGS:
                self._write(
                    writer,
                    "organization_removed",
                    urls.profile_url(org.slug, lang),
                    lang,
                    noindex=True,
                    alternates={},
                    counterparts={},
                )

    def _join_links(self) -> dict[str, str]:
        """Where a missing organization asks to join: the issue form and the web editor."""
        repo = self.settings.get("REPOSITORY_URL", "").rstrip("/")
        links = {}
        if repo and self.options["ORG_JOIN_URL"]:
            links["issue"] = self.options["ORG_JOIN_URL"].format(repo=repo)
        editor = self.options["ORG_EDITOR_URL"]
        if editor:
            links["editor"] = (
                editor
                if editor.startswith(("https://", "http://"))
                else f"{self.settings.get('SITEURL', '')}/{editor.lstrip('/')}"
            )
        return links

    def _correction_links(self, org, lang: str) -> dict[str, str]:
        repo = self.settings.get("REPOSITORY_URL", "").rstrip("/")
        if not repo:
            return {}
        path = f"organizations/{org.slug}/profile.yaml"
        title = f"Διόρθωση / correction: {org.name.el}"
        body = (
            f"Φορέας / organization: {org.name.el} ({org.slug})\n"
            f"Σελίδα / page: {self.settings.get('SITEURL', '')}/"
            f"{urls.profile_url(org.slug, lang)}\n\n"
            "Τι πρέπει να διορθωθεί; / What should be corrected?\n"
        )
        page = f"{self.settings.get('SITEURL', '')}/{urls.profile_url(org.slug, lang)}"
        values = {
            "repo": repo,
            "branch": self.settings.get("REPOSITORY_BRANCH", "main"),
            "path": path,
            "site": self.settings.get("SITEURL", ""),
            "slug": org.slug,
            "title": quote(title),
            "body": quote(body),
            "organization": quote(f"{org.name.el} — {page}"),
        }
        return {
            "edit": self.options["ORG_EDIT_URL"].format(**values),
            "issue": self.options["ORG_ISSUE_URL"].format(**values),
        }


def _shown_match(match, by_slug) -> tuple:
    """What a profile shows of a possible partner: its address, what each side offers and
    needs, its name. Plain values: their repr is quicker than a dataclass's (1,000
    profiles name some 10 possible partners each)."""
    name = by_slug[match.slug].name
    return match.slug, match.they_offer, match.they_need, name.el, name.en


def _lastmod(org):
    """The profile's own date for the sitemap: last checked, else the permission's date."""
    return org.updated or org.consent.date
