"""essglobal.jsonld: the SSE initiatives in ESSGLOBAL, RIPESS's vocabulary for SSE mapping.

Each organization of a kind in OPENDATA_ESSGLOBAL_KINDS becomes an
``essglobal:SSEInitiative`` with its legal form, organisational structure and economic
sectors as the SKOS concepts of ``data/essglobal.yaml``, names and descriptions in Greek
and English, homepage, address (vCard) and location (WGS 84). Its ``@id`` is the same as
the schema.org JSON-LD of its profile page: ``<site>/organizations/<slug>/#organization``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kalo import codes
from kalo.safe_yaml import load_project_yaml
from opendata.records import Record, coordinate
from organizations import urls as org_urls

MAPPING_FILE = Path(__file__).parent / "data" / "essglobal.yaml"
VOCAB = "http://purl.org/essglobal/vocab/"
STANDARD = "http://purl.org/essglobal/standard/"
SCHEMES = {
    "legal_form": f"{STANDARD}legal-form/",
    "structure": f"{STANDARD}organisational-structure/",
    "sector": f"{STANDARD}activities-modified/",
}
CONTEXT = {
    "essglobal": VOCAB,
    "gr": "http://purl.org/goodrelations/v1#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@lru_cache(maxsize=1)
def mapping() -> dict:
    with MAPPING_FILE.open(encoding="utf-8") as handle:
        return load_project_yaml(handle)


def concept(scheme: str, notation: str | None) -> str | None:
    return f"{SCHEMES[scheme]}{notation}" if notation else None


def legal_form_concepts(legal_form: str) -> tuple[str | None, str | None]:
    """(legal-form concept IRI, organisational-structure concept IRI) of one of our codes."""
    entry = mapping()["legal_form"][legal_form]
    return concept("legal_form", entry["legal_form"]), concept("structure", entry["structure"])


def sector_concepts(sectors) -> list[str]:
    """The activity concepts of our sector codes, each once, in the order given."""
    out = []
    for code in sectors:
        iri = concept("sector", mapping()["sectors"][code])
        if iri and iri not in out:
            out.append(iri)
    return out


def initiative_id(base_url: str, slug: str) -> str:
    return f"{base_url}/{org_urls.profile_url(slug, 'el')}#organization"


def _texts(el: str | None, en: str | None) -> list[dict]:
    return [{"@value": text, "@language": lang} for lang, text in (("el", el), ("en", en)) if text]


def initiative(record: Record, base_url: str) -> dict:
    org = record.org
    legal_form, structure = legal_form_concepts(org.legal_form)
    node: dict = {
        "@id": initiative_id(base_url, org.slug),
        "@type": "essglobal:SSEInitiative",
        "gr:name": _texts(org.name.el, org.name.en),
        "dcterms:description": _texts(org.summary.el, org.summary.en),
        "dcterms:identifier": org.slug,
    }
    if legal_form:
        node["essglobal:legalForm"] = {"@id": legal_form}
    if structure:
        node["essglobal:organisationalStructure"] = {"@id": structure}
    sectors = sector_concepts(org.sectors)
    if sectors:
        node["essglobal:economicSector"] = [{"@id": iri} for iri in sectors]
    node["foaf:page"] = [{"@id": record.urls["el"]}, {"@id": record.urls["en"]}]
    if org.website:
        node["foaf:homepage"] = {"@id": org.website}
    if org.founded:
        node["dcterms:created"] = {"@value": str(org.founded), "@type": "xsd:gYear"}
    address: dict = {"@type": "vcard:Address"}
    if org.address.el:
        address["vcard:street-address"] = _texts(org.address.el, org.address.en)
    if org.municipality != "other":
        address["vcard:locality"] = _texts(
            codes.label("municipality", org.municipality, "el"),
            codes.label("municipality", org.municipality, "en"),
        )
        address["vcard:region"] = _texts("Αττική", "Attica")
        address["vcard:country-name"] = "Greece"
    if org.postal_code:
        address["vcard:postal-code"] = org.postal_code
    if org.location:
        address["geo:lat"] = coordinate(org.location.lat)
        address["geo:long"] = coordinate(org.location.lon)
    if len(address) > 1:
        node["essglobal:hasAddress"] = address
    if record.email:
        node["vcard:hasEmail"] = {"@id": f"mailto:{record.email}"}
    if org.phone:
        node["vcard:hasTelephone"] = org.phone
    return node


def essglobal_jsonld(records: list[Record], base_url: str, kinds) -> dict:
    return {
        "@context": CONTEXT,
        "@graph": [initiative(record, base_url) for record in records if record.org.kind in kinds],
    }
