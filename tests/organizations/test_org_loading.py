"""A valid folder becomes a typed Organization; publication, warnings and ignored files."""

from __future__ import annotations

import datetime

import pytest
from org_builders import TODAY, valid_profile

from kalo.suggest import close_codes, close_names

PNG = b"\x89PNG\r\n\x1a\n"

FULL = valid_profile(
    name={"el": "Ανακυκλώνω ΚοινΣΕπ", "en": "Anakyklono Social Cooperative"},
    summary={
        "el": "Συλλογή και ανακύκλωση υλικών στη Δυτική Αθήνα.",
        "en": "Collects and recycles materials in West Athens.",
    },
    founded=2015,
    registry={"number": 12345, "url": "https://registry.example.gr/12345"},
    address={"el": "Λεωφόρος Ιλίου 10", "en": "10 Iliou Avenue"},
    postal_code=13122,
    location={"lat": 38.03, "lon": 23.7},
    contact={
        "email": "info@anakyklono.gr",
        "phone": "+30 210 000 0000",
        "website": "http://anakyklono.gr",
    },
    social={
        "instagram": "https://instagram.com/anakyklono",
        "facebook": "https://facebook.com/anakyklono",
    },
    offers=["training", "equipment"],
    needs=["funding"],
    keywords={"el": ["ανακύκλωση Ιλίου", "κυκλική οικονομία"], "en": ["recycling Ilion"]},
    logo={"file": "logo.svg", "alt": {"el": "Λογότυπο", "en": "Logo"}},
    photos=[
        {
            "file": "photos/ergastirio.jpg",
            "alt": {"el": "Το εργαστήριο"},
            "caption": {"el": "Το 2024"},
        },
        {
            "file": "omada.webp",
            "alt": {"el": "Η ομάδα"},
            "shows_people": True,
            "people_consent": True,
        },
    ],
    employees=8,
    members=12,
    vulnerable_employees=3,
    partners=["allos-foreas"],
    promotion_consent={"granted": True, "date": datetime.date(2025, 5, 1), "reference": 42},
    updated=datetime.date(2026, 1, 10),
)
FILES = {
    "logo.svg": "<svg/>",
    "photos/ergastirio.jpg": b"jpg",
    "omada.webp": b"webp",
    "about.el.md": "\ufeff# Ποιοι είμαστε\n",
    "about.en.md": "# Who we are\n",
    "notes.txt": "a file nothing reads: a warning, nothing else",
}


def test_full_profile_becomes_an_organization(orgs):
    orgs.write(
        "allos-foreas", valid_profile(name={"el": "Άλλος"}, promotion_consent={"granted": False})
    )
    folder = orgs.write("anakyklono", FULL, files=FILES)
    result = orgs.load()
    assert [(p.file, p.severity) for p in result.problems] == [
        ("organizations/anakyklono/notes.txt", "warning")
    ]
    org = {o.slug: o for o in result.organizations}["anakyklono"]
    assert org.folder == folder.resolve() and org.source == (folder / "profile.yaml").resolve()
    assert org.name.get("en") == "Anakyklono Social Cooperative"
    assert (org.kind, org.legal_form, org.municipality, org.sectors) == (
        "sse",
        "koinsep-entaxis",
        "ilion",
        ("environment",),
    )
    assert org.postal_code == "131 22"
    assert org.location.lat == 38.03 and org.location.lon == 23.7
    assert org.registry_number == "12345" and org.consent.reference == "42"
    assert (org.email, org.phone, org.website) == (
        "info@anakyklono.gr",
        "+30 210 000 0000",
        "http://anakyklono.gr",
    )
    assert list(org.social) == ["facebook", "instagram"]  # contract order, not file order
    assert org.offers == ("training", "equipment") and org.needs == ("funding",)
    assert org.keywords == {
        "el": ("ανακύκλωση Ιλίου", "κυκλική οικονομία"),
        "en": ("recycling Ilion",),
    }
    assert org.logo.path == (folder / "logo.svg").resolve() and org.logo.alt.get("en") == "Logo"
    assert [photo.path.name for photo in org.photos] == ["ergastirio.jpg", "omada.webp"]
    assert org.photos[0].caption.get("el") == "Το 2024"
    assert len(org.public_photos) == 2
    assert (org.employees, org.members, org.vulnerable_employees) == (8, 12, 3)
    assert org.partners == ("allos-foreas",)
    assert org.updated == datetime.date(2026, 1, 10)
    assert org.about == {"el": "# Ποιοι είμαστε\n", "en": "# Who we are\n"}
    assert org.published and org.has_language("en")


def test_organizations_are_sorted_by_slug_published_or_not(orgs):
    orgs.write("zeta", valid_profile(promotion_consent={"granted": False}))
    orgs.write("alfa")
    orgs.write(
        "mi",
        valid_profile(
            promotion_consent={
                "granted": True,
                "date": datetime.date(2024, 1, 1),
                "withdrawn": datetime.date(2025, 1, 1),
            }
        ),
    )
    result = orgs.load()
    assert [o.slug for o in result.organizations] == ["alfa", "mi", "zeta"]
    assert [o.slug for o in result.published] == ["alfa"]
    assert [o.slug for o in result.not_granted] == ["zeta"]
    assert [o.slug for o in result.withdrawn] == ["mi"]


def test_unpublished_partner_is_not_an_error(orgs):
    orgs.write("allos", valid_profile(promotion_consent={"granted": False}))
    orgs.write("anakyklono", valid_profile(partners=["allos"]))
    assert orgs.load().problems == []


def test_photo_with_people_and_no_consent_is_a_warning_and_left_out(orgs):
    profile = valid_profile(
        photos=[{"file": "a.jpg", "alt": {"el": "Η ομάδα"}, "shows_people": True}]
    )
    orgs.write("anakyklono", profile, files={"a.jpg": b"jpg"})
    result = orgs.load()
    assert result.errors == []
    [warning] = result.warnings
    assert warning.field == "photos[0].shows_people" and warning.line is not None
    assert "a.jpg" in warning.message_en and "left out of the site" in warning.message_en
    [org] = result.organizations
    assert len(org.photos) == 1 and org.public_photos == ()


@pytest.mark.parametrize(
    "written, normalised", [(12241, "122 41"), ("12241", "122 41"), ("122 41", "122 41")]
)
def test_postal_code_is_normalised(orgs, written, normalised):
    orgs.write("anakyklono", valid_profile(postal_code=written))
    assert orgs.load().organizations[0].postal_code == normalised


def test_blank_optional_fields_are_as_if_left_out(orgs):
    orgs.write(
        "anakyklono",
        "\n".join(
            [
                "name:",
                "  el: Ανακυκλώνω",
                "  en:",
                "kind: sse",
                "legal_form: allo",
                "municipality: other",
                "sectors: [food]",
                "summary:",
                "  el: Συλλογή και ανακύκλωση υλικών.",
                "founded:",
                "promotion_consent:",
                "  granted: false",
                "",
            ]
        ),
    )
    result = orgs.load()
    assert result.problems == []
    assert result.organizations[0].founded is None and result.organizations[0].name.en is None


def test_quoted_dates_are_accepted(orgs):
    orgs.write(
        "anakyklono", valid_profile(promotion_consent={"granted": True, "date": "2025-05-01"})
    )
    assert orgs.load().organizations[0].consent.date == datetime.date(2025, 5, 1)


def test_hidden_and_underscore_folders_and_loose_files_are_ignored(orgs):
    orgs.write("anakyklono")
    (orgs.orgdir / ".git").mkdir()
    (orgs.orgdir / "_drafts").mkdir()
    (orgs.orgdir / "_drafts" / "profile.yaml").write_text("nonsense: [", encoding="utf-8")
    (orgs.orgdir / "README.md").write_text("notes", encoding="utf-8")
    result = orgs.load()
    assert result.problems == [] and result.folders == 1


def test_missing_organizations_folder_is_a_problem(tmp_path):
    from organizations.load import load_organizations

    result = load_organizations(tmp_path / "organizations", today=TODAY)
    assert result.organizations == [] and result.errors[0].file == "organizations"


def test_display_root_sets_the_file_names(orgs):
    from organizations.load import load_organizations

    orgs.write("anakyklono", valid_profile(kind="x"))
    result = load_organizations(orgs.orgdir, today=TODAY, display_root=orgs.root.parent)
    assert result.errors[0].file == f"{orgs.root.name}/organizations/anakyklono/profile.yaml"


@pytest.mark.parametrize(
    "value, list_name, expected",
    [
        ("Ιλιον", "municipality", ["ilion"]),
        ("ΙΛΙΟΝ", "municipality", ["ilion"]),
        ("Αιγαλεω", "municipality", ["aigaleo"]),
        ("Peristeri", "municipality", ["peristeri"]),
        ("Χαιδάρι", "municipality", ["chaidari"]),
        ("ΑΜΚΕ", "legal_form", ["amke"]),
        ("envirnment", "sectors", ["environment"]),
        ("Φροντίδα", "sectors", ["care"]),
        ("qqqqqq", "sectors", []),
    ],
)
def test_close_codes(value, list_name, expected):
    assert close_codes(value, list_name)[: len(expected) or None] == expected


@pytest.mark.parametrize(
    "value, expected", [("contcat", ["contact"]), ("Summary", ["summary"]), ("zzz", [])]
)
def test_close_names(value, expected):
    assert close_names(value, ("name", "summary", "contact")) == expected


def test_an_empty_about_file_is_no_description_and_no_warning(orgs):
    orgs.write("anakyklono", files={"about.el.md": "Περιγραφή.\n", "about.en.md": "\n"})
    result = orgs.load()
    [org] = result.organizations
    assert org.about == {"el": "Περιγραφή.\n"}
    assert result.problems == []
