"""NL904 invalid-suppression: a malformed suppression comment."""

from __future__ import annotations

from newslint.diagnostics import Severity

from ._base import MetaRule


class InvalidSuppression(MetaRule):
    """Reports a suppression comment without rule names (blanket suppression is not allowed), naming an unknown rule, or an `enable` without a `disable`.

    Why: a suppression that silently does nothing, or everything, is worse than none.

    Example: `<!-- newslint: disable -->` with no rule named.

    Fix safety: none; name the rules to suppress.
    """

    code = "NL904"
    name = "invalid-suppression"
    summary = "A malformed suppression comment"
    severity = Severity.WARNING


RULES = [InvalidSuppression]
