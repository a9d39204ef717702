"""The one description of a workshop summary's front matter (content contract §2), as data
for the schema engine (``kalo.schema``): the check, ``schema/workshop.schema.json``,
``docs/workshop-fields.md`` and the web editor's form come from it.

Extended beyond the contract with ``findings`` and ``needs`` (lists of plain text) and
``updated`` (the day the summary was last changed; it dates the Atom feed's entries).
"""

from __future__ import annotations

import re

from kalo.schema.fields import (
    Field,
    Files,
    Kind,
    Rule,
    RuleInput,
    Schema,
    code,
    group,
    organizations,
    text,
    texts,
)
from kalo.schema.photos import PHOTO_EXTENSIONS, PHOTO_PEOPLE, photos

# File names: <slug>.md (Greek original) and <slug>.en.md (English translation).
FILE_PATTERN = re.compile(r"^(?P<slug>[^.]+)(\.(?P<lang>[^.]+))?\.md$")
TRANSLATION_LANGS = ("en",)
# Addresses under /workshops/ used by the programme's own pages.
RESERVED_SLUGS = frozenset({"series", "findings", "images", "feed", "calendar"})
IMAGES_DIR = "images"

SUMMARY_MIN, SUMMARY_MAX = 20, 300
TITLE_MIN, TITLE_MAX = 2, 200
ITEM_MAX = 500  # one topic, keyword, finding or need


def _probe(path):
    from images.probe import probe_file  # Pillow only when a file is really checked

    return probe_file(path)


PHOTO_FILES = Files(PHOTO_EXTENSIONS, probe=_probe)


def _texts(name: str, el: str, en: str, **options) -> Field:
    return texts(
        name, el, en, item_max=ITEM_MAX, collapse_spaces=True, numbers_as_text=True, **options
    )


FIELDS = (
    text(
        "title",
        f"Τίτλος της συνάντησης, {TITLE_MIN} έως {TITLE_MAX} χαρακτήρες",
        f"Title of the session, {TITLE_MIN} to {TITLE_MAX} characters",
        label="Τίτλος",
        required=True,
        min_length=TITLE_MIN,
        max_length=TITLE_MAX,
        collapse_spaces=True,
        numbers_as_text=True,
    ),
    code("series", "Σειρά συναντήσεων", "Series of sessions", "series", required=True, shared=True),
    Field(
        "number",
        Kind.INTEGER,
        "Αριθμός της συνάντησης μέσα στη σειρά της (1, 2, ...)",
        "The session's number in its series (1, 2, ...)",
        label="Αριθμός",
        required=True,
        shared=True,
        minimum=1,
    ),
    code(
        "status",
        "Κατάσταση: έγινε ή προγραμματίζεται",
        "Status: held or planned",
        "status",
        required=True,
        shared=True,
    ),
    Field(
        "date",
        Kind.DATETIME,
        "Ημερομηνία ΕΕΕΕ-ΜΜ-ΗΗ, με ώρα ΩΩ:ΛΛ αν είναι γνωστή (ώρα Αθήνας)",
        "Date YYYY-MM-DD, with the time HH:MM when known (Athens time)",
        label="Ημερομηνία",
        shared=True,
    ),
    code(
        "municipality",
        "Δήμος όπου έγινε",
        "Municipality where it took place",
        "municipality",
        shared=True,
    ),
    text(
        "venue",
        "Χώρος της συνάντησης",
        "Venue of the session",
        max_length=TITLE_MAX,
        collapse_spaces=True,
        numbers_as_text=True,
    ),
    _texts(
        "topics", "Θέματα που συζητήθηκαν", "Topics discussed", label="Θέματα", item_el="το θέμα"
    ),
    Field(
        "participants",
        Kind.COUNTS,
        "Συμμετέχοντες ανά ομάδα (κωδικός: αριθμός)",
        "Participants by group (code: number)",
        label="Συμμετέχοντες",
        codes="participant_group",
        shared=True,
    ),
    code(
        "composition",
        "Σύνθεση της ομάδας",
        "Composition of the group",
        "composition",
        shared=True,
    ),
    organizations(
        "organizations",
        "Φορείς που συμμετείχαν: τα ονόματα των φακέλων τους",
        "Organizations that took part: their folder names",
        label="Φορείς που συμμετείχαν",
        item_el="ο φορέας",
        shared=True,
    ),
    text(
        "summary",
        f"Σύντομη περίληψη, {SUMMARY_MIN} έως {SUMMARY_MAX} χαρακτήρες· γίνεται η περιγραφή "
        "της σελίδας",
        f"Short summary, {SUMMARY_MIN} to {SUMMARY_MAX} characters; becomes the page's description",
        label="Περίληψη",
        min_length=SUMMARY_MIN,
        max_length=SUMMARY_MAX,
        collapse_spaces=True,
        numbers_as_text=True,
    ),
    _texts(
        "keywords",
        "Φράσεις-κλειδιά· η πρώτη είναι η κύρια φράση της σελίδας",
        "Key phrases; the first is the focus keyphrase of the page",
        label="Φράσεις-κλειδιά",
        unique=True,
        item_el="η φράση",
    ),
    _texts(
        "findings",
        "Ευρήματα της συνάντησης",
        "Findings of the session",
        label="Ευρήματα",
        item_el="το εύρημα",
    ),
    _texts(
        "needs", "Ανάγκες που καταγράφηκαν", "Needs recorded", label="Ανάγκες", item_el="η ανάγκη"
    ),
    photos(
        "Φωτογραφίες: αρχεία εικόνας στο content/workshops/images/",
        "Photos: image files in content/workshops/images/",
        PHOTO_FILES,
        where_el="στο content/workshops/images/",
        where_en="in content/workshops/images/",
        shared=True,
    ),
    Field(
        "updated",
        Kind.DATE,
        "Πότε άλλαξε τελευταία φορά η περίληψη",
        "When the summary last changed",
        label="Τελευταία αλλαγή",
        not_in_future=True,
    ),
)


def _date_agrees_with_status(rule: RuleInput) -> None:
    when, status, today = rule.values.get("date"), rule.values.get("status"), rule.today
    if when is None:
        return
    day = when[0]
    if status == "planned" and day < today:
        rule.report(
            "date",
            f"the session is planned but its date {day} has passed (today is {today}); if it "
            "took place, write status: held, otherwise correct the date",
            f"η συνάντηση είναι προγραμματισμένη αλλά η ημερομηνία της {day} έχει περάσει "
            f"(σήμερα είναι {today})· αν έγινε, γράψτε status: held, αλλιώς διορθώστε την "
            "ημερομηνία",
        )
    if status == "held" and day > today:
        rule.report(
            "date",
            f"the session is marked held but its date {day} is in the future (today is "
            f"{today}); write status: planned or correct the date",
            f"η συνάντηση σημειώνεται ως πραγματοποιημένη αλλά η ημερομηνία της {day} είναι "
            f"στο μέλλον (σήμερα είναι {today})· γράψτε status: planned ή διορθώστε την "
            "ημερομηνία",
        )


RULES = (
    Rule(
        "file-name",
        "The Greek summary is `<series>-<number>.md` (e.g. `focus-groups-01.md`); its English "
        "translation is the same name with `.en.md`.",
        "Η ελληνική περίληψη είναι το `<σειρά>-<αριθμός>.md` (π.χ. `focus-groups-01.md`)· η "
        "αγγλική μετάφραση έχει το ίδιο όνομα με `.en.md`.",
    ),
    Rule(
        "number-once",
        "A number is used once in a series.",
        "Κάθε αριθμός χρησιμοποιείται μία φορά σε κάθε σειρά.",
    ),
    Rule(
        "date-and-status",
        "A planned session is not dated in the past, a held one not in the future.",
        "Μια προγραμματισμένη συνάντηση δεν έχει ημερομηνία στο παρελθόν, ούτε μια "
        "πραγματοποιημένη στο μέλλον.",
        _date_agrees_with_status,
    ),
    Rule(
        "translation-facts",
        "A translation may leave out the facts of the session (the fields marked shared); "
        "what it writes must equal the Greek original, and series, number, status and date "
        "must be repeated.",
        "Μια μετάφραση μπορεί να παραλείψει τα στοιχεία της συνάντησης· όσα γράφει πρέπει να "
        "είναι ίδια με το ελληνικό πρωτότυπο, και τα series, number, status και date "
        "επαναλαμβάνονται.",
    ),
    Rule(
        "organizations-exist",
        "Each organization is the folder of an organization with a valid profile (unpublished "
        "ones are simply not shown).",
        "Κάθε φορέας είναι φάκελος φορέα με έγκυρο προφίλ (όσοι δεν δημοσιεύονται απλώς δεν "
        "εμφανίζονται).",
    ),
    PHOTO_PEOPLE,
)

CODE_NOUNS = {
    "series": ("a series code", "κωδικός σειράς"),
    "status": ("a status code", "κωδικός κατάστασης"),
    "municipality": ("a municipality code", "κωδικός δήμου"),
    "composition": ("a composition code", "κωδικός σύνθεσης"),
    "participant_group": ("a participant group code", "κωδικός ομάδας συμμετεχόντων"),
}

WORKSHOP = Schema(
    name="workshop",
    root=group("", "Περίληψη συνάντησης", "Workshop summary", *FIELDS),
    rules=RULES,
    file_en="the front matter of content/workshops/<slug>.md",
    file_el="τα στοιχεία στην αρχή του content/workshops/<slug>.md",
    source="plugins/workshops/schema.py",
    holds_en="the fields of a workshop (title:, series:, number:, ...)",
    holds_el="τα πεδία ενός εργαστηρίου (title:, series:, number:, ...)",
    code_nouns=CODE_NOUNS,
)

NAMES = tuple(spec.name for spec in FIELDS)
BY_NAME = {spec.name: spec for spec in FIELDS}
SHARED = tuple(spec.name for spec in FIELDS if spec.shared)
# A translation must repeat these, and they must match.
MUST_MATCH = ("series", "number", "status", "date")
