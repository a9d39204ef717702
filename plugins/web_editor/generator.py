"""Writes /admin/: its page (theme template admin.html, noindex), config.yml, the editor's
scripts and Decap CMS's files from npm (copied, never linked: a step that rewrote an output
file in place must not reach the sources). An incremental build keeps the ones that did not
change; the preview rewrites only those that changed, each replaced whole."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from pelican.generators import Generator

from kalo.files import replacing, write_atomic
from kalo.output import Output, output_of
from kalo.pages import PageBatch
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
        output = output_of(self.settings)
        generated = Path(self.options["WEB_EDITOR_CONFIG"]).read_text(encoding="utf-8")
        # Made from the generated form and the settings only: an incremental build keeps it
        # while both are the same (YAML in pure Python costs 0.1 s).
        token = None
        if output.incremental:
            made_from = f"{output.site_fingerprint()}\0{generated}".encode()
            token = "config:" + hashlib.sha256(made_from).hexdigest()
        _write(
            output,
            f"{page}config.yml",
            lambda: served_config(generated, self.options, self.settings).encode("utf-8"),
            token,
        )
        scripts = Path(self.options["WEB_EDITOR_SCRIPTS"])
        for name in ("manual-init.js", "elot743.js", "admin.js"):
            _place(output, f"{page}{name}", scripts / name)
        _place(output, f"{page}js-yaml.min.js", Path(self.options["WEB_EDITOR_JS_YAML"]))
        dist = Path(self.options["WEB_EDITOR_DECAP_DIST"])
        for source in sorted(dist.iterdir()):
            # The bundle, the parts it loads when needed, and the licences; no source maps.
            if source.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")):
                _place(output, f"{page}{source.name}", source)
        batch = PageBatch(self.context, self.settings, name="web editor")
        batch.add(
            f"{page}index.html",
            self.get_template("admin"),
            shows="",  # the site's own inputs only (theme, settings)
            lang="el",
            page_url=page,
            alternates={},
            counterparts={},
            noindex=True,
            seo_kind=None,
            editor_scripts=SCRIPTS,
        )
        batch.write(writer)


# The editor's files are rewritten only when they change, each replaced whole: the preview
# serves this very folder, and a browser opening /admin/ during a save must never get half
# of the 5 MB bundle (it would show an empty page).


def _write(output: Output, rel: str, make: Callable[[], bytes], token: str | None) -> None:
    """The file ``rel`` with the bytes ``make()`` gives; ``token``: what they are made from,
    when known without making them (then a file the output has from it is kept)."""
    if token is not None and output.keep(rel, token):
        return
    data = make()
    target = output.staging / rel
    if not (target.is_file() and target.read_bytes() == data):
        write_atomic(target, data)
    output.wrote(rel, token)


def _place(output: Output, rel: str, source: Path) -> None:
    """A copy of ``source`` (an npm file, or ours), never a link: a step that rewrote an
    output file in place must not reach the sources."""
    stat = source.stat()
    token = f"file:{source}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}"
    if output.keep(rel, token):
        return
    target = output.staging / rel
    try:
        copied = target.stat()
        same = (copied.st_size, copied.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    except FileNotFoundError:
        same = False
    if not same:
        with replacing(target) as temporary:
            shutil.copy2(source, temporary)  # with its time: the next build sees it is the same
    output.wrote(rel, token)
