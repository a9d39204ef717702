"""Settings of the publish plugin, with their defaults.

Every step is off by default (pelicanconf.py, `make html`, `make serve`) and switched on in
publishconf.py (`make publish`). The steps run on Pelican's ``finalized`` signal, inside the
staging folder of plugins/kalo/build.py, so a failure leaves the previous site untouched.
"""

from __future__ import annotations

from kalo.settings import overlay

DEFAULTS = {
    # Minify HTML, CSS and JavaScript with minify-html (CSS and JS files are minified as the
    # content of a <style> / <script> element). Files named *.min.css / *.min.js are left alone.
    "PUBLISH_MINIFY": False,
    # Add the first 8 hex digits of the SHA-256 of their final bytes to the names of these
    # files (site.css -> site.1a2b3c4d.css) and rewrite every reference in the HTML and CSS.
    "PUBLISH_FINGERPRINT": False,
    # Which files get fingerprints: folders of the output, and extensions.
    "PUBLISH_FINGERPRINT_DIRS": ("theme",),
    "PUBLISH_FINGERPRINT_EXTENSIONS": (".css", ".js"),
    # Write a .br (Brotli) and a .gz (gzip, mtime 0) copy of every text file, for servers that
    # send precompressed files (nginx gzip_static / brotli_static, GitLab Pages).
    "PUBLISH_COMPRESS": False,
    "PUBLISH_COMPRESS_EXTENSIONS": (
        ".html",
        ".css",
        ".js",
        ".json",
        ".geojson",
        ".csv",
        ".xml",
        ".atom",
        ".ics",
        ".svg",
        ".txt",
        ".webmanifest",
    ),
    # Smaller files are not worth compressing (one TCP packet anyway).
    "PUBLISH_COMPRESS_MIN_SIZE": 256,
    # Write the hosts' files: _headers and _redirects (Netlify, Cloudflare Pages) and
    # _gone.map (the withdrawn organizations' addresses, included by deploy/nginx).
    "PUBLISH_HOST_FILES": False,
}


def publish_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return overlay(settings, DEFAULTS)
