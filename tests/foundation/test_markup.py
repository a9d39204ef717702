"""Content HTML is safe, and typography is right for each language."""

import pytest

from kalo.markup import greek_quotes, render_markdown, sanitize

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name=a></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<div onclick="alert(1)">x</div>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onclick",
    "javascript:",
    "<iframe",
    "<form",
    "<input",
    "<object",
    "<embed",
    "style=",
    "<svg",
    "<meta",
    "<base",
    "<link",
    "<style",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("lang", ["el", "en"])
def test_no_active_content_survives(payload, lang):
    html = render_markdown(f"Κείμενο\n\n{payload}\n\nτέλος", lang).lower()
    for needle in FORBIDDEN:
        assert needle not in html, (payload, html)


def test_ordinary_markdown_survives():
    html = sanitize('<p><a href="https://example.org">x</a> <strong>b</strong></p>')
    assert html == '<p><a href="https://example.org">x</a> <strong>b</strong></p>'


def test_greek_gets_guillemets_and_keeps_code():
    html = render_markdown('Το «ΚΟΙΝΩΝΩ» και το "δίκτυο" με `"κώδικα"`', "el")
    assert "«ΚΟΙΝΩΝΩ»" in html and "«δίκτυο»" in html
    assert '"κώδικα"' in html or "&quot;κώδικα&quot;" in html
    assert "“" not in html


def test_english_gets_smart_quotes_not_guillemets():
    html = render_markdown('The "network" -- ours', "en")
    assert "“network”" in html and "«" not in html


def test_headings_start_at_h2_with_greek_ids():
    html = render_markdown("# Οι στόχοι\n\nκείμενο", "el")
    assert '<h2 id="oi-stochoi">Οι στόχοι</h2>' in html


@pytest.mark.parametrize("text, expected", [('"α" και "β"', "«α» και «β»"), ('("α")', "(«α»)")])
def test_greek_quotes_pairs(text, expected):
    assert greek_quotes(text) == expected
