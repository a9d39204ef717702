"""Quality gates over a built site served by a real nginx with the shipped configuration.

By default the sample site is built with publishconf.py (minified, fingerprinted,
precompressed: what is deployed), with SITEURL pointing at the test server. `make audit
OUTPUTDIR=...` sets AUDIT_SITE to check any built site instead (AUDIT_PORT: the port its
SITEURL names, when it was built with an absolute http://127.0.0.1:<port> address).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from gate_nginx import Nginx
from gate_tools import BROTLI_MODULE, NGINX, ROOT, free_port, need

from kalo.build import build

FACET_FOLDERS = {"kind", "legal-form", "municipality", "sector", "offers", "needs"}
WORKSHOP_NON_SESSIONS = {"series", "findings", "images", "feed", "calendar"}


@dataclass(frozen=True)
class GateSite:
    root: Path
    port: int
    built_here: bool

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def gate_site(tmp_path_factory) -> GateSite:
    if os.environ.get("AUDIT_SITE"):
        root = Path(os.environ["AUDIT_SITE"]).resolve()
        assert (root / "index.html").is_file(), f"AUDIT_SITE={root} holds no built site"
        return GateSite(root, int(os.environ.get("AUDIT_PORT") or free_port()), False)
    port = free_port()
    output = tmp_path_factory.mktemp("gates") / "output"
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SITEURL", f"http://127.0.0.1:{port}")
    try:
        # Content warnings are the content tests' business; the gates judge the output.
        build(ROOT / "publishconf.py", ROOT / "content", ROOT / "organizations", output)
    finally:
        monkeypatch.undo()
    return GateSite(output, port, True)


def need_nginx() -> None:
    need(NGINX.exists(), "nginx", "system-deps")
    need(
        BROTLI_MODULE.exists(),
        "nginx's brotli module (libnginx-mod-http-brotli-static)",
        "system-deps",
    )


@pytest.fixture(scope="session")
def server(gate_site, tmp_path_factory):
    """nginx serving the gate site; stopped at the end of the session."""
    need_nginx()
    nginx = Nginx(gate_site.root, tmp_path_factory.mktemp("nginx"), gate_site.port).start()
    yield nginx
    nginx.stop()


def _noindex(page: Path) -> bool:
    return bool(re.search(r"<meta[^>]*noindex", page.read_text(encoding="utf-8")))


def _first(paths, keep=lambda path: True) -> Path | None:
    return next((path for path in sorted(paths) if keep(path)), None)


def page_types(site: Path) -> dict[str, str]:
    """One address per page type and language: {"home (el)": "/", ...}."""
    found: dict[str, str] = {}
    for lang, prefix in (("el", ""), ("en", "en/")):
        base = site / prefix
        candidates = {
            "home": base / "index.html",
            "directory": base / "organizations" / "index.html",
            "facet": _first((base / "organizations" / "sector").glob("*/index.html")),
            "profile": _first(
                (base / "organizations").glob("*/index.html"),
                lambda p: p.parent.name not in FACET_FOLDERS and not _noindex(p),
            ),
            "workshop": _first(
                (base / "workshops").glob("*/index.html"),
                lambda p: p.parent.name not in WORKSHOP_NON_SESSIONS and not _noindex(p),
            ),
            "flyer": _first((base / "organizations").glob("*/flyer/index.html")),
            "static page": base / "privacy" / "index.html",
            "404": base / "404.html",
        }
        for kind, path in candidates.items():
            if path is not None and path.is_file():
                address = "/" + path.relative_to(site).as_posix()
                found[f"{kind} ({lang})"] = address.removesuffix("index.html")
    return found


@pytest.fixture(scope="session")
def pages(gate_site) -> dict[str, str]:
    found = page_types(gate_site.root)
    required = [
        f"{kind} ({lang})"
        for kind in ("home", "directory", "facet", "profile", "flyer", "static page", "404")
        for lang in ("el", "en")
    ]
    missing = [name for name in required if name not in found]
    assert not missing, f"the site has no page of these types: {missing}"
    return found


@pytest.fixture(scope="session")
def browser(chromium):
    # The one Chromium of the test session (tests/conftest.py).
    return chromium
