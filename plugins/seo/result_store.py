"""The keyword analysis's results of earlier builds, by cache key, in one SQLite file.

One file instead of one pickle per page: a cold build of 2,000 pages created 2,000 small
files, which cost more than a second on a busy disk. So that the file does not grow
forever, when it holds more than ``SPARE`` times the entries a build used (and
``SPARE_ENTRIES`` more: the pages' results of older edits, of another site or settings
sharing the cache) the entries that build did not use are dropped, at once. No build marks
what it used: marking 2,000 entries cost 0.05 s, a tenth of a one-profile rebuild, every
fourth build. A damaged or unreadable file is started again: it is only a cache.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

SPARE = 3
SPARE_ENTRIES = 1_000
_CHUNK = 500  # keys per query (SQLite limits the parameters of one statement)


class ResultStore:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "results.sqlite"
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:  # not a database (damaged): start again
            for suffix in ("", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60)
        # A cache: a commit need not wait for the disk (the write-ahead log keeps the file
        # whole whatever happens; at worst the last build's results are analysed again).
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        # ``build`` is no longer read (always 0): kept so that the files of earlier versions,
        # which have it (and a ``builds`` table and an index on it), are used as they are.
        db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, report BLOB, build INTEGER)"
        )
        db.commit()
        return db

    def load(self, keys: Iterable[str]) -> dict[str, object]:
        """The stored results of ``keys`` (those that are stored and readable)."""
        found = {}
        keys = list(keys)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            rows = self._db.execute(
                f"SELECT key, report FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for key, blob in rows:
                try:
                    found[key] = pickle.loads(blob)
                except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
                    pass  # an outdated entry: analysed again
        return found

    def save(self, used: Iterable[str], fresh: Mapping[str, object]) -> None:
        """Store ``fresh`` results; when the file holds many more entries than this build
        ``used``, drop the others."""
        used = list(used)
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO results VALUES (?, ?, 0)",
                ((key, pickle.dumps(report)) for key, report in fresh.items()),
            )
            (stored,) = self._db.execute("SELECT COUNT(*) FROM results").fetchone()
            if stored > SPARE * len(used) + SPARE_ENTRIES:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM used")
                self._db.executemany(
                    "INSERT OR IGNORE INTO used VALUES (?)", ((key,) for key in used)
                )
                self._db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM used)")

    def close(self) -> None:
        self._db.close()
