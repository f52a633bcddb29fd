"""Duplication rules (NL3xx): paragraphs, sentences, captions and quotes given twice.

The rule that reports a repeat is the one named after the later copy (the one
reported): a paragraph is NL301's, a sentence inside a longer paragraph NL302's,
a caption NL303's.  NL304 compares quotations by the same speaker.
"""

from .duplicate_caption import DuplicateCaption
from .duplicate_paragraph import DuplicateParagraph
from .duplicate_sentence import DuplicateSentence
from .quote_variant import QuoteVariant

RULES = [DuplicateParagraph, DuplicateSentence, DuplicateCaption, QuoteVariant]
