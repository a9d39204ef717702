"""The dependency rule of docs/architecture.md: imports point down only.

    kalo_cli    the content commands (check, new-org, schema)
    plugins     organizations, workshops, site_pages, seo, images, …: use kalo, may use each other
    kalo        the shared library: imports no plugin and names none

And Pelican is loaded only where Pelican is used: ``make check`` runs without it (each
module on its own: test_pelican_imports.py).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / "plugins"
PACKAGES = sorted(p.name for p in PLUGINS.iterdir() if (p / "__init__.py").is_file())
LIBRARY = "kalo"
COMMANDS = "kalo_cli"
PLUGIN_PACKAGES = [name for name in PACKAGES if name not in (LIBRARY, COMMANDS)]


def imported_packages(path: Path) -> set[str]:
    """The top-level packages of ``plugins/`` that a module imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(PACKAGES)


def modules_of(package: str) -> list[Path]:
    return sorted((PLUGINS / package).rglob("*.py"))


def test_the_layers_are_the_packages_we_think():
    assert LIBRARY in PACKAGES and COMMANDS in PACKAGES
    assert {"organizations", "workshops", "site_pages", "seo", "images"} <= set(PLUGIN_PACKAGES)


@pytest.mark.parametrize(
    "module", modules_of(LIBRARY), ids=lambda p: p.relative_to(PLUGINS).as_posix()
)
def test_the_shared_library_imports_no_plugin(module):
    upward = imported_packages(module) - {LIBRARY}
    assert not upward, f"{module.relative_to(ROOT)} imports {sorted(upward)} (above kalo)"


@pytest.mark.parametrize(
    "module", modules_of(LIBRARY), ids=lambda p: p.relative_to(PLUGINS).as_posix()
)
def test_the_shared_library_names_no_plugin(module):
    """kalo never looks at which plugins are on (``"publish" in PLUGINS``): a plugin
    declares what kalo must know, in a setting of its own."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    strings = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert "PLUGINS" not in strings, f"{module.relative_to(ROOT)} reads PLUGINS"


@pytest.mark.parametrize(
    "module",
    [m for package in PLUGIN_PACKAGES for m in modules_of(package)],
    ids=lambda p: p.relative_to(PLUGINS).as_posix(),
)
def test_no_plugin_imports_the_commands(module):
    assert COMMANDS not in imported_packages(module)


def test_the_walk_finds_an_upward_import(tmp_path):
    """The rule's own test: an import inside a function is found too."""
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from organizations.load import load_organizations\n")
    assert imported_packages(module) == {"organizations"}


# --- Pelican only where Pelican is used ------------------------------------------------

PELICAN_FREE = """
import runpy, sys
sys.argv = {argv!r}
try:
    {run}
except SystemExit as stop:
    code = stop.code
else:
    code = 0
loaded = sorted(m for m in sys.modules if m == "pelican" or m.startswith("pelican."))
print("PELICAN-MODULES:", ",".join(loaded))
sys.exit(code or 0)
"""


def run_without_pelican(argv: list[str], run: str) -> subprocess.CompletedProcess:
    code = PELICAN_FREE.format(argv=argv, run=run)
    env = {**os.environ, "PYTHONPATH": str(PLUGINS)}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_make_check_runs_without_pelican():
    result = run_without_pelican(
        ["kalo_cli", "check", "--orgdir", "organizations", "--inputdir", "content"],
        "runpy.run_module('kalo_cli', run_name='__main__')",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "organizations checked" in result.stdout
    assert "PELICAN-MODULES: \n" in result.stdout, result.stdout.splitlines()[-1]
