"""The showcase pages in real Chromium at 375 and 1280 px, in both languages (issue 17).

For each page: the document never scrolls sideways, no text is clipped in its box or pushed
out of the window, every image has its size before it arrives and nothing moves while the
page and its lazy images load (no layout shift at all), a long name in the map's list stays
whole in its column. A full-page screenshot of each is kept in test-artifacts/screenshots/
(git-ignored) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDTHS = (375, 1280)
PAGES = {
    "home": "",
    "directory": "organizations/",
    "facet": "organizations/sector/food/",
    "profile-with-photos": "organizations/gefseis-tis-geitonias-koinsep/",
    "profile-without-logo": "organizations/anoichti-agkalia-amke/",
    "profile-long-name": (
        "organizations/koinoniki-synetairistiki-epicheirisi-syllogikis-kai-koinonikis-ofeleias-"
        "gia-tin-proothisi-tis-kyklikis-oikonomias-tis-epanachrisis-kai-tis-episkevis-sto-aigaleo/"
    ),
    "map": "map/",
    "workshop": "workshops/thematic-01/",
    "programme": "workshops/",
    "figures": "figures/",
    "flyer": "organizations/gefseis-tis-geitonias-koinsep/flyer/",
    "series-flyer": "workshops/series/promotion/flyer/",
}

# Every layout shift, from the first paint on (installed before any of the page's code).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shifts.push({
      value: entry.value,
      nodes: (entry.sources || []).map((s) => s.node
        ? `${s.node.nodeName}.${s.node.className || ''} ${(s.node.textContent || '').slice(0, 40)}`
        : '?'),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# Scroll to the bottom step by step so that every lazy image is asked for, then back.
LOAD_EVERYTHING = """async () => {
  const step = Math.max(200, innerHeight * 0.8);
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 40));
  }
  scrollTo(0, document.documentElement.scrollHeight);
  // Every image the page shows has arrived (those never shown, e.g. in a closed
  // <details>, are not asked for: at most 5 s each).
  const pending = [...document.images].filter((img) => !img.complete);
  await Promise.all(pending.map((img) => new Promise((done) => {
    img.addEventListener('load', done, {once: true});
    img.addEventListener('error', done, {once: true});
    setTimeout(done, 5000);
  })));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  scrollTo(0, 0);
}"""

# Elements whose text is clipped by their box, or that stick out of the window. Boxes that
# scroll on purpose (wide tables, the home page's strip on a phone) are allowed to.
CLIPPED = """() => {
  const width = document.documentElement.clientWidth;
  const skip = '.visually-hidden, [hidden], .table-scroll, .strip, .skip-link, .leaflet-container';
  const clips = (value) => value === 'hidden' || value === 'clip';
  const found = [];
  const visible = (el) => {
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && r.width > 1
      && r.height > 1;
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest(skip) || !visible(el)) continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const text = el.textContent.trim().slice(0, 40);
    const label = `${el.tagName.toLowerCase()}.${el.className} "${text}"`;
    if (r.right > width + 1 || r.left < -1) {
      found.push(`outside the window (${Math.round(r.left)}..${Math.round(r.right)}): ${label}`);
    }
    if (hasText && clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(`text clipped (${el.scrollWidth} > ${el.clientWidth}): ${label}`);
    }
    if (hasText && clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      found.push(`text clipped vertically: ${label}`);
    }
  }
  return found;
}"""

# Images whose size the layout does not know before they arrive.
UNSIZED = """() => [...document.images].filter((img) => {
  const ratio = getComputedStyle(img).aspectRatio;
  const attrs = img.getAttribute('width') && img.getAttribute('height');
  return !attrs && (!ratio || ratio === 'auto');
}).map((img) => img.currentSrc || img.src)"""

# An item of a multi-column list cut across two columns has more than one box.
SPLIT_ITEMS = """() => [...document.querySelectorAll('.map-list li')]
  .filter((li) => li.getClientRects().length > 1).map((li) => li.textContent.trim())"""


@pytest.fixture(scope="module")
def shots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ("el", "en"))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_and_holds_still(browser, site_url, shots, name, lang, width):
    prefix = "" if lang == "el" else "en/"
    address = f"{site_url}/{prefix}{PAGES[name]}"
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        response = page.goto(address, wait_until="load")
        assert response.ok, f"{address}: {response.status}"
        page.evaluate(LOAD_EVERYTHING)
        page.wait_for_timeout(100)
        where = f"{name} ({lang}, {width}px)"

        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        inner_width = page.evaluate("innerWidth")
        assert scroll_width <= inner_width, f"{where}: scrolls sideways ({scroll_width}px)"
        assert page.evaluate(CLIPPED) == [], where
        assert page.evaluate(UNSIZED) == [], f"{where}: images without a reserved size"
        shifts = page.evaluate("window.__shifts")
        assert sum(s["value"] for s in shifts) == 0, f"{where}: layout shifts {shifts}"
        assert page.evaluate(SPLIT_ITEMS) == [], f"{where}: items cut across columns"
        assert not errors, f"{where}: console errors {errors}"
        page.screenshot(path=str(shots / f"{name}-{lang}-{width}.png"), full_page=True)
    finally:
        context.close()


def test_every_card_has_a_face(browser, site_url):
    """A logo or a monogram on every card of the directory, a photo where there is one."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        for prefix in ("", "en/"):
            page.goto(f"{site_url}/{prefix}organizations/")
            cards = page.locator(".org-card")
            assert cards.count() == 15
            faceless = page.evaluate(
                """() => [...document.querySelectorAll('.org-card')]
                .filter((c) => !c.querySelector('.card-head img, .card-head svg.monogram'))
                .map((c) => c.textContent.trim().slice(0, 40))"""
            )
            assert faceless == []
            assert page.locator(".org-card .card-photo img").count() >= 5
            names = page.evaluate(
                """() => [...document.querySelectorAll('svg.monogram')]
                .map((s) => s.getAttribute('aria-label'))"""
            )
            assert names and all(names), names
    finally:
        context.close()
