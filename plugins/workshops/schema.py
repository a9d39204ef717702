"""The fields of a workshop summary's front matter: the single source of truth.

Contract §2, extended with ``findings`` and ``needs`` (lists of plain text) and
``updated`` (the day the summary was last changed; it dates the Atom feed's entries).
``validate.py`` checks against this table and ``docs/adding-a-workshop.md`` describes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# File names: <slug>.md (Greek original) and <slug>.en.md (English translation).
FILE_PATTERN = re.compile(r"^(?P<slug>[^.]+)(\.(?P<lang>[^.]+))?\.md$")
TRANSLATION_LANGS = ("en",)
# Addresses under /workshops/ used by the programme's own pages.
RESERVED_SLUGS = frozenset({"series", "findings", "images", "feed", "calendar"})
IMAGES_DIR = "images"
PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif", "heic", "heif")
DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$")

SUMMARY_MIN, SUMMARY_MAX = 20, 300
TITLE_MIN, TITLE_MAX = 2, 200
ITEM_MAX = 500  # one topic, keyword, finding or need


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | code | number | date | datetime | texts | participants | slugs | photos
    required: bool = False
    # Facts of the session, the same in every language: a translation may leave them out,
    # and when it writes them they must equal the Greek original's.
    shared: bool = False
    codes: str | None = None  # the code list of a "code" field (kalo/data/codes.yaml)
    min_length: int | None = None
    max_length: int | None = None
    unique: bool = False  # texts: no item twice


FIELDS: tuple[Field, ...] = (
    Field("title", "text", required=True, min_length=TITLE_MIN, max_length=TITLE_MAX),
    Field("series", "code", required=True, shared=True, codes="series"),
    Field("number", "number", required=True, shared=True),
    Field("status", "code", required=True, shared=True, codes="status"),
    Field("date", "datetime", shared=True),
    Field("municipality", "code", shared=True, codes="municipality"),
    Field("venue", "text", max_length=TITLE_MAX),
    Field("topics", "texts", max_length=ITEM_MAX),
    Field("participants", "participants", shared=True, codes="participant_group"),
    Field("composition", "code", shared=True, codes="composition"),
    Field("organizations", "slugs", shared=True, unique=True),
    Field("summary", "text", min_length=SUMMARY_MIN, max_length=SUMMARY_MAX),
    Field("keywords", "texts", unique=True, max_length=ITEM_MAX),
    Field("findings", "texts", max_length=ITEM_MAX),
    Field("needs", "texts", max_length=ITEM_MAX),
    Field("photos", "photos", shared=True),
    Field("updated", "date"),
)
BY_NAME = {f.name: f for f in FIELDS}
NAMES = tuple(BY_NAME)
SHARED = tuple(f.name for f in FIELDS if f.shared)
# A translation must repeat these (contract: required), and they must match.
MUST_MATCH = ("series", "number", "status", "date")

PHOTO_FIELDS = ("file", "alt", "caption", "shows_people", "people_consent")
PHOTO_TEXTS = ("el", "en")
