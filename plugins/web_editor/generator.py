"""Writes /admin/: its page (theme template admin.html, noindex), config.yml, the editor's
scripts and Decap CMS's files from npm (copied, never linked: a step that rewrote an output
file in place must not reach the sources)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican.generators import Generator

from kalo.problems import Problem, raise_if_errors
from web_editor.config import served_config
from web_editor.settings import editor_settings

# Our scripts, in the order the page loads them (manual-init.js first: Decap waits for
# admin.js to register the formats and backends, then admin.js starts it).
SCRIPTS = ("manual-init.js", "decap-cms.js", "js-yaml.min.js", "elot743.js", "admin.js")


class WebEditorGenerator(Generator):
    def generate_context(self):
        self.options = editor_settings(self.settings)
        if not self.options["WEB_EDITOR_ENABLED"]:
            return
        dist = Path(self.options["WEB_EDITOR_DECAP_DIST"])
        needed = [dist / "decap-cms.js", Path(self.options["WEB_EDITOR_JS_YAML"])]
        missing = [str(path) for path in needed if not path.is_file()]
        if missing:
            raise_if_errors(
                [
                    Problem(
                        missing[0],
                        None,
                        None,
                        "the web editor's files from npm are missing: run `make node-deps` "
                        "(npm ci) in the project's folder, then build again.",
                        "λείπουν τα αρχεία του web editor από το npm: τρέξτε `make node-deps` "
                        "(npm ci) στον φάκελο του έργου και ξαναχτίστε.",
                    )
                ]
            )

    def generate_output(self, writer):
        if not self.options["WEB_EDITOR_ENABLED"]:
            return
        page = self.options["WEB_EDITOR_PAGE"]
        folder = Path(self.output_path) / page
        folder.mkdir(parents=True, exist_ok=True)
        generated = Path(self.options["WEB_EDITOR_CONFIG"]).read_text(encoding="utf-8")
        (folder / "config.yml").write_text(
            served_config(generated, self.options, self.settings), encoding="utf-8"
        )
        scripts = Path(self.options["WEB_EDITOR_SCRIPTS"])
        for name in ("manual-init.js", "elot743.js", "admin.js"):
            _place(scripts / name, folder / name)
        _place(Path(self.options["WEB_EDITOR_JS_YAML"]), folder / "js-yaml.min.js")
        dist = Path(self.options["WEB_EDITOR_DECAP_DIST"])
        for source in sorted(dist.iterdir()):
            # The bundle, the parts it loads when needed, and the licences; no source maps.
            if source.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")):
                _place(source, folder / source.name)
        writer.write_file(
            f"{page}index.html",
            self.get_template("admin"),
            self.context,
            lang="el",
            page_url=page,
            alternates={},
            counterparts={},
            noindex=True,
            seo_kind=None,
            editor_scripts=SCRIPTS,
        )


def _place(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
