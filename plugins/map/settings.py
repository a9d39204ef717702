"""Settings of the map plugin, with their defaults (overridable in pelicanconf)."""

from __future__ import annotations

from pathlib import Path

from kalo.settings import overlay

ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    "MAP_ENABLED": True,
    # Leaflet's files as installed from the npm registry (`make node-deps`, `npm ci`), and
    # where the build copies them in the site. Never a CDN.
    "MAP_LEAFLET_DIST": str(ROOT / "node_modules" / "leaflet" / "dist"),
    "MAP_LEAFLET_FILES": ("leaflet.js", "leaflet.css", "images"),
    "MAP_VENDOR_DIR": "theme/vendor/leaflet",
    # The map's address under each language prefix; the marker data sits beside it.
    "MAP_PAGE": "map/",
    "MAP_DATA_FILE": "organizations.json",
    # OpenStreetMap's tiles, asked for only after the visitor presses "Show the map". The
    # a/b/c hosts match the site's CSP (img-src https://*.tile.openstreetmap.org).
    "MAP_TILE_URL": "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
    "MAP_TILE_SUBDOMAINS": "abc",
    # The tile licence's attribution (ODbL), shown on the map in both languages.
    "MAP_ATTRIBUTION": (
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    ),
    "MAP_MAX_ZOOM": 19,
    # Where the map opens before fitting the markers: West Athens.
    "MAP_CENTER": (38.015, 23.69),
    "MAP_ZOOM": 13,
}


def map_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return overlay(settings, DEFAULTS)
