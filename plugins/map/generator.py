"""The map page of each language (/map/, /en/map/), its marker data, and Leaflet's files."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from pelican.generators import Generator

from kalo.i18n import LANGS, lang_prefix
from kalo.incremental import stable_repr
from kalo.output import output_of
from kalo.pages import PageBatch
from kalo.problems import Problem, raise_if_errors
from map.markers import by_municipality, filter_options, mapped, marker_data
from map.settings import map_settings


class MapGenerator(Generator):
    # Its write phase reads only the context: written beside the others (kalo.write_beside).
    write_beside = True

    def generate_context(self):
        self.options = map_settings(self.settings)
        if not self.options["MAP_ENABLED"]:
            return
        dist = Path(self.options["MAP_LEAFLET_DIST"])
        missing = [name for name in self.options["MAP_LEAFLET_FILES"] if not (dist / name).exists()]
        if missing:
            raise_if_errors(
                [
                    Problem(
                        str(dist),
                        None,
                        None,
                        f"Leaflet is not installed ({', '.join(missing)} missing): run `make "
                        "node-deps` "
                        "(npm ci) in the project's folder, then build again.",
                        f"Το Leaflet δεν είναι εγκατεστημένο (λείπουν: {', '.join(missing)}): "
                        "τρέξτε "
                        "`make node-deps` (npm ci) στον φάκελο του έργου και ξαναχτίστε.",
                    )
                ]
            )

    def generate_output(self, writer):
        if not self.options["MAP_ENABLED"]:
            return
        written = output_of(self.settings)
        self._copy_leaflet(written)
        directory = self.context["organizations"]
        counterparts = {lang: f"{lang_prefix(lang)}{self.options['MAP_PAGE']}" for lang in LANGS}
        options = filter_options(directory)
        count = len(mapped(directory))
        batch = PageBatch(self.context, self.settings, name="map")
        for lang in LANGS:
            data_url = counterparts[lang] + self.options["MAP_DATA_FILE"]
            data = json.dumps(
                marker_data(directory, lang, self.settings.get("SITEURL", "")),
                ensure_ascii=False,
                separators=(",", ":"),
            )
            _write(written, data_url, (data + "\n").encode("utf-8"))
            groups = by_municipality(directory, lang)
            # The page shows the filters' counts and, by municipality, every organization's
            # address and name (partials/map_by_municipality.html).
            shows = stable_repr(
                (
                    "map",
                    lang,
                    options,
                    count,
                    [
                        (code, [(org.slug, org.name.get(lang), org.name.has(lang)) for org in orgs])
                        for code, orgs in groups
                    ],
                )
            )
            batch.add(
                f"{counterparts[lang]}index.html",
                self.get_template("map"),
                shows=shows,
                lang=lang,
                page_url=counterparts[lang],
                alternates=counterparts,
                counterparts=counterparts,
                seo_kind=None,
                map_data_url=data_url,
                map_filters=options,
                map_count=count,
                map_groups=groups,
                map_options=self._js_options(),
                leaflet_dir=self.options["MAP_VENDOR_DIR"] + "/",
            )
        batch.write(writer)

    def _copy_leaflet(self, written) -> None:
        """Leaflet's files, copied (never linked: a later step may rewrite output files);
        left in the output folder updated in place while the installed files are the same."""
        dist = Path(self.options["MAP_LEAFLET_DIST"])
        vendor = self.options["MAP_VENDOR_DIR"]
        for name in self.options["MAP_LEAFLET_FILES"]:
            source = dist / name
            files = (
                sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
            )
            for path in files:
                relative = (
                    f"{vendor}/{name}"
                    if path == source
                    else (f"{vendor}/{name}/{path.relative_to(source).as_posix()}")
                )
                stat = path.stat()
                token = f"copy {stat.st_size} {stat.st_mtime_ns} {stat.st_ino}"
                if written.keep(relative, token):
                    continue
                target = written.staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                written.wrote(relative, token)

    def _js_options(self) -> dict:
        lat, lon = self.options["MAP_CENTER"]
        return {
            "tiles": self.options["MAP_TILE_URL"],
            "subdomains": self.options["MAP_TILE_SUBDOMAINS"],
            "attribution": self.options["MAP_ATTRIBUTION"],
            "maxZoom": self.options["MAP_MAX_ZOOM"],
            "center": [lat, lon],
            "zoom": self.options["MAP_ZOOM"],
        }


def _write(written, relative: str, data: bytes) -> None:
    """Left in the output folder updated in place when its bytes are the same."""
    token = hashlib.sha256(data).hexdigest()
    if written.keep(relative, token):
        return
    target = written.staging / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    written.wrote(relative, token)
