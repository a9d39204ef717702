"""The web editor at /admin/, served by nginx with the shipped configuration: it loads in
Chromium under its own Content-Security-Policy with no violation, and in Greek."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_the_editor_loads_under_its_own_policy_without_a_violation(server, browser):
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    # Nothing leaves the machine: the git host's API is not reached before signing in.
    outside: list[str] = []

    def route(request_route):
        if request_route.request.url.startswith(server.url + "/"):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    try:
        page.goto(server.url + "/admin/")
        # The sign-in page of the hosted editor (GitHub by default), in Greek.
        page.get_by_role("button", name="Σύνδεση μέσω GitHub").wait_for(timeout=30000)
    finally:
        context.close()
    violations = [m for m in messages if "Content Security Policy" in m]
    assert not violations, violations
    assert not [m for m in messages if m.startswith("pageerror")], messages
    assert outside == []
