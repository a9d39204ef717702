"""One Murmurations profile per organization (organizations_schema-v1.0.0).

The profile is published at /data/murmurations/<slug>.json, the ``profile_url`` to give
to the Murmurations index. Only fields the schema defines are written, and only facts we
have: no ``mission`` (we have none apart from the summary), no ``nickname`` (an English
name is a translation, not a familiar name), no ``starts_at`` (we know the year only).
"""

from __future__ import annotations

from kalo import codes
from opendata.records import Record, coordinate

SCHEMA = "organizations_schema-v1.0.0"
# Greece's bounding box, to tell whether an organization outside West Athens is in Greece.
GREECE = (34.5, 41.9, 19.2, 29.8)  # lat min, lat max, lon min, lon max
PARTNER_PREDICATE = "https://schema.org/knows"


def in_greece(org) -> bool:
    if org.municipality != "other":
        return True
    if org.location is None:
        return False
    lat_min, lat_max, lon_min, lon_max = GREECE
    return lat_min <= org.location.lat <= lat_max and lon_min <= org.location.lon <= lon_max


def primary_url(record: Record) -> str:
    """The organization's own website, else its profile on the observatory."""
    return record.org.website or record.urls["el"]


def tags(org) -> list[str]:
    out = [codes.label("kind", org.kind, "en"), codes.label("legal_form", org.legal_form, "en")]
    out += [codes.label("sectors", code, "en") for code in org.sectors]
    out += (
        ["Social and solidarity economy", "West Athens"]
        if org.municipality != "other"
        else ["Social and solidarity economy"]
    )
    seen: list[str] = []
    for tag in out:
        if tag not in seen:
            seen.append(tag)
    return seen


def murmurations_profile(
    record: Record, by_slug: dict[str, Record], base_url: str, folder: str
) -> dict:
    org = record.org
    profile: dict = {
        "linked_schemas": [SCHEMA],
        "name": org.name.el,
        "primary_url": primary_url(record),
        "tags": tags(org),
    }
    links = [
        {"name": "Observatory profile (Greek)", "url": record.urls["el"]},
        {"name": "Observatory profile (English)", "url": record.urls["en"]},
    ]
    if org.website:
        links.insert(0, {"name": "Website", "url": org.website})
    links += [
        {"name": codes.label("social", network, "en"), "url": url}
        for network, url in org.social.items()
    ]
    profile["urls"] = links
    profile["description"] = org.summary.en or org.summary.el
    profile["status"] = "active"
    if org.address.el:
        parts = [org.address.en or org.address.el]
        if org.postal_code:
            parts.append(org.postal_code)
        if org.municipality != "other":
            parts += [codes.label("municipality", org.municipality, "en"), "Greece"]
        profile["full_address"] = ", ".join(parts)
    if org.municipality != "other":
        profile["locality"] = codes.label("municipality", org.municipality, "en")
        profile["region"] = "Attica"
    if in_greece(org):
        profile["country_iso_3166"] = "GR"
    if org.location:
        profile["geolocation"] = {
            "lat": coordinate(org.location.lat),
            "lon": coordinate(org.location.lon),
        }
    if record.email:
        profile["contact_details"] = {"email": record.email}
    if org.phone:
        profile["telephone"] = org.phone
    relationships = [
        {"predicate_url": PARTNER_PREDICATE, "object_url": primary_url(by_slug[slug])}
        for slug in record.partners
        if slug in by_slug
    ]
    if relationships:
        profile["relationships"] = relationships
    profile["unique_id"] = f"{base_url}/{folder}/murmurations/{org.slug}.json"
    return profile
