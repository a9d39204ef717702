"""Replacing a file atomically: a reader sees the old file or the new one, never half of one.

Every cache file and every file the build rewrites goes through here. The new content is
written under a temporary name in the same folder (a rename is atomic only within one file
system) and renamed over the target; if anything fails, the temporary file is removed and
the old file is left as it was. A new file, not a write into the old one, also means that
a hard link to the old file (the images plugin links cached files into the output) keeps
the old bytes.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A free temporary name beside ``path`` (its folder is created) for the block to
    create; renamed over ``path`` when the block succeeds, removed when anything fails."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Hidden, and unique per writer: two processes writing the same file never clash.
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:  # noqa: BLE001 - any failure, even Ctrl+C: no leftover, then raise
        temporary.unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: bytes | str, *, mode: int | None = None) -> None:
    """Replace ``path`` by ``data`` (text is written as UTF-8). The new file gets the
    permissions of any new file (umask), or ``mode`` when given."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with replacing(path) as temporary:
        with open(temporary, "xb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
