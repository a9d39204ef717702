"""Pelican's Markdown reader for pages whose fields are YAML front matter between '---'
lines (the format of the web editor and of the workshop summaries), checked beforehand by
``load.py``. The values go through Pelican's own metadata handling, so a page reads as it
did with Pelican's ``Key: value`` lines (the summary is Markdown, keywords one line). What a
page's reading made is kept across builds (``site_pages.read_cache``)."""

from __future__ import annotations

from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader

from kalo.frontmatter import read_front_matter_file
from kalo.problems import ContentErrors
from site_pages.read_cache import read_cache
from site_pages.schema import GUIDE


class FrontMatterMarkdownReader(MarkdownReader):
    file_extensions = ["md"]

    def read(self, source_path):
        cache = read_cache(self.settings)
        if cache is None:
            return self._read(source_path)
        source = Path(source_path).read_bytes()
        return cache.read(str(source_path), source, lambda: self._read(source_path))

    def _read(self, source_path):
        self._source_path = source_path
        self._md = Markdown(**self.settings["MARKDOWN"])
        split = read_front_matter_file(Path(source_path), file=source_path, guide=GUIDE)
        if split.document is None:  # load.py refused it before the build began
            raise ContentErrors(split.problems)
        # The leading blank line keeps Markdown's own "Key: value" reader off the text.
        content = self._md.convert("\n" + split.body)
        meta = {str(name): [_as_text(value)] for name, value in split.document.data.items()}
        return content, self._parse_metadata(meta)


def _as_text(value) -> str:
    if isinstance(value, list):
        return ", ".join(" ".join(str(item).split()) for item in value)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
