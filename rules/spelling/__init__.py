"""Spelling rules (NL1xx): inconsistent names, house style, misspellings, dialect mixing."""

from .dialect_mix import DialectMix
from .house_style import HouseStyle
from .inconsistent_spelling import InconsistentSpelling
from .misspelling import Misspelling

RULES = [InconsistentSpelling, HouseStyle, Misspelling, DialectMix]
