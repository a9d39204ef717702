"""Feeds as pure functions: deterministic bytes, stable ids, no build time."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import icalendar

from tests.workshops.test_programme import make
from workshops import feeds

OPTIONS = feeds.FeedOptions(
    siteurl="https://example.org",
    uid_domain="example.org",
    id_prefix="urn:test:",
    epoch=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    event_minutes=90,
)
ATOM = "{http://www.w3.org/2005/Atom}"


def test_calendar_events_are_stable_and_timed_in_athens():
    workshops = [
        make("focus-groups", 1, date=datetime.date(2025, 7, 3), time=datetime.time(18, 0)),
        make("thematic", 1, status="planned", date=datetime.date(2025, 12, 1)),
        make("pilot", 1),  # no date: not in the calendar
    ]
    data = feeds.calendar_ics(workshops, OPTIONS)
    assert data == feeds.calendar_ics(list(reversed(workshops)), OPTIONS)
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [
        "workshop-focus-groups-01@example.org",
        "workshop-thematic-01@example.org",
    ]
    timed = events[0]
    assert timed.decoded("dtstart").isoformat() == "2025-07-03T18:00:00+03:00"  # summer time
    assert timed.decoded("dtend").isoformat() == "2025-07-03T19:30:00+03:00"
    assert str(timed["url"]) == "https://example.org/workshops/focus-groups-01/"
    assert events[1].decoded("dtend") == datetime.date(2025, 12, 2)
    for event in events:
        assert (
            event.decoded("dtstamp").date() == event.decoded("dtstart")
            if isinstance(event.decoded("dtstart"), datetime.date)
            and not isinstance(event.decoded("dtstart"), datetime.datetime)
            else True
        )
    assert b"DTSTAMP:20250703T000000Z" in data


def test_calendar_without_dated_sessions_is_still_valid():
    calendar = icalendar.Calendar.from_ical(feeds.calendar_ics([make("pilot", 1)], OPTIONS))
    assert calendar.walk("VEVENT") == [] and len(calendar.walk("VTIMEZONE")) == 1


def test_atom_feed_takes_updated_from_content_never_the_clock():
    workshops = [
        make("focus-groups", 1, summary="Περίληψη πρώτη", updated=datetime.date(2025, 5, 2)),
        make("focus-groups", 2, summary="Περίληψη δεύτερη", date=datetime.date(2025, 4, 1)),
        make("focus-groups", 3, summary="Χωρίς ημερομηνία"),
        make("thematic", 1, status="planned", summary="Προγραμματισμένο"),
        make("thematic", 2),  # held without any text: left out
    ]
    feed = ET.fromstring(feeds.atom_feed(workshops, "el", OPTIONS))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [
        "urn:test:el:focus-groups-02",
        "urn:test:el:focus-groups-03",
        "urn:test:el:focus-groups-01",
    ]
    updated = {e.find(f"{ATOM}id").text: e.find(f"{ATOM}updated").text for e in entries}
    assert updated["urn:test:el:focus-groups-01"] == "2025-05-02T00:00:00+03:00"
    assert updated["urn:test:el:focus-groups-03"] == "2025-01-01T00:00:00+00:00"
    assert feed.find(f"{ATOM}updated").text == "2025-05-02T00:00:00+03:00"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "el"


def test_english_feed_has_only_translated_summaries():
    workshops = [
        make("focus-groups", 1, summary="Περίληψη", en=True),
        make("focus-groups", 2, summary="Μόνο ελληνικά"),
    ]
    feed = ET.fromstring(feeds.atom_feed(workshops, "en", OPTIONS))
    [entry] = feed.findall(f"{ATOM}entry")
    assert (
        entry.find(f"{ATOM}link").get("href") == "https://example.org/en/workshops/focus-groups-01/"
    )
    assert entry.find(f"{ATOM}title").text == "Title 1 (Focus groups 1)"
