"""The static pages of content/pages: checked and read from YAML front matter, home
addresses, safe HTML, typography; and 404 pages.

Pelican is imported in the handlers only: ``make check`` imports ``site_pages.load``
without loading Pelican.
"""

from __future__ import annotations

HOME_TEMPLATE = "home"


def check_pages(pelican) -> None:
    """Every page is checked before Pelican reads any (all problems at once, no traceback)."""
    import datetime
    from pathlib import Path

    from kalo.problems import raise_if_errors
    from site_pages.footer import missing_footer_pages, shown_folder
    from site_pages.load import load_pages
    from site_pages.settings import site_pages_settings

    content = Path(pelican.settings["PATH"])
    problems = []
    existing: set[str] = set()
    for folder in pelican.settings.get("PAGE_PATHS", ()):
        result = load_pages(
            content / folder, today=datetime.date.today(), display_root=content.parent
        )
        problems.extend(result.problems)
        existing |= result.slugs
    footer = site_pages_settings(pelican.settings)["SITE_PAGES_FOOTER"]
    first_folder = content / (pelican.settings.get("PAGE_PATHS") or ["pages"])[0]
    if first_folder.is_dir():  # a site of organizations and workshops only has no footer pages
        problems += missing_footer_pages(
            footer, existing, shown_folder(first_folder, content.parent)
        )
    raise_if_errors(problems)


def install_footer_pages(generator) -> None:
    """``pages | footer_pages(lang)`` for the footer, with this plugin's setting."""
    from site_pages.footer import footer_pages
    from site_pages.settings import site_pages_settings

    slugs = site_pages_settings(generator.settings)["SITE_PAGES_FOOTER"]
    generator.env.filters["footer_pages"] = lambda pages, lang: footer_pages(pages, slugs, lang)


def use_front_matter_reader(readers) -> None:
    from site_pages.reader import FrontMatterMarkdownReader

    for extension in FrontMatterMarkdownReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterMarkdownReader


def prepare_page(instance) -> None:
    """Home pages live at / and /en/; every page's HTML is made safe and typeset."""
    from pelican.contents import Page

    from kalo.i18n import lang_prefix
    from site_pages.read_cache import read_cache

    if not isinstance(instance, Page):
        return
    if instance.template == HOME_TEMPLATE:
        prefix = lang_prefix(instance.lang)
        instance.override_url = prefix
        instance.override_save_as = f"{prefix}index.html"
    cache = read_cache(instance.settings)
    if cache is None:
        instance._content = _typeset(instance._content, instance.lang)
    else:
        instance._content = cache.typeset(instance._content, instance.lang, _typeset)


def _typeset(html: str, lang: str) -> str:
    from kalo.markup import sanitize, typography

    return sanitize(typography(html, lang))


def get_generators(_pelican):
    from site_pages.default_home import DefaultHomeGenerator
    from site_pages.not_found import NotFoundGenerator

    return [NotFoundGenerator, DefaultHomeGenerator]


def register():
    from pelican import signals

    from site_pages import read_cache

    signals.initialized.connect(check_pages)
    signals.all_generators_finalized.connect(read_cache.save)
    signals.readers_init.connect(use_front_matter_reader)
    signals.content_object_init.connect(prepare_page)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(install_footer_pages)
