"""kalo.files: a file is replaced whole or not at all, and no temporary file is left."""

from __future__ import annotations

import os
import stat

import pytest

from kalo import files
from kalo.files import replacing, write_atomic


def _names(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_write_atomic_writes_bytes_and_text_and_creates_the_folder(tmp_path):
    target = tmp_path / "new" / "folder" / "data.bin"
    write_atomic(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    write_atomic(target, "κείμενο")
    assert target.read_bytes() == "κείμενο".encode()
    assert _names(target.parent) == ["data.bin"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "cache.json"
    target.write_text("old", encoding="utf-8")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert _names(tmp_path) == ["cache.json"]


def test_a_block_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "image.webp"
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), replacing(target) as temporary:
        temporary.write_bytes(b"half of the ne")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["image.webp"]


def test_replacing_renames_what_the_block_made(tmp_path):
    source = tmp_path / "cached"
    source.write_bytes(b"cached bytes")
    target = tmp_path / "out" / "linked"
    with replacing(target) as temporary:
        assert temporary.parent == target.parent and not temporary.exists()
        os.link(source, temporary)
    assert target.read_bytes() == b"cached bytes"
    assert _names(target.parent) == ["linked"]


def test_a_hard_link_to_the_old_file_keeps_the_old_bytes(tmp_path):
    cached = tmp_path / "cache.css"
    cached.write_text("old", encoding="utf-8")
    published = tmp_path / "site.css"
    os.link(cached, published)
    write_atomic(published, "minified")
    assert published.read_text(encoding="utf-8") == "minified"
    assert cached.read_text(encoding="utf-8") == "old"


def test_mode_is_set_whatever_the_umask(tmp_path):
    old_umask = os.umask(0o077)
    try:
        write_atomic(tmp_path / "private", b"x")
        write_atomic(tmp_path / "public", b"x", mode=0o644)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "private").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "public").stat().st_mode) == 0o644
