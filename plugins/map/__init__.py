"""The organizations map: /map/ and /en/map/, Leaflet served from the site itself.

Writes per language the page, the marker data (``map/organizations.json``: published
organizations with a location only) and copies Leaflet from node_modules (installed from
the npm registry by `make node-deps`) into theme/vendor/leaflet/; a missing Leaflet stops
the build with a clear message. Tiles come from OpenStreetMap only after the visitor asks
for the map. docs/search-and-map.md.
"""


def get_generators(_pelican):
    from map.generator import MapGenerator

    return MapGenerator


def register():
    from pelican import signals

    signals.get_generators.connect(get_generators)
