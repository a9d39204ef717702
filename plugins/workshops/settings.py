"""Settings of the workshops plugin, with their defaults (overridable in pelicanconf)."""

from __future__ import annotations

import datetime

from kalo.settings import overlay

DEFAULTS = {
    # The folder of the summaries, inside Pelican's content folder (PATH).
    "WORKSHOP_DIR": "workshops",
    # Validate as on this day (a date); None means the day of the build. For tests.
    "WORKSHOP_TODAY": None,
    # How many held sessions partials/latest_workshops.html shows.
    "WORKSHOP_LATEST": 3,
    # Calendar events of sessions with a start time last this long (minutes).
    "WORKSHOP_EVENT_MINUTES": 120,
    # The right-hand part of calendar UIDs ("<slug>@<domain>"); stable across builds.
    # None: the host of SITEURL, or "kalo-west-athens.invalid" when SITEURL is empty.
    "WORKSHOP_UID_DOMAIN": None,
    # Atom ids are this prefix + "<lang>:<slug>"; never change it once published.
    "WORKSHOP_FEED_ID_PREFIX": "urn:kalo-west-athens:workshops:",
    # Atom `updated` of a summary with neither `updated` nor `date` (never the build time).
    "WORKSHOP_FEED_EPOCH": datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
}


def workshop_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return overlay(settings, DEFAULTS)
