"""The SEO analysis's settings: ``SEO_*`` defaults, overlaid with the user's values.

Every setting the analysis reads is listed in ``DEFAULTS``, with what it means; read
them only through ``get_settings``, which never changes the dict it is given.

Thresholds, and where they come from (Yoast SEO's content analysis unless noted):

- ``SEO_TEXT_LENGTH``: words in the main content, per kind of page. Yoast asks 300
  words of a page (good ≥ 300, ok ≥ 200; below that a problem). An organization's
  profile or a workshop is short by nature, so they are judged on good ≥ 150, ok ≥ 80.
  A kind that is not listed uses ``"page"``.
- ``SEO_DENSITY``: keyphrase uses per 100 words, good from 0.5 to 3 (Yoast). Texts
  shorter than ``min_words`` are not judged: one use in a 60-word profile is already
  several per cent.
- ``SEO_META_DESCRIPTION_LENGTH``: characters (not bytes: Greek letters count one
  each), good from 120 to 156 (Yoast); shorter or longer is "ok" with advice.
- ``SEO_TITLE_LENGTH``: characters of the whole ``<title>``; good from 30 to 60.
  Yoast measures pixels (600 px in Google's results); 60 characters is the usual
  approximation, and Greek capitals and lowercase letters are about as wide as Latin
  ones. Longer is a problem (Yoast: the end is cut off), shorter is "ok".
- ``SEO_TITLE_KEYPHRASE_START``: how many content words may come before the keyphrase
  in the title for it still to count as "at the start" (Yoast: none; articles and
  other stop words before it never count).
- ``SEO_KEYPHRASE_WORDS``: content words in the keyphrase: good up to 4, ok up to 8.
- ``SEO_RATING``: a page's overall light from its score (0-100): good from 70,
  ok from 40, problem below.
- ``SEO_DISABLED_CHECKS``: check ids not to run at all.
- ``SEO_FAIL_LEVEL``, ``SEO_FAIL_CHECKS``, ``SEO_FAIL_MIN_SCORE``: when the build
  fails (see ``seo.analysis.failing_pages``). With the defaults it never does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kalo.settings import overlay

LEVELS = ("good", "ok", "problem")

DEFAULTS: dict[str, Any] = {
    "SEO_TEXT_LENGTH": {
        "page": {"good": 300, "ok": 200},
        "profile": {"good": 150, "ok": 80},
        "workshop": {"good": 150, "ok": 80},
    },
    "SEO_DENSITY": {"min": 0.5, "max": 3.0, "min_words": 100},
    "SEO_META_DESCRIPTION_LENGTH": {"min": 120, "max": 156},
    "SEO_TITLE_LENGTH": {"min": 30, "max": 60},
    "SEO_TITLE_KEYPHRASE_START": 0,
    "SEO_KEYPHRASE_WORDS": {"good": 4, "ok": 8},
    "SEO_RATING": {"good": 70, "ok": 40},
    "SEO_DISABLED_CHECKS": (),
    # None: never fail; "problem": fail on problems; "ok": fail on anything not good.
    "SEO_FAIL_LEVEL": None,
    # The check ids SEO_FAIL_LEVEL applies to; empty means every check.
    "SEO_FAIL_CHECKS": (),
    # A page whose score is below this fails the build too; None: no minimum.
    "SEO_FAIL_MIN_SCORE": None,
}


class SeoSettingsError(ValueError):
    """The user's SEO_* settings are wrong; the message lists every mistake."""

    def __init__(self, mistakes: list[str]):
        self.mistakes = mistakes
        super().__init__("; ".join(mistakes))


def get_settings(user: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A new dict of every ``SEO_*`` setting: the defaults with the user's values on top.

    ``user`` may be Pelican's whole settings dict: only its ``SEO_*`` keys are read,
    and it is not changed. Dict values are merged key by key (so
    ``SEO_TEXT_LENGTH={"profile": {"good": 120}}`` keeps ``"ok"`` and the other kinds).
    Raises ``SeoSettingsError`` naming every unknown key or bad value.
    """
    settings = overlay(user, DEFAULTS, merge_dicts=True)
    mistakes = [
        f"{key}: unknown setting (known: {', '.join(sorted(DEFAULTS))})"
        for key in (user or {})
        if key.startswith("SEO_") and key not in DEFAULTS
    ]
    mistakes.extend(_validate(settings))
    if mistakes:
        raise SeoSettingsError(mistakes)
    for key in ("SEO_DISABLED_CHECKS", "SEO_FAIL_CHECKS"):
        settings[key] = tuple(settings[key])
    return settings


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _validate(settings: dict[str, Any]) -> list[str]:
    from .analysis.checks import CHECK_IDS  # here, so that the two modules load in any order

    mistakes = []

    def band(key: str, low: str, high: str, value: Any) -> None:
        if not (
            isinstance(value, Mapping)
            and _is_number(value.get(low))
            and _is_number(value.get(high))
        ):
            mistakes.append(f"{key}: needs numbers {low!r} and {high!r}")

    for kind, thresholds in settings["SEO_TEXT_LENGTH"].items():
        band(f"SEO_TEXT_LENGTH[{kind!r}]", "ok", "good", thresholds)
    if "page" not in settings["SEO_TEXT_LENGTH"]:
        mistakes.append("SEO_TEXT_LENGTH: needs the 'page' kind, used for unlisted kinds")
    band("SEO_DENSITY", "min", "max", settings["SEO_DENSITY"])
    band("SEO_META_DESCRIPTION_LENGTH", "min", "max", settings["SEO_META_DESCRIPTION_LENGTH"])
    band("SEO_TITLE_LENGTH", "min", "max", settings["SEO_TITLE_LENGTH"])
    band("SEO_KEYPHRASE_WORDS", "good", "ok", settings["SEO_KEYPHRASE_WORDS"])
    band("SEO_RATING", "ok", "good", settings["SEO_RATING"])
    if not _is_number(settings["SEO_TITLE_KEYPHRASE_START"]):
        mistakes.append("SEO_TITLE_KEYPHRASE_START: needs a number")
    if settings["SEO_FAIL_LEVEL"] not in (None, "ok", "problem"):
        mistakes.append("SEO_FAIL_LEVEL: must be None, 'ok' or 'problem'")
    minimum = settings["SEO_FAIL_MIN_SCORE"]
    if minimum is not None and not _is_number(minimum):
        mistakes.append("SEO_FAIL_MIN_SCORE: must be None or a number from 0 to 100")
    for key in ("SEO_DISABLED_CHECKS", "SEO_FAIL_CHECKS"):
        value = settings[key]
        if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
            mistakes.append(f"{key}: must be a list of check ids")
            continue
        unknown = sorted(set(value) - set(CHECK_IDS))
        if unknown:
            mistakes.append(
                f"{key}: unknown check ids {', '.join(unknown)} (known: {', '.join(CHECK_IDS)})"
            )
    return mistakes
