"""The document model: one object owns every coordinate.

A :class:`Document` keeps

* ``source``: the exact file contents as decoded text (a UTF-8 byte-order mark is
  removed and remembered in ``has_bom``);
* ``text``: the prose a reader sees, with markup removed.  Blocks are separated by
  ``"\\n\\n"``; line breaks inside a block are kept as ``"\\n"``;
* a :class:`SourceMap` from every offset of ``text`` back to ``source``;
* ``blocks``: headline, paragraph, caption... each a half-open range of ``text``;
* ``comments``: the HTML-style comments found in the source (used for inline
  suppression).

Rules read ``text`` and report half-open offsets into it.  Line and column are
computed in one place, :meth:`Document.position`, for output.  Nobody searches
the text again to find where something was.

Analyses (sentences, words, quotations with their attributions...) are computed
lazily, once per document, and kept in the document's typed stash
(:mod:`newslint.stash`).  The document declares the shared analyses it offers as
properties; the analysis layer (:mod:`newslint.analysis`) provides them.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from .source import BLOCK_KINDS, Block, Comment, ParseResult, SourceMap, TextBuilder
from .stash import Analysis, Stash

if TYPE_CHECKING:  # pragma: no cover
    from .analysis.quotes import Quote
    from .analysis.text import Sentence, Word

_LINE_END = re.compile(r"\r\n?|\n")

class Document:
    """One article: its source, its prose, the map between them, and shared analyses."""

    def __init__(
        self,
        source: str,
        text: str,
        source_map: SourceMap,
        blocks: list[Block],
        *,
        path: str = "-",
        format: str = "text",
        comments: list[Comment] | None = None,
        has_bom: bool = False,
        warnings: list[tuple[int, str]] | None = None,
    ):
        self.source = source
        self.text = text
        self.source_map = source_map
        self.blocks = blocks
        self.path = path
        self.format = format
        self.comments = comments or []
        self.has_bom = has_bom
        #: Parser warnings as (source offset, message), reported by a meta rule.
        self.warnings = warnings or []
        #: Analyses computed for this document, each under a typed key.
        self.stash = Stash()
        self._block_starts = [b.start for b in blocks]

    # -- coordinates -------------------------------------------------------

    @cached_property
    def _line_starts(self) -> list[int]:
        """Offsets where lines start; a line ends at LF, CRLF or a lone CR."""
        src = self.source
        if "\r" in src:
            return [0] + [m.end() for m in _LINE_END.finditer(src)]
        starts = [0]
        find = src.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def source_position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count code points."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, source_offset) - 1
        return line + 1, source_offset - starts[line] + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source of ``text`` offset ``offset``."""
        return self.source_position(self.source_map.to_source_start(offset))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source_map.span_to_source(start, end)

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]

    # -- blocks ------------------------------------------------------------

    def block_at(self, offset: int) -> Block | None:
        """The block containing text offset ``offset`` (None between blocks)."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0:
            b = self.blocks[i]
            if b.start <= offset < b.end or (offset == b.end and b.end > b.start):
                return b
        return None

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def blocks_of(self, *kinds: str) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind in kinds)

    # -- shared analyses (provided by newslint.analysis) ---------------------

    @property
    def sentences(self) -> list["Sentence"]:
        return SENTENCES.of(self)

    @property
    def words(self) -> list["Word"]:
        return WORDS.of(self)

    @property
    def quotes(self) -> list["Quote"]:
        return QUOTES.of(self)

    def in_quote(self, offset: int) -> bool:
        """True when text offset ``offset`` lies inside a quotation."""
        return _QUOTE_INDEX.of(self).contains(offset)

    @property
    def word_count(self) -> int:
        return len(WORDS.of(self))


class _IntervalIndex:
    """Membership test for a set of half-open intervals."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, intervals: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(intervals):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


#: The shared analyses a document offers; :mod:`newslint.analysis` provides them.
SENTENCES: Analysis[list["Sentence"]] = Analysis("sentences")
WORDS: Analysis[list["Word"]] = Analysis("words")
QUOTES: Analysis[list["Quote"]] = Analysis("quotes")
_QUOTE_INDEX: Analysis[_IntervalIndex] = Analysis("quote index")
_QUOTE_INDEX.provide(lambda doc: _IntervalIndex([(q.inner_start, q.inner_end) for q in doc.quotes]))


__all__ = [
    "BLOCK_KINDS",
    "Block",
    "Comment",
    "Document",
    "ParseResult",
    "QUOTES",
    "SENTENCES",
    "SourceMap",
    "TextBuilder",
    "WORDS",
]
