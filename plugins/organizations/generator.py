"""Pelican glue: read organizations into the context, then write their pages."""

from __future__ import annotations

import hashlib
import logging
import os
from datetime import date
from pathlib import Path
from urllib.parse import quote

from pelican.generators import Generator

from kalo import timing
from kalo.cache import cache_dir, path_key
from kalo.i18n import LANGS
from kalo.incremental import stable_repr
from kalo.markup import MarkdownCache
from kalo.pages import PageBatch
from kalo.problems import raise_if_errors
from organizations import urls
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
        self._folders = FolderCache(cache, orgdir, orgdir.parent, date.today())
        with timing.step("organizations: load and validate"):
            result = load_organizations(
                orgdir, today=date.today(), display_root=orgdir.parent, cache=self._folders
            )
        self._folders.save()
        raise_if_errors(result.problems)

        self.options = org_settings(self.settings)
        self.directory = build_directory(
            result.organizations, self.options["ORG_POSSIBLE_PARTNERS"]
        )
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
        # Cards rendered once and reused by every listing (organizations.cards).
        self.context["org_cards"] = {}
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

    def generate_output(self, writer):
        # Every page is added to one batch, rendered on all cores (kalo.pages), in the
        # order they were always written.
        self._batch = PageBatch(self.context, self.settings, name="organizations")
        for lang in LANGS:
            self._write_directory(writer, lang)
            self._write_facets(writer, lang)
            for org in self.directory:
                self._write_profile(writer, org, lang)
        self._write_removal_pages(writer)
        with timing.step("organizations: pages"):
            self._batch.write(writer)
        log.info(
            "organizations: %d pages written, %d unchanged ones reused",
            len(self._batch.pages) - self._batch.reused,
            self._batch.reused,
        )

    def _write(self, writer, template: str, url: str, lang: str, **extra):
        self._batch.add(
            urls.save_as(url),
            self.get_template(template),
            lang=lang,
            page_url=url,
            **extra,
        )

    def _write_profile(self, writer, org, lang: str) -> None:
        own = org.has_language(lang)
        counterparts = urls.per_language(urls.profile_url, org.slug)
        alternates = {code: url for code, url in counterparts.items() if org.has_language(code)}
        values = dict(
            organization=org,
            about_html=self.about_html.get((org.slug, lang))
            or self.about_html.get((org.slug, "el")),
            about_lang=lang if (org.slug, lang) in self.about_html else "el",
            is_fallback=not own,
            noindex=not own,
            alternates=alternates,
            counterparts=counterparts,
            partners=self.directory.sorted(self.directory.partners[org.slug], lang),
            possible_partners=self.directory.possible_partners[org.slug],
            correction=self._correction_links(org, lang),
            lastmod=_lastmod(org),
            keywords=org.keywords.get(lang, ()) if own else (),
            seo_kind="profile",
            source=str(org.source.relative_to(org.folder.parent.parent)),
        )
        self._write(
            writer,
            "organization",
            counterparts[lang],
            lang,
            shows=self._profile_shows(org, lang, values),
            **values,
        )

    def _profile_shows(self, org, lang: str, values: dict) -> str:
        """Everything a profile page shows that is not the site's own input (theme, code,
        settings, content pages, workshops, today: kalo.incremental): its own values (the
        organization, its partners), the possible partners it names, its workshops, every
        image made from its folder and its social images. Conservative: whole objects, not
        the fields used."""
        workshops = (self.context.get("workshops_by_org") or {}).get(org.slug)
        own = {
            key: value
            for key, value in values.items()
            if key not in ("organization", "partners", "possible_partners")
        }
        return stable_repr(
            (
                "organization",
                lang,
                self._digest(org.slug),
                sorted(own.items()),
                # Partners are shown as cards, with their logo and first photo.
                [
                    (self._digest(partner.slug), self._images_of(partner.slug))
                    for partner in values["partners"]
                ],
                [(match, self._digest(match.slug)) for match in values["possible_partners"]],
                workshops,
                self._images_of(org.slug),
            )
        )

    def _images_of(self, slug: str) -> list:
        """The responsive images (logo, photos, those of its Markdown: every role) made from
        the files of one organization's folder, and its social images."""
        site = self.context.get("site_images")
        if site is None:
            return []
        if "_images" not in self.__dict__:
            # Image paths are absolute and resolved, like the organizations' folders.
            orgdir = str(Path(self.settings["ORG_PATH"]).resolve()) + os.sep
            grouped: dict[str, list] = {}
            for (path, role), image in site.responsive.items():
                if str(path).startswith(orgdir):
                    owner = str(path)[len(orgdir) :].split(os.sep)[0]
                    grouped.setdefault(owner, []).append((str(path), role, image))
            self._images = {
                owner: sorted(items, key=lambda item: item[:2]) for owner, items in grouped.items()
            }
        return [self._images.get(slug, []), site.social.get(("organizations", slug))]

    def _digest(self, slug: str) -> str:
        """The digest of one organization's whole model, made once per build."""
        digests = self.__dict__.setdefault("_digests", {})
        if slug not in digests:
            org = self.directory.by_slug[slug]
            digests[slug] = hashlib.sha256(
                stable_repr(org).encode("utf-8", "surrogatepass")
            ).hexdigest()
        return digests[slug]

    def _write_directory(self, writer, lang: str) -> None:
        counterparts = urls.per_language(urls.directory_url)
        self._write(
            writer,
            "organizations",
            counterparts[lang],
            lang,
            listed=self.directory.sorted(self.directory.organizations, lang),
            lastmod=max(map(_lastmod, self.directory), default=None),
            seo_kind=None,
            alternates=counterparts,
            counterparts=counterparts,
            facets=self.directory.facets,
        )

    def _write_facets(self, writer, lang: str) -> None:
        for facet, values in self.directory.facets.items():
            list_name = FACETS[facet][1]
            for value in values:
                counterparts = urls.per_language(urls.facet_url, facet, value.code)
                self._write(
                    writer,
                    "organization_facet",
                    counterparts[lang],
                    lang,
                    facet=facet,
                    facet_value=value,
                    list_name=list_name,
                    listed=self.directory.sorted(value.slugs, lang),
                    lastmod=max(
                        (_lastmod(self.directory.by_slug[s]) for s in value.slugs), default=None
                    ),
                    seo_kind=None,
                    alternates=counterparts,
                    counterparts=counterparts,
                    facets=self.directory.facets,
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


def _lastmod(org):
    """The profile's own date for the sitemap: last checked, else the permission's date."""
    return org.updated or org.consent.date
