"""kalo.settings.overlay: a plugin's defaults with the user's values, as a new dict."""

from __future__ import annotations

import copy

from kalo.settings import overlay

DEFAULTS = {
    "X_LIMIT": 3,
    "X_KINDS": ("a", "b"),
    "X_BANDS": {"page": {"good": 300, "ok": 200}, "profile": {"good": 150, "ok": 80}},
}


def test_the_users_values_win_and_only_declared_keys_are_kept():
    user = {"X_LIMIT": 5, "OTHER": 1, "PATH": "content"}
    assert overlay(user, DEFAULTS) == {**DEFAULTS, "X_LIMIT": 5}


def test_neither_the_users_settings_nor_the_defaults_change():
    user = {"X_LIMIT": 5, "X_BANDS": {"page": {"good": 250}}, "OTHER": [1]}
    before_user, before_defaults = copy.deepcopy(user), copy.deepcopy(DEFAULTS)
    for merge_dicts in (False, True):
        result = overlay(user, DEFAULTS, merge_dicts=merge_dicts)
        result["X_LIMIT"] = 99
        result["NEW"] = 1
        assert result is not user
    assert user == before_user and DEFAULTS == before_defaults


def test_merged_dicts_keep_the_defaults_the_user_did_not_give():
    user = {"X_BANDS": {"page": {"good": 250}, "workshop": {"good": 100, "ok": 50}}}
    bands = overlay(user, DEFAULTS, merge_dicts=True)["X_BANDS"]
    assert bands == {
        "page": {"good": 250, "ok": 200},
        "profile": {"good": 150, "ok": 80},
        "workshop": {"good": 100, "ok": 50},
    }
    assert overlay(user, DEFAULTS)["X_BANDS"] == user["X_BANDS"]  # without: replaced whole


def test_a_merged_result_shares_nothing_with_the_defaults():
    result = overlay({}, DEFAULTS, merge_dicts=True)
    result["X_BANDS"]["page"]["good"] = 1
    assert DEFAULTS["X_BANDS"]["page"]["good"] == 300


def test_no_settings_means_the_defaults():
    assert overlay(None, DEFAULTS) == DEFAULTS
