"""kalo.pages.PageContext: what content_written's listeners read of a page and the build."""

from __future__ import annotations

import pytest

from kalo.pages import PageContext


def test_a_pages_values_come_before_the_builds_and_the_rest_is_the_builds():
    build = {"SITEURL": "https://example.org", "lang": "el", "page": None}
    context = PageContext({"lang": "en", "page_url": "en/x/"}, build)
    assert context["lang"] == "en" and context.get("lang") == "en"
    assert context["SITEURL"] == "https://example.org"
    assert context.get("page") is None and "page" in context
    assert context.get("missing") is None and context.get("missing", 3) == 3
    assert "missing" not in context
    with pytest.raises(KeyError):
        context["missing"]
    assert list(context) == ["lang", "page_url", "SITEURL", "page"]
    assert len(context) == 4
    assert dict(context) == {**build, "lang": "en", "page_url": "en/x/"}
