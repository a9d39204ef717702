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
