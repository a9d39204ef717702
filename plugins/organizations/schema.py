"""The one description of ``profile.yaml`` (content contract §1).

Everything else comes from it: the validator (``validate.py``) walks these fields, the
JSON Schema for editors (``schema_export.py`` → ``schema/profile.schema.json``), the
commented ``profile.yaml`` of ``python -m kalo new-org`` (``scaffold.py``) and the field
reference ``docs/organization-fields.md`` (``field_docs.py``). Change a field here, then
run ``python -m kalo schema`` and commit the regenerated files.

A group's required fields are required only when the group is written: this is how
"``alt.el`` is required when a logo is given" and "``lat`` and ``lon``, both or neither"
are expressed. Rules that tie several fields together are in ``RULES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kalo.codes import codes
from kalo.elot743 import SLUG_PATTERN


class Type(Enum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    URL = "url"  # http or https
    HTTPS_URL = "https-url"
    EMAIL = "email"
    PHONE = "phone"
    POSTAL_CODE = "postal-code"
    CODE = "code"  # one code of a list of kalo.codes
    SLUG = "slug"  # another organization's folder
    IMAGE = "image"  # a file of the organization's folder
    GROUP = "group"
    LIST = "list"


PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif", "heic", "heif")
LOGO_EXTENSIONS = PHOTO_EXTENSIONS + ("svg",)
FOUNDED_EARLIEST = 1850
POSTAL_CODE_PATTERN = r"^[0-9]{3} ?[0-9]{2}$"
PHONE_PATTERN = r"^[0-9+()\- ]+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


@dataclass(frozen=True)
class Field:
    """One field of the file; ``el`` and ``en`` are its one-line explanation."""

    name: str
    type: Type
    el: str
    en: str
    required: bool = False
    fields: tuple[Field, ...] = ()  # GROUP: the fields inside it
    item: Field | None = None  # LIST: what each item is
    min_length: int | None = None  # TEXT
    max_length: int | None = None
    minimum: float | None = None  # INTEGER, NUMBER
    maximum: float | None = None
    up_to_this_year: bool = False  # INTEGER: a year no later than today's
    not_in_future: bool = False  # DATE
    codes: str | None = None  # CODE: the list's name in kalo/data/codes.yaml
    extensions: tuple[str, ...] = ()  # IMAGE
    min_items: int = 0  # LIST
    unique: bool = False  # LIST: no item twice
    numbers_as_text: bool = False  # TEXT: 12345 written without quotes is still text
    example: object = None  # shown, commented out, in the scaffold

    def child(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Rule:
    """A rule that ties fields together; checked in ``validate.py`` under the same id."""

    id: str
    en: str
    el: str


def _text(name, el, en, **options) -> Field:
    return Field(name, Type.TEXT, el, en, **options)


def _localized(name, el, en, *, el_required=False, **options) -> Field:
    """A group of a Greek and an English text with the same bounds."""
    example = options.pop("example", None)
    example_en = options.pop("example_en", None)
    return Field(
        name,
        Type.GROUP,
        el,
        en,
        required=options.pop("required", False),
        fields=(
            _text(
                "el", "Στα ελληνικά", "In Greek", required=el_required, example=example, **options
            ),
            _text("en", "Στα αγγλικά", "In English", example=example_en, **options),
        ),
    )


def _group(name, el, en, *fields, required=False) -> Field:
    return Field(name, Type.GROUP, el, en, required=required, fields=tuple(fields))


def _codes_list(name, el, en, list_name, **options) -> Field:
    item = Field("", Type.CODE, el, en, codes=list_name)
    return Field(name, Type.LIST, el, en, item=item, unique=True, **options)


def _count(name, el, en) -> Field:
    return Field(name, Type.INTEGER, el, en, minimum=0, example=0)


PROFILE = _group(
    "",
    "Προφίλ οργανισμού",
    "Organization profile",
    _group(
        "name",
        "Επωνυμία του οργανισμού",
        "Name of the organization",
        _text(
            "el",
            "Επωνυμία στα ελληνικά, 2 έως 200 χαρακτήρες",
            "Name in Greek, 2 to 200 characters",
            required=True,
            min_length=2,
            max_length=200,
        ),
        _text(
            "en",
            "Επωνυμία στα αγγλικά (αλλιώς δείχνεται η ελληνική)",
            "Name in English (otherwise the Greek name is shown)",
            min_length=2,
            max_length=200,
            example="Social Cooperative Enterprise",
        ),
        required=True,
    ),
    Field("kind", Type.CODE, "Είδος φορέα", "Kind of organization", required=True, codes="kind"),
    Field("legal_form", Type.CODE, "Νομική μορφή", "Legal form", required=True, codes="legal_form"),
    Field(
        "municipality",
        Type.CODE,
        "Δήμος της έδρας",
        "Municipality of the seat",
        required=True,
        codes="municipality",
    ),
    _codes_list(
        "sectors",
        "Τομείς δραστηριότητας, ένας ή περισσότεροι",
        "Sectors of activity, one or more",
        "sectors",
        required=True,
        min_items=1,
    ),
    _localized(
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
        Type.INTEGER,
        f"Έτος ίδρυσης, {FOUNDED_EARLIEST} έως φέτος",
        f"Year founded, {FOUNDED_EARLIEST} to the current year",
        minimum=FOUNDED_EARLIEST,
        up_to_this_year=True,
        example=2015,
    ),
    _group(
        "registry",
        "Εγγραφή σε μητρώο (π.χ. Μητρώο Κοινωνικής και Αλληλέγγυας Οικονομίας)",
        "Registry entry (e.g. the Social and Solidarity Economy registry)",
        _text("number", "Αριθμός μητρώου", "Registry number", numbers_as_text=True, example="123"),
        Field(
            "url",
            Type.HTTPS_URL,
            "Σύνδεσμος της εγγραφής (https)",
            "Link to the entry (https)",
            example="https://example.gr/registry/123",
        ),
    ),
    _localized(
        "address", "Διεύθυνση", "Address", example="Ιερά Οδός 100", example_en="100 Iera Odos"
    ),
    Field(
        "postal_code",
        Type.POSTAL_CODE,
        "Ταχυδρομικός κώδικας, πέντε ψηφία (π.χ. 122 41)",
        "Postal code, five digits (e.g. 122 41)",
        example="122 41",
    ),
    _group(
        "location",
        "Θέση στον χάρτη: και τα δύο ή κανένα",
        "Position on the map: both or neither",
        Field(
            "lat",
            Type.NUMBER,
            "Γεωγραφικό πλάτος, -90 έως 90",
            "Latitude, -90 to 90",
            required=True,
            minimum=-90,
            maximum=90,
            example=38.0,
        ),
        Field(
            "lon",
            Type.NUMBER,
            "Γεωγραφικό μήκος, -180 έως 180",
            "Longitude, -180 to 180",
            required=True,
            minimum=-180,
            maximum=180,
            example=23.68,
        ),
    ),
    _group(
        "contact",
        "Στοιχεία επικοινωνίας",
        "Contact details",
        Field("email", Type.EMAIL, "Διεύθυνση e-mail", "E-mail address", example="info@example.gr"),
        Field(
            "phone",
            Type.PHONE,
            "Τηλέφωνο (ψηφία, κενά, +, -, παρενθέσεις)",
            "Phone number (digits, spaces, +, -, parentheses)",
            numbers_as_text=True,
            example="210 000 0000",
        ),
        Field(
            "website",
            Type.URL,
            "Ιστότοπος (http ή https)",
            "Website (http or https)",
            example="https://example.gr",
        ),
    ),
    _group(
        "social",
        "Σελίδες στα μέσα κοινωνικής δικτύωσης (https)",
        "Social media pages (https)",
        *(
            Field(
                network,
                Type.HTTPS_URL,
                f"Σελίδα στο {network}",
                f"Page on {network}",
                example=f"https://{network}.com/example",
            )
            for network in codes("social")
        ),
    ),
    _codes_list(
        "offers",
        "Τι μπορεί να προσφέρει ο οργανισμός σε άλλους οργανισμούς",
        "What the organization can offer other organizations",
        "exchange",
    ),
    _codes_list(
        "needs", "Τι αναζητά ο οργανισμός", "What the organization is looking for", "exchange"
    ),
    _group(
        "keywords",
        "Φράσεις-κλειδιά· η πρώτη είναι η κύρια φράση της σελίδας",
        "Key phrases; the first is the focus keyphrase of the page",
        *(
            Field(
                lang,
                Type.LIST,
                f"Φράσεις στα {lang_el}",
                f"Phrases in {lang_en}",
                unique=True,
                item=_text("", "Φράση", "Phrase", min_length=2, max_length=100),
                example=example,
            )
            for lang, lang_el, lang_en, example in (
                ("el", "ελληνικά", "Greek", ["κοινωνική οικονομία"]),
                ("en", "αγγλικά", "English", ["social economy"]),
            )
        ),
    ),
    _group(
        "logo",
        "Λογότυπο: αρχείο εικόνας στον φάκελο του οργανισμού",
        "Logo: an image file in the organization's folder",
        Field(
            "file",
            Type.IMAGE,
            "Όνομα αρχείου (jpg, png, webp, gif, heic, svg)",
            "File name (jpg, png, webp, gif, heic, svg)",
            required=True,
            extensions=LOGO_EXTENSIONS,
            example="logo.png",
        ),
        _localized(
            "alt",
            "Περιγραφή της εικόνας για όσους δεν τη βλέπουν",
            "Text for people who cannot see the image",
            el_required=True,
            required=True,
            max_length=300,
            example="Λογότυπο",
            example_en="Logo",
        ),
    ),
    Field(
        "photos",
        Type.LIST,
        "Φωτογραφίες: αρχεία εικόνας στον φάκελο του οργανισμού",
        "Photos: image files in the organization's folder",
        item=_group(
            "",
            "Φωτογραφία",
            "Photo",
            Field(
                "file",
                Type.IMAGE,
                "Όνομα αρχείου (jpg, png, webp, gif, heic)",
                "File name (jpg, png, webp, gif, heic)",
                required=True,
                extensions=PHOTO_EXTENSIONS,
                example="photo1.jpg",
            ),
            _localized(
                "alt",
                "Τι δείχνει η φωτογραφία, για όσους δεν τη βλέπουν",
                "What the photo shows, for people who cannot see it",
                el_required=True,
                required=True,
                max_length=300,
                example="Η ομάδα στο εργαστήριο",
                example_en="The team at the workshop",
            ),
            _localized("caption", "Λεζάντα", "Caption", max_length=300),
            Field(
                "shows_people",
                Type.BOOLEAN,
                "Εικονίζονται πρόσωπα (true/false)",
                "Shows people (true/false)",
                example=False,
            ),
            Field(
                "people_consent",
                Type.BOOLEAN,
                "Τα πρόσωπα έδωσαν άδεια δημοσίευσης (true/false)",
                "The people shown gave their permission to publish (true/false)",
                example=False,
            ),
        ),
    ),
    _count("employees", "Αριθμός εργαζομένων", "Number of employees"),
    _count("members", "Αριθμός μελών", "Number of members"),
    _count(
        "vulnerable_employees",
        "Εργαζόμενοι από ευάλωτες ομάδες (όχι περισσότεροι από τους εργαζόμενους)",
        "Employees from vulnerable groups (no more than employees)",
    ),
    Field(
        "partners",
        Type.LIST,
        "Συνεργαζόμενοι οργανισμοί: τα ονόματα των φακέλων τους",
        "Partner organizations: their folder names",
        item=Field("", Type.SLUG, "Φάκελος οργανισμού", "Organization folder"),
        unique=True,
        example=["onoma-allou-organismou"],
    ),
    _group(
        "promotion_consent",
        "Άδεια προβολής από το Παρατηρητήριο",
        "Permission to be promoted by the observatory",
        Field(
            "granted",
            Type.BOOLEAN,
            "Ο οργανισμός έδωσε την άδειά του να προβάλλεται (true/false)· χωρίς άδεια δεν "
            "δημοσιεύεται",
            "The organization gave its permission to be promoted (true/false); without it "
            "nothing is published",
            required=True,
        ),
        Field(
            "date",
            Type.DATE,
            "Ημερομηνία της άδειας ΕΕΕΕ-ΜΜ-ΗΗ (υποχρεωτική όταν δόθηκε άδεια)",
            "Date of the permission YYYY-MM-DD (required when granted)",
            not_in_future=True,
            example="2025-01-31",
        ),
        _text(
            "reference",
            "Αριθμός του υπογεγραμμένου εντύπου",
            "Number of the signed form",
            numbers_as_text=True,
            example="ΑΠ 12/2025",
        ),
        Field(
            "withdrawn",
            Type.DATE,
            "Ημερομηνία ανάκλησης της άδειας· ο οργανισμός αποσύρεται",
            "Date the permission was withdrawn; the organization is taken down",
            not_in_future=True,
            example="2025-06-30",
        ),
        required=True,
    ),
    Field(
        "updated",
        Type.DATE,
        "Πότε ελέγχθηκε τελευταία φορά το προφίλ με τον οργανισμό",
        "When the profile was last checked with the organization",
        not_in_future=True,
        example="2025-01-31",
    ),
)

RULES: tuple[Rule, ...] = (
    Rule(
        "slug",
        "The folder name is the slug: lowercase Latin letters, digits and single hyphens, "
        "normally the ELOT 743 transliteration of the Greek name.",
        "Το όνομα του φακέλου είναι το slug: πεζά λατινικά, ψηφία και μονές παύλες, συνήθως η "
        "μεταγραφή ΕΛΟΤ 743 της ελληνικής επωνυμίας.",
    ),
    Rule(
        "consent-date",
        "`promotion_consent.date` is required when `promotion_consent.granted` is true.",
        "Το `promotion_consent.date` είναι υποχρεωτικό όταν `promotion_consent.granted` είναι "
        "true.",
    ),
    Rule(
        "withdrawn-after-granted",
        "`promotion_consent.withdrawn` is not before `promotion_consent.date`.",
        "Το `promotion_consent.withdrawn` δεν είναι πριν από το `promotion_consent.date`.",
    ),
    Rule(
        "vulnerable-employees",
        "`vulnerable_employees` is not more than `employees`.",
        "Το `vulnerable_employees` δεν είναι μεγαλύτερο από το `employees`.",
    ),
    Rule(
        "partners-exist",
        "Each partner is the folder of another organization with a valid profile "
        "(an unpublished partner is fine: it is simply not shown).",
        "Κάθε συνεργάτης είναι φάκελος άλλου οργανισμού με έγκυρο προφίλ (αν δεν δημοσιεύεται, "
        "απλώς δεν εμφανίζεται).",
    ),
    Rule(
        "photo-people",
        "A photo with `shows_people: true` and no `people_consent: true` is left out "
        "of the site, with a warning.",
        "Φωτογραφία με `shows_people: true` χωρίς `people_consent: true` δεν δημοσιεύεται, με "
        "προειδοποίηση.",
    ),
    Rule(
        "about-files",
        "`about.el.md` and `about.en.md` (optional) are Markdown files saved as UTF-8.",
        "Τα `about.el.md` και `about.en.md` (προαιρετικά) είναι αρχεία Markdown σε UTF-8.",
    ),
)

ABOUT_FILES = {"el": "about.el.md", "en": "about.en.md"}
PROFILE_FILE = "profile.yaml"
SLUG_REGEX = SLUG_PATTERN.pattern


def walk(field: Field = PROFILE, path: str = ""):
    """Every field with its dotted path (``photos[].alt.el``), depth first, in file order."""
    for child in field.fields:
        child_path = f"{path}.{child.name}" if path else child.name
        yield child_path, child
        if child.type is Type.GROUP:
            yield from walk(child, child_path)
        elif child.type is Type.LIST and child.item is not None and child.item.type is Type.GROUP:
            yield from walk(child.item, child_path + "[]")
