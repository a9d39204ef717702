"""Reading the main content HTML: blocks, first paragraph, subheadings, links, images."""

from __future__ import annotations

import pytest

from seo.analysis.content import parse_html
from seo.analysis.links import link_kind


def test_blocks_links_and_images():
    content = parse_html(
        '<h2>Τίτλος</h2><p>Ένα <a href="/x/" rel="nofollow">κείμενο</a> εδώ.<br>Και άλλο'
        '<p>δεύτερο <img src="a.jpg" alt="Φωτο"><script>var x = "όχι"</script></p>'
        "<ul><li>α<li>β</ul><style>p{}</style>x &amp; y"
    )
    assert [(b.tag, b.text) for b in content.blocks] == [
        ("h2", "Τίτλος"),
        ("p", "Ένα κείμενο εδώ. Και άλλο"),
        ("p", "δεύτερο"),
        ("li", "α"),
        ("li", "β"),
        ("", "x & y"),
    ]
    assert content.first_paragraph == "Ένα κείμενο εδώ. Και άλλο"
    assert content.subheadings == ("Τίτλος",)
    (link,) = content.links
    assert (link.href, link.text, link.nofollow) == ("/x/", "κείμενο", True)
    assert [(i.src, i.alt) for i in content.images] == [("a.jpg", "Φωτο")]


def test_first_paragraph_without_p_is_the_first_non_heading_block():
    assert parse_html("<h2>Α</h2><div>Β</div>").first_paragraph == "Β"
    assert parse_html("<h2>Α</h2>").first_paragraph == ""


def test_missing_alt_is_none_and_empty_alt_is_empty():
    content = parse_html('<img src="a"><img src="b" alt="">')
    assert [i.alt for i in content.images] == [None, ""]


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("/en/workshops/", "internal"),
        ("../other/", "internal"),
        ("https://kalo.example.gr/a/", "internal"),
        ("https://WWW.kalo.example.gr/a/", "internal"),
        ("https://example.org/", "outbound"),
        ("//example.org/x", "outbound"),
        ("#section", "self"),
        ("/organoseis/x/", "self"),
        ("/organoseis/x", "self"),
        ("mailto:info@example.org", "other"),
        ("tel:+302100000000", "other"),
    ],
)
def test_link_kind(href, kind):
    assert link_kind(href, "/organoseis/x/", "kalo.example.gr") == kind
