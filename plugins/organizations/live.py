"""The organizations in the live preview (``kalo.live``): a saved profile is read again alone.

A change to a folder's ``profile.yaml`` or ``about.*.md`` is taken in without a full build:
the changed folders are read and validated again (the others come from the folder cache
kept in memory), the partners cross-check and the directory are made again, only new
texts are rendered. The pages written first are the changed organizations' profiles in
both languages, then those of their partners (before and after the change); the
workshops' generator writes its own pages naming them. Everything else (possible partners,
listings, facets, flyers, open data) follows with the rest of the site.

What the image step made in the full build must stay right, so a change it would see
(a new, removed, published or withdrawn organization; a name, municipality, logo, photo
or image in the texts; any other file of a folder) asks for a full build.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kalo.i18n import LANGS
from kalo.live import LiveGenerator, NeedsFullBuild
from kalo.markdown_images import markdown_image_sources
from kalo.pages import PageBatch
from kalo.problems import Problem, raise_if_errors
from organizations.directory import build_directory
from organizations.load import load_organizations
from organizations.schema import ABOUT_FILES, PROFILE_FILE

TEXT_FILES = frozenset({PROFILE_FILE, *ABOUT_FILES.values()})


class LiveOrganizations(LiveGenerator):
    """Mixed into ``OrganizationsGenerator`` (its state: ``directory``, ``about_html``,
    ``cards``, ``_folders``, ``_markdown``, ``options``)."""

    _live_first: tuple[str, ...] = ()

    def _live_slug(self, path: Path) -> str | None:
        orgdir = Path(self.settings["ORG_PATH"]).resolve()
        try:
            parts = Path(path).relative_to(orgdir).parts
        except ValueError:
            return None
        if len(parts) == 2 and parts[1] in TEXT_FILES and not parts[0].startswith((".", "_")):
            return parts[0]
        return None

    def live_claims(self, path: Path) -> bool:
        return self._live_slug(path) is not None

    def live_update(self, changed) -> None:
        self._live_first = ()
        slugs = sorted({slug for path in changed if (slug := self._live_slug(path))})
        if not slugs:
            return
        orgdir = Path(self.settings["ORG_PATH"])
        result = load_organizations(
            orgdir, today=date.today(), display_root=orgdir.parent, cache=self._folders
        )
        # Said again: every error, and what the changed folders have to say.
        raise_if_errors(
            [p for p in result.problems if p.severity == "error" or _of(p, slugs, orgdir)]
        )
        directory = build_directory(
            result.organizations, self.options["ORG_POSSIBLE_PARTNERS"], result.fingerprints
        )
        old = self.directory
        if _image_inputs(old, slugs) != _image_inputs(directory, slugs) or (
            set(old.by_slug),
            [o.slug for o in old.withdrawn],
        ) != (set(directory.by_slug), [o.slug for o in directory.withdrawn]):
            raise NeedsFullBuild("organizations: images or published organizations changed")
        self.directory = directory
        self.about_html = self._render_about(self._markdown)
        self._publish_context()
        changed_orgs = [slug for slug in slugs if old.get(slug) != directory.get(slug)]
        self.cards.forget(changed_orgs, directory.by_slug)
        self.__dict__.pop("_listed", None)  # listings' order follows the names
        first = [slug for slug in changed_orgs if slug in directory.by_slug]
        for slug in changed_orgs:
            for partner in (*old.partners.get(slug, ()), *directory.partners.get(slug, ())):
                if partner not in first:
                    first.append(partner)
        self._live_first = tuple(first)

    def live_write_first(self, writer) -> list[str]:
        if not self._live_first:
            return []
        self._batch = PageBatch(self.context, self.settings, name="organizations")
        for slug in self._live_first:
            for lang in LANGS:
                self._write_profile(writer, self.directory.by_slug[slug], lang)
        self._batch.write(writer)
        return [page.name for page in self._batch.pages]


def _of(problem: Problem, slugs: list[str], orgdir: Path) -> bool:
    """Is the problem about one of these folders? (files are shown from the folder's parent)"""
    parts = Path(problem.file).parts
    return any(part in slugs for part in parts[-3:-1]) or (
        len(parts) >= 1 and parts[-1].rstrip("/") in slugs
    )


def _image_inputs(directory, slugs: list[str]) -> list:
    """What the image step reads of these organizations: the pictures and the social
    images' words (plugins/image_step)."""
    inputs = []
    for slug in slugs:
        org = directory.get(slug)
        if org is None:
            inputs.append(None)
            continue
        inputs.append(
            (
                org.name,
                org.municipality,
                org.logo.path if org.logo else None,
                tuple((photo.path, photo.publishable) for photo in org.photos),
                tuple(
                    tuple(markdown_image_sources(text, org.folder)) for text in org.about.values()
                ),
            )
        )
    return inputs
