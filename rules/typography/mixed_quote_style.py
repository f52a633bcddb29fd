"""NL605 mixed-quote-style: straight and curly double quotation marks in one story."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule, RuleContext

from ._context import LazyPattern

# A straight double mark that is not an inch or seconds sign after a digit ('a 55" screen').
_STRAIGHT = LazyPattern(r'(?<!\d)"')
_CURLY = LazyPattern("[“”]")
_BEFORE_OPENING = "([{—–/‘“"


class MixedQuoteStyle(Rule):
    """Flags straight double quotation marks (") in a story that otherwise uses curly ones (“ ”), or the reverse.

    The style used less often is flagged (on a tie, the style that appears
    second). Only double marks count: single marks are left alone because a
    straight apostrophe in otherwise curly copy is common and harmless, and a
    straight mark after a digit is an inch sign ('a 55" screen').

    Why: mixed marks show that copy was pasted from several sources; in print
    and on screen the two styles look different side by side.

    Example: `“We are ready,” she said. Her deputy added: "So are we."`

    Fix safety: a curly mark becomes a straight one safely; a straight mark
    becomes an opening or closing curly mark by its neighbours (opening after a
    space or bracket, closing otherwise), which is unsafe because an editor
    should check the direction.
    """

    code = "NL605"
    name = "mixed-quote-style"
    category = "typography"
    summary = "Straight and curly double quotation marks mixed in one story"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        text = doc.text
        if '"' not in text or ("“" not in text and "”" not in text):
            return
        straight = [m.start() for m in _STRAIGHT.finditer(text)]
        curly = [m.start() for m in _CURLY.finditer(text)]
        if not straight or not curly:
            return
        if len(straight) < len(curly) or (len(straight) == len(curly) and straight[0] > curly[0]):
            minority, majority = straight, curly
            to_curly = True
        else:
            minority, majority = curly, straight
            to_curly = False
        first_line = doc.line_of(majority[0])
        for offset in minority:
            mark = text[offset]
            if to_curly:
                opening = offset == 0 or text[offset - 1].isspace() or text[offset - 1] in _BEFORE_OPENING
                new = "“" if opening else "”"
                message = (
                    f"Straight quotation mark '\"' in a story that otherwise uses curly ones "
                    f"(“ ” {len(majority)} times, first on line {first_line})"
                )
                fix = Fix.replace(offset, offset + 1, new, Applicability.UNSAFE,
                                  f"Use the curly {'opening' if opening else 'closing'} mark {new}")
            else:
                new = '"'
                message = (
                    f"Curly quotation mark '{mark}' in a story that otherwise uses straight ones "
                    f"('\"' {len(majority)} times, first on line {first_line})"
                )
                fix = Fix.replace(offset, offset + 1, new, Applicability.SAFE, "Use the straight mark \"")
            yield self.report(offset, offset + 1, message, suggestions=(new,), fix=fix)


RULES = [MixedQuoteStyle]
