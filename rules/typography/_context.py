"""Small helpers shared by the typography rules (not a rule module)."""

from __future__ import annotations

import re
from typing import Any

from newslint.document import Document


class LazyPattern:
    """A regular expression compiled on first use, so that importing a rule module
    (which every run of the command line does) costs no compilation."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> "re.Pattern[str]":
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # finditer, search, match, pattern...
        return getattr(self.compiled, name)


def word_before(doc: Document, offset: int, limit: int = 30) -> str:
    """The run of non-space characters ending at ``offset`` (for messages only)."""
    text = doc.text
    i = offset
    stop = max(0, offset - limit)
    while i > stop and not text[i - 1].isspace():
        i -= 1
    return text[i:offset]


def word_after(doc: Document, offset: int, limit: int = 30) -> str:
    """The run of non-space characters starting at ``offset`` (for messages only)."""
    text = doc.text
    i = offset
    stop = min(len(text), offset + limit)
    while i < stop and not text[i].isspace():
        i += 1
    return text[offset:i]


def block_bounds(doc: Document, offset: int) -> tuple[int, int]:
    """The block around ``offset``, or the whole text between blocks."""
    block = doc.block_at(offset)
    if block is None:
        return 0, len(doc.text)
    return block.start, block.end


def quoted_note(doc: Document, offset: int) -> str:
    """" (inside a quotation)" when ``offset`` lies in a quotation, else ""."""
    return " (inside a quotation)" if doc.in_quote(offset) else ""
