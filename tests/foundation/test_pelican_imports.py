"""Pelican is loaded only where Pelican is used: a plugin's ``register()`` and its generator
modules. Pure modules (the SEO analysis, the settings, the exports) load in a fraction of
the time, and tools and worker processes that use them never start Pelican.

Each check runs in a fresh interpreter: this test process has long loaded Pelican."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitebuild import ROOT


def _loads_pelican(module: str) -> bool:
    code = f"import sys, {module}; print('pelican' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
    )
    return done.stdout.strip() == "True"


def test_the_seo_analysis_does_not_load_pelican():
    assert not _loads_pelican("seo.analysis")


# Every plugin package (registering one imports it) and the pure modules beside it.
PURE = [
    "flyers",
    "kalo.schema.validate",
    "kalo.schema.editor",
    "kalo_cli.checks",
    "kalo_cli.generated",
    "organizations",
    "organizations.load",
    "organizations.schema",
    "site_pages",
    "site_pages.load",
    "web_editor",
    "web_editor.config",
    "workshops",
    "workshops.load",
    "bilingual",
    "bilingual.jinja",
    "figures",
    "figures.stats",
    "image_step",
    "images",
    "kalo.cache",
    "kalo.files",
    "kalo.incremental",
    "kalo.markup",
    "kalo.parallel",
    "kalo.settings",
    "map",
    "map.markers",
    "opendata",
    "opendata.records",
    "publish",
    "search",
    "search.indexer",
    "seo",
    "seo.analysis_step",
    "seo.report",
    "seo.settings",
]


@pytest.mark.parametrize("module", PURE)
def test_module_does_not_load_pelican(module):
    assert not _loads_pelican(module)


def test_a_generator_module_does_load_it():  # the check above can see Pelican
    assert _loads_pelican("figures.generator")
