"""kalo knows no plugin: what the incremental build must fingerprint, and whether it may
reuse pages, is declared by the plugin that needs it when Pelican registers it."""

from __future__ import annotations

import ast
import importlib
import shutil
from pathlib import Path
from types import SimpleNamespace

from kalo import incremental
from kalo.build import build
from sitebuild import FIXTURE, ROOT

PLUGINS = ROOT / "plugins"
# Moving out of kalo in another change of issue #15 (the command line and its checks).
LEAVING_KALO = {"cli.py", "checks.py"}


def _imported_packages(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_kalo_imports_no_plugin():
    plugins = {p.name for p in PLUGINS.iterdir() if (p / "__init__.py").exists()} - {"kalo"}
    found = {
        path.name: sorted(_imported_packages(path) & plugins)
        for path in sorted((PLUGINS / "kalo").glob("*.py"))
        if path.name not in LEAVING_KALO
    }
    assert {name: used for name, used in found.items() if used} == {}


def _pelican(settings: dict) -> SimpleNamespace:
    return SimpleNamespace(settings=settings)


def test_the_map_declares_leaflets_files_once():
    map_plugin = importlib.import_module("map")
    settings = {"MAP_LEAFLET_DIST": "/somewhere/leaflet/dist"}
    map_plugin.declare_inputs(_pelican(settings))
    map_plugin.declare_inputs(_pelican(settings))
    assert settings[incremental.INPUT_PATHS] == ["/somewhere/leaflet/dist"]
    off = {"MAP_ENABLED": False}
    map_plugin.declare_inputs(_pelican(off))
    assert incremental.INPUT_PATHS not in off


def _output(settings: dict, tmp_path):
    from kalo import output

    settings = {"PATH": str(tmp_path / "content"), "KALO_CACHE_DIR": str(tmp_path), **settings}
    begun = output.begin(
        settings, tmp_path / "staging", tmp_path / "output", incremental=True, record=True
    )
    output.end(begun)
    return begun


def test_publishing_forbids_reusing_pages(tmp_path):
    publish = importlib.import_module("publish")
    settings = {"PUBLISH_MINIFY": True}
    assert _output(dict(settings), tmp_path).incremental
    publish.declare_post_processing(_pelican(settings))
    assert settings[incremental.REUSE_PAGES] is False
    written = _output(settings, tmp_path)
    assert not written.incremental and not written.fingerprints


def test_a_build_without_publishing_steps_may_reuse_pages(tmp_path):
    """Signals outlive a build: the handler also runs for an html build after a publish."""
    publish = importlib.import_module("publish")
    settings = {}  # every step off: pelicanconf
    publish.declare_post_processing(_pelican(settings))
    assert incremental.REUSE_PAGES not in settings
    assert _output(settings, tmp_path).incremental


def test_declared_inputs_are_fingerprinted_and_page_data_left_out_for_pages(tmp_path):
    settings = {"PATH": str(tmp_path / "content"), "THEME": str(tmp_path / "theme")}
    incremental.declare_input(settings, tmp_path / "vendor")
    incremental.declare_input(settings, tmp_path / "orgs", pages_describe_it=True)
    conf = tmp_path / "conf.py"
    everything = incremental.input_paths(settings, conf)
    assert tmp_path / "vendor" in everything and tmp_path / "orgs" in everything
    for_pages = incremental.input_paths(settings, conf, without_page_data=True)
    assert tmp_path / "vendor" in for_pages and tmp_path / "orgs" not in for_pages


def test_a_declared_input_that_changes_makes_the_next_build_run(tmp_path):
    leaflet = tmp_path / "leaflet"
    shutil.copytree(ROOT / "node_modules" / "leaflet" / "dist", leaflet)
    output = tmp_path / "output"

    def incremental_build() -> bool:
        return build(
            ROOT / "pelicanconf.py",
            FIXTURE / "content",
            FIXTURE / "organizations",
            output,
            extra={"MAP_LEAFLET_DIST": str(leaflet)},
            incremental_build=True,
        )

    assert incremental_build() is True
    assert incremental_build() is False  # nothing changed: nothing done
    css = leaflet / "leaflet.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* upgraded */\n", encoding="utf-8")
    assert incremental_build() is True
    assert "upgraded" in (output / "theme" / "vendor" / "leaflet" / "leaflet.css").read_text(
        encoding="utf-8"
    )
    assert incremental_build() is False
