"""Session fixtures: the sample site and the tiny fixture site, each built once; one
Chromium for every browser test (Playwright's sync API allows one instance per process)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chromium_setup import CHROMIUM, CHROMIUM_ARGS, IN_CI
from sitebuild import FIXTURE, ROOT, build_site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site of the repository, built once per test session."""
    output = tmp_path_factory.mktemp("sample") / "output"
    return build_site(ROOT / "content", ROOT / "organizations", output)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The tiny fixture site under tests/site/fixture, built once per test session (its
    home page's organizations chosen as on a fixed day, so its expected output holds)."""
    output = tmp_path_factory.mktemp("fixture") / "output"
    return build_site(
        FIXTURE / "content", FIXTURE / "organizations", output, ORG_HOME_DATE=date(2025, 1, 1)
    )


def browser_missing(message: str, target: str = "system-deps") -> None:
    """In CI a missing browser fails the test; on a volunteer's machine it is skipped."""
    if IN_CI:
        pytest.fail(
            f"{message} (CI=true: browser tests must run; `make {target}` installs it)",
            pytrace=False,
        )
    pytest.skip(f"{message}: `make {target}` installs it")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, with a fresh temporary profile."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_missing("the Python package playwright is not installed", "setup")
    if not CHROMIUM.exists():
        browser_missing(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as api:
        browser = api.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
