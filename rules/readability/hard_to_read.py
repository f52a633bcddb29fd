"""NL403 hard-to-read: a paragraph with a high Flesch-Kincaid grade."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.readability import PROSE_KINDS, block_figures, excerpt
from newslint.rule import Option, Rule


class HardToRead(Rule):
    """Flags a paragraph whose Flesch-Kincaid grade level is above ``max-grade``.

    The grade is 0.39 × words per sentence + 11.8 × syllables per word − 15.59,
    the US school grade a reader needs to follow the text. Paragraphs shorter
    than ``min-words`` are skipped: a formula over one short sentence says more
    about one long word than about the paragraph. The message gives the
    figures the grade came from.

    Why: long sentences full of long words (nominalisations, jargon,
    officialese) lose readers. Mass-market news aims well below grade 12;
    a paragraph above grade 16 (postgraduate) is usually a press release
    that was not rewritten.

    Example: "The implementation of the regulatory framework necessitated
    substantial organisational restructuring across departmental
    responsibilities." reads at about grade 27.

    Fix safety: none; rewriting is an editor's job.

    Options: ``max-grade`` (default 16), ``min-words`` (default 25).
    """

    code = "NL403"
    name = "hard-to-read"
    category = "readability"
    summary = "A paragraph with a Flesch-Kincaid grade above max-grade"
    severity = Severity.INFO
    options = {
        "max-grade": Option(16.0, "highest Flesch-Kincaid grade allowed", float, minimum=1),
        "min-words": Option(25, "paragraphs shorter than this are not scored", int, minimum=1),
    }

    def check(self, doc, ctx):
        limit = self.opts["max-grade"]
        min_words = self.opts["min-words"]
        for bf in block_figures(doc):
            fig = bf.figures
            if bf.block.kind not in PROSE_KINDS or fig.words < min_words or not fig.sentences:
                continue
            grade = fig.grade
            if grade > limit:
                b = bf.block
                yield self.report(
                    b.start,
                    b.end,
                    f"Paragraph reads at grade {grade:.1f} (Flesch-Kincaid; limit {limit:g}): "
                    f"'{excerpt(doc.text[b.start:b.end], 6)}' has "
                    f"{fig.words_per_sentence:.0f} words a sentence and "
                    f"{fig.syllables_per_word:.2f} syllables a word; use shorter sentences "
                    "and plainer words",
                    data={
                        "grade": round(grade, 2),
                        "limit": limit,
                        "words": fig.words,
                        "sentences": fig.sentences,
                        "syllables": fig.syllables,
                    },
                )


RULES = [HardToRead]
