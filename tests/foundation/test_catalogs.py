"""Interface strings: every one is extracted and translated into Greek, none fuzzy."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "theme/translations/el/LC_MESSAGES/messages.po"


def _catalog(path):
    with path.open("rb") as handle:
        return read_po(handle, locale="el")


def test_greek_catalog_is_complete_and_not_fuzzy():
    untranslated, fuzzy = [], []
    for message in _catalog(PO):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


def test_catalog_has_every_string_of_the_templates_and_plugins(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "--mapping-file",
            "babel.cfg",
            "--keywords",
            "translate:2",
            "--keywords",
            "translate_plural:2,3",
            "--output-file",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog(pot) if m.id}
    have = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog(PO) if m.id}
    missing = sorted(wanted - have)
    assert not missing, f"run `make translations-update` and translate: {missing}"
