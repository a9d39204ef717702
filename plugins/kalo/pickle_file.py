"""A cache kept as one pickle file: read (anything missing or unreadable counts as empty)
and replaced atomically, with the files of other versions beside it deleted; or, for a
large cache of which a build changes little, a ``PickleStore``."""

from __future__ import annotations

import pickle
import secrets
from pathlib import Path

from kalo.files import write_atomic


def read_pickle(file: Path) -> dict:
    try:
        return pickle.loads(file.read_bytes())
    except Exception:  # missing, damaged or from another version: start empty
        return {}


def replace_pickle(file: Path, value: dict, version_prefix: str) -> None:
    """Write ``value`` atomically (a reader never sees half of it), then delete the other
    ``<version_prefix>*.pickle`` files (and the changes files of ``PickleStore`` beside
    them): another day or code version, never read again."""
    write_atomic(file, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    for old in file.parent.glob(f"{version_prefix}*.pickle*"):
        if old != file:
            old.unlink(missing_ok=True)


class PickleStore:
    """A cache of entries by key, kept as one pickle file and a small one beside it that
    holds what changed since: a build that changes a few entries writes those only (a
    rebuild after one edit no longer writes megabytes). When the changes are many, the
    whole file is written again, which also drops the entries no longer used.

    ``known``: the entries read. ``save(used)``: the entries this build used (those of
    ``known`` it kept are the same objects, so that unchanged ones are not written)."""

    def __init__(self, file: Path, version_prefix: str):
        self._locate(file, version_prefix)
        self._read()

    def _locate(self, file: Path, version_prefix: str) -> None:
        self.file = Path(file)
        self.prefix = version_prefix
        self.delta_file = self.file.with_name(self.file.name + ".changes")

    def _read(self) -> None:
        stored = read_pickle(self.file)
        self.token = stored.get("token") if isinstance(stored.get("token"), str) else None
        self.base: dict = stored.get("entries", {}) if self.token else {}
        changes = read_pickle(self.delta_file) if self.token else {}
        if changes.get("base") != self.token:
            changes = {}
        self.changes: dict = changes.get("entries", {})
        self.known: dict = {**self.base, **self.changes}

    def save(self, used: dict, whole: bool = False) -> None:
        """``whole``: write the whole file again (the changes file cannot drop an entry:
        for a caller that must not see again an entry it no longer uses)."""
        changed = {key: value for key, value in used.items() if self.base.get(key) is not value}
        few = len(changed) <= max(64, len(used) // 8)
        if few and not whole and self.token is not None and len(self.base) <= 2 * len(used) + 64:
            if changed.keys() != self.changes.keys() or any(
                self.changes[key] is not value for key, value in changed.items()
            ):
                write_atomic(
                    self.delta_file,
                    pickle.dumps(
                        {"base": self.token, "entries": changed}, protocol=pickle.HIGHEST_PROTOCOL
                    ),
                )
            return
        token = secrets.token_hex(8)
        replace_pickle(self.file, {"token": token, "entries": used}, self.prefix)
        self.delta_file.unlink(missing_ok=True)


class LazyPickleStore(PickleStore):
    """A ``PickleStore`` read when first used: for a large cache that most builds do not
    need (the SEO report's parts, needed only when the report is written again)."""

    def __init__(self, file: Path, version_prefix: str):
        self._locate(file, version_prefix)

    def __getattr__(self, name: str):
        # Called only for attributes not set yet: those ``_read`` sets.
        if name in ("token", "base", "changes", "known"):
            self._read()
            return getattr(self, name)
        raise AttributeError(name)
