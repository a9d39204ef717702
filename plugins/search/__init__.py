"""Search with Pagefind: the search pages, and an index of the built site in parts.

Pages are noted as they are written (``content_written``, with their kind from the
context, and the digest of their bytes); once every page of an indexed kind is written
(the search pages' generator comes after the organizations, workshops and static pages),
the parts of the index that are not in the cache are made in a forked process while the
build goes on (``kalo.parallel.start_forked``). When Pelican has finished (``finalized``,
still inside the build's staging folder) the parts are put into the output; a page noted
after the start is indexed then. Only organizations, workshops and static pages are
indexed, never listings, facets, reports, removal pages, 404 or fallback pages.
Unpublished organizations are never written, so they cannot be indexed.
docs/search-and-map.md.
"""

# One index per build, keyed by its output folder: signals carry no build object.
_builds: dict[str, dict] = {}


def _start(pelican) -> None:
    from kalo.output import output_of
    from search.settings import search_settings

    _builds[pelican.output_path] = {
        "pages": [],
        "digests": [],
        "job": None,
        "kinds": search_settings(pelican.settings)["SEARCH_KINDS"],
        "written": None,
        "output_of": output_of,
    }


def _page_written(path, context) -> None:
    from search.select import indexed_page

    output = context.get("OUTPUT_PATH")
    build = _builds.get(output)
    if build is None:
        return
    path = str(path)
    rel = path[len(output) + 1 :] if path.startswith(output + "/") else path
    page = indexed_page(rel, context, build["kinds"])
    if page is not None:
        if build["written"] is None:
            build["written"] = build["output_of"](context)
        build["pages"].append(page)
        build["digests"].append(build["written"].digest(path))


# The pages noted, handed over from a forked process (kalo.write_beside), in order.
def _mark(output_path: str):
    build = _builds.get(output_path)
    return len(build["pages"]) if build is not None else None


def _since(output_path: str, mark):
    build = _builds.get(output_path)
    if build is None or mark is None:
        return None
    return build["pages"][mark:], build["digests"][mark:]


def _take(output_path: str, notes) -> None:
    build = _builds.get(output_path)
    if build is not None and notes is not None:
        build["pages"].extend(notes[0])
        build["digests"].extend(notes[1])


def _plan(settings, build):
    from kalo.cache import cache_dir
    from search.indexer import pagefind_binary, plan_parts
    from search.settings import search_settings

    options = search_settings(settings)
    binary = pagefind_binary(options["SEARCH_PAGEFIND_BINARY"])
    pages = build["pages"]
    return (
        options,
        binary,
        cache_dir(settings, "search"),
        plan_parts(pages, build["digests"], options, binary),
    )


def start_indexing(settings) -> None:
    """Make the missing parts of the index beside the build (the pages are all written)."""
    from pathlib import Path

    from kalo.live import live_pages
    from kalo.output import output_of
    from kalo.parallel import start_forked, worker_count
    from search.indexer import index_parts, missing_parts
    from search.settings import search_settings

    build = _builds.get(settings["OUTPUT_PATH"])
    if build is None or not build["pages"] or not search_settings(settings)["SEARCH_ENABLED"]:
        return
    if live_pages(settings) is not None:
        # The live preview indexes in its own background process once the site is quiet
        # (kalo.preview): a job forked here could not be waited for there, nor should a
        # save wait for it.
        return
    build["plan"] = options, binary, cache, parts = _plan(settings, build)
    build["started"] = len(build["pages"])
    missing = missing_parts(parts, cache)
    if not missing:
        return
    build["made"] = len(missing)
    output, written = Path(settings["OUTPUT_PATH"]), output_of(settings)
    workers = worker_count(len(missing), settings=settings, parallel_from=2)
    build["job"] = start_forked(
        lambda: index_parts(
            missing, options, cache, lambda path: written.readable(output / path), binary, workers
        ),
        settings=settings,
    )


def _finish(pelican) -> None:
    from pathlib import Path

    from kalo import timing
    from kalo.output import output_of
    from search.indexer import finish_index, index_parts, missing_parts
    from search.settings import search_settings

    build = _builds.pop(pelican.output_path, None)
    if build is None or not search_settings(pelican.settings)["SEARCH_ENABLED"]:
        return
    if not build["pages"]:
        import logging

        logging.getLogger(__name__).warning(
            "search: no page to index yet; the search page will find nothing"
        )
        return
    with timing.step("search index"):
        if build["job"] is not None:
            build["job"].result()
        # Planned again only if pages were noted after the index was started.
        planned = build.get("plan")
        if planned is None or build.get("started") != len(build["pages"]):
            planned = _plan(pelican.settings, build)
        options, binary, cache, parts = planned
        output, written = Path(pelican.output_path), output_of(pelican.settings)
        missing = missing_parts(parts, cache)  # pages noted after the start, if any
        index_parts(missing, options, cache, lambda path: written.readable(output / path), binary)
        made = build.get("made", 0) + len(missing)
        finish_index(parts, output, options, cache, written, made)


def get_generators(_pelican):
    from search.generator import SearchPageGenerator

    return SearchPageGenerator


def register():
    from pelican import signals

    from kalo.write_beside import keep_notes

    signals.initialized.connect(_start)
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(_page_written)
    keep_notes(_page_written, _mark, _since, _take)
    signals.finalized.connect(_finish)
