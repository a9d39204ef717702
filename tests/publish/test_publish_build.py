"""Production builds (publishconf.py) of the sample site: complete, deterministic, atomic."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kalo.problems import ContentErrors
from sitebuild import ROOT, build_site

pytestmark = pytest.mark.slow
SITEURL = "https://kalo-west-athens.example.org"


def _publish(
    output: Path, monkeypatch, content: Path = ROOT / "content", orgs: Path = ROOT / "organizations"
) -> Path:
    monkeypatch.setenv("SITEURL", SITEURL)
    # Content warnings (e.g. a photo left out) are other tests' business; this is about output.
    return build_site(content, orgs, output, settings="publishconf.py", allow_warnings=True)


def _tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def published_twice(tmp_path_factory) -> tuple[Path, Path]:
    monkeypatch = pytest.MonkeyPatch()
    try:
        first = _publish(tmp_path_factory.mktemp("publish-a") / "output", monkeypatch)
        second = _publish(tmp_path_factory.mktemp("publish-b") / "output", monkeypatch)
    finally:
        monkeypatch.undo()
    return first, second


def test_the_same_input_gives_byte_identical_output(published_twice):
    first, second = published_twice
    a, b = _tree(first), _tree(second)
    assert sorted(a) == sorted(b), f"different files: {sorted(set(a) ^ set(b))[:20]}"
    differing = [name for name in a if a[name] != b[name]]
    assert not differing, f"files differ between two builds: {differing[:20]}"


def test_theme_assets_are_fingerprinted_and_every_reference_rewritten(published_twice):
    site = published_twice[0]
    css = sorted((site / "theme" / "css").glob("site.*.css"))
    assert [p.name for p in css if len(p.name.split(".")) == 3], "no fingerprinted site.css"
    assert not (site / "theme" / "css" / "site.css").exists()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "/theme/css/site.css" not in text, page
        assert "/theme/js/email.js" not in text, page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"{SITEURL}/theme/css/{css[0].name}" in home or f"/theme/css/{css[0].name}" in home


def test_html_is_minified_and_text_files_precompressed(published_twice):
    site = published_twice[0]
    home = (site / "index.html").read_bytes()
    assert b"\n<" not in home[:2000], "the home page is not minified"
    assert (site / "index.html.gz").exists() and (site / "index.html.br").exists()
    for css in (site / "theme" / "css").glob("*.css"):
        assert Path(f"{css}.gz").exists()


def test_host_files_are_written(published_twice):
    site = published_twice[0]
    for name in ("_headers", "_redirects", "_gone.map"):
        assert (site / name).is_file(), name
    assert "Content-Security-Policy" in (site / "_headers").read_text()


def test_html_builds_are_not_post_processed(sample_site):
    assert (sample_site / "theme" / "css" / "site.css").is_file()
    assert not (sample_site / "_headers").exists()
    assert not list(sample_site.rglob("*.gz"))


@pytest.fixture
def previous_site(tmp_path, monkeypatch) -> tuple[Path, dict[str, str]]:
    fixture = ROOT / "tests" / "site" / "fixture"
    output = _publish(
        tmp_path / "output", monkeypatch, fixture / "content", fixture / "organizations"
    )
    return output, _tree(output)


def test_a_build_failing_in_a_generator_leaves_the_previous_output_untouched(
    previous_site, monkeypatch
):
    output, before = previous_site
    from organizations.generator import OrganizationsGenerator

    def broken(self, writer):
        raise RuntimeError("disk full, halfway through")

    monkeypatch.setattr(OrganizationsGenerator, "generate_output", broken)
    fixture = ROOT / "tests" / "site" / "fixture"
    with pytest.raises(RuntimeError, match="halfway"):
        _publish(output, monkeypatch, fixture / "content", fixture / "organizations")
    assert _tree(output) == before
    assert not [p for p in output.parent.iterdir() if p.name.startswith(".output.")], (
        "staging left behind"
    )


def test_a_build_failing_in_post_processing_leaves_the_previous_output_untouched(
    previous_site, monkeypatch
):
    output, before = previous_site
    import publish

    def broken(path):
        raise OSError("no space left on device")

    monkeypatch.setattr(publish, "compress_file", broken, raising=True)
    fixture = ROOT / "tests" / "site" / "fixture"
    with pytest.raises(OSError, match="no space"):
        _publish(output, monkeypatch, fixture / "content", fixture / "organizations")
    assert _tree(output) == before


def test_a_content_error_leaves_the_previous_output_untouched(previous_site, monkeypatch, tmp_path):
    output, before = previous_site
    fixture = ROOT / "tests" / "site" / "fixture"
    import shutil

    orgs = tmp_path / "orgs"
    shutil.copytree(fixture / "organizations", orgs)
    profile = next(orgs.glob("*/profile.yaml"))
    profile.write_text(
        profile.read_text(encoding="utf-8") + "\nunknown_field: 1\n", encoding="utf-8"
    )
    with pytest.raises(ContentErrors):
        _publish(output, monkeypatch, fixture / "content", orgs)
    assert _tree(output) == before
