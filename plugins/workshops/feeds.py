"""The programme's feeds: an iCalendar of dated sessions and an Atom feed per language.

Pure: each function returns bytes. Nothing here reads the clock, so two builds of the same
content give the same bytes: DTSTAMP is the session's own date, Atom's ``updated`` comes
from the summaries' ``updated``/``date`` (or a fixed epoch setting).
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import icalendar

from kalo.codes import label
from kalo.i18n import translate
from workshops import urls
from workshops.model import ATHENS, Workshop

ATOM_NS = "http://www.w3.org/2005/Atom"
PRODID = "-//KALO West Athens observatory//workshops//EL"


@dataclass(frozen=True)
class FeedOptions:
    siteurl: str  # "" in local builds: links are then site-relative
    uid_domain: str
    id_prefix: str
    epoch: datetime.datetime  # aware
    event_minutes: int


def absolute(siteurl: str, path: str) -> str:
    return f"{siteurl.rstrip('/')}/{path}"


# --- iCalendar ------------------------------------------------------------------------


def calendar_ics(workshops, options: FeedOptions) -> bytes:
    """RFC 5545: one VEVENT per dated session, times in Europe/Athens with its VTIMEZONE."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", translate("el", "Workshops of the SSE Observatory of West Athens"))
    cal.add("x-wr-timezone", "Europe/Athens")
    dated = sorted((w for w in workshops if w.date is not None), key=lambda w: w.order)
    # Always present, so the calendar has a component even before any session is dated
    # (RFC 5545); its range comes from the content, never from the clock.
    years = [w.date.year for w in dated] or [options.epoch.year]
    cal.add_component(
        icalendar.Timezone.from_tzid(
            "Europe/Athens",
            first_date=datetime.date(min(years), 1, 1),
            last_date=datetime.date(max(years) + 1, 1, 1),
        )
    )
    for workshop in dated:
        cal.add_component(_event(workshop, options))
    return cal.to_ical()


def _event(workshop: Workshop, options: FeedOptions) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"workshop-{workshop.slug}@{options.uid_domain}")
    # Not the build time: the session's own day keeps builds byte for byte the same.
    event.add("dtstamp", datetime.datetime.combine(workshop.date, datetime.time(), datetime.UTC))
    if workshop.starts is not None:
        event.add("dtstart", workshop.starts)
        event.add("dtend", workshop.starts + datetime.timedelta(minutes=options.event_minutes))
    else:
        event.add("dtstart", workshop.date)
        event.add("dtend", workshop.date + datetime.timedelta(days=1))
    text = workshop.text("el")
    series = label("series", workshop.series, "el")
    event.add("summary", f"{text.title} ({series} {workshop.number})")
    if text.summary:
        event.add("description", text.summary)
    where = [
        part
        for part in (
            text.venue,
            label("municipality", workshop.municipality, "el") if workshop.municipality else None,
        )
        if part
    ]
    if where:
        event.add("location", ", ".join(where))
    event.add("status", "CONFIRMED")
    event.add("url", absolute(options.siteurl, urls.workshop_url(workshop.slug, "el")))
    return event


# --- Atom -----------------------------------------------------------------------------


def entry_updated(workshop: Workshop, lang: str, epoch: datetime.datetime) -> datetime.datetime:
    """When the summary last changed: its ``updated``, else the session's date, else the epoch."""
    text = workshop.text(lang)
    day = text.updated or workshop.date
    if day is None:
        return epoch
    if workshop.starts is not None and day == workshop.date:
        return workshop.starts
    return datetime.datetime.combine(day, datetime.time(), ATHENS)


def feed_entries(workshops, lang: str) -> list[Workshop]:
    """Held sessions with their own text in ``lang``, newest first."""
    chosen = [w for w in workshops if w.held and w.has_language(lang) and w.texts[lang].has_text]
    return sorted(chosen, key=lambda w: w.recency, reverse=True)


def atom_feed(workshops, lang: str, options: FeedOptions) -> bytes:
    entries = feed_entries(workshops, lang)
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _sub(feed, "id", f"{options.id_prefix}{lang}")
    _sub(feed, "title", translate(lang, "Workshops of the SSE Observatory of West Athens"))
    _sub(
        feed,
        "subtitle",
        translate(lang, "Summaries of the sessions of the participatory programme."),
    )
    updated = max((entry_updated(w, lang, options.epoch) for w in entries), default=options.epoch)
    _sub(feed, "updated", _stamp(updated))
    _link(
        feed,
        absolute(options.siteurl, urls.feed_url(lang)),
        rel="self",
        type="application/atom+xml",
    )
    _link(
        feed, absolute(options.siteurl, urls.programme_url(lang)), rel="alternate", type="text/html"
    )
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    _sub(author, "name", translate(lang, "SSE Observatory of West Athens"))
    for workshop in entries:
        text = workshop.texts[lang]
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        _sub(entry, "id", f"{options.id_prefix}{lang}:{workshop.slug}")
        series = label("series", workshop.series, lang)
        _sub(entry, "title", f"{text.title} ({series} {workshop.number})")
        _sub(entry, "updated", _stamp(entry_updated(workshop, lang, options.epoch)))
        if workshop.date is not None:
            published = workshop.starts or datetime.datetime.combine(
                workshop.date, datetime.time(), ATHENS
            )
            _sub(entry, "published", _stamp(published))
        _link(
            entry,
            absolute(options.siteurl, urls.workshop_url(workshop.slug, lang)),
            rel="alternate",
            type="text/html",
        )
        ET.SubElement(entry, f"{{{ATOM_NS}}}category", {"term": workshop.series, "label": series})
        _sub(entry, "summary", text.summary or _first_paragraph(text.body))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{name}")
    element.text = text
    return element


def _link(parent: ET.Element, href: str, **attributes) -> None:
    ET.SubElement(parent, f"{{{ATOM_NS}}}link", {"href": href, **attributes})


def _stamp(moment: datetime.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _first_paragraph(markdown_text: str) -> str:
    """Plain text of the body's first paragraph (a summary for entries without one)."""
    for block in markdown_text.split("\n\n"):
        block = " ".join(block.split()).lstrip("#").strip()
        if block:
            return block[:300]
    return ""
