"""NL906 empty-input: an empty file."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class EmptyInput(MetaRule):
    """Reports a file that is empty or contains only whitespace.

    Why: an empty story in a commit is usually a mistake (a failed export or a lost paste).

    Example: a zero-byte `story.md`.

    Fix safety: none.
    """

    code = "NL906"
    name = "empty-input"
    summary = "An empty file"
    severity = Severity.WARNING


RULES = [EmptyInput]
