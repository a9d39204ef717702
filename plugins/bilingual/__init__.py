"""Greek at the root, English under /en/: interface strings, dates and counterparts.

- Every template gets ``_()``/``gettext``/``ngettext`` and ``{% trans %}`` in the language
  of the page being written (``lang`` in the context, else the page's own language).
- Filters ``date``, ``number``, ``upper`` (Greek capitals without accents), ``label``
  (a code's label) and ``url`` (an address under SITEURL) are the same everywhere.
- A Greek page without an English translation gets an English fallback page that shows
  the Greek text marked ``lang="el"`` with a notice (docs/translating.md).
"""


def _install_helpers(generator) -> None:
    from bilingual.jinja import install_jinja_helpers

    install_jinja_helpers(generator)


def _add_fallbacks(generator) -> None:
    from bilingual.fallbacks import add_fallback_pages

    add_fallback_pages(generator)


def register():
    from pelican import signals

    signals.generator_init.connect(_install_helpers)
    signals.page_generator_finalized.connect(_add_fallbacks)
