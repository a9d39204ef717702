"""Counting and drawing, without a build: order, totals, SVG structure and colour contrast."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from pelican import signals

import figures
from figures import stats, svg
from figures.generator import FiguresGenerator
from tests.opendata.opendata_helpers import SAMPLE_ORGS, split_organizations

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def published():
    return split_organizations(SAMPLE_ORGS)[0]


def test_register_connects_the_generator():
    assert figures.HANDLERS == (("get_generators", figures.get_generators),)
    # A build earlier in the session registered it already: left as it was, since the
    # generators run in the order their plugins connected (connected again, it would run
    # last, after the generators that read its context).
    before = figures.get_generators in list(signals.get_generators.receivers_for(None))
    figures.register()
    try:
        assert figures.get_generators(None) is FiguresGenerator
    finally:
        if not before:
            signals.get_generators.disconnect(figures.get_generators)


def test_bars_sorted_by_count_then_label_in_the_language(published):
    org = published[0]
    orgs = [
        replace(org, municipality=m)
        for m in ("peristeri", "aigaleo", "ilion", "aigaleo", "agia-varvara")
    ]
    el = stats.by_facet(orgs, "municipality", "el")
    assert [(b.code, b.values) for b in el] == [
        ("aigaleo", (2,)),
        ("agia-varvara", (1,)),
        ("ilion", (1,)),
        ("peristeri", (1,)),
    ]
    en = stats.by_facet(orgs, "municipality", "en")
    assert [b.label for b in en] == ["Aigaleo", "Agia Varvara", "Ilion", "Peristeri"]


def test_totals_count_only_given_numbers(published):
    totals = stats.totals(published)
    assert totals.organizations == len(published)
    assert totals.employees == sum(o.employees or 0 for o in published)
    assert totals.employees_reported == sum(1 for o in published if o.employees is not None)
    assert totals.vulnerable_employees == sum(o.vulnerable_employees or 0 for o in published)


def test_exchange_counts_offers_and_needs(published):
    bars = {bar.code: bar.values for bar in stats.exchange(published, "en")}
    for code, (offered, needed) in bars.items():
        assert offered == sum(code in o.offers for o in published)
        assert needed == sum(code in o.needs for o in published)


def test_svg_parses_and_is_labelled(published):
    bars = stats.exchange(published, "el")
    text = svg.bar_chart(
        "chart-x", "Προσφορά & ζήτηση <test>", bars, "el", ("Προσφέρουν", "Ζητούν")
    )
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-x-title chart-x-desc"
    assert root.find(f"{SVG}title").text == "Προσφορά & ζήτηση <test>"
    desc = root.find(f"{SVG}desc").text
    assert all(bar.label in desc for bar in bars)
    assert len(root.findall(f"{SVG}rect")) == 2 + sum(1 for b in bars for v in b.values if v)


def test_empty_chart_is_still_valid():
    root = ET.fromstring(svg.bar_chart("empty", "Nothing", (), "en"))
    assert root.find(f"{SVG}title").text == "Nothing"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", [*svg.COLOURS, svg.TEXT])
def test_colours_have_aa_contrast_on_white(colour):
    ratio = (1.05) / (_luminance(colour) + 0.05)
    assert ratio >= 4.5, f"{colour}: {ratio:.2f}"


def test_workshop_counts_from_the_programme():
    from workshops.model import Workshop
    from workshops.programme import build_programme

    programme = build_programme(
        [
            Workshop("fg-1", "focus-groups", 1, "held", participants={"sse": 4, "unemployed": 2}),
            Workshop("fg-2", "focus-groups", 2, "held", participants={"sse": 3}),
            Workshop("fg-3", "focus-groups", 3, "planned", participants={"business": 9}),
            Workshop("th-1", "thematic", 1, "planned"),
        ]
    )
    series = {bar.code: bar.values for bar in stats.workshop_series(programme, "en")}
    assert series["focus-groups"] == (2, 1, 17) and series["thematic"] == (0, 1, 12)
    people = stats.people_reached(programme, "en")
    assert [(bar.code, bar.values) for bar in people] == [("sse", (7,)), ("unemployed", (2,))]
