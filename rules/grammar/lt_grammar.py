"""NL501 lt-grammar: LanguageTool's grammar matches."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import LanguageToolRule


class LtGrammar(LanguageToolRule):
    """Reports LanguageTool's grammar matches: agreement, confused words
    (their/there), wrong article, casing and the other categories that are not
    spelling, style or punctuation.

    Opt-in: it needs a LanguageTool server, set in
    ``[tool.newslint.languagetool]`` (``url = "http://HOST:8081"`` or
    ``local = true``). The LanguageTool rule id is in the message and in JSON
    output (``data.languagetool_rule``); turn a LanguageTool rule off with
    ``disabled-rules`` there.

    Why: grammar slips survive quick edits, and LanguageTool knows thousands of
    them; newslint brings its findings into the same report, with positions
    mapped back to the Markdown or HTML source.

    Example: "The minister have said" is reported with LanguageTool's message
    and its suggestion "has".

    Fix safety: display-only; LanguageTool's suggestion is shown, never applied.
    """

    code = "NL501"
    name = "lt-grammar"
    summary = "LanguageTool grammar matches (needs a LanguageTool server)"
    severity = Severity.WARNING
    kind = "grammar"


RULES = [LtGrammar]
