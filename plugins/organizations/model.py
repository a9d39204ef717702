"""The organization as templates and other plugins see it: typed, validated, read-only.

Built once per build by ``load.load_organizations``; nothing here reads files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kalo.incremental import stable_repr
from kalo.media import Image, Localized  # noqa: F401  (part of this model's interface)


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float


@dataclass(frozen=True)
class Consent:
    granted: bool
    date: date | None = None
    reference: str | None = None
    withdrawn: date | None = None


@dataclass(frozen=True)
class Organization:
    slug: str
    folder: Path
    source: Path  # profile.yaml
    name: Localized
    kind: str
    legal_form: str
    municipality: str
    sectors: tuple[str, ...]
    summary: Localized
    consent: Consent
    founded: int | None = None
    registry_number: str | None = None
    registry_url: str | None = None
    address: Localized = Localized()
    postal_code: str | None = None  # normalised to "NNN NN"
    location: Location | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    social: dict[str, str] = field(default_factory=dict)  # network → URL, contract order
    offers: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang → phrases
    logo: Image | None = None
    photos: tuple[Image, ...] = ()  # every photo named, publishable or not
    employees: int | None = None
    members: int | None = None
    vulnerable_employees: int | None = None
    partners: tuple[str, ...] = ()  # slugs as written
    updated: date | None = None
    about: dict[str, str] = field(default_factory=dict)  # lang → Markdown source

    @property
    def published(self) -> bool:
        """The contract's rule: permission granted and not withdrawn."""
        return self.consent.granted and self.consent.withdrawn is None

    @property
    def withdrawn(self) -> bool:
        return self.consent.withdrawn is not None

    @property
    def public_photos(self) -> tuple[Image, ...]:
        return tuple(photo for photo in self.photos if photo.publishable)

    def has_language(self, lang: str) -> bool:
        """Whether the organization has its own text in ``lang`` (contract: summary)."""
        return self.summary.has(lang)


def model_digest(organization: Organization | None) -> str | None:
    """A digest of everything an organization's model holds: it changes exactly when the
    model does (a touched file that changed nothing keeps it, on any machine)."""
    if organization is None:
        return None
    made = stable_repr(organization).encode("utf-8", "surrogatepass")
    return hashlib.sha256(made).hexdigest()
