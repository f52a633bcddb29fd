"""Readability rules (NL4xx): sentence and paragraph length, reading grade."""

from .long_sentence import LongSentence
from .long_paragraph import LongParagraph
from .hard_to_read import HardToRead

RULES = [LongSentence, LongParagraph, HardToRead]
