"""The generators written beside the others (``kalo.write_beside``): the open data, the
figures, the map and the flyers are written by a forked process while the build writes the
rest; the output is the serial build's, every listener gets every page, and a failure
there fails the build as it would have failed here."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from pelican import signals

from kalo.build import build
from kalo.problems import ContentErrors, Problem
from sitebuild import FIXTURE, ROOT, run_python

pytestmark = pytest.mark.slow
BESIDE = ("OpenDataGenerator", "FiguresGenerator", "MapGenerator", "FlyersGenerator")


def _build(output: Path, cache: Path, **extra) -> None:
    build(
        ROOT / "pelicanconf.py",
        FIXTURE / "content",
        FIXTURE / "organizations",
        output,
        extra={"KALO_CACHE_DIR": str(cache), **extra},
    )


def _will_fork() -> None:
    """The builds of this process will write beside: every listener of content_written
    can hand its notes over (a test that left one connected would make them serial)."""
    from kalo.write_beside import _listeners

    assert hasattr(os, "fork") and _listeners() is not None


def _tree(folder: Path) -> dict[str, str]:
    """Every file's digest but Pagefind's bundle (its filter files vary from run to run)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != "pagefind"
    }


def test_the_generators_that_read_only_the_context_say_so():
    from figures.generator import FiguresGenerator
    from flyers.generator import FlyersGenerator
    from map.generator import MapGenerator
    from opendata.generator import OpenDataGenerator
    from organizations.generator import OrganizationsGenerator

    for generator in (OpenDataGenerator, FiguresGenerator, MapGenerator, FlyersGenerator):
        assert generator.write_beside is True
    # The organizations' pages make the cards the others' listings show: written here.
    assert not getattr(OrganizationsGenerator, "write_beside", False)


def test_a_build_in_a_fresh_process_writes_them_beside_and_equals_a_serial_build(tmp_path):
    """In a fresh process (as `make html`) the write phase forks; the output, the sitemap
    and the SEO report included, is byte for byte the serial build's."""
    timings = tmp_path / "timings.json"
    program = (
        "from pathlib import Path\nfrom kalo.build import build\n"
        f"build(Path({str(ROOT / 'pelicanconf.py')!r}), Path({str(FIXTURE / 'content')!r}), "
        f"Path({str(FIXTURE / 'organizations')!r}), Path({str(tmp_path / 'beside')!r}), "
        f"extra={{'KALO_CACHE_DIR': {str(tmp_path / 'c1')!r}}})\n"
    )
    done = run_python(["-c", program], env={"KALO_TIMINGS": str(timings)})
    assert done.returncode == 0, done.stderr[-3000:]
    steps = json.loads(timings.read_text(encoding="utf-8"))
    assert "written beside: waiting" in steps  # the forked process was waited for
    for name in BESIDE:  # their steps, timed in the forked process, are the build's
        assert f"{name}: write" in steps
    _build(tmp_path / "serial", tmp_path / "c2", KALO_WORKERS=1)
    beside, serial = _tree(tmp_path / "beside"), _tree(tmp_path / "serial")
    assert beside == serial
    assert "data/organizations.json" in beside and "sitemap.xml" in beside


def test_a_listener_that_cannot_hand_its_notes_over_gets_every_page(tmp_path):
    """A receiver of ``content_written`` that has not said how to hand over what it noted
    in a forked process: the build writes everything here, and it sees every page."""
    seen: list[str] = []

    def note(path, context):
        seen.append(Path(path).relative_to(context["OUTPUT_PATH"]).as_posix())

    signals.content_written.connect(note)
    try:
        _build(tmp_path / "out", tmp_path / "cache")
    finally:
        signals.content_written.disconnect(note)
    assert "data/index.html" in seen  # the open data's page
    assert any(path.endswith("/flyer/index.html") for path in seen)
    assert "map/index.html" in seen
    assert "organizations/index.html" in seen


def test_a_mistake_found_beside_fails_the_build_and_keeps_the_last_site(tmp_path, monkeypatch):
    from flyers.generator import FlyersGenerator

    output = tmp_path / "out"
    _build(output, tmp_path / "cache")
    before = _tree(output)
    _will_fork()
    problem = Problem("organizations/x/profile.yaml", 3, "logo", "a flyer's mistake", "λάθος")

    def fails(self, writer):
        raise ContentErrors([problem])

    monkeypatch.setattr(FlyersGenerator, "generate_output", fails)
    with pytest.raises(ContentErrors) as raised:
        _build(output, tmp_path / "cache")
    assert [p.message_en for p in raised.value.problems] == ["a flyer's mistake"]
    assert _tree(output) == before
    assert not list(tmp_path.glob(".out.building-*"))  # the staging folder is gone


def test_a_failure_before_the_join_stops_the_forked_process(tmp_path, monkeypatch):
    """The organizations' pages fail while the forked process writes: it is stopped and
    waited for before the staging folder is deleted (nothing is left behind)."""
    from organizations.generator import OrganizationsGenerator

    def fails(self, writer):
        raise RuntimeError("broken template")

    monkeypatch.setattr(OrganizationsGenerator, "generate_output", fails)
    _will_fork()
    before = _children()
    with pytest.raises(RuntimeError, match="broken template"):
        _build(tmp_path / "out", tmp_path / "cache")
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.building-*"))
    assert _children() <= before  # no process of this build is left


def _children() -> set[str]:
    """This process's child processes (Linux)."""
    found = set()
    for task in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        found.update(task.read_text().split())
    return found
