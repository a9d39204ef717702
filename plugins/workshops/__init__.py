"""Workshop summaries: read and validate content/workshops/*.md, write the programme's pages.

Pages: one per workshop and language, one per series, the programme overview, the
findings-and-needs page; feeds: an iCalendar of dated sessions and an Atom feed per
language. Participating organizations are linked only when they are published.

Pelican is imported in ``handlers()`` only: ``make check`` imports ``workshops.load``
without loading Pelican.
"""


def get_generators(_pelican):
    from workshops.generator import WorkshopsGenerator

    return WorkshopsGenerator


def handlers():
    """Signal → handler, in one table (tests check the registration against it)."""
    from pelican import signals

    return ((signals.get_generators, get_generators),)


def register():
    for signal, handler in handlers():
        signal.connect(handler)
