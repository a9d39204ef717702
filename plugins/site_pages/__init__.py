"""The static pages of content/pages: home addresses, safe HTML, typography; and 404 pages."""

from pelican import signals
from pelican.contents import Page

from kalo.i18n import lang_prefix
from kalo.markup import sanitize, typography
from site_pages.default_home import DefaultHomeGenerator
from site_pages.not_found import NotFoundGenerator

HOME_TEMPLATE = "home"


def prepare_page(instance) -> None:
    """Home pages live at / and /en/; every page's HTML is made safe and typeset."""
    if not isinstance(instance, Page):
        return
    if instance.template == HOME_TEMPLATE:
        prefix = lang_prefix(instance.lang)
        instance.override_url = prefix
        instance.override_save_as = f"{prefix}index.html"
    instance._content = sanitize(typography(instance._content, instance.lang))


def get_generators(_pelican):
    return [NotFoundGenerator, DefaultHomeGenerator]


def register():
    signals.content_object_init.connect(prepare_page)
    signals.get_generators.connect(get_generators)
