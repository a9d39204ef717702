"""The observatory's figures: the state of the ecosystem on /figures/ and /en/figures/.

Counts come from the published organizations (``context["organizations"]``) and, when the
workshops plugin is on, from the programme (``context["workshop_programme"]``). Charts are
SVG written at build time (``figures.svg``), each with its numbers in a table beside it.
"""

from pelican import signals


def get_generators(_pelican):
    from figures.generator import FiguresGenerator

    return FiguresGenerator


# Signal → handler, in one table (tests check the registration against it).
HANDLERS = ((signals.get_generators, get_generators),)


def register():
    for signal, handler in HANDLERS:
        signal.connect(handler)
