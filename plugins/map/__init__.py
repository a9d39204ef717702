"""The organizations map: /map/ and /en/map/, Leaflet served from the site itself.

Writes per language the page, the marker data (``map/organizations.json``: published
organizations with a location only) and copies Leaflet from node_modules (installed from
the npm registry by `make node-deps`) into theme/vendor/leaflet/; a missing Leaflet stops
the build with a clear message. Tiles come from OpenStreetMap only after the visitor asks
for the map. docs/search-and-map.md.
"""


def declare_inputs(pelican) -> None:
    """Leaflet's files are copied into the site: the incremental build must see them change."""
    from kalo.incremental import declare_input
    from map.settings import map_settings

    options = map_settings(pelican.settings)
    if options["MAP_ENABLED"]:
        declare_input(pelican.settings, options["MAP_LEAFLET_DIST"])


def get_generators(_pelican):
    from map.generator import MapGenerator

    return MapGenerator


def register():
    from pelican import signals

    signals.initialized.connect(declare_inputs)
    signals.get_generators.connect(get_generators)
