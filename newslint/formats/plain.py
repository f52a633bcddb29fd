"""Plain text: paragraphs separated by blank lines.

The first paragraph is the headline when it is a single short line.  A
single-line paragraph without closing punctuation (or one starting "Picture:",
"Photo:"...) is a caption, as photo captions are pasted into copy.  ``By ...``
lines are bylines.  ``<!-- ... -->`` comments are honoured so that inline
suppression works in plain text too.

Line ends: a ``\\r\\n`` inside a paragraph becomes ``"\\n"`` in the text, mapped
to both source characters, so rules see the same text whatever the line ends.
A byte-order mark left at the start of the string is not part of the text.

This module also holds small helpers shared by the Markdown and HTML parsers
(:class:`BlockWriter`, :func:`classify_short_block`).
"""

from __future__ import annotations

import re

from ..source import ParseResult, TextBuilder
from . import InputFormat

# two or more line ends with only blanks between (a literal "\n" first: fast search)
_PARA_SPLIT = re.compile(r"\n[ \t\f\v\r]*\n[ \t\f\v\r\n]*")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_CAPTION_PREFIX = re.compile(
    r"^(?:Picture|Photo|Photograph|Image|Caption|Pictured|Above|Below|Video)\s*[:\-–—]",
    re.I,
)
_CAPTION_SUFFIX = re.compile(
    r"\((?:[A-Z][\w .&/-]*)?(?:Getty Images|Reuters|AP|AFP|EPA|PA|Shutterstock|Alamy)\)\s*$"
)
_BYLINE = re.compile(
    r"^By\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|van|von|al))*"
    # "By Jane Smith, political correspondent" / "..., BBC News"
    r"(?:\s*[,–—-]\s*(?:[\w'’&.-]+\s+){0,5}?"
    r"(?i:correspondent|reporter|editor|writer|journalist|columnist|staff|news|analyst|producer"
    r"|contributor|critic|bureau|desk|agencies)"
    r"(?:\s+(?:in|at|for)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)?\s*$"
)
# Credit lines at the foot of wire copy: "Reporting by Jane Smith; Editing by Tom Lee"
_CREDIT = re.compile(
    r"^\(?\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced)\s+by)\s+[A-Z]"
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'-]+,\s*)?(?:\w+day,?\s*)?(?:\d{1,2}\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2})?,?\s+\d{4}$"
)
_CLOSING = ".!?:;\"'”’)]…"


def classify(line: str, first: bool) -> str:
    """The block kind of a plain-text paragraph ``line`` (already stripped)."""
    if "\n" in line:
        return "paragraph"
    words = line.split()
    if first and len(words) <= 25 and not line.endswith("."):
        return "headline"
    if len(words) <= 12 and _BYLINE.match(line):
        return "byline"
    if len(words) <= 25 and _CREDIT.match(line):
        return "byline"
    if len(words) <= 8 and _DATELINE.match(line):
        return "dateline"
    if _CAPTION_PREFIX.match(line) or _CAPTION_SUFFIX.search(line):
        return "caption"
    if len(words) >= 4 and line[-1] not in _CLOSING:
        return "caption"
    return "paragraph"


def classify_short_block(line: str) -> str | None:
    """"byline", "dateline" or "caption" for a one-line block of marked-up copy
    whose kind the markup does not say ("By Jane Smith", "Photo: ... (Reuters)"),
    else None.  Markup formats use only these explicit patterns, not the
    missing-full-stop heuristic plain text needs."""
    if "\n" in line:
        return None
    if len(line) < 120:
        nwords = line.count(" ") + 1
        if nwords <= 12 and _BYLINE.match(line):
            return "byline"
        if nwords <= 25 and _CREDIT.match(line):
            return "byline"
        if nwords <= 8:
            if _BYLINE.match(line):
                return "byline"
            if _DATELINE.match(line):
                return "dateline"
    if _CAPTION_PREFIX.match(line) or _CAPTION_SUFFIX.search(line):
        return "caption"
    return None


class BlockWriter:
    """Starts blocks lazily on a :class:`TextBuilder`.

    ``want(kind)`` ends the current block and names the next one; the block
    only starts (with its ``"\\n\\n"`` separator) when visible text arrives, so
    empty elements leave no trace in the text.
    """

    __slots__ = ("b", "kind", "open")

    def __init__(self, builder: TextBuilder):
        self.b = builder
        self.kind: str | None = None
        self.open = False

    def want(self, kind: str | None) -> None:
        if self.open:
            self.b.end_block()
            self.open = False
        self.kind = kind

    def ensure(self) -> bool:
        """Open the wanted block if needed; False when no block is wanted."""
        if not self.open:
            if self.kind is None:
                return False
            self.b.start_block(self.kind)
            self.open = True
        return True

    def close(self) -> None:
        self.want(None)


def parse(source: str) -> ParseResult:
    b = TextBuilder(source)
    pos = 1 if source.startswith("\ufeff") else 0
    first = True
    n = len(source)
    has_comments = "<!--" in source
    crlf = "\r" in source
    for m in _PARA_SPLIT.finditer(source, pos):
        end = m.start()
        if crlf and end and source[end - 1] == "\r":
            end -= 1
        _paragraph(b, source, pos, end, first, has_comments, crlf)
        if first and b.length:
            first = False
        pos = m.end()
    _paragraph(b, source, pos, n, first, has_comments, crlf)
    return b.result()


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–—]|\d{1,3}[.)])[ \t]+\S")
# a later line that starts with a list marker (anchored on the line end, so a long
# run of blanks is scanned once, not once per blank)
_LIST_LINE = re.compile(r"\n[ \t]*(?:[-*•–—]|\d{1,3}[.)])[ \t]+\S")


def _paragraph(
    b: TextBuilder, source: str, start: int, end: int, first: bool, has_comments: bool, crlf: bool
) -> None:
    """One blank-line-separated paragraph; lines that start with a list marker
    ("- ", "* ", "• ", "1. ") become list items, each its own block."""
    nl = source.find("\n", start, end)
    if nl == -1 or not (_LIST_ITEM.match(source, start, end) or _LIST_LINE.search(source, nl, end)):
        _block(b, source, start, end, first, has_comments, crlf)
        return
    pieces: list[tuple[int, int, str | None]] = []  # (start, end, forced kind)
    line_start = start
    cur_start, cur_kind = start, None
    while line_start < end:
        line_end = source.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end + 1
        if _LIST_ITEM.match(source, line_start, line_end):
            if line_start > cur_start:
                pieces.append((cur_start, line_start, cur_kind))
            cur_start, cur_kind = line_start, "list-item"
        line_start = line_end
    pieces.append((cur_start, end, cur_kind))
    for s, e, kind in pieces:
        _block(b, source, s, e, first and s == start, has_comments, crlf, kind)


def _block(
    b: TextBuilder, source: str, start: int, end: int, first: bool, has_comments: bool, crlf: bool,
    kind: str | None = None,
) -> None:
    while end > start and source[end - 1] in " \t\r\n\f\v":
        end -= 1
    while start < end and source[start] in " \t\r\n\f\v":
        start += 1
    comments: list[tuple[str, int, int]] = []
    if has_comments and source.find("<!--", start, end) != -1:
        # take comments out, keep everything else verbatim
        pieces: list[tuple[int, int]] = []
        cur = start
        for cm in _COMMENT.finditer(source, start, end):
            comments.append((cm.group(1), cm.start(), cm.end()))
            cut = cm.start()
            if cm.end() >= end or source[cm.end()] in " \t\r\n":
                # "word <!-- c --> word" and "word <!-- c -->\n": one space, not two
                while cut > cur and source[cut - 1] in " \t":
                    cut -= 1
            pieces.append((cur, cut))
            cur = cm.end()
        pieces.append((cur, end))
        visible = "".join(source[s:e] for s, e in pieces).strip()
    else:
        pieces = [(start, end)]
        visible = source[start:end].strip()
    if not visible:
        # blank, or a paragraph made only of comments
        for body, s, e in comments:
            b.comment(body, s, e)
        return
    if crlf:
        visible = visible.replace("\r\n", "\n")
    b.start_block(kind or classify(visible, first))
    for i, (s, e) in enumerate(pieces):
        if i:
            b.comment(*comments[i - 1])
        if crlf and source.find("\r\n", s, e) != -1:
            _verbatim_lf(b, source, s, e)
        else:
            b.verbatim(s, e)
    b.end_block()


def _verbatim_lf(b: TextBuilder, source: str, start: int, end: int) -> None:
    """Append ``source[start:end]`` with each ``\\r\\n`` as one ``\\n``."""
    cur = start
    i = source.find("\r\n", cur, end)
    while i != -1:
        b.verbatim(cur, i)
        b.mapped("\n", i, i + 2)
        cur = i + 2
        i = source.find("\r\n", cur, end)
    b.verbatim(cur, end)


FORMAT = InputFormat(
    name="text",
    extensions=(".txt", ".text"),
    parse=parse,
    description="Plain text, paragraphs separated by blank lines",
)
