"""NL504 lt-punctuation: LanguageTool's punctuation and typography matches."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import LanguageToolRule


class LtPunctuation(LanguageToolRule):
    """Reports LanguageTool's punctuation and typography matches: missing
    commas, doubled punctuation, stray spaces.

    Opt-in: it needs a LanguageTool server, set in
    ``[tool.newslint.languagetool]``. LanguageTool's curly-quote rule
    (EN_QUOTES) is disabled by default because newslint's typography rules own
    quotation marks. Headlines, captions and other short blocks are not held
    to paragraph-ending punctuation.

    Why: punctuation errors change meaning and look careless in print.

    Example: "However the minister said" is reported with the suggestion
    "However, the".

    Fix safety: display-only; LanguageTool's suggestion is shown, never applied.
    """

    code = "NL504"
    name = "lt-punctuation"
    summary = "LanguageTool punctuation matches (needs a LanguageTool server)"
    severity = Severity.WARNING
    kind = "punctuation"


RULES = [LtPunctuation]
