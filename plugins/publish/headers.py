"""The HTTP headers the site is served with: one source for every host.

deploy/nginx/observatory-site.conf repeats these values (nginx cannot read Python); the
gate tests/gates/test_headers.py checks that nginx really sends exactly these.
"""

from __future__ import annotations

# The theme has no inline scripts, no event-handler attributes and no style attributes;
# keep it that way. OSM tiles are loaded by the map only after a click. Pagefind's search
# runs WebAssembly, which browsers allow only with 'wasm-unsafe-eval' (eval() stays blocked).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data: https://*.tile.openstreetmap.org",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# The web editor (/admin/, Decap CMS) is a single-page application from npm that needs
# eval (its form validation compiles schemas) and inline styles (CSS-in-JS), and talks to
# the git host's API or, in `make edit`, to the local backend on 127.0.0.1. Only /admin/
# gets this policy; every other address keeps the strict one above.
ADMIN_PATH = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com "
        "https://*.githubusercontent.com https://gitlab.com https://secure.gravatar.com",
        "font-src 'self' data:",
        "connect-src 'self' blob: https://api.github.com https://gitlab.com "
        "http://127.0.0.1:8081 http://localhost:8081",
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def content_security_policy(path: str) -> str:
    """The policy an address is served with."""
    return ADMIN_CONTENT_SECURITY_POLICY if path.startswith(ADMIN_PATH) else CONTENT_SECURITY_POLICY


SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
}

# Cache-Control: fingerprinted files never change; everything else is checked again soon.
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_SHORT = "public, max-age=600"
