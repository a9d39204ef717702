"""The <picture> element."""

from __future__ import annotations

import re

import pytest
from image_helpers import photo_like, request, save

from images import process_images, render_picture


@pytest.fixture
def image(tmp_path, settings):
    path = save(photo_like((200, 100)), tmp_path / "Φωτογραφία εργαστηρίου.png", "PNG")
    return process_images([request(path, "photo", "images/org")], settings).images[
        request(path, "photo", "images/org")
    ]


def test_picture_sources_and_fallback(image):
    html = render_picture(image, 'Volunteers at the "Γειτονιά" <kitchen> & co')
    sources = re.findall(r'<source type="([^"]+)" srcset="([^"]+)" sizes="100vw">', html)
    assert [t for t, _ in sources] == ["image/avif", "image/webp"]
    assert "/images/org/fotografia-ergastiriou-48." in sources[0][1]
    assert sources[0][1].count("w, ") == 2 and sources[0][1].endswith("160w")
    img = re.search(r"<img [^>]+>", html).group(0)
    assert 'src="/images/org/fotografia-ergastiriou-160.' in img and '.jpg"' in img
    assert 'width="160" height="80"' in img  # the largest variant's size
    assert 'alt="Volunteers at the &quot;Γειτονιά&quot; &lt;kitchen&gt; &amp; co"' in img
    assert 'loading="lazy" decoding="async"' in img and "fetchpriority" not in img
    assert html.startswith("<picture>") and html.endswith("</picture>")


def test_eager_picture(image):
    html = render_picture(
        image, "Hero", eager=True, css_class="hero", sizes="50vw", url_prefix="https://example.org/"
    )
    assert 'fetchpriority="high"' in html and "loading=" not in html
    assert 'class="hero"' in html and html.count('sizes="50vw"') == 3
    assert 'src="https://example.org/images/org/' in html


@pytest.mark.parametrize("alt", [None, "", "   "])
def test_alt_is_required(image, alt):
    with pytest.raises((TypeError, ValueError)):
        render_picture(image, alt)


def test_decorative_image_may_have_empty_alt(image):
    assert 'alt=""' in render_picture(image, "", decorative=True)


def test_picture_in_the_first_screen_is_neither_lazy_nor_prioritised(image):
    html = render_picture(image, "Card", lazy=False)
    assert "loading=" not in html and "fetchpriority" not in html
    assert 'decoding="async"' in html
