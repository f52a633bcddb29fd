"""Plain text: paragraphs separated by blank lines.

The first paragraph is the headline when it is a single short line.  A
single-line paragraph without closing punctuation (or one starting "Picture:",
"Photo:"...) is a caption, as photo captions are pasted into copy.  ``By ...``
lines are bylines.  ``<!-- ... -->`` comments are honoured so that inline
suppression works in plain text too.
"""

from __future__ import annotations

import re

from ..document import ParseResult, TextBuilder
from . import InputFormat

_PARA_SPLIT = re.compile(r"(?:\r?\n[ \t\f\v\r]*){2,}")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_CAPTION_PREFIX = re.compile(
    r"^(?:Picture|Photo|Photograph|Image|Caption|Pictured|Above|Below|Video)\s*[:\-–—]",
    re.I,
)
_CAPTION_SUFFIX = re.compile(
    r"\((?:[A-Z][\w .&/-]*)?(?:Getty Images|Reuters|AP|AFP|EPA|PA|Shutterstock|Alamy)\)\s*$"
)
_BYLINE = re.compile(r"^By\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&|de|van|von|al))*\s*$")
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
    if len(words) <= 8 and _BYLINE.match(line):
        return "byline"
    if len(words) <= 8 and _DATELINE.match(line):
        return "dateline"
    if _CAPTION_PREFIX.match(line) or _CAPTION_SUFFIX.search(line):
        return "caption"
    if len(words) >= 4 and line[-1] not in _CLOSING:
        return "caption"
    return "paragraph"


def parse(source: str) -> ParseResult:
    b = TextBuilder(source)
    pos = 0
    first = True
    n = len(source)
    for m in list(_PARA_SPLIT.finditer(source)) + [None]:
        end = m.start() if m is not None else n
        nxt = m.end() if m is not None else n
        _paragraph(b, source, pos, end, first)
        if b.length:
            first = False
        pos = nxt
    return b.result()


def _paragraph(b: TextBuilder, source: str, start: int, end: int, first: bool) -> None:
    # take comments out, keep everything else verbatim
    pieces: list[tuple[int, int]] = []
    cur = start
    for cm in _COMMENT.finditer(source, start, end):
        b.comment(cm.group(1), cm.start(), cm.end())
        pieces.append((cur, cm.start()))
        cur = cm.end()
    pieces.append((cur, end))
    visible = "".join(source[s:e] for s, e in pieces).strip()
    if not visible:
        # a paragraph made only of comments: keep their text offset stable
        return
    b.start_block(classify(visible, first))
    # strip leading/trailing whitespace of the paragraph from the text
    for s, e in pieces:
        b.verbatim(s, e)
    b.end_block()


FORMAT = InputFormat(
    name="text",
    extensions=(".txt", ".text"),
    parse=parse,
    description="Plain text, paragraphs separated by blank lines",
)
