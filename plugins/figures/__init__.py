"""The observatory's figures: the state of the ecosystem on /figures/ and /en/figures/.

Counts come from the published organizations (``context["organizations"]``) and, when the
workshops plugin is on, from the programme (``context["workshop_programme"]``). Charts are
SVG written at build time (``figures.svg``), each with its numbers in a table beside it.
"""


def get_generators(_pelican):
    from figures.generator import FiguresGenerator

    return FiguresGenerator


# Signal (its name in pelican.signals) → handler, in one table (tests check the
# registration against it); Pelican is imported only when the plugin is registered.
HANDLERS = (("get_generators", get_generators),)


def register():
    from pelican import signals

    for signal, handler in HANDLERS:
        getattr(signals, signal).connect(handler)
