"""The map's data: published organizations with a location, per language. Pure functions."""

from __future__ import annotations

from collections import defaultdict

from kalo import codes
from organizations import urls

# The filters of the map page: facet → (model attribute, code list).
MAP_FILTERS = {
    "municipality": ("municipality", "municipality"),
    "kind": ("kind", "kind"),
    "sector": ("sectors", "sectors"),
}


def mapped(directory) -> list:
    """Published organizations (the directory holds no other) that have a location."""
    return [org for org in directory if org.location is not None]


def marker_data(directory, lang: str, site_url: str = "") -> dict:
    """What theme/js/map.js reads: one marker per organization, in the language ``lang``.

    Organizations at the same coordinates share a ``group`` number and have their place in
    it (``spot``, ``of``), so the map can spread them in a small circle and each stays
    clickable.
    """
    orgs = directory.sorted(mapped(directory), lang)
    same_place = defaultdict(list)
    for org in orgs:
        same_place[(org.location.lat, org.location.lon)].append(org.slug)
    groups = {place: number for number, place in enumerate(same_place)}
    markers = []
    for org in orgs:
        place = (org.location.lat, org.location.lon)
        marker = {
            "slug": org.slug,
            "name": org.name.get(lang),
            "url": f"{site_url}/{urls.profile_url(org.slug, lang)}",
            "lat": org.location.lat,
            "lon": org.location.lon,
            "municipality": org.municipality,
            "kind": org.kind,
            "sector": list(org.sectors),
            "labels": {
                "municipality": codes.label("municipality", org.municipality, lang),
                "kind": codes.label("kind", org.kind, lang),
            },
        }
        if len(same_place[place]) > 1:
            marker.update(
                group=groups[place],
                spot=same_place[place].index(org.slug),
                of=len(same_place[place]),
            )
        markers.append(marker)
    return {"lang": lang, "markers": markers}


def filter_options(directory) -> dict[str, list[tuple[str, int]]]:
    """For each filter, the codes (in codes.yaml order) that mapped organizations have."""
    orgs = mapped(directory)
    options = {}
    for name, (attribute, list_name) in MAP_FILTERS.items():
        counts: dict[str, int] = defaultdict(int)
        for org in orgs:
            value = getattr(org, attribute)
            for code in value if isinstance(value, tuple) else (value,):
                counts[code] += 1
        options[name] = [
            (code, counts[code]) for code in codes.codes(list_name) if counts.get(code)
        ]
    return options


def by_municipality(directory, lang: str) -> list[tuple[str, list]]:
    """All published organizations grouped by municipality (codes.yaml order): the page's
    content without JavaScript."""
    groups = defaultdict(list)
    for org in directory:
        groups[org.municipality].append(org)
    return [
        (code, directory.sorted(groups[code], lang))
        for code in codes.codes("municipality")
        if groups.get(code)
    ]
