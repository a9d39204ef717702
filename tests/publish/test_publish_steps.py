"""The publish plugin's steps as pure functions: names, references, compression, host files."""

from __future__ import annotations

import gzip
from types import SimpleNamespace

import brotli
import pytest

from publish import hostfiles
from publish.compress import brotli_bytes, gzip_bytes
from publish.fingerprint import fingerprinted_name, reference_pattern, rewrite_references
from publish.headers import ADMIN_CONTENT_SECURITY_POLICY, SECURITY_HEADERS
from publish.minify import minify_css, minify_html_text, minify_js
from publish.settings import DEFAULTS, publish_settings


def test_every_step_is_off_by_default():
    assert publish_settings({}) == DEFAULTS
    assert not any(
        DEFAULTS[key]
        for key in (
            "PUBLISH_MINIFY",
            "PUBLISH_FINGERPRINT",
            "PUBLISH_COMPRESS",
            "PUBLISH_HOST_FILES",
        )
    )


def test_fingerprinted_name_uses_eight_hex_digits_of_the_content():
    name = fingerprinted_name("theme/css/site.css", b"body{}")
    assert name.startswith("theme/css/site.") and name.endswith(".css")
    assert len(name.split(".")[1]) == 8
    assert fingerprinted_name("theme/css/site.css", b"body{}") == name
    assert fingerprinted_name("theme/css/site.css", b"body{ }") != name


@pytest.mark.parametrize(
    ("siteurl", "html", "expected"),
    [
        ("", '<link href="/theme/css/site.css">', '<link href="/theme/css/site.abcd1234.css">'),
        (
            "",
            "<link href=/theme/css/site.css rel=stylesheet>",
            "<link href=/theme/css/site.abcd1234.css rel=stylesheet>",
        ),
        (
            "https://x.org",
            '<link href="https://x.org/theme/css/site.css?v=1">',
            '<link href="https://x.org/theme/css/site.abcd1234.css?v=1">',
        ),
        # Not ours: another folder, another host, a longer name, plain text.
        ("", '<a href="/docs/theme/css/site.css">', '<a href="/docs/theme/css/site.css">'),
        (
            "https://x.org",
            '<a href="https://y.org/theme/css/site.css">',
            '<a href="https://y.org/theme/css/site.css">',
        ),
        ("", '<a href="/theme/css/site.css.map">', '<a href="/theme/css/site.css.map">'),
        ("", "see theme/css/site.css", "see theme/css/site.css"),
    ],
)
def test_references_are_rewritten_only_where_they_point_at_the_file(siteurl, html, expected):
    renamed = {"theme/css/site.css": "theme/css/site.abcd1234.css"}
    assert rewrite_references(html, renamed, reference_pattern(renamed, siteurl)) == expected


def test_compression_is_deterministic_and_reversible():
    data = "Κοινωνική και αλληλέγγυα οικονομία. ".encode() * 50
    assert gzip_bytes(data) == gzip_bytes(data)
    assert gzip_bytes(data)[4:8] == b"\0\0\0\0"  # mtime 0
    assert gzip.decompress(gzip_bytes(data)) == data
    assert brotli.decompress(brotli_bytes(data)) == data


def test_minified_html_keeps_what_the_html_checker_needs():
    html = (
        '<!doctype html>\n<html lang="el">\n<head>\n<title> Α </title>\n</head>\n'
        "<body>\n<p>κείμενο</p>\n</body>\n</html>\n"
    )
    out = minify_html_text(html)
    assert out.startswith("<!doctype html><html lang=el><head>")
    assert "</p>" in out and "</body>" in out


def test_css_and_js_are_minified_without_their_wrapper():
    assert minify_css("a {\n  color : red ;\n}\n") == "a{color:red}"
    assert "<script>" not in minify_js("document.title = 'x' ;\n")


def test_host_files_list_withdrawn_addresses_in_both_languages():
    context = {
        "organizations": SimpleNamespace(
            withdrawn=[SimpleNamespace(slug="beta"), SimpleNamespace(slug="alfa")]
        )
    }
    slugs = hostfiles.withdrawn_slugs(context)
    assert slugs == ["alfa", "beta"]
    gone = hostfiles.gone_map(slugs)
    for address in (
        "/organizations/alfa/ 1;",
        "/en/organizations/beta/index.html 1;",
        "/organizations/beta 1;",
    ):
        assert address in gone
    redirects = hostfiles.redirects(slugs)
    assert "/en/organizations/alfa/*  /en/organizations/alfa/index.html  410!" in redirects
    assert "/en/*  /en/404.html  404" in redirects
    assert hostfiles.withdrawn_slugs({}) == []


def test_headers_file_has_security_headers_and_immutable_assets():
    text = hostfiles.headers(
        ["theme/css/site.abcd1234.css"], ["index.html", "en", "admin", "theme"]
    )
    for name, value in SECURITY_HEADERS.items():
        assert f"  {name}: {value}" in text
    assert (
        "/theme/css/site.abcd1234.css\n  Cache-Control: public, max-age=31536000, immutable" in text
    )
    # The strict policy for every address but /admin/, which has its own, alone: no rule of
    # the site matches /admin/ (the hosts would join the two policies).
    site_rules, admin_rule = text.split("\n/admin/*\n")
    assert "'unsafe-inline'" not in site_rules and "'unsafe-eval'" not in site_rules
    assert (
        "\n/*\n" not in site_rules and "\n/en/*\n" in site_rules and "\n/index.html\n" in site_rules
    )
    assert f"  Content-Security-Policy: {ADMIN_CONTENT_SECURITY_POLICY}" in admin_rule
