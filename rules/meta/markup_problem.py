"""NL905 markup-problem: malformed markup in the source."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class MarkupProblem(MetaRule):
    """Reports markup the parser had to guess about, such as an HTML element that is never closed.

    It also reports Markdown lists or blockquotes nested more than 40 levels deep
    (a list takes two levels): the Markdown parser reads no deeper, so the lines
    it skipped are named in the message and are not checked; the rest of the file
    and the other files are.

    Why: broken markup can hide or merge text, so some findings may be missing.

    Example: `<p>Some text <b>bold` with no closing tags.

    Fix safety: none.
    """

    code = "NL905"
    name = "markup-problem"
    summary = "Malformed markup in the source"
    severity = Severity.INFO


RULES = [MarkupProblem]
