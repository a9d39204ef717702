"""The analysis's results, for people: JSON, one HTML page, a terminal table.

Nothing here decides anything: ``seo.analysis.failing_pages`` says whether the build
fails, ``format_failures`` words it. The HTML page is the theme's ``seo_report.html``.
Output is deterministic: pages sorted by url then language, results in check order
(problems first on the HTML page and in the terminal).
Functions that write take the path to write; they write nowhere else, and they write
page by page: at 20,000 pages the whole report as one string took hundreds of megabytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any, TextIO

from jinja2 import Environment, FileSystemLoader, Template
from markupsafe import Markup

from kalo import i18n

from .analysis.failure import PageFailure
from .analysis.model import LEVEL_RANK, LEVELS, CheckResult, PageReport

FORMAT_VERSION = 1

SYMBOLS = {"good": "●", "ok": "▲", "problem": "✖"}


def _sorted(reports: Iterable[PageReport]) -> Sequence[PageReport]:
    """Pages by url then language; a sequence already in that order is used as it is."""
    if isinstance(reports, Sequence):
        keys = [(r.url, r.lang) for r in reports]
        if keys == sorted(keys):
            return reports
    return sorted(reports, key=lambda r: (r.url, r.lang))


def _worst_first(results: Sequence[CheckResult]) -> list[CheckResult]:
    order = {id(r): i for i, r in enumerate(results)}
    return sorted(results, key=lambda r: (-LEVEL_RANK[r.level], order[id(r)]))


def _summary(reports: Sequence[PageReport]) -> dict[str, int]:
    summary = {"pages": len(reports)}
    for level in LEVELS:
        summary[level] = sum(1 for r in reports if r.rating == level)
    return summary


# --- JSON -------------------------------------------------------------------------


def report_data(reports: Iterable[PageReport]) -> dict[str, Any]:
    """Everything in the reports as plain data: ``{"format", "summary", "pages"}``."""
    pages = _sorted(reports)
    return {
        "format": FORMAT_VERSION,
        "summary": _summary(pages),
        "pages": [page.to_dict() for page in pages],
    }


def to_json(reports: Iterable[PageReport]) -> str:
    """The same reports always give the same text (sorted keys and pages, final newline)."""
    out = io.StringIO()
    _json_into(_sorted(reports), out, Fragments())
    return out.getvalue()


def write_json(
    reports: Iterable[PageReport], path: str | Path, fragments: Fragments | None = None
) -> Path:
    return _write_with(
        Path(path), lambda pages, out: _json_into(pages, out, fragments or Fragments()), reports
    )


def _json_into(pages: Sequence[PageReport], out: TextIO, fragments: Fragments) -> None:
    """``report_data`` as JSON with sorted keys, one page per line: readable in a diff, and
    written by the json module's C encoder (an indented dump is pure Python and took most
    of the time of writing the report)."""
    out.write('{"format": ' + json.dumps(FORMAT_VERSION) + ', "pages": [')
    for number, page in enumerate(pages):
        text = fragments.get(
            "json",
            page,
            0,
            lambda page=page: json.dumps(page.to_dict(), ensure_ascii=False, sort_keys=True),
        )
        out.write(("," if number else "") + "\n" + text)
    summary = json.dumps(_summary(pages), ensure_ascii=False, sort_keys=True)
    out.write("\n], " if pages else "], ")
    out.write('"summary": ' + summary + "}\n")


# --- HTML -------------------------------------------------------------------------

# The theme's template of the report page; its strings are in the theme's catalogs.
TEMPLATE = "seo_report.html"
THEME_TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "templates"


def _ui_lang(page: PageReport) -> str:
    """The language of a page's section: its own, or English for a language the interface
    has no catalog for."""
    return page.lang if page.lang in i18n.LANGS else i18n.SOURCE_LANG


def _escape(value: Any) -> str:
    """Every value the template shows, escaped as ``html.escape`` does (``&#x27;``,
    ``&quot;``: the bytes the report had before it was a template) unless it is Markup."""
    if type(value) is str:
        return escape(value)
    if isinstance(value, Markup):
        return value
    if type(value) is int:  # scores and counts: nothing to escape
        return str(value)
    return escape(str(value))


def _as_html(macro: Callable[..., str]) -> Callable[..., Markup]:
    """A macro whose output is HTML (its own values escaped inside it), as Markup."""
    return lambda *args: Markup(macro(*args))


def _by_lang_and_level(render: Callable[[str, str], Markup]) -> dict[str, dict[str, Markup]]:
    """``render(level, lang)`` for every language and level: made once per report."""
    return {lang: {level: render(level, lang) for level in LEVELS} for lang in i18n.LANGS}


def report_template(templates: Path = THEME_TEMPLATES) -> Template:
    """The report page's template, from the theme's ``templates`` folder (Jinja reloads it
    when the file changed)."""
    return _environment(Path(templates)).get_template(TEMPLATE)


@lru_cache(maxsize=4)
def _environment(templates: Path) -> Environment:
    """Escaping is done by ``finalize`` rather than Jinja's autoescape: the same safety
    (every value is escaped unless it is Markup), ``html.escape``'s entities, and less than
    half the time (autoescape wraps every value in Markup twice; the report shows about 75
    values per page, for every page of the site)."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=False,
        finalize=_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        translate=i18n.translate,
        N_=lambda message: message,
        as_html=_as_html,
        by_lang_and_level=_by_lang_and_level,
        fragment=_no_fragments,
    )
    return env


def _no_fragments(kind: str, page: PageReport, number: int, caller) -> Markup:
    """A page's part of the report, rendered (``Fragments`` keeps them across builds)."""
    return Markup(caller())


class KnownReport:
    """A page of the report whose parts are kept (``Fragments.stand_in``): its address,
    language, title, keyphrase, score, light, source file and counts, not its results."""

    __slots__ = ("url", "lang", "title", "keyphrase", "score", "rating", "source", "_counts")

    def __init__(self, url, lang, title, keyphrase, score, rating, source, counts):
        self.url, self.lang, self.title, self.keyphrase = url, lang, title, keyphrase
        self.score, self.rating, self.source, self._counts = score, rating, source, counts

    def counts(self) -> dict[str, int]:
        return dict(self._counts)


class Fragments:
    """Each page's parts of the report (its row and section in the HTML page, its line of
    the JSON, its details in the table), by what they are made of: the page's report (its
    cache key, ``keys``: the ``id`` of each ``PageReport`` → its key) and its place.

    Two stores of the last build: ``known``, each page's summary and places (small, read
    by every build: it says which pages need no analysis), and the parts themselves
    (``parts()``, 20 MB at 1,000 organizations), read only when the report is written.
    ``used``: this build's summaries and parts, to keep for the next (``for_stores``)."""

    def __init__(
        self,
        known: dict | None = None,
        keys: dict[int, str] | None = None,
        parts: Callable[[], dict] | None = None,
    ):
        self.known = known if known is not None else {}
        self.keys = keys if keys is not None else {}
        self._read_parts = parts
        self._parts: dict | None = None
        self.used: dict = {}
        # ``id`` of each page's report → a digest of its results (``remember``, ``stand_in``).
        self.results: dict[int, str] = {}
        # (cache key, place) of each page that stands in for its kept parts.
        self.standing_in: list[tuple[str, int]] = []

    @property
    def parts(self) -> dict:
        if self._parts is None:
            self._parts = self._read_parts() if self._read_parts is not None else {}
        return self._parts

    def get(self, kind: str, page: PageReport, number: int, make: Callable[[], str]) -> str:
        key = self.keys.get(id(page))
        if key is None:
            return make()
        entry = (kind, key, number)
        found = self.used.get(entry)  # made by ``remember`` in this build
        if found is None:
            found = self.parts.get(entry)
        if found is None:
            found = make()
        self.used[entry] = found
        return found

    PARTS = ("json", "details")  # made once per page; "row" and "section" per place too

    def stand_in(self, key: str, number: int) -> KnownReport | None:
        """A page whose every part was kept (its results and its place unchanged): what the
        report needs of it besides those parts, without its results. None otherwise, or
        when the page fails the build (its results are needed then). Its parts are read
        only if the report is written (``kept_parts_complete``)."""
        summary = self.known.get(("summary", key, 0))
        if summary is None or summary[-1] or ("place", key, number) not in self.known:
            return None
        self.used[("summary", key, 0)] = summary
        self.standing_in.append((key, number))
        page = KnownReport(*summary[:-2])
        self.keys[id(page)] = key
        self.results[id(page)] = summary[-2]
        return page

    def kept_parts_complete(self) -> bool:
        """Before the report is written: every part of the pages that stand in is there
        (False when the parts' store was lost or damaged: those pages are analysed again)."""
        parts = self.parts
        for key, number in self.standing_in:
            entries = [(kind, key, 0) for kind in self.PARTS]
            entries += [("row", key, number), ("section", key, number)]
            if not all(entry in parts for entry in entries):
                return False
            for entry in entries:
                self.used[entry] = parts[entry]
        return True

    def for_stores(self) -> tuple[dict, dict]:
        """This build's (summaries and places, parts), for the two stores. A page's place
        is kept when its row is: a page with a summary and that place has every part."""
        summaries: dict = {}
        parts: dict = {}
        for entry, value in self.used.items():
            if entry[0] == "summary":
                summaries[entry] = value
            else:
                parts[entry] = value
                if entry[0] == "row":
                    summaries[("place", entry[1], entry[2])] = True
        return summaries, parts

    def remember(self, page: PageReport, fails: bool) -> None:
        """What ``stand_in`` gives of this page in the next build."""
        key = self.keys.get(id(page))
        # Its line of the JSON report, which holds every result: made here (once), its
        # digest says whether the page's part of the report can have changed.
        text = json.dumps(page.to_dict(), ensure_ascii=False, sort_keys=True)
        self.results[id(page)] = hashlib.sha256(f"{fails}\0{text}".encode()).hexdigest()
        if key is not None:
            summary = (
                page.url,
                page.lang,
                page.title,
                page.keyphrase,
                page.score,
                page.rating,
                page.source,
                page.counts(),
                self.results[id(page)],
                fails,
            )
            self.used[("summary", key, 0)] = summary
            self.used[("json", key, 0)] = text

    def report_digest(self, pages: Iterable[PageReport], setup: str) -> str | None:
        """A digest of everything the report shows: ``setup`` (what writes it) and each
        page's results, in order; None when a page's results are not known."""
        digest = hashlib.sha256(setup.encode())
        for page in pages:
            results = self.results.get(id(page))
            if results is None:
                return None
            digest.update(f"{page.url}\0{page.lang}\0{results}\n".encode())
        return digest.hexdigest()

    def template_global(self) -> Callable[..., Markup]:
        def fragment(kind: str, page: PageReport, number: int, caller) -> Markup:
            return Markup(self.get(kind, page, number, lambda: str(caller())))

        return fragment


def render_html(reports: Iterable[PageReport], templates: Path = THEME_TEMPLATES) -> str:
    """One self-contained page (no scripts, no external files, ``noindex``).

    The page's frame is in Greek and English; each page's section is in that page's
    language. Every text from content is escaped.
    """
    out = io.StringIO()
    _html_into(_sorted(reports), out, templates)
    return out.getvalue()


def _html_into(
    pages: Sequence[PageReport],
    stream: TextIO,
    templates: Path,
    fragments: Fragments | None = None,
) -> None:
    """The template, written piece by piece as it renders (never the whole page in memory)."""
    extra = {"fragment": fragments.template_global()} if fragments is not None else {}
    parts = report_template(templates).generate(
        pages=pages,
        summary=_summary(pages),
        levels=LEVELS,
        symbols=SYMBOLS,
        worst_first=_worst_first,
        ui_lang=_ui_lang,
        **extra,
    )
    for part in parts:
        stream.write(part)


def write_html(
    reports: Iterable[PageReport],
    path: str | Path,
    templates: Path = THEME_TEMPLATES,
    fragments: Fragments | None = None,
) -> Path:
    return _write_with(
        Path(path), lambda pages, out: _html_into(pages, out, templates, fragments), reports
    )


# --- Terminal ---------------------------------------------------------------------


def format_table(reports: Iterable[PageReport], details: bool = True) -> str:
    """A plain-text table for ``make seo``: one row per page, worst score first.

    With ``details``, each page's ok and problem results follow its table, with their
    advice in the page's language.
    """
    out = io.StringIO()
    _table_into(_sorted(reports), out, details, Fragments())
    return out.getvalue()


def write_table(
    reports: Iterable[PageReport],
    path: str | Path,
    details: bool = True,
    fragments: Fragments | None = None,
) -> Path:
    return _write_with(
        Path(path),
        lambda pages, out: _table_into(pages, out, details, fragments or Fragments()),
        reports,
    )


def _details(page: PageReport) -> str:
    """A page's ok and problem results, worst first, for the table (nothing if none)."""
    bad = [r for r in _worst_first(page.results) if r.level != "good"]
    if not bad:
        return ""
    lines = [f"\n{page.url} ({page.lang}, {page.score}/100)\n"]
    for result in bad:
        symbol = SYMBOLS[result.level]
        lines.append(f"  {symbol} {result.level:<7} {result.id}: {result.advice}\n")
    return "".join(lines)


def _table_into(
    by_url: Sequence[PageReport], stream: TextIO, details: bool, fragments: Fragments
) -> None:
    # Worst score first; a page's place in ``by_url`` breaks ties (a stable sort).
    order = sorted(range(len(by_url)), key=lambda number: by_url[number].score)
    pages = [by_url[number] for number in order]
    header = ("score", "light", "lang", "problem", "ok", "page")
    rows = []
    for p in pages:
        counts = p.counts()
        rows.append(
            (
                str(p.score),
                p.rating,
                p.lang,
                str(counts["problem"]),
                str(counts["ok"]),
                p.url + (f"  [{p.source}]" if p.source else ""),
            )
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    right = {0, 3, 4}

    def line(row: Sequence[str]) -> str:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row[:-1])
        ]
        return "  ".join([*cells, row[-1]]).rstrip()

    stream.write(line(header) + "\n" + line(["-" * w for w in widths] + ["-" * 4]) + "\n")
    for row in rows:
        stream.write(line(row) + "\n")
    summary = _summary(pages)
    stream.write(
        f"\n{summary['pages']} pages: "
        + ", ".join(f"{summary[level]} {level}" for level in LEVELS)
        + "\n"
    )
    if details:
        for page in pages:
            stream.write(fragments.get("details", page, 0, lambda page=page: _details(page)))


def format_failures(failures: Iterable[PageFailure], min_score: int | None = None) -> str:
    """Why the build fails, one block per page, in English and the page's advice."""
    out = []
    for failure in failures:
        page = failure.report
        where = f"{page.url} [{page.source}]" if page.source else page.url
        out.append(f"{where} ({page.lang}): SEO score {page.score}/100")
        if failure.low_score:
            limit = f" {min_score}" if min_score is not None else ""
            out.append(f"  score below the minimum{limit}")
        for result in failure.results:
            out.append(f"  {result.level} {result.id}: {result.advice}")
    return "\n".join(out) + ("\n" if out else "")


def _write_with(path: Path, write_into, reports: Iterable[PageReport]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        write_into(_sorted(reports), out)
    return path
