"""Nothing silent, nothing lost: each mistake that once passed ``make check`` and then made
content quietly disappear is now named by ``make check`` alone, with the file, the line
where there is one, and the exact Greek-first message that says how to fix it."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from org_builders import BYSTANDER, dump, line_of, small_jpeg, valid_profile
from PIL import Image
from test_kalo_cli import check

FILE = "organizations/anakyklono/profile.yaml"


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _truncated_jpeg() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()[: len(out.getvalue()) // 2]


LOGO = {"file": "logo.jpg", "alt": {"el": "Λογότυπο"}}
WITH_LOGO = valid_profile(logo=LOGO)
AT_LOGO = f"{FILE}:{line_of(dump(WITH_LOGO), 'file: logo.jpg')}: logo.file"

# case → (files, the Greek line and the English line make check prints, in full)
IMAGE_CASES = {
    "truncated JPEG": (
        {"logo.jpg": _truncated_jpeg()},
        f"{AT_LOGO}: logo.jpg: η εικόνα είναι ελλιπής (το αρχείο κόπηκε, ίσως κατά τη "
        "λήψη). Παρακαλούμε αποθηκεύστε την ξανά (π.χ. ως JPEG ή PNG) και αντικαταστήστε το "
        "αρχείο.",
        f"{AT_LOGO}: logo.jpg: the image is incomplete (the file was cut short, perhaps "
        "during a download). Please export it again (for example as JPEG or PNG) and replace the "
        "file.",
    ),
    "decompression bomb": (
        {"logo.jpg": _png_claiming(30000, 30000)},
        f"{AT_LOGO}: logo.jpg: η εικόνα είναι πολύ μεγάλη (30000×30000 pixels· έως 64 "
        "εκατομμύρια pixels). Παρακαλούμε στείλτε ένα μικρότερο αντίγραφο, π.χ. πλάτους 4000 "
        "pixels.",
        f"{AT_LOGO}: logo.jpg: the image is too large (30000×30000 pixels; at most 64 "
        "million pixels). Please send a smaller copy, for example 4000 pixels wide.",
    ),
    "text named .jpg": (
        {"logo.jpg": "this is not a photo\n"},
        f"{AT_LOGO}: logo.jpg: αυτό είναι αρχείο κειμένου, όχι εικόνα, παρότι το όνομά "
        "του τελειώνει σαν εικόνας.",
        f"{AT_LOGO}: logo.jpg: this is a text file, not an image, although its name "
        "ends like an image's.",
    ),
    "unsupported format": (
        {"logo.jpg": b"%PDF-1.4\n\x00\x01\x02binary"},
        f"{AT_LOGO}: logo.jpg: αυτό δεν είναι εικόνα σε μορφή που δέχεται ο ιστότοπος "
        "(JPEG, PNG, WebP, AVIF, HEIC, GIF, TIFF, SVG). Παρακαλούμε αποθηκεύστε την ξανά (π.χ. ως "
        "JPEG ή PNG) και αντικαταστήστε το αρχείο.",
        f"{AT_LOGO}: logo.jpg: this is not an image in a format the site accepts (JPEG, "
        "PNG, WebP, AVIF, HEIC, GIF, TIFF, SVG). Please export it again (for example as JPEG or "
        "PNG) and replace the file.",
    ),
}


@pytest.mark.parametrize("case", list(IMAGE_CASES))
def test_make_check_opens_every_image_as_the_build_does(orgs, case):
    files, greek, english = IMAGE_CASES[case]
    orgs.write(BYSTANDER)
    orgs.write("anakyklono", WITH_LOGO, files=files)
    result = check(orgs)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert greek in lines, result.stdout
    assert lines[lines.index(greek) + 1] == "    " + english
    assert "Ελέγχθηκαν 2 φορείς: 1 δημοσιεύεται" in result.stdout


def test_an_unsafe_svg_logo_is_named_as_the_build_names_it(orgs):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        "<script>alert(1)</script></svg>"
    )
    profile = valid_profile(logo={"file": "logo.svg", "alt": {"el": "Λογότυπο"}})
    orgs.write("anakyklono", profile, files={"logo.svg": svg})
    result = check(orgs)
    assert result.returncode == 0, result.stdout
    assert (
        f"{FILE}:{line_of(dump(profile), 'file: logo.svg')}: logo.file: προειδοποίηση: logo.svg: "
        in (result.stdout)
    )
    assert "script" in result.stdout


# --- left out is said, by name ---------------------------------------------------------


def test_each_unpublished_organization_gets_a_line_saying_why_and_what_to_change(orgs):
    orgs.write(BYSTANDER)
    orgs.write("choris-adeia", valid_profile(promotion_consent={"granted": False}))
    orgs.write(
        "anaklisi",
        valid_profile(
            promotion_consent={"granted": True, "date": "2025-01-02", "withdrawn": "2025-06-01"}
        ),
    )
    orgs.write("me-lathi", valid_profile(promotion_consent={"granted": True}))
    result = check(orgs)
    out = result.stdout
    assert result.returncode == 1
    assert "Δεν δημοσιεύονται: / Not published:" in out
    assert (
        "organizations/choris-adeia/profile.yaml:11: promotion_consent: δεν δημοσιεύεται: δεν έχει "
        "δοθεί άδεια προβολής (promotion_consent.granted: false)· μόλις ο φορέας υπογράψει την "
        "άδεια, γράψτε granted: true με την ημερομηνία"
    ) in out
    assert (
        "    organizations/choris-adeia/profile.yaml:11: promotion_consent: not published: no "
        "promotion consent (promotion_consent.granted is false); once the organization has signed "
        "its permission, write granted: true with the date"
    ) in out
    assert (
        "organizations/anaklisi/profile.yaml:11: promotion_consent: δεν δημοσιεύεται: η άδεια "
        "προβολής ανακλήθηκε στις 2025-06-01"
    ) in out
    assert (
        "organizations/me-lathi/profile.yaml: δεν δημοσιεύεται: ο φορέας δεν δημοσιεύεται μέχρι να "
        "διορθωθούν τα λάθη παραπάνω"
    ) in out
    assert (
        "organizations/me-lathi/profile.yaml:10: promotion_consent.date: το πεδίο είναι "
        "υποχρεωτικό όταν το granted είναι true: ημερομηνία γραμμένη ΕΕΕΕ-ΜΜ-ΗΗ"
    ) in out


def test_a_new_scaffold_whose_consent_was_never_filled_is_named(orgs):
    from test_kalo_cli import NAME, SLUG, kalo

    kalo("new-org", "--orgdir", "organizations", NAME, cwd=orgs.root)
    path = orgs.orgdir / SLUG / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    for field_line, value in [
        ("\nkind:\n", "\nkind: sse\n"),
        ("\nlegal_form:\n", "\nlegal_form: koinsep-entaxis\n"),
        ("\nmunicipality:\n", "\nmunicipality: aigaleo\n"),
        ("\nsectors: []\n", "\nsectors: [food]\n"),
        ("\n  el:\n", "\n  el: Κοινωνική κουζίνα στο κέντρο του Αιγάλεω.\n"),
    ]:
        text = text.replace(field_line, value)
    path.write_text(text, encoding="utf-8")
    result = check(orgs)
    assert result.returncode == 0, result.stdout
    assert f"organizations/{SLUG}/profile.yaml:" in result.stdout
    assert "δεν δημοσιεύεται: δεν έχει δοθεί άδεια προβολής" in result.stdout


def test_a_photo_without_people_consent_is_named(orgs):
    photo = {"file": "omada.jpg", "alt": {"el": "Η ομάδα"}, "shows_people": True}
    profile = valid_profile(photos=[photo])
    orgs.write("anakyklono", profile, files={"omada.jpg": small_jpeg()})
    out = check(orgs).stdout
    line = line_of(dump(profile), "shows_people:")
    assert (
        f"{FILE}:{line}: photos[1].shows_people (η 1η φωτογραφία): προειδοποίηση: η φωτογραφία "
        "omada.jpg δείχνει πρόσωπα χωρίς people_consent: true· δεν δημοσιεύεται μέχρι να "
        "συμφωνήσουν τα πρόσωπα (τότε γράψτε people_consent: true)"
    ) in out
    assert (
        f"    {FILE}:{line}: photos[1].shows_people: warning: the photo omada.jpg shows people"
        in out
    )


# --- files nobody reads ----------------------------------------------------------------

UNREAD_CASES = {
    "about.gr.md": ("about.gr.md", "αν είναι το about.el.md, μετονομάστε το σε about.el.md"),
    "About.el.md": ("About.el.md", "αν είναι το about.el.md, μετονομάστε το σε about.el.md"),
    "about.el.md.txt": (
        "about.el.md.txt",
        "αν είναι το about.el.md, μετονομάστε το σε about.el.md",
    ),
    "about.md": ("about.md", "αν είναι το about.el.md, μετονομάστε το σε about.el.md"),
    "profile.yml": ("profile.yml", "αν είναι το profile.yaml, μετονομάστε το σε profile.yaml"),
}


@pytest.mark.parametrize("name", list(UNREAD_CASES))
def test_a_file_nothing_reads_is_named_with_the_name_it_meant(orgs, name):
    shown, hint = UNREAD_CASES[name]
    orgs.write("anakyklono", files={name: "# Ποιοι είμαστε\n"})
    out = check(orgs).stdout
    assert (
        f"organizations/anakyklono/{shown}: προειδοποίηση: ο ιστότοπος δεν διαβάζει αυτό το "
        f"αρχείο, άρα τίποτα από αυτό δεν δημοσιεύεται· {hint}"
    ) in out


def test_english_description_without_greek_and_unnamed_photo_are_named(orgs):
    orgs.write("anakyklono", files={"about.en.md": "# Who we are\n", "extra.jpg": small_jpeg()})
    out = check(orgs).stdout
    assert (
        "organizations/anakyklono/about.en.md: προειδοποίηση: υπάρχει αγγλική περιγραφή αλλά όχι "
        "ελληνική (about.el.md): η ελληνική σελίδα δεν έχει περιγραφή· γράψτε την στο about.el.md"
    ) in out
    assert (
        "organizations/anakyklono/extra.jpg: προειδοποίηση: κανένα πεδίο του profile.yaml δεν "
        "αναφέρει αυτή την εικόνα, άρα δεν δημοσιεύεται· προσθέστε την στο photos: (με την "
        "περιγραφή της) ή ως λογότυπο, ή σβήστε το αρχείο"
    ) in out


# --- suggest the fix -------------------------------------------------------------------


def test_a_hand_written_date_is_answered_with_the_date_to_write(orgs):
    profile = valid_profile(updated="15/3/2024")
    orgs.write("anakyklono", profile)
    out = check(orgs).stdout
    at = f"{FILE}:{line_of(dump(profile), 'updated:')}"
    assert (
        f"{at}: updated: οι ημερομηνίες γράφονται ΕΕΕΕ-ΜΜ-ΗΗ (έτος-μήνας-ημέρα): γράψτε 2024-03-15"
    ) in out


def test_a_missing_file_names_the_file_that_differs_only_in_capitals(orgs):
    profile = valid_profile(logo={"file": "logo.jpg", "alt": {"el": "Λ"}})
    orgs.write("anakyklono", profile, files={"Logo.JPG": small_jpeg()})
    out = check(orgs).stdout
    at = f"{FILE}:{line_of(dump(profile), 'file: logo.jpg')}"
    assert (
        f'{at}: logo.file: δεν υπάρχει αρχείο "logo.jpg" στον φάκελο organizations/anakyklono/· '
        'μήπως εννοείτε "Logo.JPG"; (τα ονόματα πρέπει να ταιριάζουν ακριβώς, και στα κεφαλαία)'
    ) in out


def test_a_left_template_example_is_named(orgs):
    profile = valid_profile(contact={"website": "https://example.gr"})
    orgs.write("anakyklono", profile)
    out = check(orgs).stdout
    at = f"{FILE}:{line_of(dump(profile), 'website:')}"
    assert (
        f'{at}: contact.website: προειδοποίηση: το "https://example.gr" είναι το παράδειγμα '
        "του προτύπου, όχι πραγματικό στοιχείο, και θα δημοσιευόταν όπως είναι· γράψτε το "
        "πραγματικό ή σβήστε τη γραμμή"
    ) in out


def test_an_image_that_changed_since_the_last_check_is_opened_again(orgs):
    """`make check` remembers the images it opened (it runs before every commit), by their
    size, time and inode: a photo replaced by a damaged one is never taken from memory."""
    orgs.write("anakyklono", WITH_LOGO, files={"logo.jpg": small_jpeg()})
    assert check(orgs).returncode == 0
    assert list((orgs.root / ".cache" / "check").glob("image-probes-*.pickle"))
    (orgs.orgdir / "anakyklono" / "logo.jpg").write_bytes(_truncated_jpeg())
    result = check(orgs)
    assert result.returncode == 1
    assert f"{AT_LOGO}: logo.jpg: η εικόνα είναι ελλιπής" in result.stdout
