"""Deterministic walks over the built site, and the permissions of the files it rewrites."""

from __future__ import annotations

from pathlib import Path

# Files the post-processing writes (kalo.files.write_atomic: a new file and a rename, which
# also breaks a hard link to the image cache instead of changing the cache) are readable by
# a web server running as another user, whatever the umask.
PUBLISHED_MODE = 0o644


def walk(root: Path, extensions: tuple[str, ...]) -> list[Path]:
    """Files under ``root`` with one of ``extensions``, in a stable (sorted) order."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and not path.is_symlink() and path.suffix.lower() in extensions
    )
