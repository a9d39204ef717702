"""Start Pelican without docutils, which only its reStructuredText reader uses.

The site's content is Markdown (the content contract), and ``pelicanconf.py`` turns
Pelican's reStructuredText reader off (``READERS = {"rst": None, ...}``). Importing Pelican
imports docutils for that reader all the same, and Pillow with it: 0.08 s of the 0.2 s a
build takes to start. ``python -m kalo.build`` puts light stand-ins in their place before
it imports Pelican (``install``); a build whose settings turn the reader on is refused
with a clear message (``check``) instead of failing inside the stand-ins. Nothing else
imports docutils; the build's output is the same either way.
"""

from __future__ import annotations

import sys
import types

from kalo.problems import Problem, raise_if_errors

# Modules Pelican imports for its reStructuredText reader (pelican/readers.py).
STAND_INS = (
    "docutils",
    "docutils.core",
    "docutils.io",
    "docutils.parsers",
    "docutils.parsers.rst",
    "docutils.parsers.rst.languages",
    "docutils.writers",
    "docutils.writers.html4css1",
    "pelican.rstdirectives",  # registers directives with docutils, nothing else
)
MARK = "__kalo_stand_in__"


class _Absent:
    """What Pelican subclasses at import time (``HTMLTranslator``, ``Writer``)."""

    def __init__(self, *args, **kwargs):
        raise RuntimeError(_WHY)


_WHY = "docutils was not loaded: this build reads Markdown only (READERS turns 'rst' off)"


def _absent(name: str):
    raise AttributeError(f"{_WHY}; {name} is not available")


def install() -> bool:
    """Put the stand-ins in place, if Pelican and docutils are not imported yet."""
    if any(name in sys.modules for name in ("pelican", "docutils")):
        return False
    for name in STAND_INS:
        module = types.ModuleType(name, "A stand-in (kalo.without_docutils).")
        setattr(module, MARK, True)
        module.__path__ = []  # a package: its submodules are stand-ins too
        module.__getattr__ = _absent
        sys.modules[name] = module
    sys.modules["docutils.parsers.rst.languages"].get_language = _no_language
    writer = sys.modules["docutils.writers.html4css1"]
    writer.HTMLTranslator = type("HTMLTranslator", (_Absent,), {})
    writer.Writer = type("Writer", (_Absent,), {})
    for name in STAND_INS:  # as an import would: each submodule an attribute of its package
        parent, _, child = name.rpartition(".")
        if parent in sys.modules and parent.startswith("docutils"):
            setattr(sys.modules[parent], child, sys.modules[name])
    return True


def _no_language(*_args):
    raise RuntimeError(_WHY)


def installed() -> bool:
    return getattr(sys.modules.get("docutils"), MARK, False)


def check(settings: dict, settings_file) -> None:
    """Refuse a build that would read reStructuredText without docutils."""
    if not installed():
        return
    readers = settings.get("READERS") or {}
    if "rst" in readers and readers["rst"] is None:
        return
    raise_if_errors(
        [
            Problem(
                str(settings_file),
                None,
                "READERS",
                "the reStructuredText reader is on, but this project reads Markdown pages "
                'only: keep READERS = {"rst": None, ...} as in pelicanconf.py',
                "ο αναγνώστης reStructuredText είναι ενεργός, αλλά το έργο διαβάζει μόνο "
                'σελίδες Markdown: κρατήστε READERS = {"rst": None, ...} όπως στο pelicanconf.py',
            )
        ]
    )
