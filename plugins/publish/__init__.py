"""Production post-processing (`make publish`): minify, fingerprint, precompress, host files.

Runs inside the staging folder of plugins/kalo/build.py, so the site that replaces the
output is complete or nothing changes. Every step is off by default (pelicanconf.py) and
switched on in publishconf.py; the settings are in publish/settings.py. Deterministic: the
same input gives byte-identical output.

Order: CSS/JS minified -> fingerprinted (the hash is of the final bytes) -> HTML and CSS
rewritten and minified -> _headers, _redirects, _gone.map -> .br/.gz copies of text files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kalo.files import write_atomic
from publish import hostfiles
from publish.compress import compress_file
from publish.files import PUBLISHED_MODE, walk
from publish.fingerprint import fingerprint_files, reference_pattern, rewrite_references
from publish.minify import minify_css, minify_html_text, minify_js
from publish.settings import publish_settings

log = logging.getLogger(__name__)


# Post-processing steps: with any of them on, the output is not what the generators wrote.
STEPS = ("PUBLISH_MINIFY", "PUBLISH_FINGERPRINT", "PUBLISH_COMPRESS", "PUBLISH_HOST_FILES")


def declare_post_processing(pelican) -> None:
    """When a step is on, pages are changed after they are written: the incremental build
    must never reuse the previous output's (post-processed) pages. Decided by the build's
    settings: Pelican's signals outlive a build, so this runs for every later build of
    the process, with or without this plugin (an html build after a publish)."""
    from kalo.incremental import forbid_page_reuse

    options = publish_settings(pelican.settings)
    if any(options[step] for step in STEPS):
        forbid_page_reuse(pelican.settings)


def get_generators(_pelican):
    from publish.generator import HostFilesGenerator

    return HostFilesGenerator


def finalized(pelican) -> None:
    """After every generator has written: post-process the (staging) output folder."""
    options = publish_settings(pelican.settings)
    post_process(Path(pelican.output_path), options, pelican.settings.get("SITEURL", ""))


def post_process(output: Path, options: dict, siteurl: str = "") -> dict[str, int]:
    """The whole post-processing of a built site; returns counts for the log and tests."""
    counts = {"minified": 0, "fingerprinted": 0, "compressed": 0}
    # The build's staging folder comes from mkdtemp (mode 0700); a web server running as
    # another user (www-data) must be able to read the published site.
    output.chmod(0o755)
    if options["PUBLISH_MINIFY"]:
        for path in walk(output, (".css", ".js")):
            if ".min." in path.name:
                continue
            minify = minify_css if path.suffix == ".css" else minify_js
            _transform(path, minify)
            counts["minified"] += 1

    renamed: dict[str, str] = {}
    if options["PUBLISH_FINGERPRINT"]:
        exts = tuple(options["PUBLISH_FINGERPRINT_EXTENSIONS"])
        candidates = [
            path.relative_to(output).as_posix()
            for folder in options["PUBLISH_FINGERPRINT_DIRS"]
            for path in walk(output / folder, exts)
        ]
        renamed = fingerprint_files(output, candidates)
        counts["fingerprinted"] = len(renamed)
    pattern = reference_pattern(renamed, siteurl)

    html_pass = bool(renamed) or options["PUBLISH_MINIFY"]
    for path in walk(output, (".html", ".css")) if html_pass else ():
        if path.suffix == ".css":
            _transform(path, lambda text: rewrite_references(text, renamed, pattern))
            continue

        def html(text: str) -> str:
            text = rewrite_references(text, renamed, pattern)
            return minify_html_text(text) if options["PUBLISH_MINIFY"] else text

        _transform(path, html)
        counts["minified"] += bool(options["PUBLISH_MINIFY"])

    if options["PUBLISH_HOST_FILES"]:
        top_level = [entry.name for entry in output.iterdir() if not entry.name.startswith("_")]
        (output / "_headers").write_text(
            hostfiles.headers(renamed.values(), top_level), encoding="utf-8"
        )

    if options["PUBLISH_COMPRESS"]:
        min_size = options["PUBLISH_COMPRESS_MIN_SIZE"]
        for path in walk(output, tuple(options["PUBLISH_COMPRESS_EXTENSIONS"])):
            if path.stat().st_size >= min_size:
                counts["compressed"] += compress_file(path)

    if any(counts.values()):
        log.info(
            "publish: %(minified)d files minified, %(fingerprinted)d fingerprinted, "
            "%(compressed)d compressed copies",
            counts,
        )
    return counts


def _transform(path: Path, change) -> None:
    """Apply ``change`` to a UTF-8 text file; rewrite it only if it changed."""
    text = path.read_text(encoding="utf-8")
    new = change(text)
    if new != text:
        write_atomic(path, new, mode=PUBLISHED_MODE)


def register():
    from pelican import signals

    signals.initialized.connect(declare_post_processing)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finalized)
