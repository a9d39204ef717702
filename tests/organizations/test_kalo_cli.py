"""``python -m kalo_cli``: exit codes and output, run as a volunteer runs it; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from org_builders import BYSTANDER, small_jpeg, valid_profile

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"


def kalo(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PLUGINS), "LANG": "C", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "kalo_cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def check(orgs, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return kalo(
        "check",
        "--orgdir",
        "organizations",
        "--inputdir",
        "content",
        "--today",
        "2026-03-15",
        *extra,
        cwd=orgs.root,
        env=env,
    )


def summary(result) -> list[str]:
    """The summary lines at the end of the output: three checkers, two languages each."""
    return result.stdout.splitlines()[-6:]


def test_check_clean_content_exits_0_with_a_greek_first_summary(orgs):
    orgs.write("alfa")
    orgs.write("vita", valid_profile(promotion_consent={"granted": False}))
    result = check(orgs)
    assert result.returncode == 0, result.stdout
    # One summary per checker (organizations, workshops, pages), each in Greek then English.
    assert summary(result) == [
        "Ελέγχθηκαν 2 φορείς: 1 δημοσιεύεται, 1 παραλείπεται (χωρίς άδεια: 1· με ανάκληση: 0)· "
        "0 λάθη, 0 προειδοποιήσεις",
        "    2 organizations checked: 1 published, 1 left out (no permission: 1; withdrawn: 0); "
        "0 errors, 0 warnings",
        "Ελέγχθηκαν 0 αρχεία εργαστηρίων: 0 συναντήσεις (0 έγιναν, 0 προγραμματισμένες)· 0 λάθη, "
        "0 προειδοποιήσεις",
        "    0 workshop files checked: 0 sessions (0 held, 0 planned); 0 errors, 0 warnings",
        "Ελέγχθηκαν 0 αρχεία σελίδων· 0 λάθη, 0 προειδοποιήσεις",
        "    0 page files checked; 0 errors, 0 warnings",
    ]


def test_maintainers_can_ask_for_english_first(orgs):
    orgs.write("alfa", valid_profile(municipality="Ιλιον"))
    result = check(orgs, env={"KALO_MESSAGES": "en"})
    lines = result.stdout.splitlines()
    english = next(i for i, line in enumerate(lines) if "is not a municipality code" in line)
    assert "δεν είναι κωδικός δήμου" in lines[english + 1] and lines[english + 1].startswith("    ")
    assert "1 organization checked: 0 published" in lines[-6]
    assert lines[-5].startswith("    Ελέγχθηκε 1 φορέας: 0 δημοσιεύονται")


def test_counts_are_plural_forms_from_the_catalogs(orgs):
    orgs.write("alfa", valid_profile(founded=1700))
    one = summary(check(orgs))[0]
    assert one.endswith("1 με λάθη· 1 λάθος, 0 προειδοποιήσεις"), one
    orgs.write("vita", valid_profile(founded=1700, employees=-1))
    two = summary(check(orgs))[0]
    assert two.endswith("2 με λάθη· 3 λάθη, 0 προειδοποιήσεις"), two


def test_check_with_a_warning_only_exits_0(orgs):
    profile = valid_profile(
        photos=[{"file": "a.jpg", "alt": {"el": "Η ομάδα"}, "shows_people": True}]
    )
    orgs.write("alfa", profile, files={"a.jpg": small_jpeg()})
    result = check(orgs)
    assert result.returncode == 0, result.stdout
    assert "προειδοποίηση: η φωτογραφία a.jpg δείχνει πρόσωπα" in result.stdout
    assert "warning: the photo a.jpg shows people" in result.stdout
    assert "0 λάθη, 1 προειδοποίηση" in result.stdout and "0 errors, 1 warning" in result.stdout


def test_check_prints_every_error_in_greek_then_english_and_exits_1(orgs):
    orgs.write(BYSTANDER)
    orgs.write("anakyklono", valid_profile(municipality="Ιλιον", founded=1700))
    result = check(orgs)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    greek = lines.index(
        'organizations/anakyklono/profile.yaml:5: municipality: το "Ιλιον" δεν είναι κωδικός '
        'δήμου· μήπως εννοείτε "ilion"; (κωδικοί: agia-varvara, agioi-anargyroi-kamatero, '
        "aigaleo, ilion, peristeri, petroupoli, chaidari, other)"
    )
    assert lines[greek + 1] == (
        '    organizations/anakyklono/profile.yaml:5: municipality: "Ιλιον" is not a '
        'municipality code; did you mean "ilion"? (codes: agia-varvara, '
        "agioi-anargyroi-kamatero, aigaleo, ilion, peristeri, petroupoli, chaidari, other)"
    )
    assert any("founded: αναμενόταν έτος από 1850 έως φέτος" in line for line in lines)
    assert summary(result)[0] == (
        "Ελέγχθηκαν 2 φορείς: 1 δημοσιεύεται, 0 παραλείπονται (χωρίς άδεια: 0· με ανάκληση: 0), "
        "1 με λάθη· 2 λάθη, 0 προειδοποιήσεις"
    )


def test_check_on_a_missing_folder_exits_1(tmp_path):
    result = kalo("check", "--orgdir", "nowhere", "--inputdir", "content", cwd=tmp_path)
    assert result.returncode == 1 and "does not exist" in result.stdout


def test_bad_arguments_give_usage_not_a_traceback(tmp_path):
    result = kalo("check", "--today", "yesterday", cwd=tmp_path)
    assert result.returncode == 2 and "usage" in result.stderr


def test_an_unexpected_failure_is_one_line_and_exit_3(monkeypatch, capsys, tmp_path):
    from kalo_cli import checks
    from kalo_cli import main as cli

    def broken(_roots):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(checks, "CHECKERS", (broken,))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 3
    captured = capsys.readouterr()
    assert "internal error, please report it: RuntimeError: disk on fire" in captured.err
    assert "Traceback" not in captured.out + captured.err


def test_check_is_fast(orgs):
    for number in range(15):
        orgs.write(f"foreas-{number}")
    start = time.perf_counter()
    result = check(orgs)
    assert time.perf_counter() - start < 2
    assert result.returncode == 0 and "15 organizations checked: 15 published" in result.stdout


# --- new-org --------------------------------------------------------------------------

NAME = "Κοινωνική Συνεταιριστική Επιχείρηση Αιγάλεω"
SLUG = "koinoniki-synetairistiki-epicheirisi-aigaleo"


def test_new_org_creates_the_folder(orgs):
    result = kalo("new-org", "--orgdir", "organizations", NAME, cwd=orgs.root)
    assert result.returncode == 0, result.stdout
    folder = orgs.orgdir / SLUG
    profile = (folder / "profile.yaml").read_text(encoding="utf-8")
    assert profile.startswith("# yaml-language-server: $schema=../../schema/profile.schema.json\n")
    assert f'el: "{NAME}"' in profile
    assert (folder / "about.el.md").is_file()
    assert f"organizations/{SLUG}/" in result.stdout


def test_new_org_refuses_an_existing_slug(orgs):
    orgs.write(SLUG)
    before = (orgs.orgdir / SLUG / "profile.yaml").read_bytes()
    result = kalo("new-org", "--orgdir", "organizations", NAME, cwd=orgs.root)
    assert result.returncode == 1
    assert "already exists" in result.stdout
    assert (orgs.orgdir / SLUG / "profile.yaml").read_bytes() == before


@pytest.mark.parametrize("name", ["", "!!!", "Α"])
def test_new_org_refuses_a_name_without_letters(orgs, name):
    result = kalo("new-org", "--orgdir", "organizations", name, cwd=orgs.root)
    assert result.returncode == 1 and list(orgs.orgdir.iterdir()) == []


def test_new_org_then_fill_required_then_check_passes(orgs):
    kalo("new-org", "--orgdir", "organizations", NAME, cwd=orgs.root)
    path = orgs.orgdir / SLUG / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    assert check(orgs).returncode == 1  # required fields still empty
    text = (
        text.replace("\nkind:\n", "\nkind: sse\n")
        .replace("\nlegal_form:\n", "\nlegal_form: koinsep-entaxis\n")
        .replace("\nmunicipality:\n", "\nmunicipality: aigaleo\n")
        .replace("\nsectors: []\n", "\nsectors: [food]\n")
        .replace("\n  el:\n", "\n  el: Κοινωνική κουζίνα στο κέντρο του Αιγάλεω.\n")
    )
    path.write_text(text, encoding="utf-8")
    result = check(orgs)
    assert result.returncode == 0, result.stdout
    assert (
        "1 organization checked: 0 published, 1 left out (no permission: 1; withdrawn: 0)"
        in result.stdout
    )
    assert "Ελέγχθηκε 1 φορέας: 0 δημοσιεύονται, 1 παραλείπεται" in result.stdout


def test_schema_command_writes_every_generated_file(tmp_path):
    result = kalo("schema", "--root", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0
    assert (tmp_path / "schema" / "profile.schema.json").read_text(encoding="utf-8") == (
        ROOT / "schema" / "profile.schema.json"
    ).read_text(encoding="utf-8")
    assert (tmp_path / "docs" / "organization-fields.md").is_file()
