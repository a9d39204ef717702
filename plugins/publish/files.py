"""Small file helpers: deterministic walks and writes that never change a file in place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def walk(root: Path, extensions: tuple[str, ...]) -> list[Path]:
    """Files under ``root`` with one of ``extensions``, in a stable (sorted) order."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink() and path.suffix.lower() in extensions
    )


def replace_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a new file and a rename.

    The images plugin hard-links cached files into the output; writing through a new file
    breaks the link instead of changing the cache.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
