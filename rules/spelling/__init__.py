"""Spelling rules (NL1xx): inconsistent names, house style, misspellings, dialect mixing."""

from .inconsistent_spelling import InconsistentSpelling
from .house_style import HouseStyle
from .misspelling import Misspelling
from .dialect_mix import DialectMix

RULES = [InconsistentSpelling, HouseStyle, Misspelling, DialectMix]
