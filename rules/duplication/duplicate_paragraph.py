"""NL301 duplicate-paragraph: a paragraph given twice."""

from __future__ import annotations

from newslint.analysis.similarity import BODY_KINDS, validate_ignore_patterns
from newslint.diagnostics import Applicability, Severity
from newslint.rule import Rule

from ._blocks import BODY_OPTIONS, check_blocks


@BODY_OPTIONS.owned_by
class DuplicateParagraph(Rule):
    """Reports a paragraph (or list item) that repeats an earlier paragraph, caption or
    sentence, exactly or nearly, and points to the first copy.

    Two blocks are the same when their words are, whatever the whitespace, case,
    punctuation and quotation-mark style (and, for a caption, its label and photo
    credit).  A block of ``near-min-words`` words or
    more whose word-level similarity to an earlier block reaches ``threshold`` is a
    near repeat: the message names the words that differ, and says so when a figure
    changed between the copies.  The later copy is reported; the first is given as
    a related location.  Which rule reports a pair is decided by the later copy: a
    paragraph that repeats a caption is this rule's, a caption that repeats a
    paragraph is duplicate-caption's (NL303), a sentence repeated inside a longer
    paragraph is duplicate-sentence's (NL302), so no pair is reported twice.
    Headlines, headings and blockquotes (often pull quotes) are not compared.

    Limits: on hostile input the near-repeat search is bounded, so that its time
    grows with the length of the story and not with its square.  A block is
    compared in full with at most 100 earlier blocks (those sharing the most rare
    word pairs with it), the index is read for at most 1,000 entries per block
    (the most recent), and without the index (a threshold below 0.67, or blocks
    too short or too repetitive for it) a block is compared with the 500 blocks
    before it.  An ordinary story, or a live blog of thousands of distinct
    entries, never reaches these bounds; thousands of paragraphs built on one
    template can, and then a near repeat far back may be missed.  Exact repeats
    are always found.

    Why: copy assembled from wires, CMS blocks and photo captions repeats itself,
    and a near repeat is worse than an exact one: when "a loss of $112 million"
    became "$121 million" in the second copy, one of them is wrong.

    Example: a caption "Police close the Tyne bridge after a collision on Friday
    night" and, further down, the paragraph "Police close the Tyne bridge after a
    collision on Friday night." (reported, with the caption as the first copy).

    Fix safety: display-only; the fix removes the later copy of an exact repeat, but
    an editor must choose which copy to keep.

    Options: ``min-words`` (8): shorter blocks are never reported, so live-blog
    stamps and standard short lines are not duplicates.  ``threshold`` (0.8):
    similarity for a near repeat, 1.0 for exact repeats only.  ``near-min-words``
    (12): shorter blocks are reported only when repeated exactly.
    ``ignore-patterns``: regular expressions for lines that repeat by design
    ("Reporting by ...", "Updated ...", "Follow us ..."), each given at most one
    second per block (a pattern that backtracks past that is reported, not run).
    """

    code = "NL301"
    name = "duplicate-paragraph"
    category = "duplication"
    summary = "A paragraph that repeats an earlier one, exactly or nearly"
    severity = Severity.WARNING
    options = BODY_OPTIONS.options
    validate_options = classmethod(validate_ignore_patterns)
    fix_safety = Applicability.DISPLAY_ONLY

    def check(self, doc, ctx):
        return check_blocks(self, doc, ctx, BODY_KINDS)


RULES = [DuplicateParagraph]
