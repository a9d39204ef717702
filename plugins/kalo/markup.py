"""Content Markdown → safe HTML, with typography right for each language.

Every piece of Markdown a volunteer writes goes through ``render_markdown``; every piece
of HTML from content goes through ``sanitize``: no script, event handler, ``javascript:``
URL, iframe, form, object or style attribute ever reaches a page.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import markdown
import nh3
from typogrify.filters import typogrify

from kalo.elot743 import slugify
from kalo.parallel import map_forked
from kalo.pickle_file import PickleStore

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "span": {"class", "lang"},
    "*": {"id", "lang"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Markdown headings start at h2: the page's own title is its only h1.
MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "toc"]
# Heading anchors are ELOT 743 slugs, so Greek headings get readable ids.
MARKDOWN_CONFIG = {
    "toc": {"baselevel": 2, "permalink": False, "slugify": lambda text, _sep: slugify(text)}
}


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def render_markdown(text: str, lang: str) -> str:
    """Markdown written by a volunteer, as safe HTML with the language's typography."""
    converter = _converter()
    converter.reset()  # Python-Markdown's way to reuse one converter: no state carried over
    return sanitize(typography(converter.convert(text), lang))


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter per process: building one (loading its extensions) costs more than
    converting a profile's text."""
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)


@lru_cache(maxsize=1)
def _code_version() -> str:
    """What a rendered text depends on besides itself: this module, the slugs, the libraries."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("markup.py", "elot743.py"):
        digest.update((here / name).read_bytes())
    for package in ("markdown", "nh3", "typogrify"):
        digest.update(f"{package}={version(package)}".encode())
    return digest.hexdigest()


def _render_pair(item: tuple[str, str]) -> str:
    return render_markdown(*item)


class MarkdownCache:
    """``render_markdown`` remembered by text and language, across builds: one pickle in
    ``folder`` per code version, holding only the texts of the last build (bounded).
    ``settings``: the build's, for how many processes render (``kalo.parallel``)."""

    def __init__(self, folder: Path, name: str = "markdown", settings: Mapping | None = None):
        self.file = Path(folder) / f"{name}-{_code_version()[:24]}.pickle"
        self.settings = settings
        self.prefix = f"{name}-"
        self.store = PickleStore(self.file, self.prefix)
        self.known: dict = self.store.known
        self.used: dict = {}

    def render(self, text: str, lang: str) -> str:
        return self.render_many([(text, lang)])[0]

    def render_many(self, items: list[tuple[str, str]]) -> list[str]:
        """``render_markdown(text, lang)`` of each item, in order: cached ones from the
        cache, the others on all cores when there are many (``kalo.parallel.map_forked``)."""
        keys = [
            hashlib.sha256(f"{lang}\0{text}".encode("utf-8", "surrogatepass")).digest()
            for text, lang in items
        ]
        # ``used``: rendered by this object (a long-lived one, the preview's, renders again).
        missing = [
            number
            for number, key in enumerate(keys)
            if key not in self.known and key not in self.used
        ]
        fresh = dict(
            zip(
                missing,
                map_forked(
                    _render_pair, [items[number] for number in missing], settings=self.settings
                ),
                strict=False,
            )
        )
        rendered = []
        for number, key in enumerate(keys):
            if number in fresh:
                html = fresh[number]
            else:
                html = self.used[key] if key in self.used else self.known[key]
            self.used[key] = html
            rendered.append(html)
        return rendered

    def save(self) -> None:
        if self.used.keys() == self.known.keys():
            return
        self.store.save(self.used)


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_SKIP_INSIDE = ("code", "pre", "kbd", "script", "style")


def typography(html: str, lang: str) -> str:
    """English: typogrify (smart quotes, dashes, widows). Greek: straight quotes → « »."""
    if lang == "en":
        return typogrify(html)
    return greek_quotes(html)


def greek_quotes(html: str) -> str:
    """Turn "straight" double quotes in Greek text into « »; keep code and tags as they are."""
    out = []
    skipping = 0
    opened = False
    for part in _TAG_OR_TEXT.split(html):
        if part.startswith("<"):
            name = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
            if name in _SKIP_INSIDE:
                skipping += -1 if part.startswith("</") else 1
            out.append(part)
            continue
        if skipping > 0 or '"' not in part:
            out.append(part)
            continue
        chars = []
        for index, char in enumerate(part):
            if char == '"':
                before = part[index - 1] if index else " "
                opening = not opened and (before.isspace() or before in "([—–-" or index == 0)
                chars.append("«" if opening else "»")
                opened = opening
            else:
                chars.append(char)
        out.append("".join(chars))
    return "".join(out)
