"""schema.org JSON-LD for the pages, from published data only.

``script_json`` makes the JSON safe inside ``<script type="application/ld+json">`` whatever
the text holds (quotes, ``</script>``, ``<!--``).
"""

from __future__ import annotations

import json

from kalo import codes

NETWORK = {
    "@type": "Organization",
    "name": "Διαδημοτικό Κοινωνικό Δίκτυο «ΚΟΙΝΩΝΩ»",
    "alternateName": "KOINONO inter-municipal social network",
}
GOVERNMENT_FORMS = {"dimos", "dimotiko-nomiko-prosopo"}
NONPROFIT_FORMS = {"amke", "somateio", "idryma"}
ENTERPRISE_FORMS = {
    "koinsep-entaxis",
    "koinsep-syllogikis-ofeleias",
    "koispe",
    "synetairismos-ergazomenon",
    "synetairismos",
    "epicheirisi",
}


def schema_type(kind: str, legal_form: str, has_address: bool) -> str:
    """The most precise schema.org type for an organization's kind and legal form."""
    if kind == "local-authority" or legal_form in GOVERNMENT_FORMS:
        return "GovernmentOrganization"
    if kind == "civil-society" or legal_form in NONPROFIT_FORMS:
        return "NGO"
    if (kind == "business" or legal_form in ENTERPRISE_FORMS) and has_address:
        return "LocalBusiness"
    return "Organization"


def organization(
    org,
    lang: str,
    page_url: str,
    site_url: str,
    logo_url: str | None = None,
    image_urls: tuple[str, ...] = (),
) -> dict:
    other = "en" if lang == "el" else "el"
    data = {
        "@context": "https://schema.org",
        "@type": schema_type(org.kind, org.legal_form, bool(org.address.el)),
        "@id": f"{site_url}/organizations/{org.slug}/#organization",
        "name": org.name.get(lang),
        "description": org.summary.get(lang),
        "url": page_url,
        "areaServed": codes.label("municipality", org.municipality, lang),
        "memberOf": NETWORK,
    }
    alternate = org.name.get(other, fallback=False)
    if alternate and alternate != data["name"]:
        data["alternateName"] = alternate
    if logo_url:
        data["logo"] = logo_url
    if image_urls:
        data["image"] = list(image_urls)
    if org.address.el:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": org.address.get(lang),
            "addressLocality": codes.label("municipality", org.municipality, lang),
            "addressRegion": "Αττική" if lang == "el" else "Attica",
            "addressCountry": "GR",
            **({"postalCode": org.postal_code} if org.postal_code else {}),
        }
    if org.location:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": org.location.lat,
            "longitude": org.location.lon,
        }
    # No e-mail: the page writes it so that harvesters cannot read it (theme/static/js/email.js).
    if org.phone:
        data["telephone"] = org.phone
    same_as = [url for url in (org.website, *org.social.values()) if url]
    if same_as:
        data["sameAs"] = same_as
    if org.founded:
        data["foundingDate"] = str(org.founded)
    if org.employees is not None:
        data["numberOfEmployees"] = {"@type": "QuantitativeValue", "value": org.employees}
    if data["@type"] == "NGO":
        data["nonprofitStatus"] = "Nonprofit"
    return data


def event(
    workshop,
    lang: str,
    page_url: str,
    text,
    series_label: str,
    place_label: str | None,
    image_url: str | None = None,
) -> dict:
    """A workshop as a schema.org Event, from its own data only."""
    status = "EventScheduled"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text.title,
        "url": page_url,
        "description": text.summary or series_label,
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": NETWORK,
        "superEvent": {"@type": "EventSeries", "name": series_label},
        "inLanguage": "el",
    }
    if workshop.date:
        starts = workshop.starts
        data["startDate"] = starts.isoformat() if starts else workshop.date.isoformat()
    place = text.venue or place_label
    if place or workshop.municipality:
        data["location"] = {
            "@type": "Place",
            "name": place or place_label,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": place_label or "",
                "addressRegion": "Αττική" if lang == "el" else "Attica",
                "addressCountry": "GR",
            },
        }
    if image_url:
        data["image"] = [image_url]
    return data


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": url}
            for index, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(name: str, url: str, lang: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": lang,
        "publisher": NETWORK,
    }


def script_json(data) -> str:
    """JSON for a script element: ``<``, ``>`` and ``&`` escaped so no text can end it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
