"""Pelican glue: gather the published organizations, then write /data/ and its page.

Every file is made from each organization's parts (its JSON object, CSV line, GeoJSON
feature, ESSGLOBAL node and Murmurations profile), kept across builds by a key of what
they are made from (``_part_key``: the organization's model and those of its partners,
the site's inputs): an edit makes the parts of the organizations it changed, and the files
are joined from the parts, with the same bytes as made whole (``exports.spliced``). Parts
are kept as the very bytes they have in their files (indented to their place; the
Murmurations profile with its digest), so that a build only joins bytes. A file whose
bytes did not change stays in the output folder that the build updates in place
(``kalo.output``).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pelican.generators import Generator

from kalo.cache import cache_dir, path_key
from kalo.i18n import LANGS
from kalo.incremental import stable_repr
from kalo.output import output_of
from kalo.pages import PageBatch
from kalo.pickle_file import PickleStore
from opendata import exports, urls
from opendata.datapackage import datapackage
from opendata.essglobal import CONTEXT, initiative
from opendata.fields import CSV_FIELDS, JSON_FIELDS
from opendata.murmurations import murmurations_profile
from opendata.records import build_records, csv_cells, json_record
from opendata.settings import opendata_settings

log = logging.getLogger(__name__)
# The ESSGLOBAL graph: its nodes go in the slot.
GRAPH = {"@context": CONTEXT, "@graph": exports.SLOT}


class OpenDataGenerator(Generator):
    """The exports under /data/ and the page that explains them."""

    # Its write phase reads only the context: written beside the others (kalo.write_beside).
    write_beside = True

    def generate_context(self):
        self.options = opendata_settings(self.settings)
        self.base_url = urls.absolute_base(
            self.settings.get("SITEURL", ""), self.options["OPENDATA_LOCAL_URL"]
        )
        self.context["opendata_urls"] = urls

    def _gather(self) -> None:
        """The records, their parts and the site-wide files. At output, not in
        ``generate_context``: nothing else reads them, and the search index's part (made
        beside the build once the organizations' pages are written) starts sooner."""
        directory = self.context.get("organizations")
        self.records = (
            build_records(directory, self.base_url, self.options["OPENDATA_EMAIL"])
            if directory is not None
            else []
        )
        self.parts = self._parts(directory)
        self.files = self._files()

    def _parts(self, directory) -> list[dict]:
        """Each record's parts, in the records' order: from the cache when made before."""
        output = output_of(self.settings)
        store = None
        if output.fingerprints and directory is not None:
            name = f"parts-{path_key(self.settings['ORG_PATH'])}"
            store = (cache_dir(self.settings, "opendata") / f"{name}.pickle", name)
        kept = PickleStore(*store) if store else None
        known = kept.known if kept else {}
        by_slug = {record.slug: record for record in self.records}
        kinds = self.options["OPENDATA_ESSGLOBAL_KINDS"]
        folder = self.options["OPENDATA_DIR"]
        # What every part is made from besides its organization: the site's inputs (code,
        # settings), the address of the site, this plugin's options.
        # Hashed once: it is part of every record's key.
        setup = (
            _digest(
                stable_repr((output.site_fingerprint(), self.base_url, self.options)).encode(
                    "utf-8", "surrogatepass"
                )
            )
            if store
            else ""
        )
        json_item, graph_item = exports.item_prefix(exports.SLOT), exports.item_prefix(GRAPH)
        feature_item = exports.item_prefix(exports.GEOJSON_CONTAINER)
        used, parts = {}, []
        # The files' tokens are made of the parts' keys (what the files are made from),
        # not of their 8 MB of bytes; ``setup`` too, for a site without organizations.
        self.part_keys = [setup] if store else None
        for record in self.records:
            key = self._part_key(setup, directory, record) if store else None
            if key:
                self.part_keys.append(key)
            made = known.get(key) if key else None
            if made is None:
                feature = exports.geojson_feature(record)
                profile = exports.to_json(
                    murmurations_profile(record, by_slug, self.base_url, folder)
                )
                made = {
                    "json": exports.list_item(json_item, exports.json_text(json_record(record))),
                    "csv": exports.csv_line(csv_cells(record)).encode("utf-8"),
                    "geojson": (
                        exports.list_item(feature_item, exports.json_text(feature))
                        if feature is not None
                        else None
                    ),
                    "essglobal": (
                        exports.list_item(
                            graph_item, exports.json_text(initiative(record, self.base_url))
                        )
                        if record.org.kind in kinds
                        else None
                    ),
                    "murmurations": profile,
                    "murmurations_digest": _digest(profile),
                }
            if key:
                used[key] = made
            parts.append(made)
        if kept and (used.keys() != known.keys() or len(used) != len(self.records)):
            kept.save(used)
        return parts

    def _part_key(self, setup: str, directory, record) -> str:
        """What a record's parts are made from: the organization's model and its partners'
        (a Murmurations profile names their addresses), the addresses, ``setup``."""
        material = repr(
            (
                directory.fingerprint(record.slug),
                [(slug, directory.fingerprint(slug)) for slug in record.partners],
                sorted(record.urls.items()),
                record.include_email,
            )
        )
        return hashlib.sha256(f"{setup}\0{material}".encode("utf-8", "surrogatepass")).hexdigest()

    def _files(self) -> dict[str, bytes]:
        """The site-wide files under /data/ (path inside the folder → bytes), in a stable
        order; the Murmurations profiles are written one by one, at output."""
        folder = self.options["OPENDATA_DIR"]
        files = {
            "organizations.json": exports.spliced_items(
                exports.SLOT, [part["json"] for part in self.parts]
            ),
            "organizations.csv": exports.csv_from_line_bytes([part["csv"] for part in self.parts]),
            "organizations.geojson": exports.spliced_items(
                exports.GEOJSON_CONTAINER,
                [part["geojson"] for part in self.parts if part["geojson"] is not None],
            ),
        }
        files["datapackage.json"] = exports.to_json(
            datapackage(files, self.base_url, folder, self.options)
        )
        files["essglobal.jsonld"] = exports.spliced_items(
            GRAPH, [part["essglobal"] for part in self.parts if part["essglobal"] is not None]
        )
        self.geolocated = sum(1 for part in self.parts if part["geojson"] is not None)
        log.info(
            "open data: %d organizations exported, %d with a location",
            len(self.records),
            self.geolocated,
        )
        return files

    def generate_output(self, writer):
        self._gather()
        written = output_of(self.settings)
        folder = self.options["OPENDATA_DIR"]
        keys = self.part_keys
        for relative, data in self.files.items():
            token = None if keys is None else _digest("\0".join([relative, *keys]).encode())
            _write(written, f"{folder}/{relative}", data, token)
        self.file_sizes = {relative: len(data) for relative, data in self.files.items()}
        self.files = {}  # written: the page below needs only their sizes
        # One Murmurations profile per organization.
        for record, part in zip(self.records, self.parts, strict=True):
            _write(
                written,
                urls.murmurations_path(record.slug, folder),
                part["murmurations"],
                part["murmurations_digest"],
            )
        self.parts = []
        batch = PageBatch(self.context, self.settings, name="open data")
        for lang in LANGS:
            self._add_page(batch, lang)
        batch.write(writer)

    def _add_page(self, batch: PageBatch, lang: str) -> None:
        counterparts = urls.per_language(urls.page_url)
        url = counterparts[lang]
        folder = self.options["OPENDATA_DIR"]
        batch.add(
            urls.save_as(url),
            self.get_template("open_data"),
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
            geolocated_count=self.geolocated,
            csv_fields=CSV_FIELDS,
            json_fields=JSON_FIELDS,
            license=self.options["OPENDATA_LICENSE"],
        )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(written, relative: str, data: bytes, token: str | None = None) -> None:
    """A file of /data/: left in the output folder updated in place when it was made from
    the same inputs (``token``: what it is made from; by default, the digest of its bytes),
    else written into the staging folder."""
    token = token or _digest(data)
    if written.keep(relative, token):
        return
    target = Path(written.staging) / relative
    try:
        target.write_bytes(data)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    written.wrote(relative, token)
