"""sitemap.xml with language alternates, and robots.txt.

Pages are collected as they are written (Pelican's ``content_written`` signal); a page that
is ``noindex`` (removal pages, translation fallbacks, reports) is left out. ``lastmod``
comes from the content's own dates, never the build time, so builds stay deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

MAX_URLS = 50_000  # per sitemap file (sitemaps.org)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # absolute
    lastmod: date | None = None
    alternates: dict[str, str] = field(default_factory=dict)  # lang → absolute URL


def _entry_xml(entry: SitemapEntry) -> str:
    lines = [f"<url><loc>{escape(entry.url)}</loc>"]
    if entry.lastmod:
        lines.append(f"<lastmod>{entry.lastmod.isoformat()}</lastmod>")
    if len(entry.alternates) > 1:
        for lang, href in sorted(entry.alternates.items()):
            lines.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(href)}/>')
        default = entry.alternates.get("el")
        if default:
            lines.append(
                f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(default)}/>'
            )
    lines.append("</url>")
    return "".join(lines)


def _urlset(entries: list[SitemapEntry]) -> str:
    body = "\n".join(_entry_xml(entry) for entry in entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n{body}\n</urlset>\n'
    )


def write_sitemaps(
    entries: list[SitemapEntry], output: Path, site_url: str, max_urls: int = MAX_URLS
) -> list[Path]:
    """sitemap.xml, or a sitemap index with sitemap-N.xml files beyond ``max_urls``."""
    entries = sorted(entries, key=lambda entry: entry.url)
    if len(entries) <= max_urls:
        path = output / "sitemap.xml"
        path.write_text(_urlset(entries), encoding="utf-8")
        return [path]
    written = []
    parts = [entries[i : i + max_urls] for i in range(0, len(entries), max_urls)]
    index_lines = []
    for number, part in enumerate(parts, start=1):
        path = output / f"sitemap-{number}.xml"
        path.write_text(_urlset(part), encoding="utf-8")
        written.append(path)
        newest = max((e.lastmod for e in part if e.lastmod), default=None)
        lastmod = f"<lastmod>{newest.isoformat()}</lastmod>" if newest else ""
        index_lines.append(f"<sitemap><loc>{escape(site_url)}/{path.name}</loc>{lastmod}</sitemap>")
    index = output / "sitemap.xml"
    index.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="{SITEMAP_NS}">\n' + "\n".join(index_lines) + "\n</sitemapindex>\n",
        encoding="utf-8",
    )
    return [index, *written]


def write_robots(output: Path, site_url: str) -> Path:
    path = output / "robots.txt"
    path.write_text(
        f"User-agent: *\nAllow: /\nDisallow: /seo/\n\nSitemap: {site_url}/sitemap.xml\n",
        encoding="utf-8",
    )
    return path
