"""SEO analysis of the site's pages (Yoast-style keyphrase checks, in Greek and English).

``seo.analysis`` is pure Python, with no Pelican import: it takes a description of one
rendered page and returns its checks and score. ``seo.settings`` holds the ``SEO_*``
defaults; ``seo.report`` writes the results as JSON, an HTML page (the theme's
``seo_report.html``) and a terminal table. Pelican is imported only by ``register()``, so
importing any of them costs no Pelican start-up.
"""

# One collector per build, keyed by its output folder: signals carry no build object.
_collectors: dict[str, object] = {}


def _start(pelican) -> None:
    from seo.metadata import SitemapCollector

    _collectors[pelican.output_path] = SitemapCollector(pelican.settings)


def _page_written(path, context) -> None:
    from seo.written_page import note_page  # light: the analysis loads at the end

    collector = _collectors.get(context.get("OUTPUT_PATH"))
    if collector is not None and str(path).endswith(".html"):
        collector.add(context)
        noted = note_page(path, context)
        if noted is not None:
            collector.analysed.append(noted)


# What a build's collector noted, handed over from a forked process (kalo.write_beside):
# the sitemap's entries (by address) and the pages to analyse (in order).
def _mark(output_path: str):
    collector = _collectors.get(output_path)
    if collector is None:
        return None
    return dict(collector.entries), len(collector.analysed)


def _since(output_path: str, mark):
    collector = _collectors.get(output_path)
    if collector is None or mark is None:
        return None
    entries, analysed = mark
    changed = {url: e for url, e in collector.entries.items() if entries.get(url) is not e}
    return changed, collector.analysed[analysed:]


def _take(output_path: str, notes) -> None:
    collector = _collectors.get(output_path)
    if collector is not None and notes is not None:
        collector.entries.update(notes[0])
        collector.analysed.extend(notes[1])


def _finish(pelican) -> None:
    from pathlib import Path

    from kalo import timing
    from seo.analysis_step import analyze_and_report

    collector = _collectors.pop(pelican.output_path, None)
    if collector is not None:
        output = Path(pelican.output_path)
        with timing.step("sitemap"):
            collector.write(output)
        with timing.step("SEO analysis"):
            analyze_and_report(collector.analysed, output, pelican.settings, collector.site_url)


def _install_helpers(generator) -> None:
    from seo.metadata import install_jinja_helpers

    install_jinja_helpers(generator)


def register():
    from pelican import signals

    from kalo.write_beside import keep_notes

    signals.initialized.connect(_start)
    signals.generator_init.connect(_install_helpers)
    signals.content_written.connect(_page_written)
    keep_notes(_page_written, _mark, _since, _take)
    signals.finalized.connect(_finish)
