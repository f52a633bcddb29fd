"""NL302 duplicate-sentence: a sentence given twice."""

from __future__ import annotations

from newslint.analysis.similarity import (
    DEFAULT_IGNORE_PATTERNS,
    DupIndex,
    compile_patterns,
    how_alike,
    kind_phrase,
    snippet,
    validate_ignore_patterns,
)
from newslint.diagnostics import Applicability, Fix, Related, Severity
from newslint.rule import Option, Rule

from ._blocks import block_repeat, block_settings, set_aside


class DuplicateSentence(Rule):
    """Reports a sentence inside a paragraph that repeats a sentence (or a caption,
    or a one-sentence paragraph) earlier in the story, and points to the first copy.

    Sentences are the same when their words are, whatever the whitespace, case,
    punctuation and quotation-mark style.  Only sentences inside longer blocks are
    this rule's: a whole paragraph repeated is duplicate-paragraph's (NL301), a
    caption is duplicate-caption's (NL303), and the sentences of a block that
    those rules report as a repeat (with their settings) are left to them, so no
    repeat is reported twice.

    Why: when a story is rewritten from several versions, a sentence often
    survives in two places; readers notice and it looks careless.

    Example: "The bridge will stay closed to traffic until Monday." at the end of
    the second paragraph and again in the sixth (the second is reported).

    Fix safety: display-only; the fix deletes the later copy, but an editor must
    choose which copy to keep.

    Options: ``min-words`` (8): shorter sentences ("I agree with him.") repeat
    legitimately and are never reported.  ``ignore-patterns``: regular expressions
    for sentences that repeat by design ("Reporting by ..."), each given at most one
    second per sentence (a pattern that backtracks past that is reported, not run).
    """

    code = "NL302"
    name = "duplicate-sentence"
    category = "duplication"
    summary = "A sentence that repeats one earlier in the story"
    severity = Severity.WARNING
    fix_safety = Applicability.DISPLAY_ONLY
    validate_options = classmethod(validate_ignore_patterns)
    options = {
        "min-words": Option(
            8, "Sentences with fewer words are never reported", int, minimum=1
        ),
        "ignore-patterns": Option(
            list(DEFAULT_IGNORE_PATTERNS),
            "Regular expressions (case-insensitive, searched in the sentence) for "
            "sentences that repeat by design",
            list,
        ),
    }

    def check(self, doc, ctx):
        idx = DupIndex.of(doc)
        if not idx.sentences:
            return
        pattern = compile_patterns(tuple(self.opts["ignore-patterns"]))
        min_words = self.opts["min-words"]
        block_units = None
        block_verdict: dict[int, bool] = {}
        text = doc.text
        for unit in idx.sentences:
            if unit.whole_block or unit.n_words < min_words:
                continue
            first = idx.earlier_copy(unit)
            if first is None:
                continue
            # Leave the sentences of a block repeated as a whole to NL301/NL303.
            if block_units is None:
                block_units = {u.block: u for u in idx.blocks}
                bs = block_settings(ctx, holder=self)
            verdict = block_verdict.get(unit.block)
            if verdict is None:
                verdict = block_repeat(idx, block_units[unit.block], bs) is not None
                block_verdict[unit.block] = verdict
            if verdict or idx.is_ignored(unit, pattern):
                continue
            ours = text[unit.start : unit.end]
            theirs = text[first.core_start : first.core_end]
            where = kind_phrase(doc, first)
            how = how_alike(ours, theirs) + set_aside(text, first)
            msg = f"Sentence '{snippet(ours)}' repeats {where} ({how}); keep one copy"
            # delete the sentence and the space after it (or before it, at the end
            # of its block)
            block = doc.blocks[unit.block]
            s, e = unit.start, unit.end
            while e < block.end and text[e] in " \t":
                e += 1
            if e == block.end:
                while s > block.start and text[s - 1] in " \t":
                    s -= 1
            fix = None
            if doc.source_map.is_verbatim(s, e):
                fix = Fix.replace(s, e, "", Applicability.DISPLAY_ONLY, "Remove this copy")
            yield self.report(
                unit.start,
                unit.end,
                msg,
                fix=fix,
                related=[Related(first.start, first.end, "First copy")],
                data={"first_line": doc.line_of(first.start)},
            )


RULES = [DuplicateSentence]
