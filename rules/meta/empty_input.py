"""NL906 empty-input: an empty file."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.rule import Rule


class EmptyInput(Rule):
    """Reports a file that is empty or contains only whitespace.

    Why: an empty story in a commit is usually a mistake (a failed export or a lost paste).

    Example: a zero-byte `story.md`.

    Fix safety: none.
    """

    code = "NL906"
    name = "empty-input"
    category = "meta"
    summary = "An empty file"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        # Reported by the engine, which owns reading, suppression and rule isolation.
        return ()


RULES = [EmptyInput]
