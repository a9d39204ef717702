"""Counting a page's links of one kind, followed or not."""

from __future__ import annotations

from ..context import Context
from ..links import LinkKind, link_kind


def count_links(ctx: Context, kind: LinkKind) -> tuple[int, int]:
    """(followed, nofollow) links of ``kind`` in the main content."""
    followed = nofollow = 0
    for link in ctx.content.links:
        if link_kind(link.href, ctx.page.url, ctx.page.site_host) != kind:
            continue
        if link.nofollow:
            nofollow += 1
        else:
            followed += 1
    return followed, nofollow
