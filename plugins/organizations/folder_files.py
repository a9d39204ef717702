"""Files in an organization's folder that nothing reads, said by name: a volunteer who
saved ``about.gr.md`` or dropped a photo in the folder must hear that it will not appear.

Read: ``profile.yaml``, the about files, the logo and photos the profile names, and the
images the about texts show. Anything else gets a warning, with the expected name it most
likely meant (``About.el.md``, ``about.md`` → ``about.el.md``).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

from kalo.markdown_images import markdown_image_sources
from kalo.problems import Problem
from kalo.schema.photos import LOGO_EXTENSIONS
from organizations.schema import ABOUT_FILES, PROFILE_FILE

# What operating systems and editors leave in folders; never the volunteer's content.
IGNORED = {"Thumbs.db", "desktop.ini"}
EXPECTED_TEXT_FILES = (PROFILE_FILE, *ABOUT_FILES.values())
# Names people give the Greek about file.
GREEK_ABOUT_GUESSES = {"about.md", "about.gr.md", "about.ell.md", "about.gre.md", "about.txt"}


def unread_files(
    folder: Path, values: dict[str, Any], about: dict[str, str], shown: str
) -> list[Problem]:
    """Warnings for every file of ``folder`` that the site does not use; ``shown`` is the
    folder as the volunteer sees it (``organizations/anakyklono/``)."""
    read = {PROFILE_FILE, *ABOUT_FILES.values()}
    named_images = {values["logo"]["file"]} if "logo" in values else set()
    named_images |= {photo["file"] for photo in values.get("photos", ())}
    read |= named_images
    for text in about.values():
        for path in markdown_image_sources(text, folder):
            read.add(path.relative_to(folder.resolve()).as_posix())
    problems = []
    if "en" in about and "el" not in about:
        problems.append(
            _warning(
                f"{shown}{ABOUT_FILES['en']}",
                f"there is an English description but no Greek one ({ABOUT_FILES['el']}): the "
                "Greek page has no description; write it in about.el.md",
                f"υπάρχει αγγλική περιγραφή αλλά όχι ελληνική ({ABOUT_FILES['el']}): η ελληνική "
                "σελίδα δεν έχει περιγραφή· γράψτε την στο about.el.md",
            )
        )
    for name in _files(folder):
        if name in read or name in IGNORED or name.rsplit("/", 1)[-1].startswith("."):
            continue
        problems.append(_unread(name, shown, "el" in about))
    return problems


def _files(folder: Path) -> list[str]:
    """Every file under ``folder``, as a relative path with slashes, in name order."""
    found = []
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        base = Path(current).relative_to(folder)
        found += [(base / name).as_posix() for name in sorted(files)]
    return sorted(found)


def _unread(name: str, shown: str, has_greek_about: bool) -> Problem:
    file = f"{shown}{name}"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension in LOGO_EXTENSIONS:
        return _warning(
            file,
            "no field of profile.yaml names this image, so it is not published; add it to "
            "photos: (with its alt text) or as the logo, or remove the file",
            "κανένα πεδίο του profile.yaml δεν αναφέρει αυτή την εικόνα, άρα δεν δημοσιεύεται· "
            "προσθέστε την στο photos: (με την περιγραφή της) ή ως λογότυπο, ή σβήστε το αρχείο",
        )
    meant = _meant(name, has_greek_about)
    hint_en = f"; if it is meant as {meant}, rename it to {meant}" if meant else ""
    hint_el = f"· αν είναι το {meant}, μετονομάστε το σε {meant}" if meant else ""
    return _warning(
        file,
        f"the site does not read this file, so nothing in it is published{hint_en}",
        f"ο ιστότοπος δεν διαβάζει αυτό το αρχείο, άρα τίποτα από αυτό δεν δημοσιεύεται{hint_el}",
    )


def _meant(name: str, has_greek_about: bool) -> str | None:
    """The expected file a name most likely means (by case, extension or spelling)."""
    lowered = name.lower()
    for expected in EXPECTED_TEXT_FILES:
        if lowered == expected or lowered.startswith(expected + "."):  # About.el.md, x.md.txt
            return expected
    if lowered in GREEK_ABOUT_GUESSES and not has_greek_about:
        return ABOUT_FILES["el"]
    if lowered in ("profile.yml", "profile.yaml.txt", "profile.txt"):
        return PROFILE_FILE
    close = difflib.get_close_matches(lowered, EXPECTED_TEXT_FILES, n=1, cutoff=0.75)
    return close[0] if close else None


def _warning(file: str, en: str, el: str) -> Problem:
    return Problem(file, None, None, en, el, "warning")
