"""The gates' tools: where they are, and what happens when one is missing.

In CI (CI=true) a missing tool fails the test with a clear message: no gate is ever
skipped there. Locally the test is skipped, naming the make target that installs the tool.
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from chromium_setup import CHROMIUM, CHROMIUM_ARGS, IN_CI  # noqa: F401  (shared with tests/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE_CLI = NODE_MODULES / "lighthouse" / "cli" / "index.js"
NGINX = Path(shutil.which("nginx") or "/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

CHROME_FLAGS = CHROMIUM_ARGS


def need(ok: bool, what: str, make_target: str) -> None:
    """Fail (CI) or skip (local) when a tool is missing."""
    if ok:
        return
    message = f"{what} is missing; install it with `make {make_target}`"
    if IN_CI:
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


def need_file(path: Path, what: str, make_target: str) -> Path:
    need(path.exists(), f"{what} ({path})", make_target)
    return path


def need_program(name: str, make_target: str) -> str:
    found = shutil.which(name)
    need(found is not None, f"the program `{name}`", make_target)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
