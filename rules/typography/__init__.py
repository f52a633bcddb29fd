"""Typography rules (NL6xx): spacing, repeated words, quotation marks, punctuation."""

from .space_before_punctuation import SpaceBeforePunctuation
from .multiple_spaces import MultipleSpaces
from .repeated_word import RepeatedWord
from .unbalanced_quotes import UnbalancedQuotes
from .mixed_quote_style import MixedQuoteStyle
from .space_inside_brackets import SpaceInsideBrackets
from .doubled_punctuation import DoubledPunctuation

RULES = [
    SpaceBeforePunctuation,
    MultipleSpaces,
    RepeatedWord,
    UnbalancedQuotes,
    MixedQuoteStyle,
    SpaceInsideBrackets,
    DoubledPunctuation,
]
