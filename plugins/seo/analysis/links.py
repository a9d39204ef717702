"""Internal or outbound: where a link in the main content leads."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal
from urllib.parse import urljoin, urlsplit

LinkKind = Literal["internal", "outbound", "self", "other"]


def _host(host: str | None) -> str:
    host = (host or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=8192)
def link_kind(href: str, page_url: str, site_host: str) -> LinkKind:
    """``internal`` (this site), ``outbound`` (another site), ``self`` (this very page or
    an anchor on it) or ``other`` (``mailto:``, ``tel:``, ``javascript:``...)."""
    href = href.strip()
    if not href or href.startswith("#"):
        return "self"
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return "other"
    if parts.netloc and _host(parts.hostname) != _host(site_host):
        return "outbound"
    target = urlsplit(urljoin(page_url, href))
    here = urlsplit(page_url)
    if target.path.rstrip("/") == here.path.rstrip("/") and (
        not target.netloc or not here.netloc or _host(target.hostname) == _host(here.hostname)
    ):
        return "self"
    return "internal"
