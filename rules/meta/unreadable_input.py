"""NL901 unreadable-input: a file that cannot be read as text."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class UnreadableInput(MetaRule):
    """Reports a file newslint could not read: missing, unreadable, binary, not UTF-8.

    Why: a story that cannot be read is not checked; saying so keeps a clean run honest.

    Example: a `.txt` file saved as Windows-1252 with a byte 0x92 for an apostrophe.

    Fix safety: none; re-save the file as UTF-8.
    """

    code = "NL901"
    name = "unreadable-input"
    summary = "A file that cannot be read as text"
    severity = Severity.ERROR


RULES = [UnreadableInput]
