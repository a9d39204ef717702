"""The tiny fixture site is built end to end and compared with its expected output.

After an intended change of the output, regenerate the expected files and review the diff:

    REGENERATE=1 .venv/bin/pytest tests/site/test_fixture_site.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

EXPECTED = Path(__file__).parent / "expected"
# Theme assets change with every style tweak, and Pagefind's bundle is a third-party tool's
# output (its filter files vary between fresh runs); the pages are what this test guards.
SKIPPED_FOLDERS = {"theme", "pagefind"}
COMPARED_SUFFIXES = {".html", ".xml", ".json", ".csv", ".geojson", ".ics", ".txt", ".atom"}


def _compared_files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and path.suffix in COMPARED_SUFFIXES
        and not SKIPPED_FOLDERS & set(path.relative_to(folder).parts)
    }


def test_fixture_site_matches_expected_output(fixture_site):
    built = _compared_files(fixture_site)
    if os.environ.get("REGENERATE"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for name, data in built.items():
            target = EXPECTED / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        pytest.skip("expected output regenerated; review it with git diff")
    expected = _compared_files(EXPECTED)
    assert sorted(built) == sorted(expected), "the set of files changed"
    for name in expected:
        assert built[name] == expected[name], f"{name} differs from tests/site/expected/{name}"
