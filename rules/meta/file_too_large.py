"""NL907 file-too-large: a file over the size limit."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class FileTooLarge(MetaRule):
    """Reports a file larger than `max-file-size` (10 MB by default), which is not checked.

    Why: news copy is rarely that large; such a file is usually a data dump or an export gone wrong, and checking it would stall the run.

    Example: a 50 MB `archive.txt`.

    Fix safety: none; raise `max-file-size` if the file really is copy.
    """

    code = "NL907"
    name = "file-too-large"
    summary = "A file over the size limit"
    severity = Severity.ERROR


RULES = [FileTooLarge]
