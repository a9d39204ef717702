"""The published organizations and what is derived from them, built once per build.

Only published organizations enter here, so nothing built from a ``Directory`` can
mention an unpublished one: partners, possible partners and facets included.
Every derived index is built in one pass over the organizations (no pair-wise loops), so
the build stays linear with thousands of organizations.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from kalo import codes
from kalo.text import sort_key
from organizations.model import Organization, model_digest

# Facet address segment → (model attribute, code list in codes.yaml).
FACETS = {
    "kind": ("kind", "kind"),
    "municipality": ("municipality", "municipality"),
    "legal-form": ("legal_form", "legal_form"),
    "sector": ("sectors", "sectors"),
    "offers": ("offers", "exchange"),
    "needs": ("needs", "exchange"),
}


@dataclass(frozen=True)
class PossiblePartner:
    slug: str
    they_offer: tuple[str, ...]  # codes this organization needs and they offer
    they_need: tuple[str, ...]  # codes this organization offers and they need


@dataclass(frozen=True)
class FacetValue:
    facet: str
    code: str
    slugs: tuple[str, ...]  # members, by slug


@dataclass
class LeftOut:
    no_permission: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.no_permission) + len(self.withdrawn)


@dataclass
class Directory:
    organizations: list[Organization]  # published, by slug
    by_slug: dict[str, Organization]
    partners: dict[str, tuple[str, ...]]  # both directions, published only
    possible_partners: dict[str, tuple[PossiblePartner, ...]]
    facets: dict[str, list[FacetValue]]  # facet → values with at least one member
    withdrawn: list[Organization]
    left_out: LeftOut
    # Slug → digest of what its model was made from (organizations.load), when known.
    fingerprints: dict[str, str] = field(default_factory=dict, repr=False)

    def get(self, slug: str) -> Organization | None:
        return self.by_slug.get(slug)

    def fingerprint(self, slug: str) -> str:
        """A digest that changes whenever the organization's model changes
        (``organizations.model.model_digest``): the loader's, made when the folder was
        read, else made here."""
        known = self.fingerprints.get(slug)
        if known is None:
            known = self.fingerprints[slug] = model_digest(self.by_slug[slug])
        return known

    def _rank(self, lang: str) -> dict[str, int]:
        """Each organization's place in the language's order, made once per language: a
        build sorts some 130 listings and every profile's partners (2,000 short lists at
        1,000 organizations), by the place (a number), not by the name."""
        rank = self.__dict__.setdefault("_ranks", {}).get(lang)
        if rank is None:
            keys = {org.slug: sort_key(org.name.get(lang)) for org in self.organizations}
            places = {key: place for place, key in enumerate(sorted(set(keys.values())))}
            rank = self._ranks[lang] = {slug: places[key] for slug, key in keys.items()}
        return rank

    def sorted_slugs(self, slugs, lang: str) -> list[str]:
        """``sorted`` of organizations the directory holds, by slug: the slugs, in order."""
        return sorted(slugs, key=self._rank(lang).__getitem__)

    def sorted(self, slugs_or_orgs, lang: str) -> list[Organization]:
        """Organizations in the alphabetical order of ``lang`` (accents ignored); those of
        the same name in the order given."""
        rank = self._rank(lang)
        orgs = [self.by_slug[s] if isinstance(s, str) else s for s in slugs_or_orgs]
        slugs = [org.slug for org in orgs]
        if not rank.keys() >= set(slugs):  # an organization the directory does not hold
            return sorted(orgs, key=lambda org: sort_key(org.name.get(lang)))
        order = sorted(range(len(slugs)), key=[rank[slug] for slug in slugs].__getitem__)
        return [orgs[number] for number in order]

    @functools.cached_property
    def facet_counts(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """Each facet's values' codes and how many organizations each has: what every
        listing and the search page show of the facets (made once, not once per page)."""
        return [
            (facet, [(value.code, len(value.slugs)) for value in values])
            for facet, values in self.facets.items()
        ]

    def facet_value(self, facet: str, code: str) -> FacetValue | None:
        for value in self.facets.get(facet, ()):
            if value.code == code:
                return value
        return None

    def __len__(self) -> int:
        return len(self.organizations)

    def __iter__(self):
        return iter(self.organizations)


def build_directory(
    all_organizations: list[Organization],
    possible_partners: int = 6,
    fingerprints: dict[str, str] | None = None,
    known_matches=None,
) -> Directory:
    """``known_matches``: a mapping (``possible_partners_key`` → possible partners) of
    earlier builds; the one this directory needs is taken from it, or made and put in it."""
    published = sorted((o for o in all_organizations if o.published), key=lambda o: o.slug)
    by_slug = {org.slug: org for org in published}
    left_out = LeftOut(
        no_permission=sorted(o.slug for o in all_organizations if not o.consent.granted),
        withdrawn=sorted(o.slug for o in all_organizations if o.consent.granted and o.withdrawn),
    )
    partners = _partners_both_ways(published, by_slug)
    matches = None
    if known_matches is not None:
        key = possible_partners_key(published, partners, possible_partners)
        matches = known_matches.get(key)
    if matches is None:
        matches = _possible_partners(published, partners, possible_partners)
        if known_matches is not None:
            known_matches[key] = matches
    return Directory(
        organizations=published,
        by_slug=by_slug,
        partners=partners,
        possible_partners=matches,
        facets=_facets(published),
        withdrawn=sorted((o for o in all_organizations if o.withdrawn), key=lambda o: o.slug),
        left_out=left_out,
        fingerprints=dict(fingerprints or {}),
    )


def _partners_both_ways(published, by_slug) -> dict[str, tuple[str, ...]]:
    """If A lists B, both pages show the other; unpublished partners disappear."""
    links: dict[str, set[str]] = defaultdict(set)
    for org in published:
        for partner in org.partners:
            if partner in by_slug and partner != org.slug:
                links[org.slug].add(partner)
                links[partner].add(org.slug)
    return {slug: tuple(sorted(links[slug])) for slug in by_slug}


def possible_partners_key(published, partners, limit: int) -> str:
    """Everything the possible partners are made from: each published organization's
    slug, municipality, offers and needs, the partners, the limit, this module's code."""
    from pathlib import Path

    material = repr(
        (
            Path(__file__).read_bytes(),
            limit,
            [(org.slug, org.municipality, org.offers, org.needs) for org in published],
            sorted(partners.items()),
        )
    )
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def _possible_partners(published, partners, limit: int) -> dict[str, tuple[PossiblePartner, ...]]:
    """Organizations whose offers meet this one's needs, and the reverse; not yet partners.

    Candidates come from an index by code, capped per code, so each organization costs
    a bounded amount of work; the best are those matching the most codes, then those in
    the same municipality, then by slug (stable across builds).
    """
    offering: dict[str, list[Organization]] = defaultdict(list)
    needing: dict[str, list[Organization]] = defaultdict(list)
    # The same groups split by municipality (in the same order), so that finding the
    # nearest members of a group does not scan it: linear in the organizations.
    offering_near: dict[tuple[str, str], list[Organization]] = defaultdict(list)
    needing_near: dict[tuple[str, str], list[Organization]] = defaultdict(list)
    for org in published:
        for code in org.offers:
            offering[code].append(org)
            offering_near[code, org.municipality].append(org)
        for code in org.needs:
            needing[code].append(org)
            needing_near[code, org.municipality].append(org)
    per_code = max(limit * 4, 24)
    result = {}
    for org in published:
        candidates: dict[str, Organization] = {}
        for code in org.needs:
            for other in _nearest(offering[code], offering_near[code, org.municipality], per_code):
                candidates[other.slug] = other
        for code in org.offers:
            for other in _nearest(needing[code], needing_near[code, org.municipality], per_code):
                candidates[other.slug] = other
        for known in (org.slug, *partners[org.slug]):
            candidates.pop(known, None)
        matches = []
        for other in candidates.values():
            they_offer = tuple(c for c in org.needs if c in other.offers)
            they_need = tuple(c for c in org.offers if c in other.needs)
            score = len(they_offer) + len(they_need)
            if score:
                rank = (-score, other.municipality != org.municipality, other.slug)
                matches.append((rank, PossiblePartner(other.slug, they_offer, they_need)))
        matches.sort(key=lambda item: item[0])
        result[org.slug] = tuple(match for _, match in matches[:limit])
    return result


def _nearest(
    group: list[Organization], same_place: list[Organization], cap: int
) -> list[Organization]:
    """Up to ``cap`` members of a code's group, those in the organization's municipality
    (``same_place``: the group's members there, in the group's order) first."""
    if len(group) <= cap:
        return group
    same = same_place[:cap]
    return same + group[: cap - len(same)]


def _facets(published) -> dict[str, list[FacetValue]]:
    facets = {}
    for facet, (attribute, list_name) in FACETS.items():
        members: dict[str, list[str]] = defaultdict(list)
        for org in published:
            value = getattr(org, attribute)
            for code in value if isinstance(value, tuple) else (value,):
                members[code].append(org.slug)
        facets[facet] = [
            FacetValue(facet, code, tuple(members[code]))
            for code in codes.codes(list_name)
            if members.get(code)
        ]
    return facets
