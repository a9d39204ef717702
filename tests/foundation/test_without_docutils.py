"""`make html` starts Pelican without docutils (``kalo.without_docutils``): its
reStructuredText reader is off, so stand-ins take docutils' place and save a tenth of a
second of every build's start; the output is the same, and a build that would read
reStructuredText is refused with a clear message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kalo import without_docutils
from sitebuild import FIXTURE, ROOT, build_site, run_python

pytestmark = pytest.mark.slow


def _make_html(output: Path, settings: Path):
    """``python -m kalo.build`` as `make html` runs it, with ``-X importtime``."""
    return run_python(
        ["-X", "importtime", "-m", "kalo.build", "--settings", str(settings)]
        + ["--input", str(FIXTURE / "content"), "--orgs", str(FIXTURE / "organizations")]
        + ["--output", str(output)]
    )


def _settings(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "conf.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"KALO_CACHE_DIR = {str(tmp_path / 'cache')!r}\n{extra}",
        encoding="utf-8",
    )
    return path


def _imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip() for line in stderr.splitlines() if "|" in line}


def _tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != "pagefind"
    }


def test_make_html_builds_without_docutils_and_writes_the_same_site(tmp_path):
    done = _make_html(tmp_path / "out", _settings(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    imported = _imported(done.stderr)
    assert "pelican.readers" in imported  # the measure works: Pelican was imported
    assert not {name for name in imported if name.split(".")[0] == "docutils"}
    # The same site as a build in this process, where docutils is the real one.
    build_site(
        FIXTURE / "content",
        FIXTURE / "organizations",
        tmp_path / "here",
        allow_warnings=True,
        KALO_CACHE_DIR=str(tmp_path / "cache-here"),
    )
    assert _tree(tmp_path / "out") == _tree(tmp_path / "here")


def test_a_build_that_would_read_restructuredtext_is_refused_clearly(tmp_path):
    settings = _settings(tmp_path, 'READERS = {"htm": None, "html": None}\n')
    done = _make_html(tmp_path / "out", settings)
    assert done.returncode == 1
    errors = "\n".join(line for line in done.stderr.splitlines() if "import time:" not in line)
    assert "READERS" in errors and "reStructuredText" in errors
    assert str(settings) in errors  # the file that turns it on is named
    assert "Traceback" not in errors
    assert not (tmp_path / "out").exists()


def test_stand_ins_are_never_put_where_pelican_is_already_loaded():
    import docutils  # this test process loaded Pelican, and docutils, long ago

    assert without_docutils.install() is False
    assert not without_docutils.installed()
    assert hasattr(docutils, "__version__")  # the real one


def test_a_stand_in_used_says_why_it_is_there():
    program = (
        "from kalo import without_docutils\n"
        "assert without_docutils.install()\n"
        "import docutils.core\n"
        "try:\n    docutils.core.Publisher\nexcept AttributeError as error:\n    print(error)\n"
    )
    done = run_python(["-c", program], timeout=60)
    assert done.returncode == 0, done.stderr
    assert "reads Markdown only" in done.stdout and "Publisher" in done.stdout
