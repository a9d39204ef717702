"""Settings of the site_pages plugin, with their defaults (overridable in pelicanconf)."""

from __future__ import annotations

DEFAULTS = {
    # The static pages the footer links to, in order (their `menu` label, or the title). A
    # slug without a page is left out of the footer, with a warning in `make check` and
    # the build: never a link to nothing.
    "SITE_PAGES_FOOTER": ("target-groups", "privacy", "contact"),
}


def site_pages_settings(settings: dict) -> dict:
    """The plugin's settings: defaults overlaid with the user's, as a new dict."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}
