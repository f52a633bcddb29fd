"""What the LanguageTool rules (NL501-NL504) share: fetching matches and reporting them."""

from __future__ import annotations

from typing import ClassVar

from newslint.diagnostics import Applicability, Fix
from newslint.rule import Rule

MAX_SUGGESTIONS = 5


class LanguageToolRule(Rule):
    """Base for rules that report LanguageTool matches of one kind."""

    category = "grammar"
    default_enabled = False
    fix_safety = Applicability.DISPLAY_ONLY
    #: which matches this rule reports (see :func:`newslint.languagetool.kind_of`).
    kind: ClassVar[str] = ""

    def keep(self, match, doc, ctx) -> bool:
        """False to drop a match (subclasses filter, e.g. names)."""
        return True

    def check(self, doc, ctx):
        from newslint import languagetool as lt

        matches = lt.document_matches(doc, ctx)
        if not matches:
            return
        text = doc.text
        for m in matches:
            if lt.kind_of(m) != self.kind or not self.keep(m, doc, ctx):
                continue
            flagged = text[m.start : m.end]
            rule = m.rule_id + (f"[{m.sub_id}]" if m.sub_id else "")
            message = lt.clean_message(m.message)
            shown = " ".join(flagged.split())
            if len(shown) > 60:
                shown = shown[:57] + "…"
            fix = None
            if m.replacements:
                fix = Fix.replace(
                    m.start,
                    m.end,
                    m.replacements[0],
                    Applicability.DISPLAY_ONLY,
                    f"LanguageTool suggests '{m.replacements[0]}'",
                )
            data = {
                "languagetool_rule": m.rule_id,
                "languagetool_category": m.category_id,
            }
            if m.sub_id:
                data["languagetool_sub_id"] = m.sub_id
            if m.issue_type:
                data["languagetool_issue_type"] = m.issue_type
            yield self.report(
                m.start,
                m.end,
                f"'{shown}': {message} (LanguageTool {rule})" if shown else f"{message} (LanguageTool {rule})",
                suggestions=m.replacements[:MAX_SUGGESTIONS],
                fix=fix,
                data=data,
            )
