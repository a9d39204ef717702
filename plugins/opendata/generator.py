"""Pelican glue: gather the published organizations, then write /data/ and its page."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from kalo.i18n import LANGS
from opendata import exports, urls
from opendata.datapackage import datapackage
from opendata.essglobal import essglobal_jsonld
from opendata.fields import CSV_FIELDS, JSON_FIELDS
from opendata.murmurations import murmurations_profile
from opendata.records import build_records
from opendata.settings import opendata_settings

log = logging.getLogger(__name__)


class OpenDataGenerator(Generator):
    """The exports under /data/ and the page that explains them."""

    def generate_context(self):
        self.options = opendata_settings(self.settings)
        self.base_url = urls.absolute_base(
            self.settings.get("SITEURL", ""), self.options["OPENDATA_LOCAL_URL"]
        )
        directory = self.context.get("organizations")
        self.records = (
            build_records(directory, self.base_url, self.options["OPENDATA_EMAIL"])
            if directory is not None
            else []
        )
        self.files = self._files()
        self.context["opendata_urls"] = urls

    def _files(self) -> dict[str, bytes]:
        """The site-wide files under /data/ (path inside the folder → bytes), in a stable
        order; the Murmurations profiles are made and written one by one, at output."""
        folder = self.options["OPENDATA_DIR"]
        files = {
            "organizations.json": exports.organizations_json(self.records),
            "organizations.csv": exports.organizations_csv(self.records),
            "organizations.geojson": exports.organizations_geojson(self.records),
        }
        files["datapackage.json"] = exports.to_json(
            datapackage(files, self.base_url, folder, self.options)
        )
        files["essglobal.jsonld"] = exports.to_json(
            essglobal_jsonld(self.records, self.base_url, self.options["OPENDATA_ESSGLOBAL_KINDS"])
        )
        log.info(
            "open data: %d organizations exported, %d with a location",
            len(self.records),
            len(exports.geolocated(self.records)),
        )
        return files

    def generate_output(self, writer):
        folder = Path(self.output_path) / self.options["OPENDATA_DIR"]
        for relative, data in self.files.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.file_sizes = {relative: len(data) for relative, data in self.files.items()}
        self.files = {}  # written: the page below needs only their sizes
        # One Murmurations profile per organization, each written as soon as it is made
        # (kept together, 10,000 of them held tens of megabytes until the end of the build).
        by_slug = {record.slug: record for record in self.records}
        (folder / "murmurations").mkdir(parents=True, exist_ok=True)
        for record in self.records:
            profile = murmurations_profile(
                record, by_slug, self.base_url, self.options["OPENDATA_DIR"]
            )
            (folder / "murmurations" / f"{record.slug}.json").write_bytes(exports.to_json(profile))
        for lang in LANGS:
            self._write_page(writer, lang)

    def _write_page(self, writer, lang: str) -> None:
        counterparts = urls.per_language(urls.page_url)
        url = counterparts[lang]
        folder = self.options["OPENDATA_DIR"]
        writer.write_file(
            urls.save_as(url),
            self.get_template("open_data"),
            self.context,
            lang=lang,
            page_url=url,
            alternates=counterparts,
            counterparts=counterparts,
            noindex=False,
            seo_kind=None,
            lastmod=max((r.org.updated or r.org.consent.date for r in self.records), default=None),
            data_folder=folder,
            data_files=[(name, self.file_sizes[name]) for name in urls.FILES],
            murmurations=[f"murmurations/{r.slug}.json" for r in self.records],
            record_count=len(self.records),
            geolocated_count=len(exports.geolocated(self.records)),
            csv_fields=CSV_FIELDS,
            json_fields=JSON_FIELDS,
            license=self.options["OPENDATA_LICENSE"],
        )
