"""The flyers printed by Chromium: exactly one A4 page, and a QR code that reads back as
the absolute address of the page it promotes (zbarimg, from Debian's zbar-tools)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from chromium_setup import IN_CI

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LONG_NAME = (
    "koinoniki-synetairistiki-epicheirisi-syllogikis-kai-koinonikis-ofeleias-gia-tin-proothisi-"
    "tis-kyklikis-oikonomias-tis-epanachrisis-kai-tis-episkevis-sto-aigaleo"
)
# A logo and a photo; no logo (monogram); the longest name; a series with a planned session.
ORGANIZATION_FLYERS = ("gefseis-tis-geitonias-koinsep", "isozygio-koinsep", LONG_NAME)
SERIES_FLYERS = ("promotion", "thematic")
A4_POINTS = (595, 842)  # 210 × 297 mm


def _zbarimg() -> str:
    found = shutil.which("zbarimg")
    if found is None:
        message = "zbarimg is missing: apt-get install zbar-tools (make system-deps)"
        if IN_CI:
            pytest.fail(f"CI=true and {message}", pytrace=False)
        pytest.skip(message)
    return found


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size (points) of every page of a PDF written by Chromium (Skia)."""
    count = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert count, "no page found in the PDF"
    return [(float(w), float(h)) for w, h in boxes[:count]] or [(0.0, 0.0)] * count


def _canonical(page) -> str:
    return page.locator("link[rel=canonical]").get_attribute("href")


def _flyers(site_url):
    for prefix in ("", "en/"):
        for slug in ORGANIZATION_FLYERS:
            yield (
                f"{site_url}/{prefix}organizations/{slug}/flyer/",
                f"{site_url}/{prefix}organizations/{slug}/",
            )
        for code in SERIES_FLYERS:
            yield f"{site_url}/{prefix}workshops/series/{code}/flyer/", None


@pytest.mark.parametrize("which", range(2 * (len(ORGANIZATION_FLYERS) + len(SERIES_FLYERS))))
def test_flyer_prints_on_one_a4_page_and_its_qr_code_leads_to_the_page(
    browser, site_url, tmp_path, which
):
    zbarimg = _zbarimg()
    flyer, profile = list(_flyers(site_url))[which]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        expected = None
        if profile is not None:
            page.goto(profile)
            expected = _canonical(page)
            assert page.locator(f"a[href$='{flyer.removeprefix(site_url)}']").count() == 1
        page.goto(flyer, wait_until="load")
        content = page.content()
        assert '<meta name="robots" content="noindex">' in content
        pdf = page.pdf(format="A4", print_background=True)
        pages = _pages(pdf)
        assert len(pages) == 1, f"{flyer}: {len(pages)} pages"
        width, height = pages[0]
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, pages
        (tmp_path / "flyer.pdf").write_bytes(pdf)

        qr = page.locator("svg.qr")
        qr.scroll_into_view_if_needed()
        png = tmp_path / "qr.png"
        png.write_bytes(qr.screenshot())
        read = subprocess.run(
            [zbarimg, "--raw", "-q", str(png)], capture_output=True, text=True, timeout=60
        )
        assert read.returncode == 0, f"{flyer}: the QR code could not be read {read.stderr}"
        decoded = read.stdout.strip()
        if expected is not None:
            assert decoded == expected, (decoded, expected)
        else:  # a series flyer: the next session's page, or the series' page
            assert re.match(r"^http://localhost:8000/(en/)?workshops/[a-z0-9-/]+/$", decoded)
            assert decoded in content
    finally:
        context.close()
