"""NL402 long-paragraph: a paragraph with too many words."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.readability import block_figures, excerpt
from newslint.rule import Option, Rule

KINDS = frozenset({"paragraph", "blockquote"})


class LongParagraph(Rule):
    """Flags a paragraph longer than ``max-words`` words (default 80).

    The finding covers the whole paragraph and gives its word and sentence
    counts.

    Why: news paragraphs are short (one to three sentences) so that a reader
    scanning a screen can take each point in at a glance; a wall of text reads
    as a cut-and-paste from a report.

    Example: a 120-word paragraph holding a quote, its context and a statistic
    is flagged; give each its own paragraph.

    Fix safety: none; where to break a paragraph is an editor's call.

    Options: ``max-words`` (default 80).
    """

    code = "NL402"
    name = "long-paragraph"
    category = "readability"
    summary = "A paragraph longer than max-words words"
    severity = Severity.INFO
    options = {
        "max-words": Option(80, "longest paragraph allowed, in words", int, minimum=10),
    }

    def check(self, doc, ctx):
        limit = self.opts["max-words"]
        for bf in block_figures(doc):
            fig = bf.figures
            if bf.block.kind in KINDS and fig.words > limit:
                b = bf.block
                n = fig.sentences
                yield self.report(
                    b.start,
                    b.end,
                    f"Paragraph of {fig.words} words in {n} sentence{'s' if n != 1 else ''} "
                    f"(limit {limit}): '{excerpt(doc.text[b.start:b.end], 6)}'; "
                    "consider breaking it up",
                    data={"words": fig.words, "sentences": n, "limit": limit},
                )


RULES = [LongParagraph]
