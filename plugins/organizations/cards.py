"""Organization cards: the template helper ``org_card(org)`` used by every listing.

A card is rendered once per organization, language, heading level and way of loading its
images, and reused: an organization appears on about ten listings (the directory, its
facet pages, the home page, its partners' profiles, its workshops), so rendering it once
keeps them cheap. The organizations generator puts a ``CardCache`` in the context
(``org_cards``); without it (a template rendered outside a build) nothing is kept.

Across builds, the cache keeps each card by a key of everything it shows (``describe``:
the site's inputs, the organization's model and images), so an incremental build renders
only the cards of organizations that changed, and a listing whose cards did not change
can be reused whole (its fingerprint is made of its cards' digests: ``digest``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup

from kalo.parallel import map_forked
from kalo.pickle_file import PickleStore
from organizations import urls
from organizations.monogram import initials

CARD_TEMPLATE = "partials/org_card.html"
# The cards of a listing whose images are in the first screen (no loading="lazy").
FIRST_SCREEN = 3

CardKey = tuple[str, str, int, bool]  # slug, language, heading level, lazy images


def _lang(context) -> str:
    lang = context.get("lang")
    page = context.get("page")
    return lang or getattr(page, "lang", None) or context.get("DEFAULT_LANG", "el")


def render_card(environment, context, org, lang: str, level: int, lazy: bool) -> Markup:
    """The card's HTML (what the template makes of ``org`` and these values alone)."""
    template = environment.get_template(CARD_TEMPLATE)
    return Markup(
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


class CardCache:
    """Cards of this build by ``CardKey``; with ``file``, kept across builds by a key of
    what they show (``describe(slug)``: a text that changes whenever anything the card
    shows of the organization changes, and the site's inputs), each with the digest of
    its HTML (a build that renders no listing hashes no card)."""

    def __init__(
        self,
        file: Path | None = None,
        describe: Callable[[str], str] | None = None,
        version_prefix: str = "cards-",
    ):
        self.file = file
        self.describe = describe
        self.prefix = version_prefix
        self.store = PickleStore(file, version_prefix) if file is not None else None
        # lasting key → (HTML, digest); entries of another form (older code) are not used.
        self.known: dict[str, tuple[str, str]] = (
            {k: v for k, v in self.store.known.items() if v.__class__ is tuple}
            if self.store is not None
            else {}
        )
        self.made: dict[CardKey, Markup] = {}
        self.used: dict[str, tuple[str, str]] = {}
        self._slug_keys: dict[str, str] = {}  # each organization's part of the lasting keys
        self._digests: dict[CardKey, str] = {}  # each card's digest, made once
        # Cards are described by what they show: pages may be fingerprinted by them.
        self.lasting = file is not None

    def _lasting_key(self, key: CardKey) -> str | None:
        if self.file is None or self.describe is None:
            return None
        slug, lang, level, lazy = key
        described = self._slug_keys.get(slug)
        if described is None:  # hashed once per organization, not once per card
            material = self.describe(slug).encode("utf-8", "surrogatepass")
            described = self._slug_keys[slug] = hashlib.sha256(material).hexdigest()
        return f"{described}\0{lang}\0{level}\0{int(lazy)}"

    def get(self, key: CardKey) -> Markup | None:
        found = self.made.get(key)
        if found is not None:
            return found
        lasting = self._lasting_key(key)
        known = self.known.get(lasting) if lasting is not None else None
        if known is not None:
            found = self.made[key] = Markup(known[0])
            self.used[lasting] = known
        return found

    def put(self, key: CardKey, html: Markup) -> None:
        self.made[key] = html
        lasting = self._lasting_key(key)
        if lasting is not None:
            self.used[lasting] = (str(html), _digest(html))

    def prepare(self, environment, context, keys: Iterable[CardKey], by_slug, settings) -> None:
        """Render the cards of ``keys`` not known yet, on all cores when there are many;
        later ``digest`` calls render the cards they need with the same values."""
        self._renderer = (environment, context, by_slug, settings)
        missing = list(dict.fromkeys(key for key in keys if not self._have(key)))
        rendered = map_forked(
            lambda key: str(render_card(environment, context, by_slug[key[0]], *key[1:])),
            missing,
            settings=settings,
        )
        for key, html in zip(missing, rendered, strict=True):
            self.put(key, Markup(html))

    def _have(self, key: CardKey) -> bool:
        """Is the card made, or known from an earlier build (then used: kept)?"""
        if key in self.made:
            return True
        lasting = self._lasting_key(key)
        known = self.known.get(lasting) if lasting is not None else None
        if known is not None:
            self.used[lasting] = known
        return known is not None

    def digest(self, key: CardKey) -> str:
        """The digest of a card (``prepare`` first: it says how cards are rendered)."""
        found = self._digests.get(key)  # a profile asks for some 12 partners' cards
        if found is None:
            lasting = self._lasting_key(key)
            if lasting is None or not self._have(key):
                if self.get(key) is None:
                    self.prepare(*self._renderer[:2], [key], *self._renderer[2:])
            if lasting is not None:  # kept or made: its digest is with it
                found = self.used[lasting][1]
            else:
                found = _digest(self.made[key])
            self._digests[key] = found
        return found

    def digests(self, slugs: list[str], lang: str, level: int) -> list[str]:
        """The digests of a listing's cards (``digest``), in order: the first
        ``FIRST_SCREEN`` load their images at once. One call per listing: the 130 listings
        of a build at 1,000 organizations ask for 31,000."""
        known, digest = self._digests, self.digest
        made = []
        for position, slug in enumerate(slugs, start=1):
            key = (slug, lang, level, position > FIRST_SCREEN)
            found = known.get(key)
            made.append(found if found is not None else digest(key))
        return made

    def forget(self, slugs, by_slug) -> None:
        """The live preview: these organizations changed; their cards are made again, from
        ``by_slug`` (the new directory's organizations)."""
        slugs = set(slugs)
        for made in (self.made, self._digests):
            for key in [key for key in made if key[0] in slugs]:
                del made[key]
        for slug in slugs:
            self._slug_keys.pop(slug, None)
        renderer = getattr(self, "_renderer", None)
        if renderer is not None:
            self._renderer = (*renderer[:2], by_slug, *renderer[3:])

    def save(self) -> None:
        """Keep the cards this build used (only those: the file stays bounded)."""
        if self.store is None or self.used.keys() == self.known.keys():
            return
        self.store.save(self.used)


def _digest(html: str) -> str:
    return hashlib.sha256(str(html).encode("utf-8", "surrogatepass")).hexdigest()


@pass_context
def org_card(context, org, level: int = 2, position: int = FIRST_SCREEN + 1) -> Markup:
    """The card of ``org`` (a ``<li>``), its name a heading of ``level``. ``position``:
    its place in the listing, from 1; the first ``FIRST_SCREEN`` load their images at once."""
    lang = _lang(context)
    lazy = position > FIRST_SCREEN
    key = (org.slug, lang, level, lazy)
    made = context.get("org_cards")
    if made is not None:
        found = made.get(key)
        if found is not None:
            return found
    html = render_card(context.environment, context, org, lang, level, lazy)
    if made is not None:
        made.put(key, html) if isinstance(made, CardCache) else made.__setitem__(key, html)
    return html


def install_jinja_helpers(generator) -> None:
    generator.env.globals.update(org_card=org_card, monogram=initials)
