"""NL905 markup-problem: malformed markup in the source."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.rule import Rule


class MarkupProblem(Rule):
    """Reports markup the parser had to guess about, such as an HTML element that is never closed.

    Why: broken markup can hide or merge text, so some findings may be missing.

    Example: `<p>Some text <b>bold` with no closing tags.

    Fix safety: none.
    """

    code = "NL905"
    name = "markup-problem"
    category = "meta"
    summary = "Malformed markup in the source"
    severity = Severity.INFO

    def check(self, doc, ctx):
        # Reported by the engine, which owns reading, suppression and rule isolation.
        return ()


RULES = [MarkupProblem]
