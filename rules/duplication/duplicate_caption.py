"""NL303 duplicate-caption: a caption given twice, or repeating the body."""

from __future__ import annotations

from newslint.analysis.similarity import CAPTION_KINDS, validate_ignore_patterns
from newslint.diagnostics import Applicability, Severity
from newslint.rule import Rule

from ._blocks import CAPTION_OPTIONS, check_blocks


@CAPTION_OPTIONS.owned_by
class DuplicateCaption(Rule):
    """Reports a caption that repeats an earlier caption, or text from the body
    (a paragraph, list item or sentence), exactly or nearly.

    Captions are Markdown image alt text, HTML ``figcaption`` and, in plain text,
    caption-like lines (a short line without closing punctuation, or one starting
    "Picture:" or ending with a photo credit).  Comparison ignores whitespace,
    case, punctuation and quotation-mark style, and a caption's label and photo
    credit ("Picture:", "(Getty Images)", "Photograph: Jane Roe/Reuters"), in
    which two copies of one caption often differ; the message names what was set
    aside.  A near repeat (``threshold``) names what differs.  The later copy is reported and the first is given as a related
    location.  A body paragraph that repeats an earlier caption is reported by
    duplicate-paragraph (NL301), not here: the rule that reports a pair is the one
    named after the later copy, so no pair is reported twice.

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

    Why: photo captions pasted into copy from a CMS or a wire often repeat each
    other or a paragraph nearby.  Captions of a photo series share their wording
    on purpose ("Judges inspect the marrows..." / "Judges inspect the onions..."),
    so the near-repeat threshold is higher than for paragraphs: one word or figure
    changed in a long caption, not two.

    Example: two photos both captioned "Firefighters tackle the blaze at the
    warehouse in Leeds on Sunday" (the second is reported).

    Fix safety: display-only; the fix removes the later copy of an exact repeat, but
    an editor must choose which copy to keep.

    Options: the same as duplicate-paragraph, with a higher default threshold:
    ``min-words`` (8), ``threshold`` (0.9), ``near-min-words`` (12) and
    ``ignore-patterns``.
    """

    code = "NL303"
    name = "duplicate-caption"
    category = "duplication"
    summary = "A caption that repeats another caption or the body"
    severity = Severity.WARNING
    options = CAPTION_OPTIONS.options
    validate_options = classmethod(validate_ignore_patterns)
    fix_safety = Applicability.DISPLAY_ONLY

    def check(self, doc, ctx):
        return check_blocks(self, doc, ctx, CAPTION_KINDS)


RULES = [DuplicateCaption]
