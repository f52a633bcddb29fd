"""NL607 doubled-punctuation: ",,", ";;", ",." and a stray second full stop."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule, RuleContext

from ._context import LazyPattern, word_before

# Each pattern starts with a literal so that scanning is fast; context before
# the match is checked in Python.
_SAME = LazyPattern(r",{2,}|;{2,}")  # ",," ";;"
# a comma or semicolon and then a full stop (a full stop and then a comma is
# correct: "Inc.,", "etc.,")
_MIXED = LazyPattern(r"[,;]\.(?!\.)")
# exactly two full stops after a letter, not three, not a range or path ("1..10", "../")
_TWO = LazyPattern(r"\.\.(?![.\d/])")
# a stray full stop after a sentence: "the US. ." (not a spaced ellipsis ". . .")
_STRAY = LazyPattern(r" \.(?!\.| \.)(?=\s|$)")
# an HTML character reference left in plain text ("caf&#233;."): its ";" is not punctuation
_ENTITY = LazyPattern(r"&#?\w{1,10}$")


class DoubledPunctuation(Rule):
    """Flags punctuation typed twice: two commas or semicolons (",,"), a comma or semicolon before a full stop (",."), two full stops that are neither one nor an ellipsis (".."), and a stray full stop after a sentence ("the US. .").

    A full stop followed by a comma ("Inc.,", "etc.,") is correct and left alone,
    as are three-dot ellipses, spaced ellipses (". . ."), ranges ("1..10") and
    paths ("../").

    Why: doubled marks are keying slips that survive spell-checkers.

    Example: `The bank,, which is based in Leeds, said the rise was small,.`

    Fix safety: safe for ",," and ";;" (one mark is kept); unsafe for ",." and
    a stray full stop (the comma or the second stop is removed, which an editor
    may want to check); none for "..", which may be a clipped ellipsis.
    """

    code = "NL607"
    name = "doubled-punctuation"
    category = "typography"
    summary = "Punctuation typed twice (\",,\", \",.\", \"..\")"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        text = doc.text
        found: list[tuple[int, int, str]] = []
        if ",," in text or ";;" in text:
            found.extend((m.start(), m.end(), "same") for m in _SAME.finditer(text))
        if ",." in text or ";." in text:
            for m in _MIXED.finditer(text):
                if text[m.start()] == ";" and _ENTITY.search(text, max(0, m.start() - 12), m.start()):
                    continue
                found.append((m.start(), m.end(), "mixed"))
        if ".." in text:
            for m in _TWO.finditer(text):
                if m.start() and text[m.start() - 1].isalpha():
                    found.append((m.start(), m.end(), "two"))
        if ". ." in text or "? ." in text or "! ." in text:
            for m in _STRAY.finditer(text):
                # the sentence must end in a word: "US. ." (not ". . ." nor ". ." alone)
                if m.start() >= 2 and text[m.start() - 1] in ".!?" and text[m.start() - 2].isalnum():
                    found.append((m.start(), m.end(), "stray"))
        for start, end, kind in found:
            yield self._finding(doc, start, end, kind)

    def _finding(self, doc: Document, start: int, end: int, kind: str) -> Diagnostic:
        text = doc.text
        found = text[start:end]
        before = word_before(doc, start)
        shown = f"{before}{found}"
        if kind == "same":
            mark = found[0]
            name = "commas" if mark == "," else "semicolons"
            return self.report(
                start, end,
                f"{len(found)} {name} in a row in '{shown}'",
                suggestions=(f"{before}{mark}",),
                fix=Fix.replace(start, end, mark, Applicability.SAFE, f"Keep one {mark}"),
            )
        if kind == "mixed":
            name = "comma" if found[0] == "," else "semicolon"
            return self.report(
                start, end,
                f"A {name} and then a full stop in '{shown}'",
                suggestions=(f"{before}.",),
                fix=Fix.replace(start, start + 1, "", Applicability.UNSAFE, f"Remove the {name}"),
            )
        if kind == "two":
            return self.report(
                start, end,
                f"Two full stops in '{shown}': one full stop, or a three-dot ellipsis",
                suggestions=(f"{before}.", f"{before}..."),
            )
        return self.report(
            start, end,
            f"A stray full stop after the end of the sentence in '{shown}'",
            suggestions=(before,),
            fix=Fix.replace(start, end, "", Applicability.UNSAFE, "Remove the stray full stop"),
        )


RULES = [DoubledPunctuation]
