"""A cache kept as one pickle file: read (anything missing or unreadable counts as empty)
and replaced atomically, with the files of other versions beside it deleted."""

from __future__ import annotations

import pickle
from pathlib import Path

from kalo.files import write_atomic


def read_pickle(file: Path) -> dict:
    try:
        return pickle.loads(file.read_bytes())
    except Exception:  # missing, damaged or from another version: start empty
        return {}


def replace_pickle(file: Path, value: dict, version_prefix: str) -> None:
    """Write ``value`` atomically (a reader never sees half of it), then delete the other
    ``<version_prefix>*.pickle`` files: another day or code version, never read again."""
    write_atomic(file, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    for old in file.parent.glob(f"{version_prefix}*.pickle"):
        if old != file:
            old.unlink(missing_ok=True)
