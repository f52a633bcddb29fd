"""Input formats: turn a source file into prose with a source map.

Built-in formats live beside this module and register through the same hook as
third-party formats (:func:`newslint.hookspecs.newslint_input_formats`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..source import ParseResult


@dataclass(frozen=True)
class InputFormat:
    """An input format: a name, the extensions it claims and a parser."""

    name: str
    extensions: Sequence[str]
    parse: Callable[[str], ParseResult]
    description: str = ""
