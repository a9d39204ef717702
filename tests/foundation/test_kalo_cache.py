"""kalo.cache: one cache folder per build, one short key per path."""

from __future__ import annotations

import os
from pathlib import Path

from kalo.cache import cache_dir, path_key


def test_the_cache_folder_is_kalo_cache_dir_when_set(tmp_path):
    settings = {"KALO_CACHE_DIR": str(tmp_path / "c"), "PATH": "/site/content"}
    assert cache_dir(settings, "seo") == tmp_path / "c" / "seo"


def test_without_kalo_cache_dir_it_is_beside_the_content_folder():
    assert cache_dir({"PATH": "/site/content"}, "build") == Path("/site/.cache/build")
    assert cache_dir({"PATH": "/site/content", "KALO_CACHE_DIR": None}, "images") == Path(
        "/site/.cache/images"
    )


def test_a_path_key_is_short_and_the_same_for_the_same_folder(tmp_path, monkeypatch):
    folder = tmp_path / "output"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    key = path_key(folder)
    assert len(key) == 16 and int(key, 16) >= 0
    assert path_key("output") == key
    assert path_key(f"output{os.sep}..{os.sep}output") == key
    assert path_key(tmp_path / "other") != key
