"""The one description of ``profile.yaml`` (content contract §1), as data for the schema
engine (``kalo.schema``): the check, ``schema/profile.schema.json``, the scaffold of
``make new-org``, ``docs/organization-fields.md`` and the web editor's form all come from
it. Change a field here, then run ``make schema`` and commit the regenerated files.
"""

from __future__ import annotations

from kalo.codes import codes
from kalo.schema.fields import (
    Field,
    Files,
    Kind,
    Rule,
    RuleInput,
    Schema,
    code,
    code_list,
    count,
    group,
    image,
    localized,
    organizations,
    text,
)
from kalo.schema.photos import LOGO_EXTENSIONS, PHOTO_EXTENSIONS, PHOTO_PEOPLE, photos

PROFILE_FILE = "profile.yaml"
ABOUT_FILES = {"el": "about.el.md", "en": "about.en.md"}
FOUNDED_EARLIEST = 1850


def _probe(path):
    """The image step's own check of a file's bytes, so that ``make check`` refuses what the
    build would (imported here, not at the top: the JSON Schema and the docs need no Pillow)."""
    from images.probe import probe_file

    return probe_file(path)


PHOTO_FILES = Files(PHOTO_EXTENSIONS, probe=_probe)
LOGO_FILES = Files(LOGO_EXTENSIONS, probe=_probe)

FIELDS = (
    group(
        "name",
        "Επωνυμία του φορέα",
        "Name of the organization",
        text(
            "el",
            "Επωνυμία στα ελληνικά, 2 έως 200 χαρακτήρες",
            "Name in Greek, 2 to 200 characters",
            label="Επωνυμία (ελληνικά)",
            required=True,
            min_length=2,
            max_length=200,
        ),
        text(
            "en",
            "Επωνυμία στα αγγλικά (αλλιώς δείχνεται η ελληνική)",
            "Name in English (otherwise the Greek name is shown)",
            label="Επωνυμία (αγγλικά)",
            min_length=2,
            max_length=200,
            example="Social Cooperative Enterprise",
            placeholder=True,
        ),
        required=True,
        label="Επωνυμία",
    ),
    code("kind", "Είδος φορέα", "Kind of organization", "kind", required=True),
    code("legal_form", "Νομική μορφή", "Legal form", "legal_form", required=True),
    code(
        "municipality", "Δήμος της έδρας", "Municipality of the seat", "municipality", required=True
    ),
    code_list(
        "sectors",
        "Τομείς δραστηριότητας, ένας ή περισσότεροι",
        "Sectors of activity, one or more",
        "sectors",
        required=True,
        min_items=1,
        item_el="ο τομέας",
    ),
    localized(
        "summary",
        "Σύντομη περιγραφή, 20 έως 300 χαρακτήρες· γίνεται η περιγραφή της σελίδας για τις "
        "μηχανές αναζήτησης",
        "Short description, 20 to 300 characters; becomes the page's description for search "
        "engines",
        el_required=True,
        required=True,
        min_length=20,
        max_length=300,
        example_en="What the organization does, in one or two sentences.",
    ),
    Field(
        "founded",
        Kind.INTEGER,
        f"Έτος ίδρυσης, {FOUNDED_EARLIEST} έως φέτος",
        f"Year founded, {FOUNDED_EARLIEST} to the current year",
        minimum=FOUNDED_EARLIEST,
        up_to_this_year=True,
        example=2015,
    ),
    group(
        "registry",
        "Εγγραφή σε μητρώο (π.χ. Μητρώο Κοινωνικής και Αλληλέγγυας Οικονομίας)",
        "Registry entry (e.g. the Social and Solidarity Economy registry)",
        text(
            "number",
            "Αριθμός μητρώου",
            "Registry number",
            numbers_as_text=True,
            example="123",
            placeholder=True,
        ),
        Field(
            "url",
            Kind.HTTPS_URL,
            "Σύνδεσμος της εγγραφής (https)",
            "Link to the entry (https)",
            example="https://example.gr/registry/123",
            placeholder=True,
        ),
    ),
    localized(
        "address",
        "Διεύθυνση",
        "Address",
        example="Ιερά Οδός 100",
        example_en="100 Iera Odos",
        placeholder=True,
    ),
    Field(
        "postal_code",
        Kind.POSTAL_CODE,
        "Ταχυδρομικός κώδικας, πέντε ψηφία (π.χ. 122 41)",
        "Postal code, five digits (e.g. 122 41)",
        example="122 41",
    ),
    group(
        "location",
        "Θέση στον χάρτη: και τα δύο ή κανένα",
        "Position on the map: both or neither",
        Field(
            "lat",
            Kind.NUMBER,
            "Γεωγραφικό πλάτος, -90 έως 90",
            "Latitude, -90 to 90",
            required=True,
            minimum=-90,
            maximum=90,
            example=38.0,
        ),
        Field(
            "lon",
            Kind.NUMBER,
            "Γεωγραφικό μήκος, -180 έως 180",
            "Longitude, -180 to 180",
            required=True,
            minimum=-180,
            maximum=180,
            example=23.68,
        ),
        label="Θέση στον χάρτη",
    ),
    group(
        "contact",
        "Στοιχεία επικοινωνίας",
        "Contact details",
        Field(
            "email",
            Kind.EMAIL,
            "Διεύθυνση e-mail",
            "E-mail address",
            example="info@example.gr",
            placeholder=True,
        ),
        Field(
            "phone",
            Kind.PHONE,
            "Τηλέφωνο (ψηφία, κενά, +, -, παρενθέσεις)",
            "Phone number (digits, spaces, +, -, parentheses)",
            numbers_as_text=True,
            example="210 000 0000",
            placeholder=True,
        ),
        Field(
            "website",
            Kind.URL,
            "Ιστότοπος (http ή https)",
            "Website (http or https)",
            example="https://example.gr",
            placeholder=True,
        ),
    ),
    group(
        "social",
        "Σελίδες στα μέσα κοινωνικής δικτύωσης (https)",
        "Social media pages (https)",
        *(
            Field(
                network,
                Kind.HTTPS_URL,
                f"Σελίδα στο {network}",
                f"Page on {network}",
                example=f"https://{network}.com/example",
                placeholder=True,
            )
            for network in codes("social")
        ),
    ),
    code_list(
        "offers",
        "Τι μπορεί να προσφέρει ο φορέας σε άλλους φορείς",
        "What the organization can offer other organizations",
        "exchange",
        label="Προσφέρει",
        item_el="η προσφορά",
    ),
    code_list(
        "needs",
        "Τι αναζητά ο φορέας",
        "What the organization is looking for",
        "exchange",
        label="Αναζητά",
        item_el="η ανάγκη",
    ),
    group(
        "keywords",
        "Φράσεις-κλειδιά· η πρώτη είναι η κύρια φράση της σελίδας",
        "Key phrases; the first is the focus keyphrase of the page",
        *(
            Field(
                lang,
                Kind.LIST,
                f"Φράσεις στα {lang_el}",
                f"Phrases in {lang_en}",
                unique=True,
                item=text("", "Φράση", "Phrase", min_length=2, max_length=100),
                item_el="η φράση",
                example=example,
            )
            for lang, lang_el, lang_en, example in (
                ("el", "ελληνικά", "Greek", ["κοινωνική οικονομία"]),
                ("en", "αγγλικά", "English", ["social economy"]),
            )
        ),
    ),
    group(
        "logo",
        "Λογότυπο: αρχείο εικόνας στον φάκελο του φορέα",
        "Logo: an image file in the organization's folder",
        image(
            "file",
            "Όνομα αρχείου (jpg, png, webp, gif, heic, svg)",
            "File name (jpg, png, webp, gif, heic, svg)",
            LOGO_FILES,
            label="Αρχείο λογοτύπου",
            required=True,
            example="logo.png",
        ),
        localized(
            "alt",
            "Περιγραφή της εικόνας για όσους δεν τη βλέπουν",
            "Text for people who cannot see the image",
            label="Περιγραφή εικόνας",
            el_required=True,
            required=True,
            max_length=300,
            example="Λογότυπο",
            example_en="Logo",
        ),
        label="Λογότυπο",
    ),
    photos(
        "Φωτογραφίες: αρχεία εικόνας στον φάκελο του φορέα",
        "Photos: image files in the organization's folder",
        PHOTO_FILES,
        where_el="στον φάκελο του φορέα",
        where_en="in the organization's folder",
    ),
    count("employees", "Αριθμός εργαζομένων", "Number of employees", example=0),
    count("members", "Αριθμός μελών", "Number of members", example=0),
    count(
        "vulnerable_employees",
        "Εργαζόμενοι από ευάλωτες ομάδες (όχι περισσότεροι από τους εργαζόμενους)",
        "Employees from vulnerable groups (no more than employees)",
        example=0,
    ),
    organizations(
        "partners",
        "Συνεργαζόμενοι φορείς: τα ονόματα των φακέλων τους",
        "Partner organizations: their folder names",
        label="Συνεργάτες",
        item_el="ο συνεργάτης",
        example=["onoma-allou-forea"],
    ),
    group(
        "promotion_consent",
        "Άδεια προβολής από το Παρατηρητήριο: γράψτε granted: true και την ημερομηνία μόνο αφού "
        "ο φορέας υπογράψει την άδεια· χωρίς αυτήν δεν δημοσιεύεται τίποτα από τον φορέα",
        "Permission to be promoted by the observatory: write granted: true and the date only "
        "once the organization has signed it; without it nothing of the organization is published",
        Field(
            "granted",
            Kind.BOOLEAN,
            "Ο φορέας έδωσε την άδειά του να προβάλλεται (true/false)· χωρίς άδεια δεν "
            "δημοσιεύεται",
            "The organization gave its permission to be promoted (true/false); without it "
            "nothing is published",
            label="Δόθηκε άδεια προβολής",
            required=True,
        ),
        Field(
            "date",
            Kind.DATE,
            "Ημερομηνία της άδειας ΕΕΕΕ-ΜΜ-ΗΗ (υποχρεωτική όταν δόθηκε άδεια)",
            "Date of the permission YYYY-MM-DD (required when granted)",
            label="Ημερομηνία της άδειας",
            required_if=("granted", True),
            not_in_future=True,
            example="2025-01-31",
        ),
        text(
            "reference",
            "Αριθμός του υπογεγραμμένου εντύπου",
            "Number of the signed form",
            numbers_as_text=True,
            example="ΑΠ 12/2025",
            placeholder=True,
        ),
        Field(
            "withdrawn",
            Kind.DATE,
            "Ημερομηνία ανάκλησης της άδειας· ο φορέας αποσύρεται",
            "Date the permission was withdrawn; the organization is taken down",
            label="Ανάκληση της άδειας",
            not_in_future=True,
            example="2025-06-30",
        ),
        required=True,
        label="Άδεια προβολής",
    ),
    Field(
        "updated",
        Kind.DATE,
        "Πότε ελέγχθηκε τελευταία φορά το προφίλ με τον φορέα",
        "When the profile was last checked with the organization",
        label="Τελευταίος έλεγχος",
        not_in_future=True,
        example="2025-01-31",
    ),
)


# --- rules across fields ----------------------------------------------------------------


def _withdrawn_after_granted(rule: RuleInput) -> None:
    consent = rule.values.get("promotion_consent", {})
    if "date" in consent and "withdrawn" in consent and consent["withdrawn"] < consent["date"]:
        rule.report(
            "promotion_consent.withdrawn",
            f"withdrawn on {consent['withdrawn']}, before permission was given on "
            f"{consent['date']}",
            f"ανακλήθηκε στις {consent['withdrawn']}, πριν δοθεί η άδεια στις {consent['date']}",
        )


def _vulnerable_employees(rule: RuleInput) -> None:
    employees, vulnerable = rule.values.get("employees"), rule.values.get("vulnerable_employees")
    if employees is not None and vulnerable is not None and vulnerable > employees:
        rule.report(
            "vulnerable_employees",
            f"{vulnerable} vulnerable employees is more than the {employees} employees",
            f"{vulnerable} εργαζόμενοι από ευάλωτες ομάδες είναι περισσότεροι από τους "
            f"{employees} εργαζόμενους",
        )


def _not_own_partner(rule: RuleInput) -> None:
    for index, partner in enumerate(rule.raw.get("partners") or ()):
        if isinstance(partner, str) and partner.strip() == rule.slug:
            rule.report(
                f"partners[{index}]",
                "an organization cannot be its own partner",
                "ένας φορέας δεν μπορεί να είναι συνεργάτης του εαυτού του",
            )


RULES = (
    Rule(
        "slug",
        "The folder name is the slug: lowercase Latin letters, digits and single hyphens, "
        "normally the ELOT 743 transliteration of the Greek name.",
        "Το όνομα του φακέλου είναι το slug: πεζά λατινικά, ψηφία και μονές παύλες, συνήθως η "
        "μεταγραφή ΕΛΟΤ 743 της ελληνικής επωνυμίας.",
    ),
    Rule(
        "withdrawn-after-granted",
        "`promotion_consent.withdrawn` is not before `promotion_consent.date`.",
        "Το `promotion_consent.withdrawn` δεν είναι πριν από το `promotion_consent.date`.",
        _withdrawn_after_granted,
    ),
    Rule(
        "vulnerable-employees",
        "`vulnerable_employees` is not more than `employees`.",
        "Το `vulnerable_employees` δεν είναι μεγαλύτερο από το `employees`.",
        _vulnerable_employees,
    ),
    Rule(
        "partners-exist",
        "Each partner is the folder of another organization with a valid profile (an "
        "unpublished partner is fine: it is simply not shown).",
        "Κάθε συνεργάτης είναι φάκελος άλλου φορέα με έγκυρο προφίλ (αν δεν δημοσιεύεται, "
        "απλώς δεν εμφανίζεται).",
    ),
    Rule(
        "partner-self",
        "An organization is not its own partner.",
        "Ένας φορέας δεν είναι συνεργάτης του εαυτού του.",
        _not_own_partner,
    ),
    PHOTO_PEOPLE,
    Rule(
        "about-files",
        "`about.el.md` and `about.en.md` (optional) are Markdown files saved as UTF-8.",
        "Τα `about.el.md` και `about.en.md` (προαιρετικά) είναι αρχεία Markdown σε UTF-8.",
    ),
)

# What each code list is called in messages.
CODE_NOUNS = {
    "kind": ("a kind code", "κωδικός είδους φορέα"),
    "municipality": ("a municipality code", "κωδικός δήμου"),
    "legal_form": ("a legal form code", "κωδικός νομικής μορφής"),
    "sectors": ("a sector code", "κωδικός τομέα"),
    "exchange": ("an offers/needs code", "κωδικός προσφοράς/ανάγκης"),
}

PROFILE = Schema(
    name="profile",
    root=group("", "Προφίλ φορέα", "Organization profile", *FIELDS),
    rules=RULES,
    file_en="profile.yaml",
    file_el="προφίλ φορέα (profile.yaml)",
    source="plugins/organizations/schema.py",
    holds_en="the fields of a profile (name:, kind:, ...)",
    holds_el="τα πεδία ενός προφίλ (name:, kind:, ...)",
    code_nouns=CODE_NOUNS,
)
