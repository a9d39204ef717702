"""Page weight: a profile page (and the home page and a flyer) under 50 KB of HTML, CSS and
JavaScript, each gzip-compressed (level 9, as bench/build.py counts it), images apart: what
a visitor on a slow phone connection downloads before the page is usable."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urlsplit

import pytest

from organizations.urls import FACET_SEGMENTS as FACET_FOLDERS

LIMIT = 50_000
TAG = re.compile(r"<(?:link|script)\b[^>]*>")
SOURCE = re.compile(r"\b(?:href|src)=\"?([^\" >]+)")


def _assets(html: str) -> list[str]:
    """The stylesheets and scripts a page loads (minified HTML may drop the quotes)."""
    found = []
    for tag in TAG.findall(html):
        if tag.startswith("<link") and not re.search(r"rel=\"?stylesheet", tag):
            continue
        source = SOURCE.search(tag)
        if source:
            found.append(source.group(1))
    return found


def _weight(root, address: str) -> dict[str, int]:
    page = root / address.lstrip("/") / ("index.html" if address.endswith("/") else "")
    html = page.read_bytes()
    weights = {address: len(gzip.compress(html, 9))}
    for url in _assets(html.decode("utf-8")):
        path = root / urlsplit(url).path.lstrip("/")
        weights[urlsplit(url).path] = len(gzip.compress(path.read_bytes(), 9))
    return weights


@pytest.mark.parametrize("kind", ("profile", "home", "flyer"))
def test_page_weight_under_50_kb(gate_site, pages, kind):
    address = pages[f"{kind} (el)"]
    weights = _weight(gate_site.root, address)
    total = sum(weights.values())
    print(
        f"\n{address}: {total:,} bytes gzip " + ", ".join(f"{k} {v:,}" for k, v in weights.items())
    )
    assert total < LIMIT, f"{address} weighs {total:,} bytes compressed: {weights}"


def test_every_profile_is_under_50_kb(gate_site):
    """Every profile, in both languages (partners' cards make some heavier than others)."""
    heaviest = (0, "", {})
    for lang_folder in (gate_site.root, gate_site.root / "en"):
        for page in sorted((lang_folder / "organizations").glob("*/index.html")):
            if page.parent.name in FACET_FOLDERS:
                continue
            address = "/" + page.parent.relative_to(gate_site.root).as_posix() + "/"
            weights = _weight(gate_site.root, address)
            heaviest = max(heaviest, (sum(weights.values()), address, weights))
    total, address, weights = heaviest
    print(f"\nheaviest profile {address}: {total:,} bytes gzip {weights}")
    assert total < LIMIT, f"{address} weighs {total:,} bytes compressed: {weights}"
