"""The fields of the exports: one list, read by the writers, the Data Package and the page.

Each field has its Table Schema type and a description in English and Greek. The CSV is
flat (codes and their labels in separate columns, lists joined with "; "); the JSON keeps
the same facts nested (texts per language, codes with their labels, real lists).
"""

from __future__ import annotations

from dataclasses import dataclass

from kalo import codes

LIST_SEPARATOR = "; "
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type
    en: str
    el: str
    format: str | None = None
    required: bool = False
    is_list: bool = False  # CSV: several values joined with LIST_SEPARATOR

    def table_schema(self) -> dict:
        out = {"name": self.name, "type": self.type}
        if self.format:
            out["format"] = self.format
        out["description"] = f"{self.en} / {self.el}"
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.name == "slug":
            constraints.update(unique=True, pattern=SLUG_PATTERN)
        if constraints:
            out["constraints"] = constraints
        return out


def _coded(
    name: str, en: str, el: str, is_list: bool = False, required: bool = True
) -> list[Field]:
    """A code column and its Greek and English label columns."""
    sep = ' (separated by "; ")' if is_list else ""
    sep_el = ' (χωρισμένα με "; ")' if is_list else ""
    return [
        Field(
            name,
            "string",
            f"{en}: code{sep}",
            f"{el}: κωδικός{sep_el}",
            required=required,
            is_list=is_list,
        ),
        Field(
            f"{name}_el",
            "string",
            f"{en}: Greek label{sep}",
            f"{el}: ελληνική ονομασία{sep_el}",
            required=required,
            is_list=is_list,
        ),
        Field(
            f"{name}_en",
            "string",
            f"{en}: English label{sep}",
            f"{el}: αγγλική ονομασία{sep_el}",
            required=required,
            is_list=is_list,
        ),
    ]


def _social() -> list[Field]:
    return [
        Field(
            network,
            "string",
            f"{codes.label('social', network, 'en')} page",
            f"Σελίδα {codes.label('social', network, 'el')}",
            format="uri",
        )
        for network in codes.codes("social")
    ]


CSV_FIELDS: tuple[Field, ...] = (
    Field(
        "slug",
        "string",
        "Identifier (the profile's folder name)",
        "Αναγνωριστικό (ο φάκελος του προφίλ)",
        required=True,
    ),
    Field("name_el", "string", "Name in Greek", "Επωνυμία στα ελληνικά", required=True),
    Field("name_en", "string", "Name in English", "Επωνυμία στα αγγλικά"),
    *_coded("kind", "Kind of organization", "Είδος φορέα"),
    *_coded("legal_form", "Legal form", "Νομική μορφή"),
    *_coded("municipality", "Municipality", "Δήμος"),
    *_coded("sectors", "Sectors", "Τομείς", is_list=True),
    Field(
        "summary_el",
        "string",
        "Short description in Greek",
        "Σύντομη περιγραφή στα ελληνικά",
        required=True,
    ),
    Field("summary_en", "string", "Short description in English", "Σύντομη περιγραφή στα αγγλικά"),
    Field("founded", "integer", "Year founded", "Έτος ίδρυσης"),
    Field("registry_number", "string", "Registry number", "Αριθμός μητρώου"),
    Field("registry_url", "string", "Registry entry", "Εγγραφή στο μητρώο", format="uri"),
    Field("address_el", "string", "Address in Greek", "Διεύθυνση στα ελληνικά"),
    Field("address_en", "string", "Address in English", "Διεύθυνση στα αγγλικά"),
    Field("postal_code", "string", "Postal code (NNN NN)", "Ταχυδρομικός κώδικας (NNN NN)"),
    Field("lat", "number", "Latitude (WGS 84)", "Γεωγραφικό πλάτος (WGS 84)"),
    Field("lon", "number", "Longitude (WGS 84)", "Γεωγραφικό μήκος (WGS 84)"),
    Field("website", "string", "Website", "Ιστότοπος", format="uri"),
    Field(
        "email", "string", "Public contact e-mail", "Δημόσιο e-mail επικοινωνίας", format="email"
    ),
    Field("phone", "string", "Public contact phone", "Δημόσιο τηλέφωνο επικοινωνίας"),
    *_social(),
    *_coded(
        "offers",
        "What it offers other organizations",
        "Τι προσφέρει σε άλλους φορείς",
        is_list=True,
        required=False,
    ),
    *_coded("needs", "What it is looking for", "Τι αναζητά", is_list=True, required=False),
    Field("employees", "integer", "Employees", "Εργαζόμενοι"),
    Field("members", "integer", "Members", "Μέλη"),
    Field(
        "vulnerable_employees",
        "integer",
        "Employees from vulnerable groups",
        "Εργαζόμενοι από ευάλωτες ομάδες",
    ),
    Field(
        "partners",
        "string",
        'Partner organizations (slugs, separated by "; "; published only)',
        'Συνεργαζόμενοι φορείς (αναγνωριστικά, χωρισμένα με "; "· μόνο δημοσιευμένοι)',
        is_list=True,
    ),
    Field(
        "url_el",
        "string",
        "Profile page in Greek",
        "Σελίδα του προφίλ στα ελληνικά",
        format="uri",
        required=True,
    ),
    Field(
        "url_en",
        "string",
        "Profile page in English",
        "Σελίδα του προφίλ στα αγγλικά",
        format="uri",
        required=True,
    ),
    Field(
        "updated",
        "date",
        "Date the profile was last checked with the organization",
        "Ημερομηνία τελευταίου ελέγχου του προφίλ με τον φορέα",
    ),
)

TEXT = "an object {el, en}"
TEXT_EL = "αντικείμενο {el, en}"
CODED = "an object {code, el, en}"
CODED_EL = "αντικείμενο {code, el, en}"

JSON_FIELDS: tuple[Field, ...] = (
    Field(
        "slug",
        "string",
        "Identifier (the profile's folder name)",
        "Αναγνωριστικό (ο φάκελος του προφίλ)",
        required=True,
    ),
    Field("name", "object", f"Name: {TEXT}", f"Επωνυμία: {TEXT_EL}", required=True),
    Field(
        "kind",
        "object",
        f"Kind of organization: {CODED}",
        f"Είδος φορέα: {CODED_EL}",
        required=True,
    ),
    Field(
        "legal_form", "object", f"Legal form: {CODED}", f"Νομική μορφή: {CODED_EL}", required=True
    ),
    Field("municipality", "object", f"Municipality: {CODED}", f"Δήμος: {CODED_EL}", required=True),
    Field(
        "sectors",
        "array",
        f"Sectors: a list of {CODED}",
        f"Τομείς: λίστα από {CODED_EL}",
        required=True,
    ),
    Field(
        "summary",
        "object",
        f"Short description: {TEXT}",
        f"Σύντομη περιγραφή: {TEXT_EL}",
        required=True,
    ),
    Field("founded", "integer", "Year founded", "Έτος ίδρυσης"),
    Field(
        "registry",
        "object",
        "Registry: an object {number, url}",
        "Μητρώο: αντικείμενο {number, url}",
    ),
    Field("address", "object", f"Address: {TEXT}", f"Διεύθυνση: {TEXT_EL}"),
    Field("postal_code", "string", "Postal code (NNN NN)", "Ταχυδρομικός κώδικας (NNN NN)"),
    Field(
        "location",
        "object",
        "Location: an object {lat, lon} (WGS 84)",
        "Θέση: αντικείμενο {lat, lon} (WGS 84)",
    ),
    Field("website", "string", "Website", "Ιστότοπος", format="uri"),
    Field(
        "email", "string", "Public contact e-mail", "Δημόσιο e-mail επικοινωνίας", format="email"
    ),
    Field("phone", "string", "Public contact phone", "Δημόσιο τηλέφωνο επικοινωνίας"),
    Field(
        "social",
        "object",
        "Social media: network → address",
        "Μέσα κοινωνικής δικτύωσης: δίκτυο → διεύθυνση",
    ),
    Field(
        "offers",
        "array",
        f"What it offers other organizations: a list of {CODED}",
        f"Τι προσφέρει σε άλλους φορείς: λίστα από {CODED_EL}",
    ),
    Field(
        "needs",
        "array",
        f"What it is looking for: a list of {CODED}",
        f"Τι αναζητά: λίστα από {CODED_EL}",
    ),
    Field("employees", "integer", "Employees", "Εργαζόμενοι"),
    Field("members", "integer", "Members", "Μέλη"),
    Field(
        "vulnerable_employees",
        "integer",
        "Employees from vulnerable groups",
        "Εργαζόμενοι από ευάλωτες ομάδες",
    ),
    Field(
        "partners",
        "array",
        "Partner organizations (slugs; published only)",
        "Συνεργαζόμενοι φορείς (αναγνωριστικά· μόνο δημοσιευμένοι)",
    ),
    Field(
        "urls", "object", f"Profile pages: {TEXT}", f"Σελίδες του προφίλ: {TEXT_EL}", required=True
    ),
    Field(
        "updated",
        "date",
        "Date the profile was last checked with the organization",
        "Ημερομηνία τελευταίου ελέγχου του προφίλ με τον φορέα",
    ),
)
