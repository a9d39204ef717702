"""A plugin's settings: its defaults, overlaid with the user's values, as a new dict.

Each plugin keeps its ``DEFAULTS`` (every setting it reads, prefixed, with what it means) in
its own ``settings.py`` and reads them through ``overlay``; the user's dict (Pelican's whole
settings) is never changed, and a plugin never sees a key it did not declare.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any


def overlay(
    settings: Mapping[str, Any] | None, defaults: Mapping[str, Any], *, merge_dicts: bool = False
) -> dict[str, Any]:
    """Every key of ``defaults``, with the user's value where ``settings`` has one.

    ``merge_dicts``: a dict given for a dict default is merged into it key by key (at any
    depth), so a user may change one threshold and keep the others; the result is then a
    deep copy, sharing nothing with ``defaults`` or ``settings``.
    """
    settings = settings or {}
    if not merge_dicts:
        return {key: settings.get(key, default) for key, default in defaults.items()}
    return {
        key: copy.deepcopy(_merged(default, settings[key]) if key in settings else default)
        for key, default in defaults.items()
    }


def _merged(default: Any, value: Any) -> Any:
    if isinstance(default, Mapping) and isinstance(value, Mapping):
        return {
            **default,
            **{key: _merged(default.get(key), item) for key, item in value.items()},
        }
    return value
