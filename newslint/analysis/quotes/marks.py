"""Reading quotation marks: which open, close, nest, continue a quotation or
match nothing (see the package docstring)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...stash import StashKey

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document

_MARK_RE = re.compile("[\"'“”‘’]")

# classes of marks
_APOS = 0  # an apostrophe, not a quotation mark
_OPEN = 1
_CLOSE = 2  # closes; unmatched when nothing of its family is open
_CLOSE_LETTER = 3  # after a letter, before punctuation: closes if open, else apostrophe
_CLOSE_WEAK = 4  # after a letter, before a space: see the module docstring
_TOGGLE = 5  # either; closes when its family is open
_STRAY = 6  # a mark between spaces: opens or closes nothing
_SPACED = 7  # a double mark between spaces: closes when one is open, else stray

_OPEN_PUNCT = frozenset("([{<—–-/")
_CLOSE_PUNCT = frozenset(".,;:!?)]}>…—–-/")
_QUOTE_CHARS = frozenset("\"'“”‘’")
_DOUBLE = frozenset('"“”')
_ELISION_RE = re.compile(r"(?:\d0s|\d\d\b|n['’]\s|em\b|tis\b|twas\b|til\b|cos\b|cause\b|bout\b|bots?\b)")


def _classify(text: str, i: int, n: int) -> int:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < n else " "
    if ch == "“":
        return _OPEN
    if ch == "”":
        return _CLOSE
    p_space = prev.isspace()
    n_space = nxt.isspace()
    if ch == '"':
        left = p_space or prev in _OPEN_PUNCT or prev in _QUOTE_CHARS
        right = n_space or nxt in _CLOSE_PUNCT or nxt in _QUOTE_CHARS
        if left and not right:
            return _OPEN
        if right and not left:
            return _CLOSE
        if p_space and n_space:
            return _SPACED
        return _TOGGLE
    # single marks: ' ‘ ’
    p_al = prev.isalnum()
    n_al = nxt.isalnum()
    if p_al and n_al:
        return _APOS
    if ch == "‘":
        if n_space:
            return _STRAY
        if n_al and _ELISION_RE.match(text, i + 1) and (nxt.isdigit() or text[i + 1 : i + 3] in ("n’", "n'")):
            return _APOS  # ‘90s, rock ‘n’ roll
        return _OPEN
    if prev in "-/" and i >= 2 and text[i - 2].isalnum() and not n_al:
        # a word ending in a hyphen or slash: the rating 'BBB-'. / 'and/or'
        return _CLOSE_WEAK if n_space else _CLOSE_LETTER
    if p_space or prev in _OPEN_PUNCT or prev in "“‘":
        if n_al:
            if _ELISION_RE.match(text, i + 1):
                return _APOS
            if ch == "’":
                return _APOS  # ’tis, ’em: a right mark where a left one would open
            return _OPEN
        if n_space:
            return _STRAY
        return _OPEN  # '"Nested..." or '...
    if prev == '"' or prev == "”":
        return _OPEN if n_al else _CLOSE
    if p_al:
        if prev == "n" and i >= 2 and text[i - 2] in "'‘’" and (i < 3 or not text[i - 3].isalnum()):
            return _APOS  # the second mark of 'n'
        if n_space:
            return _CLOSE_WEAK
        return _CLOSE_LETTER
    # after punctuation (.,?!…) or a closing bracket
    if n_al:
        return _TOGGLE
    return _CLOSE


class _Scan:
    __slots__ = ("pairs", "unmatched", "continued_from")

    def __init__(self) -> None:
        #: (open offset, close offset, block index, parent open offset); the close
        #: offset is -1 when the quotation runs to the end of its block, and
        #: ``-end`` when it ends without a mark where the next one opens
        self.pairs: list[tuple[int, int, int, int]] = []
        self.unmatched: list[int] = []
        #: opening offset -> opening offset of the quote it continues
        self.continued_from: dict[int, int] = {}


_SCAN: StashKey[_Scan] = StashKey("quotes.scan")


def _scan(doc: "Document") -> _Scan:
    cached = doc.stash.get(_SCAN)
    if cached is not None:
        return cached
    text = doc.text
    n = len(text)
    res = _Scan()
    blocks = doc.blocks
    # collect marks per block
    marks_by_block: list[list[tuple[int, str, int]]] = [[] for _ in blocks]
    if blocks:
        bi = 0
        nb = len(blocks)
        for m in _MARK_RE.finditer(text):
            i = m.start()
            while bi < nb and blocks[bi].end <= i:
                bi += 1
            if bi >= nb:
                break
            if i < blocks[bi].start:
                continue
            cls = _classify(text, i, n)
            if cls != _APOS:
                marks_by_block[bi].append((i, m.group(), cls))
    pending_continuation = None  # opening offset awaiting its continuation in this block
    for bi, marks in enumerate(marks_by_block):
        block = blocks[bi]
        cont_from = pending_continuation
        pending_continuation = None
        stack: list[tuple[int, bool]] = []  # (offset, is_double)
        for k, (i, ch, cls) in enumerate(marks):
            double = ch in _DOUBLE
            if cls == _STRAY:
                res.unmatched.append(i)
                continue
            if cls == _OPEN:
                if cont_from is not None and k == 0 and i == block.start:
                    res.continued_from[i] = cont_from
                elif stack and stack[-1][1] == double:
                    # the same kind of mark opens again after a full stop while a
                    # quotation is open: paragraphs run together in one block
                    # ('"First paragraph. "Second one," she said.')
                    e = i
                    while e > block.start and text[e - 1].isspace():
                        e -= 1
                    if e > stack[-1][0] + 1 and text[e - 1] in ".!?…" and e < i:
                        opener = stack[-1][0]
                        parent = stack[-2][0] if len(stack) > 1 else -1
                        stack.pop()
                        res.pairs.append((opener, -e, bi, parent))
                        res.continued_from[i] = opener
                stack.append((i, double))
                continue
            # a closer (or a toggle)
            j = len(stack) - 1
            while j >= 0 and stack[j][1] != double:
                j -= 1
            if j < 0:
                if cls == _SPACED:
                    res.unmatched.append(i)
                elif cls == _TOGGLE:
                    if cont_from is not None and k == 0 and i == block.start:
                        res.continued_from[i] = cont_from
                    stack.append((i, double))
                elif cls == _CLOSE:
                    res.unmatched.append(i)
                # _CLOSE_LETTER / _CLOSE_WEAK with nothing open: an apostrophe
                continue
            if cls == _CLOSE_WEAK and _next_single_closes(marks, k):
                continue  # a possessive (students' union) inside the quotation
            for off, _d in stack[j + 1 :]:
                res.unmatched.append(off)
            opener = stack[j][0]
            parent = stack[j - 1][0] if j > 0 else -1
            del stack[j:]
            res.pairs.append((opener, i, bi, parent))
        if stack:
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            bottom, bottom_double = stack[0]
            cont = False
            if nxt is not None:
                first = marks_by_block[bi + 1]
                if first and first[0][0] == nxt.start and first[0][2] in (_OPEN, _TOGGLE):
                    cont = (first[0][1] in _DOUBLE) == bottom_double
            if cont:
                res.pairs.append((bottom, -1, bi, -1))
                pending_continuation = bottom
                rest = stack[1:]
            else:
                rest = stack
            for off, _d in rest:
                res.unmatched.append(off)
    res.pairs.sort()
    res.unmatched.sort()
    doc.stash[_SCAN] = res
    return res


def _next_single_closes(marks: list[tuple[int, str, int]], k: int) -> bool:
    for _i, ch, cls in marks[k + 1 :]:
        if ch in _DOUBLE:
            continue
        return cls in (_CLOSE, _CLOSE_LETTER, _CLOSE_WEAK)
    return False
