"""SVG logos: hostile parts removed, the drawing kept, served as SVG."""

from __future__ import annotations

import pytest
from image_helpers import request
from lxml import etree

from images import process_images, render_picture
from images.svg import rasterize, sanitize

HOSTILE = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY ext SYSTEM "file:///etc/passwd"><!ENTITY name "KALO">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     viewBox="0 0 200 100" onload="alert(1)" inkscape:version="1.2">
  <!-- a comment with secrets -->
  <?php echo 1; ?>
  <script>alert(document.cookie)</script>
  <script xlink:href="https://evil.example/x.js"/>
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <style>@import url(https://evil.example/a.css); rect { fill: red }</style>
  <style>.ok { fill: url(#grad) }</style>
  <defs><linearGradient id="grad"><stop offset="0" stop-color="#c33"/></linearGradient></defs>
  <foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <a href="javascript:alert(1)"><rect class="ok" width="200" height="100" onclick="steal()"/></a>
  <image href="https://evil.example/track.png" width="10" height="10"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use href="#grad"/>
  <animate attributeName="href" to="javascript:alert(1)"/>
  <set attributeName="onclick" to="alert(1)"/>
  <rect width="10" height="10" style="fill: url('https://evil.example/x')" filter="url(#f)"/>
  <text x="10" y="50">&name; &#922;&#913;&#923;&#927;</text>
</svg>"""


def test_hostile_svg_is_cleaned():
    clean = sanitize(HOSTILE)
    text = clean.data.decode()
    for bad in (
        "script",
        "alert",
        "onload",
        "onclick",
        "evil.example",
        "foreignObject",
        "javascript",
        "@import",
        "comment",
        "php",
        "metadata",
        "inkscape",
        "animate",
        "<set",
        "passwd",
        "DOCTYPE",
        "ENTITY",
    ):
        assert bad not in text, bad
    root = etree.fromstring(clean.data)
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.find(".//s:rect[@class='ok']", ns) is not None  # the link's content stays
    assert root.find(".//s:use[@href='#grad']", ns) is not None
    assert "url(#f)" in text and "url(#grad)" in text
    assert "data:image/png;base64" in text
    assert "KALO ΚΑΛΟ" in text  # internal entity resolved, text kept
    assert (clean.width, clean.height) == (200, 100)
    assert "<script>" in clean.removed and "event handlers (on…)" in clean.removed


def test_svg_logo_is_served_as_svg_with_a_warning(tmp_path, settings):
    path = tmp_path / "logo.svg"
    path.write_bytes(HOSTILE)
    result = process_images([request(path, "logo")], settings)
    image = result.images[request(path, "logo")]
    assert image.is_vector and image.formats == ("svg",)
    assert (image.width, image.height) == (96, 48)  # the role's largest width, same shape
    assert [p.severity for p in result.problems] == ["warning"]
    assert "script" in result.problems[0].message_en
    assert b"alert" not in image.fallback.cache_file.read_bytes()
    html = render_picture(image, "ΚΑΛΟ logo")
    assert html.startswith("<img ") and 'width="96" height="48"' in html
    assert process_images([request(path, "logo")], settings).encodes == 0


@pytest.mark.parametrize(
    "size_attrs, expected",
    [
        ('width="120" height="60"', (120, 60)),
        ('width="120px" height="60px" viewBox="0 0 10 5"', (120, 60)),
        ('width="100%" viewBox="0 0 300 150"', (300, 150)),
        ('viewBox="0,0,64.4,32.2"', (64, 32)),
    ],
)
def test_svg_size(size_attrs, expected):
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" {size_attrs}><rect width="1" height="1"/></svg>'
    assert (sanitize(svg.encode()).width, sanitize(svg.encode()).height) == expected


def test_rasterize_offline():
    clean = sanitize(
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10">'
        b'<rect width="20" height="10" fill="#f00"/></svg>'
    )
    png = rasterize(clean.data, 200)
    from io import BytesIO

    from PIL import Image

    im = Image.open(BytesIO(png))
    assert im.size == (200, 100)
    assert im.convert("RGBA").getpixel((100, 50)) == (255, 0, 0, 255)
