"""The cards kept across builds: each with the digest of its HTML, so that a build which
renders no listing neither hashes nor even wraps a card, and a changed organization's
cards are never taken for its old ones."""

from __future__ import annotations

import hashlib

from markupsafe import Markup

from organizations.cards import CardCache


def _cache(tmp_path, described: dict[str, str]) -> CardCache:
    return CardCache(tmp_path / "cards-test.pickle", lambda slug: described[slug], "cards-test")


def test_a_kept_cards_digest_is_its_htmls_and_needs_no_html(tmp_path):
    described = {"a": "site\0model a", "b": "site\0model b"}
    first = _cache(tmp_path, described)
    html = {("a", "el", 2, False): Markup("<li>Α</li>"), ("b", "el", 2, True): Markup("<li>Β</li>")}
    for key, card in html.items():
        first.put(key, card)
    first.save()

    again = _cache(tmp_path, described)
    for key, card in html.items():
        assert again.digest(key) == hashlib.sha256(str(card).encode()).hexdigest()
    assert again.made == {}  # known by their digests: no HTML wrapped
    assert again.get(("a", "el", 2, False)) == html[("a", "el", 2, False)]


def test_a_changed_organizations_card_is_not_the_kept_one(tmp_path):
    first = _cache(tmp_path, {"a": "site\0model a"})
    first.put(("a", "el", 2, False), Markup("<li>Α</li>"))
    first.save()
    changed = _cache(tmp_path, {"a": "site\0model a, new address"})
    assert changed.get(("a", "el", 2, False)) is None
    # The same organization, another language or level: another card.
    same = _cache(tmp_path, {"a": "site\0model a"})
    assert same.get(("a", "en", 2, False)) is None
    assert same.get(("a", "el", 3, False)) is None


def test_cards_kept_by_an_older_version_are_not_used(tmp_path):
    """An older version kept each card's HTML alone: such entries are not taken for cards
    (their digest is unknown), the card is made again."""
    from kalo.pickle_file import PickleStore

    cache = _cache(tmp_path, {"a": "site\0model a"})
    lasting = cache._lasting_key(("a", "el", 2, False))
    PickleStore(tmp_path / "cards-test.pickle", "cards-test").save({lasting: "<li>Α</li>"})
    again = _cache(tmp_path, {"a": "site\0model a"})
    assert again.known == {}
    assert again.get(("a", "el", 2, False)) is None
