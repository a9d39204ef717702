"""Session fixtures: the sample site and the tiny fixture site, each built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import FIXTURE, ROOT, build_site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site of the repository, built once per test session."""
    output = tmp_path_factory.mktemp("sample") / "output"
    return build_site(ROOT / "content", ROOT / "organizations", output)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The tiny fixture site under tests/site/fixture, built once per test session."""
    output = tmp_path_factory.mktemp("fixture") / "output"
    return build_site(FIXTURE / "content", FIXTURE / "organizations", output)
