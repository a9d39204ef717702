"""Cache-busting names: site.css -> site.<sha256[:8]>.css, and every reference rewritten."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath


def fingerprinted_name(relpath: str, data: bytes) -> str:
    """``theme/css/site.css`` + bytes -> ``theme/css/site.1a2b3c4d.css``."""
    path = PurePosixPath(relpath)
    digest = hashlib.sha256(data).hexdigest()[:8]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def fingerprint_files(output: Path, relpaths: list[str]) -> dict[str, str]:
    """Rename the files; returns {old relative path: new relative path}."""
    renamed = {}
    for relpath in sorted(relpaths):
        source = output / relpath
        new = fingerprinted_name(relpath, source.read_bytes())
        source.rename(output / new)
        renamed[relpath] = new
    return renamed


def reference_pattern(renamed: dict[str, str], siteurl: str) -> re.Pattern[str] | None:
    """Matches a root-relative or absolute (SITEURL) reference to one of the renamed files.

    The character before must not continue a path (so /x/theme/css/site.css is not touched),
    and the one after must end the URL (quote, space, >, ), ?, # or end of text).
    """
    if not renamed:
        return None
    paths = "|".join(re.escape(old) for old in sorted(renamed, key=len, reverse=True))
    site = re.escape(siteurl.rstrip("/")) if siteurl else ""
    prefix = f"(?:{site})?/" if site else "/"
    return re.compile(rf"(?<![\w/.:-])(?P<prefix>{prefix})(?P<path>{paths})(?=[\"'\s>)?#]|$)")


def rewrite_references(text: str, renamed: dict[str, str], pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return text
    return pattern.sub(lambda m: m.group("prefix") + renamed[m.group("path")], text)
