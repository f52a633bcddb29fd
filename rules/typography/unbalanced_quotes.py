"""NL604 unbalanced-quotes: a quotation mark that opens or closes nothing."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Diagnostic, Severity
from newslint.document import Document
from newslint.rule import Rule, RuleContext

_OPENING_CURLY = "“‘„‚«"
_CLOSING_CURLY = "”’»"
_BEFORE_OPENING = "([{—–/"
_SNIPPET_WORDS = 4
#: the most characters a snippet reads, so a long run without spaces costs
#: the same for every mark in it
_SNIPPET_CHARS = 200


class UnbalancedQuotes(Rule):
    """Flags a quotation mark that opens a quotation never closed, or closes one never opened.

    Which marks pair up is decided once per document by the shared quotation
    analysis (``newslint.analysis.quotes``), which tells apostrophes ("Russia's",
    "d'etat") from quotation marks and pairs nested quotations and quotations
    running over several paragraphs; this rule reports the marks it could not
    pair.

    Why: a missing quotation mark leaves readers unsure where a speaker's words
    end and the reporter's begin, which matters for accuracy and for the law.

    Example: `"We will appeal, said Ms Okafor.` (the quotation never closes)

    The message quotes the four words next to the mark, and at most 200 characters
    of them.

    Fix safety: none; only an editor knows where the quotation should end.
    """

    code = "NL604"
    name = "unbalanced-quotes"
    category = "typography"
    summary = "A quotation mark that opens or closes nothing"
    severity = Severity.WARNING
    fix_safety = None

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        text = doc.text
        if not any(c in text for c in "\"'“”‘’„‚«»"):
            return
        from newslint.analysis.quotes import unmatched_marks

        n = len(text)
        for offset in unmatched_marks(doc):
            if not 0 <= offset < n:
                continue
            mark = text[offset]
            if _is_opening(text, offset):
                words = _words_after(text, offset + 1)
                shown = mark + words
                message = f"Quotation mark opening '{shown}' is never closed"
            else:
                words = _words_before(text, offset)
                shown = words + mark
                message = f"Quotation mark closing '{shown}' has no opening mark"
            yield self.report(offset, offset + 1, message)


def _is_opening(text: str, offset: int) -> bool:
    mark = text[offset]
    if mark in _OPENING_CURLY:
        return True
    if mark in _CLOSING_CURLY:
        return False
    # a straight mark: opening at the start of the text or after a space or bracket
    prev = text[offset - 1] if offset else " "
    return prev.isspace() or prev in _BEFORE_OPENING


def _words_after(text: str, offset: int) -> str:
    end = offset
    seen = 0
    n = min(len(text), offset + _SNIPPET_CHARS)
    while end < n and text[end] != "\n" and seen < _SNIPPET_WORDS:
        if text[end] == " " and end > offset and text[end - 1] != " ":
            seen += 1
            if seen == _SNIPPET_WORDS:
                break
        end += 1
    return text[offset:end].rstrip()


def _words_before(text: str, offset: int) -> str:
    start = offset
    seen = 0
    lo = max(0, offset - _SNIPPET_CHARS)
    while start > lo and text[start - 1] != "\n" and seen < _SNIPPET_WORDS:
        if text[start - 1] == " " and start < offset and text[start] != " ":
            seen += 1
            if seen == _SNIPPET_WORDS:
                break
        start -= 1
    return text[start:offset].lstrip()


RULES = [UnbalancedQuotes]
