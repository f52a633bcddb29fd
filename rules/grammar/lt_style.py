"""NL503 lt-style: LanguageTool's style matches."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import LanguageToolRule


class LtStyle(LanguageToolRule):
    """Reports LanguageTool's style matches: redundancy ("past history"),
    wordiness, plain-English and register suggestions.

    Opt-in: it needs a LanguageTool server, set in
    ``[tool.newslint.languagetool]``. The LanguageTool rule id is in the
    message and in JSON output (``data.languagetool_rule``).

    Why: tighter copy reads faster; LanguageTool's style rules catch padding
    that house style guides warn about.

    Example: "in order to" is reported with the suggestion "to".

    Fix safety: display-only; LanguageTool's suggestion is shown, never applied.
    """

    code = "NL503"
    name = "lt-style"
    summary = "LanguageTool style matches (needs a LanguageTool server)"
    severity = Severity.INFO
    kind = "style"


RULES = [LtStyle]
