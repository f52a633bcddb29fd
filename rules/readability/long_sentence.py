"""NL401 long-sentence: a sentence with too many words."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.readability import PROSE_KINDS, block_figures, excerpt
from newslint.rule import Option, Rule


class LongSentence(Rule):
    """Flags a sentence of body copy longer than ``max-words`` words (default 40).

    Words are counted as newslint counts them everywhere: runs of letters and
    digits, with inner apostrophes, hyphens and points ("well-known", "1.5").
    Headlines, captions, bylines and datelines are not checked.

    Why: readers lose the thread of a long sentence, and news copy is read fast,
    often on a phone. Forty words is about twice the length of a typical news
    sentence; edited agency and broadcaster copy rarely goes past it.

    Example: a 52-word sentence that strings three clauses together with "while"
    and "which" is flagged; split it where the subject changes.

    Fix safety: none; splitting a sentence needs an editor.

    Options: ``max-words`` (default 40).
    """

    code = "NL401"
    name = "long-sentence"
    category = "readability"
    summary = "A sentence longer than max-words words"
    severity = Severity.INFO
    options = {
        "max-words": Option(40, "longest sentence allowed, in words", int, minimum=5),
    }

    def check(self, doc, ctx):
        limit = self.opts["max-words"]
        text = doc.text
        for bf in block_figures(doc):
            if bf.block.kind not in PROSE_KINDS or bf.figures.words <= limit:
                continue
            for start, end, words in bf.sentences:
                if words > limit:
                    yield self.report(
                        start,
                        end,
                        f"Sentence of {words} words (limit {limit}): "
                        f"'{excerpt(text[start:end])}'; consider splitting it",
                        data={"words": words, "limit": limit},
                    )


RULES = [LongSentence]
