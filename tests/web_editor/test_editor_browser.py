"""The web editor as a volunteer uses it, against `make edit` on a copy of the sample content:
what it saves is the contract's files, passes `make check`, and shows on the rebuilt site."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
import yaml
from PIL import Image

from sitebuild import ROOT

pytestmark = pytest.mark.browser

NAME = "Κοινωνική Κουζίνα Αιγάλεω"
SLUG = "koinoniki-kouzina-aigaleo"  # ELOT 743, as `make new-org` names it


def make_check(edit_server) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "kalo_cli",
            "check",
            "--orgdir",
            str(edit_server.orgdir),
            "--inputdir",
            str(edit_server.root / "content"),
        ],
        cwd=edit_server.root,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        timeout=120,
    )


def choose(page, label: str, option: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")


def publish(page) -> None:
    page.get_by_role("button", name="Δημοσίευση").click()
    page.get_by_text("Δημοσίευση τώρα").click()


def publish_new(page) -> None:
    """Save a new entry; Decap then moves to the saved entry's address."""
    publish(page)
    page.get_by_text("Αποθηκεύτηκε").first.wait_for()
    page.wait_for_url("**/entries/**")


def logo_png(tmp_path) -> str:
    path = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (240, 140), (30, 120, 200)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_a_new_organization_made_in_the_form_is_the_contract_and_is_published(
    editor, edit_server, tmp_path
):
    page = editor
    page.goto(edit_server.url + "/admin/#/collections/organizations/new")
    page.get_by_role("switch", name="Δόθηκε άδεια προβολής").click()
    page.get_by_label("Ημερομηνία της άδειας").fill("2025-05-01")
    page.get_by_label("Επωνυμία (ελληνικά)").fill(NAME)
    choose(page, "Είδος φορέα", "Φορέας ΚΑΛΟ")
    choose(page, "Νομική μορφή", "ΚοινΣΕπ Ένταξης")
    choose(page, "Δήμος της έδρας", "Αιγάλεω")
    choose(page, "Τομείς δραστηριότητας", "Τρόφιμα")
    choose(page, "Τομείς δραστηριότητας", "Φροντίδα")
    page.get_by_label("Σύντομη περιγραφή (ελληνικά)").fill(
        "Μαγειρεύουμε κάθε μέρα για γείτονες που το χρειάζονται, στο Αιγάλεω."
    )
    page.get_by_label("Σύντομη περιγραφή (αγγλικά)").fill(
        "We cook every day for neighbours in need, in Aigaleo."
    )
    page.locator('[aria-label="image field"]').first.get_by_role("button").first.click()
    page.locator("input[type=file]").first.set_input_files(logo_png(tmp_path))
    page.get_by_role("button", name="Επιλέξτε επιλεγμένο").click()
    page.get_by_label("Περιγραφή εικόνας (ελληνικά)").first.fill("Λογότυπο της Κουζίνας")
    publish_new(page)

    # The Greek description, in its own collection, into the same folder.
    page.goto(edit_server.url + "/admin/#/collections/organization_about/new")
    page.locator('[data-slate-editor="true"]').first.wait_for()
    page.wait_for_load_state("networkidle")  # the organizations to choose from are loaded
    relation = page.get_by_label("Φορέας (προαιρετικός)").first
    relation.click()
    relation.fill("Κουζίνα")
    page.get_by_text(NAME, exact=True).last.click()
    page.locator('[data-slate-editor="true"]').first.click()
    page.keyboard.type("Η κουζίνα της γειτονιάς μας.")
    publish_new(page)

    folder = edit_server.orgdir / SLUG
    profile = yaml.safe_load((folder / "profile.yaml").read_text(encoding="utf-8"))
    assert profile["name"] == {"el": NAME}
    assert profile["sectors"] == ["food", "care"]
    assert profile["promotion_consent"]["granted"] is True
    assert str(profile["promotion_consent"]["date"]) == "2025-05-01"
    assert profile["logo"]["file"] == "logo.png" and (folder / "logo.png").is_file()
    assert not any(key.startswith("_") for key in profile)
    assert (folder / "about.el.md").read_text(encoding="utf-8") == "Η κουζίνα της γειτονιάς μας.\n"
    check = make_check(edit_server)
    assert check.returncode == 0, check.stdout
    html = edit_server.wait_for_page(f"/organizations/{SLUG}/", NAME)
    assert f"/images/organizations/{SLUG}/logo-" in html
    assert "Η κουζίνα της γειτονιάς μας." in edit_server.wait_for_page(
        f"/organizations/{SLUG}/", "γειτονιάς μας"
    )
    assert not [error for error in page.console_errors if "Content Security Policy" in error]


def test_changing_a_summary_rebuilds_the_page_with_it(editor, edit_server):
    page = editor
    slug = "artopoieio-i-kali-zymi"
    before = (edit_server.orgdir / slug / "profile.yaml").read_text(encoding="utf-8")
    page.goto(edit_server.url + f"/admin/#/collections/organizations/entries/{slug}/profile")
    summary = page.get_by_label("Σύντομη περιγραφή (ελληνικά)")
    summary.fill("Ψωμί με προζύμι κάθε πρωί, και δουλειά για ανθρώπους που την έχουν ανάγκη.")
    publish(page)
    page.get_by_text("Αποθηκεύτηκε").first.wait_for()
    after = yaml.safe_load((edit_server.orgdir / slug / "profile.yaml").read_text(encoding="utf-8"))
    assert after["summary"]["el"].startswith("Ψωμί με προζύμι κάθε πρωί")
    # Everything else is kept: partners by folder name, the photo of people with consent.
    assert after["partners"] == yaml.safe_load(before)["partners"]
    assert after["photos"][1]["people_consent"] is True
    assert make_check(edit_server).returncode == 0
    edit_server.wait_for_page(f"/organizations/{slug}/", "Ψωμί με προζύμι κάθε πρωί")


def test_the_form_refuses_to_save_without_a_name_or_with_a_short_summary(editor, edit_server):
    page = editor
    folders = sorted(p.name for p in edit_server.orgdir.iterdir())
    page.goto(edit_server.url + "/admin/#/collections/organizations/new")
    page.get_by_label("Σύντομη περιγραφή (ελληνικά)").fill("Λίγα.")
    publish(page)
    page.get_by_text("ξεχάσατε ένα απαιτούμενο πεδίο").first.wait_for()
    body = page.locator("body").text_content()
    assert "Το Επωνυμία (ελληνικά) είναι απαραίτητο" in body
    assert "Από 20 έως 300 χαρακτήρες" in body
    assert sorted(p.name for p in edit_server.orgdir.iterdir()) == folders


def test_a_workshop_summary_edited_in_the_form_keeps_its_contract(editor, edit_server):
    page = editor
    folder = edit_server.root / "content" / "workshops"
    english_before = (folder / "thematic-01.en.md").read_bytes()
    page.goto(edit_server.url + "/admin/#/collections/workshops/entries/thematic-01")
    summary = page.get_by_label("Περίληψη")
    summary.fill("Το πρώτο θεματικό εργαστήριο, με νέα σύνοψη γραμμένη στη φόρμα.")
    publish(page)
    page.get_by_text("Αποθηκεύτηκε").first.wait_for()
    text = (folder / "thematic-01.md").read_text(encoding="utf-8")
    front, _, body = text.removeprefix("---\n").partition("\n---\n")
    fields = yaml.safe_load(front)
    assert fields["summary"] == "Το πρώτο θεματικό εργαστήριο, με νέα σύνοψη γραμμένη στη φόρμα."
    assert (fields["series"], fields["number"], fields["status"]) == ("thematic", 1, "held")
    assert body.strip(), "the conclusions are kept"
    assert not any(key.startswith("_") or key == "body" for key in fields)
    assert (folder / "thematic-01.en.md").read_bytes() == english_before
    assert make_check(edit_server).returncode == 0
