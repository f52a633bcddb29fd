"""NL905 markup-problem: malformed markup in the source."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class MarkupProblem(MetaRule):
    """Reports markup the parser had to guess about, such as an HTML element that is never closed.

    Why: broken markup can hide or merge text, so some findings may be missing.

    Example: `<p>Some text <b>bold` with no closing tags.

    Fix safety: none.
    """

    code = "NL905"
    name = "markup-problem"
    summary = "Malformed markup in the source"
    severity = Severity.INFO


RULES = [MarkupProblem]
