"""The keyword analysis's results of earlier builds, by cache key, in one SQLite file.

One file instead of one pickle per page: a cold build of 2,000 pages created 2,000 small
files, which cost more than a second on a busy disk. Entries not used by the last
``KEPT_BUILDS`` builds are dropped, so the file does not grow forever (use is marked every
``MARK_EVERY`` builds). A damaged or
unreadable file is started again: it is only a cache.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

KEPT_BUILDS = 5
MARK_EVERY = 4
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
        db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, report BLOB, build INTEGER)"
        )
        # Old entries are found by their build without reading every stored report.
        db.execute("CREATE INDEX IF NOT EXISTS results_by_build ON results (build)")
        db.execute("CREATE TABLE IF NOT EXISTS builds (number INTEGER)")
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
        """Store ``fresh`` results, mark every key ``used`` by this build, drop old ones."""
        with self._db:
            number = (self._db.execute("SELECT MAX(number) FROM builds").fetchone()[0] or 0) + 1
            self._db.execute("DELETE FROM builds")
            self._db.execute("INSERT INTO builds VALUES (?)", (number,))
            self._db.executemany(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                ((key, pickle.dumps(report), number) for key, report in fresh.items()),
            )
            # Every MARK_EVERY-th build marks what it used (marking 2,000 entries on every
            # build cost more than the rebuild's analysis); what was not used for
            # KEPT_BUILDS builds after the last marking is dropped.
            if number % MARK_EVERY == 0:
                self._db.executemany(
                    "UPDATE results SET build = ? WHERE key = ?",
                    ((number, key) for key in used if key not in fresh),
                )
            self._db.execute(
                "DELETE FROM results WHERE build <= ?", (number - KEPT_BUILDS - MARK_EVERY,)
            )

    def close(self) -> None:
        self._db.close()
