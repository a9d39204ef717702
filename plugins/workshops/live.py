"""The workshops in the live preview (``kalo.live``): a saved summary is taken in alone.

A change to a summary (``content/workshops/*.md``) reads and checks the summaries again
(a few dozen small files) and renders only new texts; its pages in both languages are
written first. When the organizations' generator changed the directory, the pages of the
sessions that name a changed organization are written first too. The programme, series,
findings, feeds and the profiles that list the session follow with the rest of the site.

What the image step made in the full build must stay right: a new or removed session, or
one whose photos, images in the text, title or series changed (its social images), asks
for a full build, as does any other file of the folder (its images).
"""

from __future__ import annotations

from pathlib import Path

from kalo.i18n import LANGS
from kalo.live import LiveGenerator, NeedsFullBuild
from kalo.markdown_images import markdown_image_sources


class LiveWorkshops(LiveGenerator):
    """Mixed into ``WorkshopsGenerator`` (its state: ``programme``, ``body_html``,
    ``directory``, ``published``, ``options``)."""

    _live_first: tuple[str, ...] = ()

    def _folder(self) -> Path:
        return (Path(self.settings["PATH"]) / self.options["WORKSHOP_DIR"]).resolve()

    def live_claims(self, path: Path) -> bool:
        path = Path(path)
        # README.md is not a summary: saving it changes nothing, as in a full build.
        return (
            path.parent == self._folder()
            and path.suffix == ".md"
            and not path.name.startswith((".", "_"))
        )

    def live_update(self, changed) -> None:
        self._live_first = ()
        directory = self.context.get("organizations", self.directory)
        mine = [Path(p) for p in changed if self.live_claims(p)]
        first: list[str] = []
        if mine:
            root = Path(self.settings["PATH"]).resolve().parent
            shown = {p.relative_to(root).as_posix() for p in mine if root in p.parents}
            programme, body_html = self._read(directory, shown)
            if _image_inputs(programme) != _image_inputs(self.programme):
                raise NeedsFullBuild("workshops: sessions or their images changed")
            old = {workshop.slug: workshop for workshop in self.programme}
            first = [w.slug for w in programme if old.get(w.slug) != w]
            self.programme, self.body_html = programme, body_html
        if directory is not self.directory:
            old_directory, self.directory = self.directory, directory
            for workshop in self.programme:
                if workshop.slug not in first and any(
                    old_directory.get(slug) != directory.get(slug)
                    for slug in workshop.organizations
                ):
                    first.append(workshop.slug)
        self._publish_context()
        self._live_first = tuple(first)

    def live_write_first(self, writer) -> list[str]:
        if not self._live_first:
            return []
        self._start_batch()
        for slug in self._live_first:
            workshop = self.programme.get(slug)
            for lang in LANGS:
                self._write_workshop(writer, workshop, lang)
        self._batch.write(writer)
        return [page.name for page in self._batch.pages]


def _image_inputs(programme) -> list:
    """What the image step reads of the sessions (plugins/image_step)."""
    return [
        (
            workshop.slug,
            workshop.title,
            workshop.series,
            tuple((photo.path, photo.publishable) for photo in workshop.photos),
            tuple(
                tuple(markdown_image_sources(text.body, photo_folder))
                for text in workshop.texts.values()
                for photo_folder in (text.source.parent,)
            ),
        )
        for workshop in programme
    ]
