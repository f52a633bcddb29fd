"""NL602 multiple-spaces: two or more spaces between words."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule, RuleContext

from ._context import LazyPattern, word_after, word_before

# Two or more ordinary spaces with something other than whitespace on both sides
# (so indentation and trailing spaces, e.g. a Markdown hard break, never match).
_RUN = LazyPattern(r"(?<=\S)  +(?=\S)")
_ANY_RUN = LazyPattern(r"\S  +\S")


class MultipleSpaces(Rule):
    """Flags two or more spaces in a row between words inside a paragraph, headline or caption.

    Indentation and trailing spaces are not flagged, nor are runs that contain a
    tab or no-break space, nor lines that look like columns of a table: a line
    with two or more such runs, a run beside a table-cell bar ("|"), or a run that
    lines up with a column gap on the line above or below. Spaces before
    punctuation and just inside brackets are left to space-before-punctuation
    and space-inside-brackets. Where a format
    collapses runs of spaces as a browser does (HTML), there is nothing to flag.

    Why: doubled spaces (often two after a full stop, or left where a word was
    deleted) survive into print, apps and feeds, where they show as gaps.

    Example: `The council met on Tuesday.  It voted to close the library.`

    Fix safety: safe; the run becomes one space.
    """

    code = "NL602"
    name = "multiple-spaces"
    category = "typography"
    summary = "Two or more spaces in a row between words"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        text = doc.text
        if "  " not in text:
            return
        for block in doc.blocks:
            if block.kind == "table-cell":
                continue
            b0, b1 = block.start, block.end
            if text.find("  ", b0, b1) == -1:
                continue
            for m in _RUN.finditer(text, b0, b1):
                start, end = m.span()
                prev, nxt = text[start - 1], text[end]
                if prev == "|" or nxt == "|":
                    continue
                if nxt in ",;:!?" or (nxt == "." and text[end + 1 : end + 2] in ("", " ", "\n")):
                    continue  # a space before punctuation: space-before-punctuation reports it
                if prev in "([" or nxt in ")]":
                    continue  # a space inside brackets: space-inside-brackets reports it
                nl = text.rfind("\n", b0, start)
                line_start = b0 if nl == -1 else nl + 1
                line_end = text.find("\n", end, b1)
                if line_end == -1:
                    line_end = b1
                # a second run on the same line: columns of a table
                if _ANY_RUN.search(text, line_start, start + 1) or _ANY_RUN.search(text, end - 1, line_end):
                    continue
                if self._aligned(text, b0, b1, line_start, line_end, start, end):
                    continue
                before = word_before(doc, start)
                after = word_after(doc, end)
                n = end - start
                what = "after the full stop" if before.endswith((".", "!", "?", ".\"", ".”", ".’")) else "between words"
                yield self.report(
                    start,
                    end,
                    f"{n} spaces {what} in '{before}{' ' * n}{after}'",
                    suggestions=(f"{before} {after}",),
                    fix=Fix.replace(start, end, " ", Applicability.SAFE, "Replace the spaces with one space"),
                )

    @staticmethod
    def _aligned(text: str, b0: int, b1: int, line_start: int, line_end: int, run_start: int, run_end: int) -> bool:
        """True when the run looks like a column gap: the line above or below has a
        run of spaces ending at the same column, or (for a gap of three or more
        spaces) a space just before a word at that column."""
        col = run_end - line_start
        long_gap = run_end - run_start >= 3
        neighbours = []
        if line_start > b0:  # the line above, in the same block
            prev_end = line_start - 1
            nl = text.rfind("\n", b0, prev_end)
            prev_start = b0 if nl == -1 else nl + 1
            neighbours.append((prev_start, prev_end))
        if line_end < b1:  # the line below
            nxt_start = line_end + 1
            nxt_end = text.find("\n", nxt_start, b1)
            neighbours.append((nxt_start, b1 if nxt_end == -1 else nxt_end))
        for s, e in neighbours:
            if s + col < e and col >= 2 and text[s + col - 1] == " " and text[s + col] != " ":
                if long_gap or text[s + col - 2] == " ":
                    return True
        return False


RULES = [MultipleSpaces]
