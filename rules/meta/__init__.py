"""Meta rules (NL9xx): findings about the run itself, reported by the engine."""

from .empty_input import EmptyInput
from .file_too_large import FileTooLarge
from .invalid_suppression import InvalidSuppression
from .markup_problem import MarkupProblem
from .rule_crash import RuleCrash
from .rule_timeout import RuleTimeout
from .unreadable_input import UnreadableInput
from .unused_suppression import UnusedSuppression

RULES = [
    UnreadableInput,
    UnusedSuppression,
    RuleCrash,
    InvalidSuppression,
    MarkupProblem,
    EmptyInput,
    FileTooLarge,
    RuleTimeout,
]
