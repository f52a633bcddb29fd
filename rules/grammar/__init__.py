"""Grammar rules (NL5xx): LanguageTool's matches, by LanguageTool category.

All are opt-in (``select = ["grammar"]`` or by name) and need a LanguageTool
server configured under ``[tool.newslint.languagetool]``.
"""

from .lt_grammar import LtGrammar
from .lt_punctuation import LtPunctuation
from .lt_spelling import LtSpelling
from .lt_style import LtStyle

RULES = [LtGrammar, LtSpelling, LtStyle, LtPunctuation]
