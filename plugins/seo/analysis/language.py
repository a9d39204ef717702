"""Words, stems and keyphrase matching for Greek and English pages.

A word's *key* is its stem after case, accents (tonos and diaeresis, ΐ ΰ ϊ ϋ included)
and final sigma are folded away, so «κοινωνική κουζίνα» matches «Κοινωνικής Κουζίνας» and
«ΚΟΙΝΩΝΙΚΕΣ ΚΟΥΖΙΝΕΣ». Words in Greek script go through Snowball's Greek stemmer, all
others through its English one, whatever the page's language (a Greek page may name
a "Repair Café"). The stemmers are Snowball's own C code, through PyStemmer: the same
algorithms as the pure-Python ``snowballstemmer`` package (the same stems for the 14,600
words of the sample and the benchmark's site, checked when it was chosen), some 50 times
quicker, and loaded in a millisecond instead of the 15 ms of its thirty languages.

Two facts about Snowball 3.1's Greek stemmer shape ``word_key``:

- its Greek stemmer lowercases by itself, but turns a lowercase ΐ or ϊ into η
  («προϊόν» → «προηον»), so words are folded *before* stemming;
- it gives some inflected forms stems that differ by a final vowel or a short suffix
  («οικονομία» → οικονομ, «οικονομίας» → οικονομι; «κοινωνική» → κοινωνικ,
  «κοινωνικού» → κοινων). Trailing vowels are trimmed from Greek stems, and two Greek
  keys also match when the shorter (at least 5 letters) starts the longer one and they
  differ by at most 2 letters (``same_word``).

A keyphrase *matches* a text when each of its content words (stop words ignored)
appears in it; it matches as an *exact phrase* when its content words appear in order,
one after another, with only stop words between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from kalo.text import fold

from .stopwords import STOP_WORDS

WORD_PATTERN = re.compile(r"[^\W_]+")
GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
GREEK_VOWELS = frozenset("αεηιουω")
SENTENCE_END = re.compile(r"(?<=[.!?;;·…])\s+")

_GREEK_STEMMER = Stemmer.Stemmer("greek")
_ENGLISH_STEMMER = Stemmer.Stemmer("english")


def is_greek(word: str) -> bool:
    return GREEK_LETTER.search(word) is not None


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The matching key of one word: folded, stemmed, Greek trailing vowels trimmed."""
    folded = fold(word)
    if is_greek(folded):
        stem = _GREEK_STEMMER.stemWord(folded)
        while len(stem) > 2 and stem[-1] in GREEK_VOWELS:
            stem = stem[:-1]
        return stem
    return _ENGLISH_STEMMER.stemWord(folded)


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Whether two keys (from ``word_key``) stand for the same word."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return (
        len(short) >= 5
        and len(long_) - len(short) <= 2
        and long_.startswith(short)
        and is_greek(short)
    )


@dataclass(frozen=True)
class Word:
    """One word of a text: as written, its key, and whether it is a stop word."""

    text: str
    key: str
    stop: bool


@lru_cache(maxsize=65536)
def _word(text: str) -> Word:
    # One Word per spelling: pages repeat their words, and the analysis of 20,000 pages
    # made millions of them.
    return Word(text, word_key(text), fold(text) in STOP_WORDS)


def words(text: str) -> tuple[Word, ...]:
    """The words of a text, in order (numbers count as words)."""
    return tuple(map(_word, WORD_PATTERN.findall(text)))


def _keys_matching(key: str, candidates: Iterable[Word]) -> frozenset[str]:
    """The keys among ``candidates`` that stand for the same word as ``key``: each key
    is compared once, not once per occurrence."""
    return frozenset(k for k in {w.key for w in candidates} if same_word(key, k))


def sentences(text: str) -> list[str]:
    """Sentences of one block of text (Greek «;» and «·» end sentences too)."""
    return [s for s in SENTENCE_END.split(text.strip()) if s]


@dataclass(frozen=True)
class Match:
    """How a keyphrase was found in a text.

    ``found`` of the keyphrase's ``total`` content words appear; ``start`` is the
    position, among the text's content words, where the exact phrase first begins
    (None when it does not appear in order).
    """

    found: int
    total: int
    start: int | None

    @property
    def all_words(self) -> bool:
        return self.total > 0 and self.found == self.total

    @property
    def exact(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class Keyphrase:
    """A focus keyphrase, split into the words that must be found."""

    text: str
    words: tuple[Word, ...]
    """Content words; all the words when every word is a stop word."""

    @classmethod
    def parse(cls, text: str | None) -> Keyphrase | None:
        """The keyphrase, or None when ``text`` is empty or has no words."""
        all_words = words(text or "")
        if not all_words:
            return None
        content = tuple(w for w in all_words if not w.stop) or all_words
        return cls(text.strip(), content)

    @property
    def only_stop_words(self) -> bool:
        return all(w.stop for w in self.words)

    def key(self, lang: str) -> str:
        """The same for every wording of the same keyphrase in the same language.

        «Κοινωνική κουζίνα» and «κουζίνες κοινωνικές» share a key; word order is ignored.
        """
        return f"{lang}:" + " ".join(sorted({w.key for w in self.words}))

    def _candidates(self, text_words: Sequence[Word]) -> list[Word]:
        if self.only_stop_words:
            return list(text_words)
        return [w for w in text_words if not w.stop]

    def match(self, text: str | Sequence[Word]) -> Match:
        """Where and how much of the keyphrase appears in ``text``."""
        text_words = words(text) if isinstance(text, str) else text
        candidates = self._candidates(text_words)
        matching = [_keys_matching(k.key, candidates) for k in self.words]
        found = sum(1 for keys in matching if keys)
        n = len(self.words)
        start = None
        for i in range(len(candidates) - n + 1):
            if all(candidates[i + j].key in keys for j, keys in enumerate(matching)):
                start = i
                break
        return Match(found=found, total=n, start=start)

    def count(self, text_sentences: Iterable[str | Sequence[Word]]) -> int:
        """How many times the keyphrase is used, Yoast-style.

        In each sentence, the keyphrase is counted as many times as its rarest content
        word appears there; the counts of all sentences are added up.
        """
        per_sentence = [
            self._candidates(words(sentence) if isinstance(sentence, str) else sentence)
            for sentence in text_sentences
        ]
        every_word = [w for candidates in per_sentence for w in candidates]
        matching = [_keys_matching(k.key, every_word) for k in self.words]
        return sum(
            min(sum(1 for w in candidates if w.key in keys) for keys in matching)
            for candidates in per_sentence
        )


def keyphrase_key(keyphrase: str | None, lang: str) -> str | None:
    """The key under which a page's focus keyphrase is compared with other pages'."""
    parsed = Keyphrase.parse(keyphrase)
    return parsed.key(lang) if parsed else None
