"""NL902 unused-suppression: a suppression comment that suppresses nothing."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.rule import Rule


class UnusedSuppression(Rule):
    """Reports a `<!-- newslint: disable NAME -->` or `ignore NAME` comment that did not suppress any finding of that rule.

    Why: stale suppressions hide future problems and mislead editors about the copy.

    Example: `<!-- newslint: ignore repeated-word -->` above a paragraph with no repeated word.

    Fix safety: none; delete the comment.
    """

    code = "NL902"
    name = "unused-suppression"
    category = "meta"
    summary = "A suppression comment that suppresses nothing"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        # Reported by the engine, which owns reading, suppression and rule isolation.
        return ()


RULES = [UnusedSuppression]
