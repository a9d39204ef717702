"""The map page of each language (/map/, /en/map/), its marker data, and Leaflet's files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pelican.generators import Generator

from kalo.i18n import LANGS, lang_prefix
from kalo.problems import Problem, raise_if_errors
from map.markers import by_municipality, filter_options, mapped, marker_data
from map.settings import map_settings


class MapGenerator(Generator):
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
        output = Path(self.output_path)
        self._copy_leaflet(output)
        directory = self.context["organizations"]
        counterparts = {lang: f"{lang_prefix(lang)}{self.options['MAP_PAGE']}" for lang in LANGS}
        options = filter_options(directory)
        count = len(mapped(directory))
        for lang in LANGS:
            data_url = counterparts[lang] + self.options["MAP_DATA_FILE"]
            data = json.dumps(
                marker_data(directory, lang, self.settings.get("SITEURL", "")),
                ensure_ascii=False,
                separators=(",", ":"),
            )
            target = output / data_url
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(data + "\n", encoding="utf-8")
            writer.write_file(
                f"{counterparts[lang]}index.html",
                self.get_template("map"),
                self.context,
                lang=lang,
                page_url=counterparts[lang],
                alternates=counterparts,
                counterparts=counterparts,
                seo_kind=None,
                map_data_url=data_url,
                map_filters=options,
                map_count=count,
                map_groups=by_municipality(directory, lang),
                map_options=self._js_options(),
                leaflet_dir=self.options["MAP_VENDOR_DIR"] + "/",
            )

    def _copy_leaflet(self, output: Path) -> None:
        dist = Path(self.options["MAP_LEAFLET_DIST"])
        vendor = output / self.options["MAP_VENDOR_DIR"]
        vendor.mkdir(parents=True, exist_ok=True)
        for name in self.options["MAP_LEAFLET_FILES"]:
            source = dist / name
            if source.is_dir():
                shutil.copytree(source, vendor / name, dirs_exist_ok=True)
            else:
                shutil.copy2(source, vendor / name)

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
