"""NL908 rule-timeout: a rule ran out of time on a file."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class RuleTimeout(MetaRule):
    """Reports that a rule ran out of the file's time budget and was stopped; the
    other rules' findings and the other files still come through.

    Each file's rules share ``time-budget`` seconds (30 by default; configuration
    key ``time-budget``, command-line option ``--time-budget``, 0 for no budget).
    A rule still running when the time is up is stopped, and this finding names
    it; the rules after it still run, each with a tenth of the budget.  The
    findings the stopped rule had made before are kept, but there may have been
    more.

    Why: a linter in a pre-commit hook or in CI that hangs on one odd file (a CMS
    export, a scraped page, a pasted table) blocks every commit behind it.  The
    budget is a backstop: the built-in rules run in time close to linear in the
    size of the file, so on copy of any ordinary size none comes near it.

    Example: a plugin rule that compares every pair of sentences, on a document
    of a hundred thousand sentences.

    Fix safety: none; split the file, raise ``time-budget``, or report the file
    to the rule's authors.
    """

    code = "NL908"
    name = "rule-timeout"
    summary = "A rule ran out of the file's time budget and was stopped"
    severity = Severity.ERROR


RULES = [RuleTimeout]
