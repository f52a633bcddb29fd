"""Analyses shared by all rules, computed lazily once per document.

Importing this package provides the analyses :class:`~newslint.document.Document`
offers as properties (sentences, words, quotations).
"""

from . import quotes, text

__all__ = ["quotes", "text"]
