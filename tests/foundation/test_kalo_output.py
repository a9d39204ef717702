"""kalo.output: what a build keeps of the output folder it updates in place."""

from __future__ import annotations

from kalo.output import Output


def _output(tmp_path, files: dict[str, str]) -> Output:
    previous = {"files": files, "digests": {rel: b"digest of " + rel.encode() for rel in files}}
    return Output(tmp_path / "staging", tmp_path / "output", previous, incremental=True)


def test_many_files_are_kept_at_once_when_each_is_as_the_last_build_made_it(tmp_path):
    output = _output(tmp_path, {"a.avif": "t1", "b.avif": "t2", "page.html": "t3"})
    assert output.keep_all({"a.avif": "t1", "b.avif": "t2"})
    assert output.kept == {"a.avif": "t1", "b.avif": "t2"}
    assert output.digests == {"a.avif": b"digest of a.avif", "b.avif": b"digest of b.avif"}


def test_none_is_kept_at_once_when_one_file_differs_is_missing_or_was_handled(tmp_path):
    output = _output(tmp_path, {"a.avif": "t1", "b.avif": "t2"})
    assert not output.keep_all({"a.avif": "t1", "b.avif": "another token"})
    assert not output.keep_all({"a.avif": "t1", "c.avif": "t3"})
    output.wrote("b.avif", "t2")  # made again in this build
    assert not output.keep_all({"a.avif": "t1", "b.avif": "t2"})
    assert output.kept == {}
    fresh = Output(tmp_path / "staging", tmp_path / "output", None, incremental=True)
    assert not fresh.keep_all({"a.avif": "t1"})
