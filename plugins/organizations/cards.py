"""Organization cards: the template helper ``org_card(org)`` used by every listing.

A card is rendered once per organization, language, heading level and way of loading its
images, and reused: an organization appears on about ten listings (the directory, its
facet pages, the home page, its partners' profiles, its workshops), so rendering it once
keeps them cheap. The cache is a dict the organizations generator puts in the context
(``org_cards``); without it (a template rendered outside a build) nothing is kept.
"""

from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup

from organizations import urls
from organizations.monogram import initials

CARD_TEMPLATE = "partials/org_card.html"
# The cards of a listing whose images are in the first screen (no loading="lazy").
FIRST_SCREEN = 3


def _lang(context) -> str:
    lang = context.get("lang")
    page = context.get("page")
    return lang or getattr(page, "lang", None) or context.get("DEFAULT_LANG", "el")


@pass_context
def org_card(context, org, level: int = 2, position: int = FIRST_SCREEN + 1) -> Markup:
    """The card of ``org`` (a ``<li>``), its name a heading of ``level``. ``position``:
    its place in the listing, from 1; the first ``FIRST_SCREEN`` load their images at once."""
    lang = _lang(context)
    lazy = position > FIRST_SCREEN
    key = (org.slug, lang, level, lazy)
    made = context.get("org_cards")
    if made is not None and key in made:
        return made[key]
    template = context.environment.get_template(CARD_TEMPLATE)
    html = Markup(
        template.render(
            SITEURL=context.get("SITEURL", ""),
            DEFAULT_LANG=context.get("DEFAULT_LANG", "el"),
            site_images=context.get("site_images"),
            org_urls=urls,
            lang=lang,
            org=org,
            level=level,
            lazy=lazy,
        )
    )
    if made is not None:
        made[key] = html
    return html


def install_jinja_helpers(generator) -> None:
    generator.env.globals.update(org_card=org_card, monogram=initials)
