"""NL601 space-before-punctuation: "word ," and "word ." ."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule, RuleContext

from ._context import LazyPattern, block_bounds, word_before

PUNCTUATION_NAMES = {
    ",": "a comma",
    ".": "a full stop",
    ";": "a semicolon",
    ":": "a colon",
    "!": "an exclamation mark",
    "?": "a question mark",
}

# One or more ordinary spaces between a word (or a closing quote, bracket,
# percent sign, or the asterisk closing plain-text emphasis) and a mark that ends
# a clause, followed by a space, a closing quote or bracket, or the end of the
# text.  Only U+0020 counts: a no-break or thin space before ";:!?" is deliberate
# French spacing.
#
# * "." must not start an ellipsis ("word ...", "word . . .") and must not be
#   followed by a letter or digit (".5", ".com"): the lookahead demands a space,
#   closing mark or end after it.
# * ":" and ";" must be followed by a space or the end, so ":)" and ";)" are left
#   alone.
_PATTERN = LazyPattern(
    r"(?<=[^\W_]|[\"'’”)\]%*])( +)"
    r"(?:([,!?])(?=[\s\"'’”)\]]|$)"
    r"|(\.)(?!\.)(?! \.)(?=[\s\"'’”)\]]|$)"
    r"|([;:])(?=\s|$))"
)

_GUILLEMETS = LazyPattern("[«»]")


class SpaceBeforePunctuation(Rule):
    """Flags a space typed before a comma, full stop, semicolon, colon, question mark or exclamation mark ("market ,").

    It leaves alone an ellipsis ("and so ..."), a decimal or domain (".5", ".com"),
    emoticons (":)", ";)"), spaced ratios and times ("3 : 1"), dashes, and the
    French spacing of ";:!?" in a paragraph that uses guillemets or a no-break
    space.

    Why: a space before punctuation is a slip left by editing (a word cut, a
    clause moved), and it can strand the mark at the start of a line when the
    text wraps.

    Example: `said Jane Holt, an analyst at Bridgewell , which...`

    Fix safety: safe; the space is removed.
    """

    code = "NL601"
    name = "space-before-punctuation"
    category = "typography"
    summary = "A space before a comma, full stop or other punctuation"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        text = doc.text
        if " ," not in text and " ." not in text and " ;" not in text and " :" not in text \
                and " !" not in text and " ?" not in text:
            return
        french: dict[tuple[int, int], bool] = {}  # block bounds -> uses guillemets
        for m in _PATTERN.finditer(text):
            sp_start, sp_end = m.span(1)
            mark = m.group(2) or m.group(3) or m.group(4)
            mark_end = sp_end + 1
            if mark in ";:!?":
                bounds = block_bounds(doc, sp_start)
                if bounds not in french:
                    french[bounds] = _GUILLEMETS.search(text, *bounds) is not None
                if french[bounds]:
                    continue  # French quotation: spacing before ;:!? is the convention
            if mark == ":" and text[sp_start - 1].isdigit() and text[mark_end + 1 : mark_end + 2].isdigit():
                continue  # "3 : 1", "10 : 30"
            before = word_before(doc, sp_start)
            name = PUNCTUATION_NAMES[mark]
            shown = f"{before}{text[sp_start:mark_end]}"
            yield self.report(
                sp_start,
                mark_end,
                f"Space before {name} in '{shown}'",
                suggestions=(f"{before}{mark}",),
                fix=Fix.replace(sp_start, sp_end, "", Applicability.SAFE, f"Remove the space before {name}"),
            )


RULES = [SpaceBeforePunctuation]
