"""Typography rules (NL6xx): spacing, repeated words, quotation marks, punctuation."""

from .doubled_punctuation import DoubledPunctuation
from .mixed_quote_style import MixedQuoteStyle
from .multiple_spaces import MultipleSpaces
from .repeated_word import RepeatedWord
from .space_before_punctuation import SpaceBeforePunctuation
from .space_inside_brackets import SpaceInsideBrackets
from .unbalanced_quotes import UnbalancedQuotes

RULES = [
    SpaceBeforePunctuation,
    MultipleSpaces,
    RepeatedWord,
    UnbalancedQuotes,
    MixedQuoteStyle,
    SpaceInsideBrackets,
    DoubledPunctuation,
]
