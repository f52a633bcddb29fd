"""NL606 space-inside-brackets: "( word" and "word )"."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule, RuleContext

from ._context import LazyPattern, block_bounds

# An opening bracket followed by spaces and a word character, quote or currency
# sign; not after ":;=" (an emoticon such as ":( ").
_AFTER_OPEN = LazyPattern(r"(?<![:;=8])([(\[])( +)(?=[\w\"'‘“£$€])")
# Spaces between a word character, closing quote, percent sign or full stop and
# a closing bracket; a ":" or ";" before the space (": )") is an emoticon.
_BEFORE_CLOSE = LazyPattern(r"(?<=[\w\"'’”%.!?])( +)([)\]])")
_PAIR = {"(": ")", "[": "]", ")": "(", "]": "["}


class SpaceInsideBrackets(Rule):
    """Flags a space just inside a bracket: after an opening one ("( £15,000") or before a closing one ("$2.4bn )").

    Only a bracket with a partner in the same paragraph counts (a closing bracket
    later for an opening one, an opening bracket earlier for a closing one), so
    list markers ("a ) ...") and emoticons (":( ", ": )") are left alone, as are
    empty brackets ("[ ]").

    Why: the stray space is an editing slip and lets the bracket wrap onto a line
    of its own.

    Example: `The deal values the firm at $2.4bn ( £1.3bn ).`

    Fix safety: safe; the space is removed.
    """

    code = "NL606"
    name = "space-inside-brackets"
    category = "typography"
    summary = "A space just inside a bracket"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        text = doc.text
        if "( " in text or "[ " in text:
            # the next closing bracket of each kind, found once for the openings before it
            next_close: dict[str, int] = {}
            for m in _AFTER_OPEN.finditer(text):
                br = m.group(1)
                sp_start, sp_end = m.span(2)
                b0, b1 = block_bounds(doc, sp_start)
                close = _PAIR[br]
                at = next_close.get(close, -1)
                if at < sp_end:
                    at = text.find(close, sp_end)
                    next_close[close] = at = len(text) if at == -1 else at
                if at >= b1:
                    continue
                after = text[sp_end : sp_end + 20].split(" ", 1)[0]
                yield self.report(
                    m.start(1),
                    sp_end,
                    f"Space after the opening bracket in '{br}{m.group(2)}{after}'",
                    suggestions=(f"{br}{after}",),
                    fix=Fix.replace(sp_start, sp_end, "", Applicability.SAFE, "Remove the space"),
                )
        if " )" in text or " ]" in text:
            # the last opening bracket of each kind before the text read so far
            last_open: dict[str, int] = {}
            read = 0
            for m in _BEFORE_CLOSE.finditer(text):
                br = m.group(2)
                sp_start, sp_end = m.span(1)
                b0, b1 = block_bounds(doc, sp_start)
                for op in "([":
                    at = text.rfind(op, read, sp_start)
                    if at != -1:
                        last_open[op] = at
                read = sp_start
                if last_open.get(_PAIR[br], -1) < b0:
                    continue
                before = text[max(b0, sp_start - 20) : sp_start].rsplit(" ", 1)[-1]
                yield self.report(
                    sp_start,
                    m.end(2),
                    f"Space before the closing bracket in '{before}{m.group(1)}{br}'",
                    suggestions=(f"{before}{br}",),
                    fix=Fix.replace(sp_start, sp_end, "", Applicability.SAFE, "Remove the space"),
                )


RULES = [SpaceInsideBrackets]
