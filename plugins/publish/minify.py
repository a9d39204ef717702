"""Minify HTML, CSS and JavaScript with minify-html (Rust, deterministic)."""

from __future__ import annotations

# Conservative options: the output stays valid HTML for the Nu checker (closing tags, <html>
# and <head> start tags and spaces between attributes kept; no non-compliant shortcuts).
HTML_OPTIONS = {
    "minify_css": True,
    "minify_js": True,
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
    "keep_comments": False,
}


def _minify(code: str, **options) -> str:
    import minify_html  # only production builds need it

    return minify_html.minify(code, **options)


def minify_html_text(text: str) -> str:
    return _minify(text, **HTML_OPTIONS)


def _minify_element(text: str, tag: str, option: str) -> str:
    """minify-html minifies CSS and JS only inside <style>/<script>; wrap, minify, unwrap."""
    start, end = f"<{tag}>", f"</{tag}>"
    if end in text:  # cannot be wrapped safely; leave it as it is
        return text
    out = _minify(f"{start}{text}{end}", **{option: True})
    if not (out.startswith(start) and out.endswith(end)):
        return text
    return out[len(start) : -len(end)]


def minify_css(text: str) -> str:
    return _minify_element(text, "style", "minify_css")


def minify_js(text: str) -> str:
    return _minify_element(text, "script", "minify_js")
