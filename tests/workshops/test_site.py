"""The fixture site built end to end: pages in both languages, numbers, fallbacks, feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar

from tests.workshops.site_helpers import build_fixture

ATOM = "{http://www.w3.org/2005/Atom}"


def read(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_workshop_pages_exist_in_both_languages(workshop_site):
    for slug in ("focus-groups-01", "focus-groups-02", "thematic-01"):
        assert '<html lang="el">' in read(workshop_site, f"workshops/{slug}")
        assert '<html lang="en">' in read(workshop_site, f"en/workshops/{slug}")
    for address in (
        "workshops",
        "workshops/findings",
        "workshops/series/focus-groups",
        "workshops/series/promotion",
    ):
        assert (workshop_site / address / "index.html").exists()
        assert (workshop_site / "en" / address / "index.html").exists()


def test_workshop_page_shows_its_facts(workshop_site):
    greek = main_of(read(workshop_site, "workshops/focus-groups-01"))
    assert "<h1>Η χρηματοδότηση των φορέων ΚΑΛΟ</h1>" in greek
    assert "14 Μαρτίου 2025, 18:30" in greek
    assert 'datetime="2025-03-14T18:30:00+02:00"' in greek
    assert "Δημαρχείο Περιστερίου" in greek and "Περιστέρι" in greek
    assert "Οι φορείς βασίζονται σε προγράμματα" in greek
    assert "Εκπαίδευση σε χρηματοδοτικά εργαλεία" in greek
    assert "<strong>χρηματοδότηση</strong>" in greek
    assert "«εκπαίδευση»" in greek  # Greek typography through render_markdown
    english = main_of(read(workshop_site, "en/workshops/focus-groups-01"))
    assert "<h1>Funding of SSE organizations</h1>" in english
    assert "14 March 2025, 18:30" in english
    assert "Heterogeneous" in english and "Peristeri town hall" in english
    # participants by group with the total
    assert re.search(r"SSE organizations</th><td>3</td>", english)
    assert re.search(r"Total</th><td>6</td>", english)


def test_only_published_organizations_are_linked(workshop_site):
    for address in ("workshops/focus-groups-01", "en/workshops/focus-groups-01"):
        page = read(workshop_site, address)
        assert "organizations/alfa-koinsep/" in page
        assert "gamma-hidden" not in page and "Γάμμα" not in page
    for path in workshop_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".atom", ".ics", ".xml", ".json"}:
            assert "gamma-hidden" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_missing_translation_falls_back_to_greek(workshop_site):
    page = read(workshop_site, "en/workshops/focus-groups-02")
    head = page.split("</head>")[0]
    assert '<meta name="robots" content="noindex">' in head
    assert 'hreflang="en"' not in head
    assert re.search(r'hreflang="el" href="[^"]*/workshops/focus-groups-02/"', head)
    assert "has not been translated into English yet" in page
    assert '<h1 lang="el">Μάρκετινγκ φορέων ΚΑΛΟ</h1>' in page
    assert '<div lang="el"><p>Κείμενο μόνο στα ελληνικά' in page
    # the language switch still works both ways
    assert 'href="/en/workshops/focus-groups-02/"' in read(
        workshop_site, "workshops/focus-groups-02"
    )
    translated = read(workshop_site, "en/workshops/focus-groups-01").split("</head>")[0]
    assert "noindex" not in translated and 'hreflang="en"' in translated


def test_programme_numbers(workshop_site):
    page = main_of(read(workshop_site, "en/workshops"))
    assert "2 of 47 sessions held." in page
    assert '<progress max="17" value="2"' in page and "2 of 17 held" in page
    assert '<progress max="12" value="0"' in page and "0 of 12 held, 1 scheduled" in page
    assert '<progress max="8" value="0"' in page and '<progress max="10" value="0"' in page
    # planned, held, scheduled, group size, people reached
    row = re.search(r"series/focus-groups/\">Focus groups</a></th>\s*(.*?)</tr>", page, re.S).group(
        1
    )
    assert re.findall(r"<td>([^<]*)</td>", row) == ["17", "2", "0", "6", "12"]
    row = re.search(
        r"series/promotion/\">Promotion workshops</a></th>\s*(.*?)</tr>", page, re.S
    ).group(1)
    assert re.findall(r"<td>([^<]*)</td>", row) == ["10", "0", "0", "10", "0"]
    assert re.search(r"Local authorities</th><td>2</td>", page)
    assert re.search(r"SSE organizations</th><td>7</td>", page)
    # topics, upcoming
    assert "<li>Funding</li>" in page
    assert '<li lang="el">Μάρκετινγκ</li>' in page
    upcoming = page[page.index('id="upcoming-title"') :]
    assert "Funding tools" in upcoming.split("</section>")[0]
    head = read(workshop_site, "en/workshops").split("</head>")[0]
    assert re.search(
        r"<link rel=\"alternate\" type=\"application/atom\+xml\" "
        r"href=\"[^\"]*/en/workshops/feed.atom\"",
        head,
    )
    greek = main_of(read(workshop_site, "workshops"))
    assert '<progress max="17" value="2"' in greek


def test_series_page(workshop_site):
    page = main_of(read(workshop_site, "en/workshops/series/focus-groups"))
    assert "<h1>Focus groups</h1>" in page
    assert "2 of 17 sessions held, in groups of 6 people." in page
    assert "/en/workshops/focus-groups-01/" in page and "/en/workshops/focus-groups-02/" in page
    assert "thematic-01" not in page


def test_findings_page_links_each_item_to_its_session(workshop_site):
    page = main_of(read(workshop_site, "en/workshops/findings"))
    assert "Organizations rely on programmes" in page
    assert '<span lang="el">Λίγοι φορείς έχουν σχέδιο προβολής</span>' in page
    assert "Training in funding tools" in page
    assert page.count('href="/en/workshops/focus-groups-01/"') == 2
    assert page.count('href="/en/workshops/focus-groups-02/"') == 1
    greek = main_of(read(workshop_site, "workshops/findings"))
    assert "Οι φορείς βασίζονται σε προγράμματα" in greek


def test_one_h1_per_page(workshop_site):
    for path in (workshop_site / "workshops").rglob("*.html"):
        assert len(re.findall(r"<h1[ >]", path.read_text(encoding="utf-8"))) == 1, path
    for path in (workshop_site / "en" / "workshops").rglob("*.html"):
        assert len(re.findall(r"<h1[ >]", path.read_text(encoding="utf-8"))) == 1, path


def test_calendar_feed(workshop_site):
    calendar = icalendar.Calendar.from_ical((workshop_site / "workshops/calendar.ics").read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "workshop-focus-groups-01@kalo-west-athens.invalid",
        "workshop-focus-groups-02@kalo-west-athens.invalid",
        "workshop-thematic-01@kalo-west-athens.invalid",
    ]
    first = events["workshop-focus-groups-01@kalo-west-athens.invalid"]
    start = first.decoded("dtstart")
    assert start.isoformat() == "2025-03-14T18:30:00+02:00"
    assert str(first["dtstart"].params["TZID"]) == "Europe/Athens"
    assert first.decoded("dtstamp").isoformat() == "2025-03-14T00:00:00+00:00"
    all_day = events["workshop-focus-groups-02@kalo-west-athens.invalid"].decoded("dtstart")
    assert all_day.isoformat() == "2025-04-02"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Athens"]


def test_atom_feeds(workshop_site):
    greek = ET.parse(workshop_site / "workshops/feed.atom").getroot()
    english = ET.parse(workshop_site / "en/workshops/feed.atom").getroot()

    def ids(feed):
        return [e.find(f"{ATOM}id").text for e in feed.findall(f"{ATOM}entry")]

    # held sessions with text only, newest first; English only where translated
    assert ids(greek) == [
        "urn:kalo-west-athens:workshops:el:focus-groups-02",
        "urn:kalo-west-athens:workshops:el:focus-groups-01",
    ]
    assert ids(english) == ["urn:kalo-west-athens:workshops:en:focus-groups-01"]
    assert greek.find(f"{ATOM}updated").text == "2025-04-02T00:00:00+03:00"
    assert english.find(f"{ATOM}updated").text == "2025-03-14T18:30:00+02:00"
    entry = english.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "/en/workshops/focus-groups-01/"


def test_build_is_deterministic(workshop_site, tmp_path):
    again = build_fixture(tmp_path / "again")
    for folder in ("workshops", "en/workshops"):
        first = {
            p.relative_to(workshop_site): p.read_bytes()
            for p in (workshop_site / folder).rglob("*")
            if p.is_file()
        }
        second = {
            p.relative_to(again): p.read_bytes() for p in (again / folder).rglob("*") if p.is_file()
        }
        assert first.keys() == second.keys()
        for name in first:
            assert first[name] == second[name], name


def test_home_page_shows_progress_and_latest_workshops(workshop_site):
    home = main_of((workshop_site / "en" / "index.html").read_text(encoding="utf-8"))
    assert '<progress max="17" value="2"' in home
    latest = home[home.index('id="latest-workshops-title"') :]
    assert latest.index("/en/workshops/focus-groups-02/") < latest.index(
        "/en/workshops/focus-groups-01/"
    )
    assert "thematic-01" not in latest.split("</section>")[0]


def test_a_workshop_photo_is_shown_with_its_caption_in_both_languages(tmp_path):
    import shutil

    from tests.conftest import build_site
    from tests.images.image_helpers import photo_like, save
    from tests.workshops.site_helpers import FIXTURE, TODAY

    fixture = tmp_path / "fixture"
    shutil.copytree(FIXTURE, fixture)
    workshops = fixture / "content" / "workshops"
    save(photo_like(), workshops / "images" / "group.jpg", "JPEG")
    source = workshops / "focus-groups-01.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "topics:",
            "photos:\n- file: group.jpg\n  alt: {el: Η ομάδα, en: The group}\n"
            "  caption: {el: Στο δημαρχείο, en: At the town hall}\ntopics:",
            1,
        ),
        encoding="utf-8",
    )
    site = build_site(
        fixture / "content", fixture / "organizations", tmp_path / "out", WORKSHOP_TODAY=TODAY
    )
    for address, alt, caption in (
        ("workshops/focus-groups-01", "Η ομάδα", "Στο δημαρχείο"),
        ("en/workshops/focus-groups-01", "The group", "At the town hall"),
    ):
        main = main_of(read(site, address))
        photos = main[main.index('<section aria-labelledby="photos-title">') :]
        assert "<picture>" in photos and f'alt="{alt}"' in photos
        assert f"<figcaption>{caption}</figcaption>" in photos
