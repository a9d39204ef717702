"""QR codes as inline SVG, made at build time with segno (no network, no image file).

The SVG has no size of its own (the stylesheet gives it one), black modules on a white
quiet zone of four modules whatever the colour scheme, and an accessible name.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from markupsafe import Markup

# Medium error correction: still readable with a crease or a smudge on a printed flyer.
ERROR_LEVEL = "m"


@lru_cache(maxsize=4096)
def qr_svg(data: str) -> str:
    """The QR code of ``data`` as an ``<svg>`` element (a string)."""
    import segno

    code = segno.make_qr(data, error=ERROR_LEVEL)
    return code.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="qr",
        lineclass=None,
    )


def qr_code(data: str, label: str) -> Markup:
    """The QR code of ``data`` for a template, named ``label`` for screen readers."""
    svg = qr_svg(data)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
