"""Page weight: a profile page (and the home page and a flyer) under 50 KB of HTML, CSS and
JavaScript, each gzip-compressed (level 9, as bench/build.py counts it), images apart: what
a visitor on a slow phone connection downloads before the page is usable."""

from __future__ import annotations

import gzip
import re
from urllib.parse import urlsplit

import pytest

LIMIT = 50_000
ASSET = re.compile(r"<(?:link[^>]*rel=\"?stylesheet\"?[^>]*href|script[^>]*src)=\"?([^\" >]+)")


def _weight(root, address: str) -> dict[str, int]:
    page = root / address.lstrip("/") / ("index.html" if address.endswith("/") else "")
    html = page.read_bytes()
    weights = {address: len(gzip.compress(html, 9))}
    for url in ASSET.findall(html.decode("utf-8")):
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
