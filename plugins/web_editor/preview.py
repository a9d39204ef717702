"""How the live preview (``make devserver``, ``make edit``) answers: with the site's own
Content Security Policy, so that what breaks under it on the published site breaks in the
preview too. The editor's pages (``/admin/``) get none: their policy names the local
backend's port, which ``make edit`` chooses."""

from __future__ import annotations

from publish.headers import ADMIN_PATH, CONTENT_SECURITY_POLICY


def preview_headers(path: str) -> dict[str, str]:
    if path.startswith(ADMIN_PATH):
        return {}
    return {"Content-Security-Policy": CONTENT_SECURITY_POLICY}


def declare_preview_headers(pelican) -> None:
    """Pelican's ``initialized``: the preview reads the headers from the settings."""
    from kalo.live import PREVIEW_HEADERS

    pelican.settings[PREVIEW_HEADERS] = preview_headers
