"""axe-core in Chromium: zero violations on every page type, both languages, 375 and 1280 px."""

from __future__ import annotations

import pytest
from gate_tools import AXE_JS, need_file

WIDTHS = (375, 1280)
PAGE_KINDS = ("home", "directory", "facet", "profile", "flyer", "workshop", "static page", "404")


@pytest.fixture(scope="module")
def axe_source() -> str:
    return need_file(AXE_JS, "axe-core (npm)", "node-deps").read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ("el", "en"))
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_axe_violations(server, gate_site, pages, browser, axe_source, kind, lang, width):
    address = pages.get(f"{kind} ({lang})")
    if address is None:
        # The sample site has workshops; a site checked with `make audit` may have none.
        assert kind == "workshop" and not gate_site.built_here, f"no {kind} page in {lang}"
        pytest.skip("the site has no workshop page")
    # axe is injected as a script element: the page's CSP would block it (and should).
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(server.url + address, wait_until="load")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    violations = result["violations"]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}× e.g. "
        f"{v['nodes'][0]['target']}: {_last_line(v['nodes'][0].get('failureSummary'))}"
        for v in violations
    )
    assert not violations, f"{address} at {width}px: {len(violations)} axe violations\n{report}"


def _last_line(text: str | None) -> str:
    return text.splitlines()[-1] if text else ""
