"""Search with Pagefind: the search pages, and an index per language of the built site.

Pages are noted as they are written (``content_written``, with their kind from the
context); when Pelican has finished (``finalized``, still inside the build's staging
folder) Pagefind indexes exactly those pages: organizations, workshops and static pages,
never listings, facets, reports, removal pages, 404 or fallback pages. Unpublished
organizations are never written, so they cannot be indexed. docs/search-and-map.md.
"""

# One list of pages per build, keyed by its output folder: signals carry no build object.
_noted: dict[str, list] = {}


def _start(pelican) -> None:
    _noted[pelican.output_path] = []


def _page_written(path, context) -> None:
    import os

    from search.select import indexed_page
    from search.settings import search_settings

    output = context.get("OUTPUT_PATH")
    pages = _noted.get(output)
    if pages is None:
        return
    rel = os.path.relpath(str(path), output).replace(os.sep, "/")
    page = indexed_page(rel, context, search_settings(context)["SEARCH_KINDS"])
    if page is not None:
        pages.append(page)


def _finish(pelican) -> None:
    from pathlib import Path

    from kalo import timing
    from kalo.cache import cache_dir
    from kalo.output import output_of
    from search.indexer import build_index
    from search.settings import search_settings

    pages = _noted.pop(pelican.output_path, None)
    options = search_settings(pelican.settings)
    if pages is not None and options["SEARCH_ENABLED"]:
        with timing.step("search index"):
            build_index(
                Path(pelican.output_path),
                sorted(pages, key=lambda p: p.path),
                options,
                cache=cache_dir(pelican.settings, "search"),
                written=output_of(pelican.settings),
            )


def get_generators(_pelican):
    from search.generator import SearchPageGenerator

    return SearchPageGenerator


def register():
    from pelican import signals

    signals.initialized.connect(_start)
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(_page_written)
    signals.finalized.connect(_finish)
