"""nginx with the shipped config: security headers, caching, compression, 404 and 410."""

from __future__ import annotations

import shutil

import pytest
from gate_nginx import Nginx, fetch
from gate_tools import ROOT, free_port

from publish.headers import (
    ADMIN_CONTENT_SECURITY_POLICY,
    CACHE_IMMUTABLE,
    CACHE_SHORT,
    CONTENT_SECURITY_POLICY,
    SECURITY_HEADERS,
)


def _pages_and_assets(server, pages) -> list[str]:
    css = sorted((server.site / "theme" / "css").glob("*.css"))
    return [*pages.values(), "/" + css[0].relative_to(server.site).as_posix()]


def test_every_answer_carries_the_security_headers(server, pages):
    for address in [*_pages_and_assets(server, pages), "/no-such-page/", "/en/no-such-page/"]:
        answer = fetch(server.url + address)
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers.get(name.lower()) == value, (
                f"{address}: {name} is {answer.headers.get(name.lower())!r}"
            )
        assert "server" not in answer.headers or "/" not in answer.headers["server"], (
            "nginx version shown"
        )


def test_the_csp_allows_no_inline_script():
    script_src = next(
        part
        for part in SECURITY_HEADERS["Content-Security-Policy"].split("; ")
        if part.startswith("script-src")
    )
    # Only the site's own files, and WebAssembly for the search (never inline code or eval).
    assert script_src == "script-src 'self' 'wasm-unsafe-eval'"
    assert "frame-ancestors 'none'" in SECURITY_HEADERS["Content-Security-Policy"]


def test_the_nginx_config_repeats_the_headers_of_the_publish_plugin():
    conf = (ROOT / "deploy" / "nginx" / "observatory-site.conf").read_text(encoding="utf-8")
    maps = (ROOT / "deploy" / "nginx" / "observatory.conf").read_text(encoding="utf-8")
    for name, value in SECURITY_HEADERS.items():
        if name == "Content-Security-Policy":
            assert "add_header Content-Security-Policy $observatory_csp always;" in conf
            continue
        assert f'add_header {name} "{value}" always;' in conf, name
    assert f'default     "{CONTENT_SECURITY_POLICY}";' in maps
    assert f'"~^/admin/" "{ADMIN_CONTENT_SECURITY_POLICY}";' in maps


def test_only_the_web_editor_gets_its_own_policy(server):
    editor = fetch(server.url + "/admin/")
    assert editor.status == 200
    assert editor.headers["content-security-policy"] == ADMIN_CONTENT_SECURITY_POLICY
    site = fetch(server.url + "/admin-not/")
    assert site.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_fingerprinted_assets_are_immutable_and_pages_short_lived(server, pages):
    assets = [p for p in (server.site / "theme").rglob("*.*") if p.suffix in (".css", ".js")]
    if not any(len(p.name.split(".")) == 3 for p in assets):
        pytest.skip("not a publish build: no fingerprinted assets")
    for asset in assets:
        answer = fetch(f"{server.url}/{asset.relative_to(server.site).as_posix()}")
        assert answer.status == 200
        assert answer.headers["cache-control"] == CACHE_IMMUTABLE, asset.name
    for address in pages.values():
        answer = fetch(server.url + address)
        assert answer.headers["cache-control"] == CACHE_SHORT, address


@pytest.mark.parametrize(
    ("accept", "encoding"), [("br", "br"), ("gzip", "gzip"), ("br, gzip", "br")]
)
def test_precompressed_copies_are_sent(server, accept, encoding):
    if not (server.site / "index.html.gz").exists():
        pytest.skip("not a publish build: no precompressed copies")
    answer = fetch(server.url + "/", Accept_Encoding=accept)
    assert answer.status == 200
    assert answer.headers.get("content-encoding") == encoding
    assert "Accept-Encoding" in answer.headers.get("vary", "")


@pytest.mark.parametrize(
    ("address", "lang"),
    [
        ("/no-such-page/", "el"),
        ("/en/no-such-page/", "en"),
        ("/organizations/no-such-org/", "el"),
        ("/en/organizations/no-such-org/", "en"),
    ],
)
def test_missing_pages_answer_404_in_their_language(server, address, lang):
    answer = fetch(server.url + address)
    assert answer.status == 404
    assert f"<html lang={lang}" in answer.text.replace('"', ""), answer.text[:200]


def test_withdrawn_organizations_answer_410_with_the_removal_page(server):
    gone_map = server.site / "_gone.map"
    if not gone_map.exists():
        pytest.skip("not a publish build: no _gone.map")
    addresses = [
        line.split()[0]
        for line in gone_map.read_text().splitlines()
        if line and not line.startswith("#")
    ]
    if server.site.name == "output" and not addresses:
        pytest.fail("the sample site should have a withdrawn organization to check")
    for address in addresses:
        answer = fetch(server.url + address)
        assert answer.status == 410, f"{address} answered {answer.status}"
        assert "noindex" in answer.text, f"{address}: not the removal page"
        assert answer.headers.get("content-security-policy"), address


def test_host_files_are_not_served(server):
    for name in ("_headers", "_redirects", "_gone.map"):
        assert fetch(f"{server.url}/{name}").status == 404


def test_directories_redirect_relatively(server, pages):
    address = pages["directory (el)"].rstrip("/")
    answer = fetch(server.url + address)
    assert answer.status == 301
    assert answer.headers["location"] == address + "/"


PROBE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CSP probe</title></head>
<body><p>probe</p>
<script>window.inlineScriptRan = true; document.title = "inline script ran";</script>
<img src="x.png" onerror="window.handlerRan = true" alt="">
</body></html>
"""


@pytest.mark.browser
def test_the_csp_blocks_an_injected_inline_script(server, browser, tmp_path):
    """A copy of the site with a test-only page holding an inline script and an event handler."""
    site = tmp_path / "site"
    shutil.copytree(server.site, site, symlinks=True)
    (site / "csp-probe.html").write_text(PROBE, encoding="utf-8")
    probe_server = Nginx(site, tmp_path / "nginx", free_port()).start()
    try:
        page = browser.new_page()
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            " e => (window.cspViolations = window.cspViolations || []).push(e.effectiveDirective));"
        )
        page.goto(probe_server.url + "/csp-probe.html", wait_until="load")
        assert page.evaluate("window.inlineScriptRan") is None, "the inline script ran"
        assert page.evaluate("window.handlerRan") is None, "the event handler ran"
        assert page.title() == "CSP probe"
        violations = page.evaluate("window.cspViolations || []")
        assert any(v.startswith("script-src") for v in violations), violations
        page.close()
    finally:
        probe_server.stop()
