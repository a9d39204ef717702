"""One case per rule of contract §1: the mistake is refused with a clear message naming the
file, the line and the field, and the other organizations of the same run still load."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from org_builders import BYSTANDER, TODAY, dump, line_of, valid_profile

SLUG = "anakyklono"
FILE = f"organizations/{SLUG}/profile.yaml"
PNG = b"\x89PNG\r\n\x1a\n"


@dataclass
class Case:
    id: str
    profile: dict
    field: str | None  # the field the problem names
    words: str  # part of the English message
    line_needle: str | None = None  # text of the line the problem points at
    files: dict = field(default_factory=dict)


def p(**changes) -> dict:
    return valid_profile(**changes)


def without(*paths: str) -> dict:
    profile = valid_profile()
    for path in paths:
        *parents, last = path.split(".")
        target = profile
        for name in parents:
            target = target[name]
        del target[last]
    return profile


CONSENT = {"granted": True, "date": datetime.date(2025, 5, 1)}
LOGO = {"file": "logo.png", "alt": {"el": "Λογότυπο"}}
PHOTO = {"file": "a.jpg", "alt": {"el": "Η ομάδα"}}

CASES = [
    Case("name-missing", without("name.el"), "name.el", "required", "name:"),
    Case("name-group-missing", without("name"), "name", "required"),
    Case("name-too-short", p(name={"el": "Α"}), "name.el", "2 to 200 characters, found 1", "el: Α"),
    Case("name-too-long", p(name={"el": "Α" * 201}), "name.el", "2 to 200 characters"),
    Case("name-not-text", p(name={"el": ["a", "b"]}), "name.el", "expected text", "  el:"),
    Case("kind-missing", without("kind"), "kind", "one of the codes sse, civil-society"),
    Case("kind-unknown", p(kind="κοινσεπ"), "kind", "is not a kind code", "kind:"),
    Case(
        "legal-form-label",
        p(legal_form="ΑΜΚΕ"),
        "legal_form",
        'did you mean "amke"?',
        "legal_form:",
    ),
    Case(
        "municipality-greek",
        p(municipality="Ιλιον"),
        "municipality",
        '"Ιλιον" is not a municipality code; did you mean "ilion"? (codes: agia-varvara, ',
        "municipality:",
    ),
    Case(
        "municipality-typo",
        p(municipality="peristery"),
        "municipality",
        'did you mean "peristeri"?',
    ),
    Case(
        "sector-unknown",
        p(sectors=["food", "envirnment"]),
        "sectors[1]",
        'did you mean "environment"?',
        "- envirnment",
    ),
    Case("sectors-empty", p(sectors=[]), "sectors", "at least 1", "sectors:"),
    Case("sectors-not-list", p(sectors="food"), "sectors", "expected a list", "sectors:"),
    Case("sectors-twice", p(sectors=["food", "food"]), "sectors[1]", "listed twice"),
    Case("summary-missing", without("summary"), "summary", "required"),
    Case(
        "summary-too-short", p(summary={"el": "Λίγα λόγια"}), "summary.el", "20 to 300 characters"
    ),
    Case(
        "summary-en-too-long",
        p(summary={"el": "Συλλογή υλικών στη Δυτική Αθήνα.", "en": "x" * 301}),
        "summary.en",
        "20 to 300 characters, found 301",
    ),
    Case(
        "unknown-field",
        p(contcat={"email": "a@b.gr"}),
        "contcat",
        'unknown field "contcat"; did you mean "contact"?',
        "contcat:",
    ),
    Case(
        "unknown-nested-field",
        p(name={"el": "Ανακυκλώνω", "fr": "Recycle"}),
        "name.fr",
        'unknown field "fr"',
        "fr:",
    ),
    Case("yes-as-field-name", {**valid_profile(), True: 1}, "True", "field names are words"),
    Case(
        "founded-too-early",
        p(founded=1800),
        "founded",
        "a year from 1850 to the current year",
        "founded:",
    ),
    Case("founded-next-year", p(founded=TODAY.year + 1), "founded", "a year from 1850"),
    Case("founded-text", p(founded="2010"), "founded", 'found "2010"'),
    Case(
        "registry-http",
        p(registry={"url": "http://registry.example.gr/1"}),
        "registry.url",
        "https://",
        "url:",
    ),
    Case(
        "website-no-scheme",
        p(contact={"website": "www.example.gr"}),
        "contact.website",
        "https:// or http://",
    ),
    Case(
        "email-bad", p(contact={"email": "info-at-example.gr"}), "contact.email", "e-mail address"
    ),
    Case("phone-letters", p(contact={"phone": "210 ΑΒΓ"}), "contact.phone", "phone number"),
    Case(
        "social-http",
        p(social={"facebook": "http://facebook.com/x"}),
        "social.facebook",
        "https://",
    ),
    Case(
        "social-unknown-network",
        p(social={"tiktokk": "https://tiktok.com/x"}),
        "social.tiktokk",
        'did you mean "tiktok"?',
    ),
    Case("postal-code-short", p(postal_code="1224"), "postal_code", "five digits", "postal_code:"),
    Case("postal-code-letters", p(postal_code="ΤΚ 12241"), "postal_code", "five digits"),
    Case("location-only-lat", p(location={"lat": 38.0}), "location.lon", "required", "location:"),
    Case(
        "latitude-out-of-range",
        p(location={"lat": 95, "lon": 23.7}),
        "location.lat",
        "from -90 to 90",
    ),
    Case(
        "longitude-not-number", p(location={"lat": 38, "lon": "23,7"}), "location.lon", "a number"
    ),
    Case("longitude-nan", p(location={"lat": 38, "lon": float("nan")}), "location.lon", "a number"),
    Case("employees-negative", p(employees=-1), "employees", "0 or more"),
    Case("employees-text", p(employees="πέντε"), "employees", "whole number"),
    Case("employees-bool", p(employees=True), "employees", "whole number"),
    Case(
        "vulnerable-more-than-employees",
        p(employees=3, vulnerable_employees=5),
        "vulnerable_employees",
        "more than the 3 employees",
        "vulnerable_employees:",
    ),
    Case("offers-unknown", p(offers=["money"]), "offers[0]", "offers/needs code"),
    Case(
        "partner-missing",
        p(partners=[BYSTANDER, "den-yparchei"]),
        "partners[1]",
        "no organization folder den-yparchei/",
        "- den-yparchei",
    ),
    Case("partner-not-slug", p(partners=["Άλλος Φορέας"]), "partners[0]", 'such as "allos-foreas"'),
    Case("partner-self", p(partners=[SLUG]), "partners[0]", "its own partner"),
    Case("logo-file-missing", p(logo=LOGO), "logo.file", 'no file "logo.png"', "file: logo.png"),
    Case(
        "logo-without-alt",
        p(logo={"file": "logo.png"}),
        "logo.alt",
        "required",
        "logo:",
        files={"logo.png": PNG},
    ),
    Case(
        "logo-alt-without-el",
        p(logo={"file": "logo.png", "alt": {"en": "Logo"}}),
        "logo.alt.el",
        "required",
        "alt:",
        files={"logo.png": PNG},
    ),
    Case(
        "logo-wrong-type",
        p(logo={**LOGO, "file": "logo.pdf"}),
        "logo.file",
        "not an allowed image type",
        files={"logo.pdf": b"%PDF"},
    ),
    Case(
        "photo-svg",
        p(photos=[{**PHOTO, "file": "a.svg"}]),
        "photos[0].file",
        "not an allowed image type",
        files={"a.svg": "<svg/>"},
    ),
    Case(
        "photo-outside-folder",
        p(photos=[{**PHOTO, "file": "../allos-foreas/a.jpg"}]),
        "photos[0].file",
        "must be the name of a file in organizations/anakyklono/",
    ),
    Case(
        "photo-wrong-case",
        p(photos=[{**PHOTO, "file": "A.JPG"}]),
        "photos[0].file",
        "capitals included",
        files={"a.jpg": b"jpg"},
    ),
    Case(
        "photo-alt-missing",
        p(photos=[{"file": "a.jpg", "alt": {"en": "The team"}}]),
        "photos[0].alt.el",
        "required",
        files={"a.jpg": b"jpg"},
    ),
    Case(
        "photo-shows-people-not-bool",
        p(photos=[{**PHOTO, "shows_people": "ναι"}]),
        "photos[0].shows_people",
        "true or false",
        files={"a.jpg": b"jpg"},
    ),
    Case("consent-missing", without("promotion_consent"), "promotion_consent", "required"),
    Case(
        "consent-granted-missing",
        p(promotion_consent={"date": datetime.date(2025, 1, 1)}),
        "promotion_consent.granted",
        "true or false",
    ),
    Case(
        "consent-granted-text",
        p(promotion_consent={"granted": "ναι", "date": datetime.date(2025, 1, 1)}),
        "promotion_consent.granted",
        "true or false",
        "granted:",
    ),
    Case(
        "consent-granted-without-date",
        p(promotion_consent={"granted": True}),
        "promotion_consent.date",
        "required when granted is true",
        "promotion_consent:",
    ),
    Case(
        "consent-date-in-future",
        p(promotion_consent={"granted": True, "date": datetime.date(2030, 1, 1)}),
        "promotion_consent.date",
        "in the future",
        "date: 2030",
    ),
    Case(
        "consent-date-not-a-date",
        p(promotion_consent={"granted": True, "date": "1/5/2025"}),
        "promotion_consent.date",
        "YYYY-MM-DD",
    ),
    Case(
        "withdrawn-in-future",
        p(promotion_consent={**CONSENT, "withdrawn": datetime.date(2030, 1, 1)}),
        "promotion_consent.withdrawn",
        "in the future",
    ),
    Case(
        "withdrawn-before-granted",
        p(promotion_consent={**CONSENT, "withdrawn": datetime.date(2024, 1, 1)}),
        "promotion_consent.withdrawn",
        "before permission was given",
    ),
    Case(
        "updated-in-future",
        p(updated=datetime.date(2027, 1, 1)),
        "updated",
        "in the future",
        "updated:",
    ),
    Case("keywords-not-list", p(keywords={"el": "ανακύκλωση"}), "keywords.el", "expected a list"),
    Case("profile-is-a-list", [valid_profile()], None, "expected the fields of a profile"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_mistake_is_refused_clearly_and_nothing_else_is_lost(orgs_with_bystander, case):
    text = dump(case.profile)
    orgs_with_bystander.write(SLUG, text, files=case.files)
    result = orgs_with_bystander.load()

    assert [org.slug for org in result.organizations] == [BYSTANDER]
    errors = [problem for problem in result.errors if problem.field == case.field]
    assert errors, f"no error for {case.field}: {result.problems}"
    problem = errors[0]
    assert problem.file == FILE
    assert case.words in problem.message_en, problem.message_en
    assert problem.message_el and problem.message_el != problem.message_en
    if case.line_needle:
        assert problem.line == line_of(text, case.line_needle)
    # Only this folder has problems.
    assert {p.file for p in result.problems} == {FILE}


def test_every_problem_of_a_file_is_reported_in_one_run(orgs_with_bystander):
    orgs_with_bystander.write(SLUG, p(kind="x", municipality="y", founded=1700, employees=-2))
    result = orgs_with_bystander.load()
    assert {p.field for p in result.errors} == {"kind", "municipality", "founded", "employees"}


def test_every_folder_is_reported_in_one_run(orgs_with_bystander):
    orgs_with_bystander.write("proto", p(kind="x"))
    orgs_with_bystander.write("deftero", "name: [\n")
    orgs_with_bystander.write("trito", "όνομα: Α\n".encode("cp1253"))
    result = orgs_with_bystander.load()
    assert {p.file for p in result.errors} == {
        "organizations/proto/profile.yaml",
        "organizations/deftero/profile.yaml",
        "organizations/trito/profile.yaml",
    }
    assert [org.slug for org in result.organizations] == [BYSTANDER]
    assert result.folders == 4


@pytest.mark.parametrize(
    "folder", ["Anakyklono", "anakyklono_2", "ανακυκλώνω", "anakyklono--b", "-anakyklono"]
)
def test_folder_name_must_be_a_slug(orgs_with_bystander, folder):
    orgs_with_bystander.write(folder)
    result = orgs_with_bystander.load()
    assert [org.slug for org in result.organizations] == [BYSTANDER]
    problem = result.errors[0]
    assert problem.file == f"organizations/{folder}/"
    assert "lowercase Latin letters" in problem.message_en


def test_folder_name_suggestion_is_the_elot_transliteration(orgs):
    orgs.write("Ανακυκλώνω")
    assert "rename the folder to anakyklono" in orgs.load().errors[0].message_en


def test_folder_without_profile_is_an_error(orgs_with_bystander):
    (orgs_with_bystander.orgdir / SLUG).mkdir()
    result = orgs_with_bystander.load()
    assert result.errors[0].file == FILE and "needs a profile.yaml" in result.errors[0].message_en
    assert [org.slug for org in result.organizations] == [BYSTANDER]


def test_about_file_not_utf8_is_an_error(orgs_with_bystander):
    orgs_with_bystander.write(SLUG, files={"about.el.md": "# Ποιοι είμαστε\n".encode("cp1253")})
    result = orgs_with_bystander.load()
    assert result.errors[0].file == f"organizations/{SLUG}/about.el.md"
    assert "UTF-8" in result.errors[0].message_en
    assert [org.slug for org in result.organizations] == [BYSTANDER]


def test_partner_with_errors_is_named(orgs):
    orgs.write("spasmenos", p(kind="x"))
    orgs.write(SLUG, p(partners=["spasmenos"]))
    result = orgs.load()
    problem = next(p for p in result.errors if p.file == FILE)
    assert problem.field == "partners[0]" and "has errors in its own profile" in problem.message_en


def test_yaml_problems_point_at_the_profile(orgs_with_bystander):
    orgs_with_bystander.write(SLUG, "name:\n  el: Α\nname:\n  el: Β\n")
    result = orgs_with_bystander.load()
    assert (result.errors[0].file, result.errors[0].line, result.errors[0].field) == (
        FILE,
        3,
        "name",
    )
    assert [org.slug for org in result.organizations] == [BYSTANDER]
