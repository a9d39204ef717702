"""Pelican glue for page metadata: Jinja helpers for JSON-LD and share links, and the
sitemap and robots.txt written when the build is finished."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from jinja2 import pass_context
from markupsafe import Markup

from seo import jsonld
from seo.sitemap import SitemapEntry, write_robots, write_sitemaps


def absolute_site_url(settings) -> str:
    """SITEURL when it is absolute (publishing); the local server's address otherwise."""
    site_url = settings.get("SITEURL", "")
    if site_url.startswith(("http://", "https://")):
        return site_url.rstrip("/")
    return f"http://localhost:{settings.get('PORT', 8000)}"


@pass_context
def absolute(context, path: str) -> str:
    return f"{absolute_site_url(context)}/{path}"


def script_json(data) -> Markup:
    return Markup(jsonld.script_json(data))


@pass_context
def jsonld_organization(context, org, lang: str, logo_url=None, image_urls=()) -> dict:
    site = absolute_site_url(context)
    page_url = f"{site}/{context['page_url']}"
    return jsonld.organization(org, lang, page_url, site, logo_url, tuple(image_urls))


@pass_context
def jsonld_event(context, workshop, lang: str, text, image_path: str | None = None) -> dict:
    from kalo import codes

    site = absolute_site_url(context)
    place = (
        codes.label("municipality", workshop.municipality, lang) if workshop.municipality else None
    )
    return jsonld.event(
        workshop,
        lang,
        f"{site}/{context['page_url']}",
        text,
        codes.label("series", workshop.series, lang),
        place,
        f"{site}/{image_path}" if image_path else None,
    )


@pass_context
def jsonld_breadcrumbs(context, trail) -> dict:
    site = absolute_site_url(context)
    return jsonld.breadcrumbs([(name, f"{site}/{url}") for name, url in trail])


@pass_context
def jsonld_website(context, name: str, lang: str) -> dict:
    return jsonld.website(
        name, f"{absolute_site_url(context)}/{'' if lang == 'el' else 'en/'}", lang
    )


SHARE_TARGETS = (
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    ("X", "https://x.com/intent/post?url={url}&text={title}"),
    ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("Viber", "viber://forward?text={title}%20{url}"),
)


@pass_context
def share_links(context, title: str) -> list[tuple[str, str]]:
    """Plain links to each network's share page: no third-party script, no tracker."""
    url = quote(f"{absolute_site_url(context)}/{context.get('page_url', '')}", safe="")
    text = quote(title, safe="")
    links = [(name, pattern.format(url=url, title=text)) for name, pattern in SHARE_TARGETS]
    links.append(("E-mail", f"mailto:?subject={text}&body={url}"))
    return links


def install_jinja_helpers(generator) -> None:
    generator.env.globals.update(
        jsonld_organization=jsonld_organization,
        jsonld_event=jsonld_event,
        jsonld_breadcrumbs=jsonld_breadcrumbs,
        jsonld_website=jsonld_website,
        share_links=share_links,
    )
    generator.env.filters.update(absolute=absolute, script_json=script_json)


class SitemapCollector:
    """Indexable pages as they are written, for the sitemap; one per build."""

    def __init__(self, settings):
        self.site_url = absolute_site_url(settings)
        self.entries: dict[str, SitemapEntry] = {}
        self.analysed: list = []  # seo.analysis_step.WrittenPage, in the order written

    def add(self, context) -> None:
        page = context.get("page")
        noindex = context.get("noindex") or bool(
            page is not None and getattr(page, "is_fallback", False)
        )
        if noindex:
            return
        if page is not None and "page_url" not in context:
            url, alternates, lastmod = (
                page.url,
                getattr(page, "alternates", {}),
                page.metadata.get("modified"),
            )
        else:
            url = context.get("page_url")
            alternates, lastmod = context.get("alternates") or {}, context.get("lastmod")
        if url is None:
            return
        absolute_url = f"{self.site_url}/{url}"
        self.entries[absolute_url] = SitemapEntry(
            url=absolute_url,
            lastmod=lastmod.date()
            if hasattr(lastmod, "date") and callable(lastmod.date)
            else lastmod,
            alternates={lang: f"{self.site_url}/{href}" for lang, href in alternates.items()},
        )

    def write(self, output: Path) -> None:
        write_sitemaps(list(self.entries.values()), output, self.site_url)
        write_robots(output, self.site_url)
