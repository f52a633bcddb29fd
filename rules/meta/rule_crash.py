"""NL903 rule-crash: a rule failed on a file."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class RuleCrash(MetaRule):
    """Reports that a rule raised an error on a file; the other rules and files still ran.

    Why: a silent crash would look like a clean story.

    Example: a plugin rule with a bug meets an unusual document.

    Fix safety: none; report the message to the rule's authors.
    """

    code = "NL903"
    name = "rule-crash"
    summary = "A rule failed on a file"
    severity = Severity.ERROR


RULES = [RuleCrash]
