"""The parts of a page's main content HTML that the checks read.

libxml2's HTML parser (through lxml, already used for SVG logos) reads the markup: it is
more than twice as fast as the standard library's, which took half of the analysis of
a page, and it recovers from bad markup the way browsers do.

Text is gathered into blocks (paragraphs, headings, list items, table cells...), in
document order; links and images are listed with their attributes. Text inside
``script``, ``style``, ``template``, ``noscript``, ``svg`` and ``math`` is not content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre
    section summary table tbody td tfoot th thead tr ul""".split()
)
SKIPPED_TAGS = frozenset("script style template noscript svg math".split())
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
SUBHEADING_TAGS = frozenset({"h2", "h3"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A start tag closes an open element of these kinds first, innermost first.
_IMPLIED_END = {
    "li": ({"li"},),
    "dt": ({"dt", "dd"},),
    "dd": ({"dt", "dd"},),
    "td": ({"td", "th"},),
    "th": ({"td", "th"},),
    "tr": ({"td", "th"}, {"tr"}),
}
_SPACES = re.compile(r"\s+")
_FRAME_TAGS = frozenset({"html", "head", "body"})


@dataclass(frozen=True)
class Block:
    """A run of text and the innermost block element around it ('' at top level)."""

    tag: str
    text: str


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    rel: tuple[str, ...] = ()

    @property
    def nofollow(self) -> bool:
        return "nofollow" in self.rel


@dataclass(frozen=True)
class Image:
    src: str
    alt: str | None
    """None when the ``alt`` attribute is missing; '' for a decorative image."""


@dataclass(frozen=True)
class Content:
    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    images: tuple[Image, ...]

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.tag == "p")

    @property
    def subheadings(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.tag in SUBHEADING_TAGS)

    @property
    def first_paragraph(self) -> str:
        """The first ``<p>``; without one, the first block of text that is not a heading."""
        if self.paragraphs:
            return self.paragraphs[0]
        for block in self.blocks:
            if block.tag not in HEADING_TAGS:
                return block.text
        return ""


class _Collector:
    """lxml's parser target: gathers blocks, links and images from the parser's events."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self._stack: list[str] = []  # open block elements
        self._buffer: list[str] = []
        self._skip_depth = 0
        self._link: tuple[dict[str, str | None], list[str]] | None = None

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._buffer)).strip()
        self._buffer = []
        if text:
            self.blocks.append(Block(self._stack[-1] if self._stack else "", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            if tag not in VOID_TAGS:
                self._skip_depth += 1
            return
        if self._skip_depth:
            return
        attributes = dict(attrs)
        if tag in BLOCK_TAGS:
            self._flush()
            self._close_implied(tag)
            if tag not in VOID_TAGS:
                self._stack.append(tag)
        elif tag == "br":
            self._buffer.append(" ")
        elif tag == "img":
            self.images.append(Image(attributes.get("src") or "", attributes.get("alt")))
        elif tag == "a" and attributes.get("href") is not None:
            self._close_link()
            self._link = (attributes, [])

    def _close_implied(self, tag: str) -> None:
        """Close the elements that HTML closes by itself (``<p>a<p>b``, ``<li>a<li>b``)."""
        if self._stack and self._stack[-1] == "p":
            self._stack.pop()
        for closed in _IMPLIED_END.get(tag, ()):
            if self._stack and self._stack[-1] in closed:
                self._stack.pop()

    # lxml's target interface; the document frame libxml2 adds around a fragment is not content
    def start(self, tag: str, attrib) -> None:
        if tag not in _FRAME_TAGS:
            self.handle_starttag(tag, list(attrib.items()))

    def end(self, tag: str) -> None:
        if tag not in VOID_TAGS and tag not in _FRAME_TAGS:
            self.handle_endtag(tag)

    def data(self, data: str) -> None:
        self.handle_data(data)

    def comment(self, _text: str) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if self._skip_depth:
            return
        if tag in BLOCK_TAGS and tag in self._stack:
            self._flush()
            while self._stack.pop() != tag:
                pass
        elif tag == "a":
            self._close_link()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self._buffer.append(data)
        if self._link is not None:
            self._link[1].append(data)

    def _close_link(self) -> None:
        if self._link is None:
            return
        attributes, parts = self._link
        self._link = None
        rel = tuple((attributes.get("rel") or "").lower().split())
        text = _SPACES.sub(" ", "".join(parts)).strip()
        self.links.append(Link((attributes.get("href") or "").strip(), text, rel))

    def close(self) -> Content:
        self._close_link()
        self._flush()
        return Content(tuple(self.blocks), tuple(self.links), tuple(self.images))


def parse_html(html: str) -> Content:
    """Blocks of text, links and images of an HTML fragment (tolerant of bad markup)."""
    if not html.strip():
        return Content((), (), ())
    parser = etree.HTMLParser(target=_Collector(), no_network=True, remove_comments=True)
    parser.feed(html)
    return parser.close()
