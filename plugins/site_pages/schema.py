"""The one description of a static page's front matter (``content/pages/<slug>.md``), as
data for the schema engine (``kalo.schema``): the check, ``schema/page.schema.json``,
``docs/page-fields.md`` and the web editor's form come from it."""

from __future__ import annotations

import re

from kalo.schema.fields import Field, Kind, Rule, Schema, code, group, text, texts

# <slug>.md is the Greek page, <slug>.en.md its English translation (FILENAME_METADATA).
FILE_PATTERN = re.compile(r"^(?P<slug>[^.]+)(\.(?P<lang>[^.]+))?\.md$")
TRANSLATION_LANGS = ("en",)
GUIDE = "docs/pages.md"

FIELDS = (
    text(
        "title",
        "Τίτλος της σελίδας, 2 έως 120 χαρακτήρες",
        "Title of the page, 2 to 120 characters",
        label="Τίτλος",
        required=True,
        min_length=2,
        max_length=120,
        collapse_spaces=True,
    ),
    text(
        "summary",
        "Σύντομη περιγραφή, 20 έως 300 χαρακτήρες· γίνεται η περιγραφή της σελίδας για τις "
        "μηχανές αναζήτησης",
        "Short description, 20 to 300 characters; becomes the page's description for search "
        "engines",
        label="Περίληψη",
        min_length=20,
        max_length=300,
        collapse_spaces=True,
    ),
    texts(
        "keywords",
        "Φράσεις-κλειδιά· η πρώτη είναι η κύρια φράση της σελίδας",
        "Key phrases; the first is the focus keyphrase of the page",
        label="Φράσεις-κλειδιά",
        item_max=100,
        item_min=2,
        unique=True,
        item_el="η φράση",
        collapse_spaces=True,
    ),
    text(
        "menu",
        "Σύντομο όνομα για το μενού, 2 έως 40 χαρακτήρες (αλλιώς ο τίτλος)",
        "Short name for the menu, 2 to 40 characters (otherwise the title)",
        label="Όνομα στο μενού",
        min_length=2,
        max_length=40,
        collapse_spaces=True,
    ),
    Field(
        "nav",
        Kind.INTEGER,
        "Θέση στο κύριο μενού (1, 2, ...)· χωρίς αυτό η σελίδα δεν μπαίνει στο μενού",
        "Place in the main menu (1, 2, ...); without it the page is not in the menu",
        label="Θέση στο μενού",
        minimum=1,
    ),
    code(
        "template",
        "Είδος σελίδας: page (κείμενο) ή home (η αρχική σελίδα)",
        "Kind of page: page (text) or home (the home page)",
        "page_template",
        label="Είδος σελίδας",
    ),
)

RULES = (
    Rule(
        "file-name",
        "The Greek page is `<slug>.md` (lowercase Latin letters, digits, hyphens: it becomes the "
        "address); its English translation is `<slug>.en.md`, with the same slug.",
        "Η ελληνική σελίδα είναι το `<slug>.md` (πεζά λατινικά, ψηφία, παύλες: γίνεται η "
        "διεύθυνση)· η αγγλική μετάφραση είναι το `<slug>.en.md`, με το ίδιο slug.",
    ),
    Rule(
        "translation-has-original",
        "A translation has its Greek original.",
        "Κάθε μετάφραση έχει το ελληνικό της πρωτότυπο.",
    ),
    Rule(
        "linked-pages-exist",
        "The pages that the footer links to exist (settings `SITE_PAGES_LINKED`).",
        "Οι σελίδες στις οποίες δείχνει το υποσέλιδο υπάρχουν (ρύθμιση `SITE_PAGES_LINKED`).",
    ),
)

PAGE = Schema(
    name="page",
    root=group("", "Σελίδα", "Page", *FIELDS),
    rules=RULES,
    file_en="the front matter of content/pages/<slug>.md",
    file_el="τα στοιχεία στην αρχή του content/pages/<slug>.md",
    source="plugins/site_pages/schema.py",
    holds_en="the fields of a page (title:, summary:, ...)",
    holds_el="τα πεδία μιας σελίδας (title:, summary:, ...)",
    code_nouns={"page_template": ("a page kind", "είδος σελίδας")},
)
