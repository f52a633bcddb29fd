"""The source layer: what an input format produces from a file.

* :class:`SourceMap`: every offset of the extracted prose mapped back to the
  source;
* :class:`TextBuilder`: builds the prose, its source map and its blocks while a
  format parser walks the source;
* :class:`Block` (headline, paragraph, caption...) and :class:`Comment`;
* :class:`ParseResult`: what a format's ``parse`` returns.

Nothing here imports the rest of newslint; input formats depend on this module
alone.  :class:`newslint.document.Document` wraps a parse result.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

#: Every block kind a format may produce.
BLOCK_KINDS = (
    "headline",  # the story's title (first line of plain text, <h1>, "# ")
    "heading",  # a sub-heading
    "paragraph",
    "caption",  # image alt text, <figcaption>, caption-like lines in plain text
    "blockquote",
    "list-item",
    "byline",
    "dateline",
    "table-cell",
)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of prose of one kind: ``Document.text[start:end]``."""

    kind: str
    start: int
    end: int
    index: int = 0

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in the source (``<!-- ... -->``) with its body and source range."""

    body: str
    source_start: int
    source_end: int
    #: Offset in ``Document.text`` where the comment stood.
    text_offset: int


class SourceMap:
    """Maps offsets in ``Document.text`` to offsets in ``Document.source``.

    The map is a sorted list of segments ``(text_start, text_len, source_start,
    source_len)``.  When both lengths are equal the segment is a verbatim copy and
    maps character by character.  Otherwise (an HTML entity, a separator the
    parser inserted) the whole text segment maps to the whole source range.
    """

    __slots__ = ("_t_starts", "_segments")

    def __init__(self, segments: list[tuple[int, int, int, int]]):
        self._segments = segments
        self._t_starts = [s[0] for s in segments]

    @classmethod
    def identity(cls, length: int) -> "SourceMap":
        return cls([(0, length, 0, length)])

    def _segment(self, offset: int) -> tuple[int, int, int, int]:
        i = bisect.bisect_right(self._t_starts, offset) - 1
        if i < 0:
            i = 0
        return self._segments[i]

    def to_source_start(self, offset: int) -> int:
        """Source offset where the text character at ``offset`` begins."""
        if not self._segments:
            return 0
        t0, tl, s0, sl = self._segment(offset)
        if tl == sl:
            return s0 + min(offset - t0, sl)
        if offset >= t0 + tl:
            return s0 + sl
        return s0

    def to_source_end(self, offset: int) -> int:
        """Source offset just after the text character at ``offset - 1``."""
        if not self._segments or offset <= 0:
            return self.to_source_start(0) if self._segments else 0
        t0, tl, s0, sl = self._segment(offset - 1)
        if tl == sl:
            return s0 + min(offset - t0, sl)
        return s0 + sl

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        s = self.to_source_start(start)
        if end <= start:
            return s, s
        e = self.to_source_end(end)
        return s, max(s, e)

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` is copied unchanged from the source."""
        if start >= end:
            t0, tl, s0, sl = self._segment(start)
            return tl == sl
        i = bisect.bisect_right(self._t_starts, start) - 1
        if i < 0:
            return False
        while i < len(self._segments):
            t0, tl, s0, sl = self._segments[i]
            if t0 >= end:
                break
            if tl != sl:
                return False
            # verbatim segments must also be contiguous in the source
            if i + 1 < len(self._segments) and t0 + tl < end:
                nt0, ntl, ns0, nsl = self._segments[i + 1]
                if ns0 != s0 + sl:
                    return False
            i += 1
        return True


class TextBuilder:
    """Builds ``Document.text``, its :class:`SourceMap` and blocks for a format parser."""

    def __init__(self, source: str):
        self.source = source
        self._parts: list[str] = []
        self._len = 0
        self._segments: list[tuple[int, int, int, int]] = []
        self._raw_blocks: list[tuple[str, int, int]] = []
        self._block_kind: str | None = None
        self._block_start = 0
        self._last_source = 0
        self.comments: list[Comment] = []

    @property
    def length(self) -> int:
        return self._len

    def _append(self, text: str, s0: int, sl: int) -> None:
        if not text and sl == 0:
            return
        tl = len(text)
        segs = self._segments
        if segs and tl == sl:
            pt0, ptl, ps0, psl = segs[-1]
            if ptl == psl and pt0 + ptl == self._len and ps0 + psl == s0:
                segs[-1] = (pt0, ptl + tl, ps0, psl + sl)
                self._parts.append(text)
                self._len += tl
                self._last_source = s0 + sl
                return
        segs.append((self._len, tl, s0, sl))
        self._parts.append(text)
        self._len += tl
        self._last_source = s0 + sl

    def verbatim(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        if end > start:
            self._append(self.source[start:end], start, end - start)

    def mapped(self, text: str, start: int, end: int) -> None:
        """Append ``text`` standing for ``source[start:end]`` (e.g. an entity)."""
        if text == self.source[start:end]:
            self.verbatim(start, end)
        else:
            self._append(text, start, end - start)

    def synthetic(self, text: str, at: int | None = None) -> None:
        """Append ``text`` that has no source (a separator); it maps to ``at``."""
        pos = self._last_source if at is None else at
        self._append(text, pos, 0)

    def comment(self, body: str, start: int, end: int) -> None:
        self.comments.append(Comment(body, start, end, self._len))

    def ends_with_space(self) -> bool:
        return bool(self._parts) and self._parts[-1][-1:].isspace()

    def start_block(self, kind: str) -> None:
        if self._block_kind is not None:
            self.end_block()
        if self._len:
            self.synthetic("\n\n")
        self._block_kind = kind
        self._block_start = self._len

    def end_block(self) -> None:
        if self._block_kind is None:
            return
        self._raw_blocks.append((self._block_kind, self._block_start, self._len))
        self._block_kind = None

    def ends_with_newline(self) -> bool:
        return bool(self._parts) and self._parts[-1].endswith("\n")

    def build(self) -> tuple[str, SourceMap, list[Block], list[Comment]]:
        """Finish: the text, its source map, the blocks (trimmed of surrounding
        whitespace, empty ones dropped) and the comments."""
        self.end_block()
        text = "".join(self._parts)
        blocks: list[Block] = []
        for kind, start, end in self._raw_blocks:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                blocks.append(Block(kind, start, end, len(blocks)))
        return text, SourceMap(self._segments), blocks, self.comments

    def result(self, warnings: list[tuple[int, str]] | None = None) -> "ParseResult":
        text, smap, blocks, comments = self.build()
        return ParseResult(text, smap, blocks, comments, warnings or [])


@dataclass
class ParseResult:
    """What an input format returns; the engine wraps it in a :class:`Document`."""

    text: str
    source_map: SourceMap
    blocks: list[Block]
    comments: list[Comment] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
