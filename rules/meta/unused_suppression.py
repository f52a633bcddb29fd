"""NL902 unused-suppression: a suppression comment that suppresses nothing."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class UnusedSuppression(MetaRule):
    """Reports a `<!-- newslint: disable NAME -->` or `ignore NAME` comment that did not suppress any finding of that rule.

    Why: stale suppressions hide future problems and mislead editors about the copy.

    Example: `<!-- newslint: ignore repeated-word -->` above a paragraph with no repeated word.

    Fix safety: none; delete the comment.
    """

    code = "NL902"
    name = "unused-suppression"
    summary = "A suppression comment that suppresses nothing"
    severity = Severity.WARNING


RULES = [UnusedSuppression]
