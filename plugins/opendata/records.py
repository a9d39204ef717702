"""One published organization as an export record: pure functions, no Pelican, no files.

``Record`` gathers what every file needs (the organization, its published partners and
its absolute profile addresses); ``flat_row`` gives the CSV's columns and ``json_record``
the nested JSON object. Unpublished organizations never get here: the caller passes only
the ``Directory``'s (published) organizations and partners.
"""

from __future__ import annotations

from dataclasses import dataclass

from kalo import codes
from kalo.i18n import LANGS
from opendata.fields import CSV_FIELDS, LIST_SEPARATOR
from organizations import urls as org_urls
from organizations.model import Organization

# Model attribute → code list in codes.yaml, for the coded fields.
CODED = {
    "kind": "kind",
    "legal_form": "legal_form",
    "municipality": "municipality",
    "sectors": "sectors",
    "offers": "exchange",
    "needs": "exchange",
}
COORDINATE_DIGITS = 6  # about 10 cm: RFC 7946 §11.2 advises against more


@dataclass(frozen=True)
class Record:
    org: Organization
    partners: tuple[str, ...]  # published partner slugs, both directions, sorted
    urls: dict[str, str]  # lang → absolute profile address
    include_email: bool = True

    @property
    def slug(self) -> str:
        return self.org.slug

    @property
    def email(self) -> str | None:
        return self.org.email if self.include_email else None


def build_records(directory, base_url: str, include_email: bool = True) -> list[Record]:
    """The published organizations of a ``Directory``, by slug, ready to export."""
    return [
        Record(
            org=org,
            partners=tuple(directory.partners.get(org.slug, ())),
            urls={lang: f"{base_url}/{org_urls.profile_url(org.slug, lang)}" for lang in LANGS},
            include_email=include_email,
        )
        for org in sorted(directory, key=lambda o: o.slug)
    ]


def coded(list_name: str, code: str) -> dict:
    return {"code": code, **{lang: codes.label(list_name, code, lang) for lang in LANGS}}


def _values(org: Organization, attribute: str) -> tuple[str, ...]:
    value = getattr(org, attribute)
    return value if isinstance(value, tuple) else (value,)


def coordinate(value: float) -> float:
    return round(float(value), COORDINATE_DIGITS)


def flat_row(record: Record) -> dict[str, object]:
    """The CSV columns of one organization (lists as Python lists; the writer joins them)."""
    org = record.org
    row: dict[str, object] = {
        "slug": org.slug,
        "name_el": org.name.el,
        "name_en": org.name.en,
    }
    for attribute, list_name in CODED.items():
        values = _values(org, attribute)
        row[attribute] = list(values)
        for lang in LANGS:
            row[f"{attribute}_{lang}"] = [codes.label(list_name, code, lang) for code in values]
    row.update(
        {
            "summary_el": org.summary.el,
            "summary_en": org.summary.en,
            "founded": org.founded,
            "registry_number": org.registry_number,
            "registry_url": org.registry_url,
            "address_el": org.address.el,
            "address_en": org.address.en,
            "postal_code": org.postal_code,
            "lat": coordinate(org.location.lat) if org.location else None,
            "lon": coordinate(org.location.lon) if org.location else None,
            "website": org.website,
            "email": record.email,
            "phone": org.phone,
        }
    )
    for network in codes.codes("social"):
        row[network] = org.social.get(network)
    row.update(
        {
            "employees": org.employees,
            "members": org.members,
            "vulnerable_employees": org.vulnerable_employees,
            "partners": list(record.partners),
            "url_el": record.urls["el"],
            "url_en": record.urls["en"],
            "updated": org.updated.isoformat() if org.updated else None,
        }
    )
    # Single-valued coded fields are one value, not a list.
    single = {name for name in CODED if name not in ("sectors", "offers", "needs")}
    for name in single:
        for column in (name, f"{name}_el", f"{name}_en"):
            row[column] = row[column][0]
    return {field.name: row[field.name] for field in CSV_FIELDS}


def csv_cells(record: Record) -> list[str]:
    """The CSV row as text: lists joined with "; ", absent values empty."""
    row = flat_row(record)
    cells = []
    for field in CSV_FIELDS:
        value = row[field.name]
        if value is None:
            cells.append("")
        elif isinstance(value, list):
            cells.append(LIST_SEPARATOR.join(value))
        else:
            cells.append(str(value))
    return cells


def _text(localized) -> dict | None:
    if localized.el is None and localized.en is None:
        return None
    return {"el": localized.el, "en": localized.en}


def json_record(record: Record) -> dict:
    """The nested JSON object of one organization; every key is always present."""
    org = record.org
    registry = None
    if org.registry_number or org.registry_url:
        registry = {"number": org.registry_number, "url": org.registry_url}
    return {
        "slug": org.slug,
        "name": {"el": org.name.el, "en": org.name.en},
        "kind": coded("kind", org.kind),
        "legal_form": coded("legal_form", org.legal_form),
        "municipality": coded("municipality", org.municipality),
        "sectors": [coded("sectors", code) for code in org.sectors],
        "summary": {"el": org.summary.el, "en": org.summary.en},
        "founded": org.founded,
        "registry": registry,
        "address": _text(org.address),
        "postal_code": org.postal_code,
        "location": (
            {"lat": coordinate(org.location.lat), "lon": coordinate(org.location.lon)}
            if org.location
            else None
        ),
        "website": org.website,
        "email": record.email,
        "phone": org.phone,
        "social": {
            network: org.social[network]
            for network in codes.codes("social")
            if network in org.social
        },
        "offers": [coded("exchange", code) for code in org.offers],
        "needs": [coded("exchange", code) for code in org.needs],
        "employees": org.employees,
        "members": org.members,
        "vulnerable_employees": org.vulnerable_employees,
        "partners": list(record.partners),
        "urls": dict(record.urls),
        "updated": org.updated.isoformat() if org.updated else None,
    }
