"""The analysis's results, for people: JSON, one HTML page, a terminal table.

Nothing here decides anything: ``seo.analysis.failing_pages`` says whether the build
fails, ``format_failures`` words it. Output is deterministic: pages sorted by url then
language, results in check order (problems first on the HTML page and in the terminal).
Functions that write take the path to write; they write nowhere else, and they write
page by page: at 20,000 pages the whole report as one string took hundreds of megabytes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import Any, TextIO

from .analysis.failure import PageFailure
from .analysis.model import LEVEL_RANK, LEVELS, CheckResult, PageReport

FORMAT_VERSION = 1

LABELS = {
    "el": {"good": "Καλό", "ok": "Βελτιώσιμο", "problem": "Πρόβλημα"},
    "en": {"good": "Good", "ok": "Could be better", "problem": "Problem"},
}
SYMBOLS = {"good": "●", "ok": "▲", "problem": "✖"}
WORDS = {
    "el": {
        "keyphrase": "Φράση-κλειδί",
        "none": "(καμία)",
        "score": "Βαθμός",
        "source": "Αρχείο",
        "check": "Έλεγχος",
    },
    "en": {
        "keyphrase": "Keyphrase",
        "none": "(none)",
        "score": "Score",
        "source": "File",
        "check": "Check",
    },
}


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
    _json_into(_sorted(reports), out)
    return out.getvalue()


def write_json(reports: Iterable[PageReport], path: str | Path) -> Path:
    return _write_with(Path(path), _json_into, reports)


def _json_into(pages: Sequence[PageReport], out: TextIO) -> None:
    """``report_data`` as JSON with sorted keys, one page per line: readable in a diff, and
    written by the json module's C encoder (an indented dump is pure Python and took most
    of the time of writing the report)."""
    out.write('{"format": ' + json.dumps(FORMAT_VERSION) + ', "pages": [')
    for number, page in enumerate(pages):
        text = json.dumps(page.to_dict(), ensure_ascii=False, sort_keys=True)
        out.write(("," if number else "") + "\n" + text)
    summary = json.dumps(_summary(pages), ensure_ascii=False, sort_keys=True)
    out.write("\n], " if pages else "], ")
    out.write('"summary": ' + summary + "}\n")


# --- HTML -------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:60rem;padding:1rem}
body{color:#1a1a1a;background:#fff}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right}
section{border-top:2px solid #1a1a1a;margin-top:2rem}
ul.results{list-style:none;padding:0}
ul.results li{margin:.4rem 0;padding-left:.6rem;border-left:.4rem solid}
li.good{border-color:#1b7a2f}li.ok{border-color:#b35c00}li.problem{border-color:#b00020}
.level{font-weight:bold}
.level.good{color:#1b7a2f}.level.ok{color:#8a4700}.level.problem{color:#b00020}
code{font-size:.9em}
a:focus,a:hover{outline:2px solid #1a1a1a}
""".strip()


def _level(level: str, lang: str) -> str:
    return (
        f'<span class="level {level}"><span aria-hidden="true">{SYMBOLS[level]}</span> '
        f"{escape(LABELS[lang][level])}</span>"
    )


def _both(el: str, en: str) -> str:
    return f'<span lang="el">{escape(el)}</span> / <span lang="en">{escape(en)}</span>'


def render_html(reports: Iterable[PageReport]) -> str:
    """One self-contained page (no scripts, no external files, ``noindex``).

    The page's frame is in Greek and English; each page's section is in that page's
    language. Every text from content is escaped.
    """
    out = io.StringIO()
    _html_into(_sorted(reports), out)
    return out.getvalue()


def _html_into(pages: Sequence[PageReport], stream: TextIO) -> None:
    summary = _summary(pages)
    out = [
        "<!DOCTYPE html>",
        '<html lang="el">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        "<title>Αναφορά SEO / SEO report</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_both('Αναφορά SEO', 'SEO report')}</h1>",
        "<p>"
        + _both("Σελίδες", "Pages")
        + f": {summary['pages']}. "
        + " · ".join(
            f'<span class="level {level}"><span aria-hidden="true">{SYMBOLS[level]}</span> '
            f"{_both(LABELS['el'][level], LABELS['en'][level])}</span>: {summary[level]}"
            for level in LEVELS
        )
        + "</p>",
        "<table>",
        "<caption>"
        + _both("Όλες οι σελίδες, με τον βαθμό τους (0–100)", "All pages, with their score (0–100)")
        + "</caption>",
        "<thead><tr>"
        f'<th scope="col">{_both("Σελίδα", "Page")}</th>'
        f'<th scope="col">{_both("Γλώσσα", "Language")}</th>'
        f'<th scope="col">{_both("Βαθμός", "Score")}</th>'
        f'<th scope="col">{_both("Συνολικά", "Overall")}</th>'
        "</tr></thead>",
        "<tbody>",
    ]
    stream.write("\n".join(out))
    for number, page in enumerate(pages, 1):
        stream.write(
            f'\n<tr><td><a href="#page-{number}">{escape(page.url)}</a></td>'
            f"<td>{escape(page.lang)}</td>"
            f'<td class="num">{page.score}</td>'
            f'<td lang="{escape(page.lang)}">{_level(page.rating, page.lang)}</td></tr>'
        )
    stream.write("\n</tbody>\n</table>")
    for number, page in enumerate(pages, 1):
        stream.write("\n" + _page_section(number, page))
    stream.write("\n</main>\n</body>\n</html>\n")


def _page_section(number: int, page: PageReport) -> str:
    lang = page.lang if page.lang in WORDS else "en"
    words = WORDS[lang]
    keyphrase = escape(page.keyphrase) if page.keyphrase else escape(words["none"])
    lines = [
        f'<section id="page-{number}" lang="{escape(page.lang)}" '
        f'aria-labelledby="page-{number}-title">',
        f'<h2 id="page-{number}-title">{escape(page.title) or escape(page.url)}</h2>',
        "<dl>",
        f"<dt>URL</dt><dd><code>{escape(page.url)}</code></dd>",
    ]
    if page.source:
        lines.append(
            f"<dt>{escape(words['source'])}</dt><dd><code>{escape(page.source)}</code></dd>"
        )
    lines += [
        f"<dt>{escape(words['keyphrase'])}</dt><dd>{keyphrase}</dd>",
        f"<dt>{escape(words['score'])}</dt>"
        f"<dd>{page.score} / 100 · {_level(page.rating, lang)}</dd>",
        "</dl>",
        '<ul class="results">',
    ]
    for result in _worst_first(page.results):
        lines.append(
            f'<li class="{result.level}">{_level(result.level, lang)}: '
            f"{escape(result.advice)} <small>(<code>{escape(result.id)}</code>)</small></li>"
        )
    lines += ["</ul>", "</section>"]
    return "\n".join(lines)


def write_html(reports: Iterable[PageReport], path: str | Path) -> Path:
    return _write_with(Path(path), _html_into, reports)


# --- Terminal ---------------------------------------------------------------------


def format_table(reports: Iterable[PageReport], details: bool = True) -> str:
    """A plain-text table for ``make seo``: one row per page, worst score first.

    With ``details``, each page's ok and problem results follow its table, with their
    advice in the page's language.
    """
    out = io.StringIO()
    _table_into(_sorted(reports), out, details)
    return out.getvalue()


def write_table(reports: Iterable[PageReport], path: str | Path, details: bool = True) -> Path:
    return _write_with(Path(path), lambda pages, out: _table_into(pages, out, details), reports)


def _table_into(by_url: Sequence[PageReport], stream: TextIO, details: bool) -> None:
    # Worst score first; a page's place in ``by_url`` breaks ties (a stable sort).
    order = sorted(range(len(by_url)), key=lambda number: by_url[number].score)
    pages = [by_url[number] for number in order]
    header = ("score", "light", "lang", "problem", "ok", "page")
    rows = [
        (
            str(p.score),
            p.rating,
            p.lang,
            str(len(p.at_level("problem"))),
            str(len(p.at_level("ok"))),
            p.url + (f"  [{p.source}]" if p.source else ""),
        )
        for p in pages
    ]
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
            bad = [r for r in _worst_first(page.results) if r.level != "good"]
            if not bad:
                continue
            stream.write(f"\n{page.url} ({page.lang}, {page.score}/100)\n")
            for result in bad:
                symbol = SYMBOLS[result.level]
                stream.write(f"  {symbol} {result.level:<7} {result.id}: {result.advice}\n")


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
