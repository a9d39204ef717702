"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright over the built sample site.

The site is served by a thread on 127.0.0.1 with the Content Security Policy the site will
have in production, so a script or style the policy would block fails here too. Nothing
leaves the machine: requests to OpenStreetMap's tile servers get a local blank PNG and are
recorded (``page.tile_requests``); any other outside request is aborted and recorded
(``page.outside_requests``).

Without Chromium the tests are skipped locally, and FAIL in CI (CI=true).
"""

from __future__ import annotations

import base64
import functools
import http.server
import re
import threading

import pytest

from publish.headers import CONTENT_SECURITY_POLICY

# The site's own policy, as every host config sends it (plugins/publish/headers.py).
CSP = CONTENT_SECURITY_POLICY
TILE_HOST = re.compile(r"^https?://([a-z0-9-]+\.)*tile\.openstreetmap\.org/", re.I)
# A 1×1 transparent PNG.
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="session")
def browser(chromium):
    # The one Chromium of the test session (tests/conftest.py).
    return chromium


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(sample_site):
    """The built sample site at http://127.0.0.1:<port> (no trailing slash)."""
    handler = functools.partial(_Handler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _new_page(browser, site_url, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.tile_requests = []
    page.outside_requests = []
    page.csp_errors = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(site_url + "/"):
            request_route.continue_()
        elif TILE_HOST.match(url):
            page.tile_requests.append(url)
            request_route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
        else:
            page.outside_requests.append(url)
            request_route.abort()

    context.route("**/*", route)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_errors.append(message.text)
        ),
    )
    return context, page


@pytest.fixture
def page(browser, site_url):
    context, page = _new_page(browser, site_url)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, site_url):
    context, page = _new_page(browser, site_url, java_script_enabled=False)
    yield page
    context.close()
