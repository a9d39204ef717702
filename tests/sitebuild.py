"""Build a site the way `make html` does, with any logged warning failing the test.

Shared by the test folders (`from sitebuild import ROOT, build_site`); tests/conftest.py
turns it into the session fixtures ``fixture_site`` and ``sample_site``.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from kalo.build import build

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "site" / "fixture"


class _WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def build_site(
    content: Path,
    orgs: Path,
    output: Path,
    settings: str = "pelicanconf.py",
    allow_warnings: bool = False,
    **extra,
) -> Path:
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


def run_python(
    arguments: list[str], env: dict | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """``python <arguments>`` in a fresh interpreter, as `make` runs it: from the project's
    root with the plugins importable (and ``env`` added); its output captured as text."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
