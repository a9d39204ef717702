"""Images written in Markdown become responsive pictures; nothing else gets through."""

from __future__ import annotations

import shutil

import yaml
from PIL import Image

from image_step.markdown import local_source, markdown_image_sources, replace_images
from sitebuild import FIXTURE, build_site


def test_only_files_of_the_folder_count(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"x")
    (tmp_path.parent / "outside.jpg").write_bytes(b"x")
    assert local_source("a.jpg", tmp_path) == (tmp_path / "a.jpg").resolve()
    for src in ("https://tracker.example/p.gif", "/a.jpg", "../outside.jpg", "missing.jpg", ""):
        assert local_source(src, tmp_path) is None, src


def test_sources_are_found_in_markdown_and_html(tmp_path):
    for name in ("a.jpg", "b.png"):
        (tmp_path / name).write_bytes(b"x")
    text = '![Η ομάδα](a.jpg)\n\n<img src="b.png" alt="b">\n\n![ξανά](a.jpg) ![](https://x.example/c.png)'
    assert markdown_image_sources(text, tmp_path) == [
        (tmp_path / "a.jpg").resolve(),
        (tmp_path / "b.png").resolve(),
    ]


def test_images_that_are_not_local_are_removed(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"x")
    html = '<p><img src="a.jpg" alt="Α"> <img src="https://tracker.example/p.gif" alt="t"></p>'
    out = replace_images(html, tmp_path, lambda path, alt: f"[{path.name}|{alt}]")
    assert out == "<p>[a.jpg|Α] </p>"


def test_markdown_photo_becomes_a_picture_without_metadata(tmp_path):
    orgs = tmp_path / "organizations"
    shutil.copytree(FIXTURE / "organizations", orgs)
    folder = orgs / "alfa-koinsep"
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    Image.new("RGB", (900, 600), (200, 120, 40)).save(folder / "kouzina.jpg", exif=exif)
    (folder / "about.el.md").write_text(
        "# Τι κάνουμε\n\n![Η κουζίνα μας](kouzina.jpg)\n\n![κρυφό](https://tracker.example/p.gif)\n",
        encoding="utf-8",
    )
    site = build_site(FIXTURE / "content", orgs, tmp_path / "output")
    page = (site / "organizations" / "alfa-koinsep" / "index.html").read_text(encoding="utf-8")
    assert "<picture>" in page and 'alt="Η κουζίνα μας"' in page
    assert "tracker.example" not in page and 'src="kouzina.jpg"' not in page
    made = list((site / "images" / "organizations" / "alfa-koinsep").glob("kouzina-*"))
    assert made and not (site / "organizations" / "alfa-koinsep" / "kouzina.jpg").exists()
    for path in made:
        assert b"PhoneMaker" not in path.read_bytes()


def test_a_markdown_photo_of_people_without_consent_is_left_out(tmp_path):
    orgs = tmp_path / "organizations"
    shutil.copytree(FIXTURE / "organizations", orgs)
    folder = orgs / "alfa-koinsep"
    Image.new("RGB", (600, 400), (10, 120, 40)).save(folder / "omada.jpg")
    profile = yaml.safe_load((folder / "profile.yaml").read_text(encoding="utf-8"))
    profile["photos"] = [{"file": "omada.jpg", "alt": {"el": "Η ομάδα"}, "shows_people": True}]
    (folder / "profile.yaml").write_text(
        yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8"
    )
    (folder / "about.el.md").write_text("![Η ομάδα](omada.jpg)\n", encoding="utf-8")
    site = build_site(FIXTURE / "content", orgs, tmp_path / "output", allow_warnings=True)
    page = (site / "organizations" / "alfa-koinsep" / "index.html").read_text(encoding="utf-8")
    assert "omada" not in page
    assert not list(site.rglob("omada*"))
