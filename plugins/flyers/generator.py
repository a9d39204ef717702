"""Pelican glue: write every published organization's flyer and every series' flyer."""

from __future__ import annotations

import hashlib
import logging

from pelican.generators import Generator

from flyers import urls
from kalo import timing
from kalo.i18n import LANGS
from kalo.incremental import stable_repr
from kalo.pages import PageBatch

log = logging.getLogger(__name__)


class FlyersGenerator(Generator):
    # Its write phase reads only the context: written beside the others (kalo.write_beside).
    write_beside = True

    def generate_context(self):
        self.context["flyer_urls"] = urls

    def generate_output(self, writer):
        batch = PageBatch(self.context, self.settings, name="flyers")
        directory = self.context.get("organizations") or ()
        site = self.context.get("site_images")
        template = self.get_template("flyer_organization")
        # What an organization's flyers show besides the site's own inputs: its model and
        # its logo's files (made once for both languages).
        shown = {
            org.slug: hashlib.sha256(
                stable_repr((directory.fingerprint(org.slug), _logo(site, org))).encode()
            ).hexdigest()
            for org in directory
        }
        for lang in LANGS:
            for org in directory:  # the directory holds published organizations only
                self._add(
                    batch,
                    template,
                    urls.organization(org.slug, lang),
                    lang,
                    shows=f"flyer\0{lang}\0{shown[org.slug]}",
                    organization=org,
                    counterparts={code: urls.organization(org.slug, code) for code in LANGS},
                )
        programme = self.context.get("workshop_programme")
        template = self.get_template("flyer_series")
        for lang in LANGS:
            for series in programme.series if programme is not None else ():
                upcoming = [w for w in programme.upcoming if w.series == series.code]
                self._add(
                    batch,
                    template,
                    urls.series(series.code, lang),
                    lang,
                    # The programme is the content folder's: the site's own inputs.
                    shows=f"series\0{lang}\0{series.code}",
                    series=series,
                    next_session=upcoming[0] if upcoming else None,
                    counterparts={code: urls.series(series.code, code) for code in LANGS},
                )
        with timing.step("flyers"):
            batch.write(writer)
        log.info(
            "flyers: %d written, %d unchanged ones reused",
            len(batch.pages) - batch.reused,
            batch.reused,
        )

    def _add(self, batch, template, url: str, lang: str, **values) -> None:
        batch.add(
            f"{url}index.html",
            template,
            lang=lang,
            page_url=url,
            alternates={},
            noindex=True,
            seo_kind=None,
            **values,
        )


def _logo(site, org):
    """A digest of the logo's files as the image step made them (their names change with
    the bytes)."""
    if site is None or org.logo is None:
        return None
    return site.record_digest((str(org.logo.path), "logo"))
