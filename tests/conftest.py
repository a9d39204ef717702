"""Shared test helpers: build a site the way `make html` does, with warnings as errors."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kalo.build import build

ROOT = Path(__file__).resolve().parents[1]


class _WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def build_site(content: Path, orgs: Path, output: Path, settings: str = "pelicanconf.py",
               allow_warnings: bool = False, **extra) -> Path:
    """Build like `make html`; any warning logged during the build fails the test."""
    collector = _WarningCollector()
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    try:
        build(ROOT / settings, content, orgs, output, extra=extra or None)
    finally:
        root_logger.removeHandler(collector)
    if not allow_warnings:
        messages = [record.getMessage() for record in collector.records]
        assert not messages, f"the build logged warnings: {messages}"
    return output


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site of the repository, built once per test session."""
    output = tmp_path_factory.mktemp("sample") / "output"
    return build_site(ROOT / "content", ROOT / "organizations", output)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The tiny fixture site under tests/site/fixture, built once per test session."""
    output = tmp_path_factory.mktemp("fixture") / "output"
    fixture = ROOT / "tests" / "site" / "fixture"
    return build_site(fixture / "content", fixture / "organizations", output)
