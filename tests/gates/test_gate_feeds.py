"""Every feed, sitemap and calendar the build wrote parses (those that exist)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import icalendar
import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


def _files(site, *patterns):
    return sorted(path for pattern in patterns for path in site.rglob(pattern))


def test_xml_and_atom_files_parse(gate_site):
    for path in _files(gate_site.root, "*.xml", "*.atom"):
        root = ET.parse(path).getroot()
        if path.suffix == ".atom":
            assert root.tag == f"{ATOM}feed", path
            assert root.find(f"{ATOM}id") is not None and root.find(f"{ATOM}updated") is not None, (
                path
            )
        if path.name == "sitemap.xml":
            locs = [el.text for el in root.iter() if el.tag.endswith("loc")]
            assert locs and all(loc.startswith(("http://", "https://")) for loc in locs), path


def test_calendars_parse(gate_site):
    for path in _files(gate_site.root, "*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert calendar.name == "VCALENDAR", path
        for event in calendar.walk("VEVENT"):
            assert event.get("UID") and event.get("DTSTART"), path


@pytest.mark.parametrize(
    ("pattern", "media_type"),
    [("*.atom", "application/atom+xml"), ("*.ics", "text/calendar"), ("sitemap.xml", "text/xml")],
)
def test_feeds_are_served_with_their_media_type(server, pattern, media_type):
    from gate_nginx import fetch

    for path in _files(server.site, pattern)[:3]:
        answer = fetch(f"{server.url}/{path.relative_to(server.site).as_posix()}")
        assert answer.status == 200
        assert answer.headers["content-type"].startswith(media_type), (
            path,
            answer.headers["content-type"],
        )
