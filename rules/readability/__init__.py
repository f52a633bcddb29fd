"""Readability rules (NL4xx): sentence and paragraph length, reading grade."""

from .hard_to_read import HardToRead
from .long_paragraph import LongParagraph
from .long_sentence import LongSentence

RULES = [LongSentence, LongParagraph, HardToRead]
