"""Regular expressions written by users (``ignore-patterns`` and the like), time-bounded.

A pattern from configuration can backtrack catastrophically (``^(\\w+\\s?)+$``,
``(a|aa)+b``) and, with Python's ``re``, hang the run on one unlucky paragraph.
User patterns are therefore matched with the ``regex`` module, which accepts the
syntax of ``re`` (so patterns people already wrote keep working, lookarounds and
back-references included, which RE2 rejects), avoids much of the backtracking
``re`` does, and takes a ``timeout`` per search.  A search that runs out of time
raises :class:`PatternTimeout`, naming the pattern; the rule using it reports
that instead of hanging.

Patterns are validated with ``re`` first, so the accepted syntax and the error
messages are Python's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: seconds one pattern may spend on one search
SEARCH_TIMEOUT = 1.0


class PatternTimeout(ValueError):
    """A user pattern took longer than :data:`SEARCH_TIMEOUT` on one text."""


def validate(pattern: str, where: str) -> None:
    """Raise ``ValueError`` naming ``where`` when ``pattern`` does not compile."""
    try:
        re.compile(pattern)
    except (re.error, TypeError, OverflowError, RecursionError) as exc:
        raise ValueError(f"{where}: {pattern!r} is not a valid regular expression ({exc})") from None


@dataclass(frozen=True)
class UserPatterns:
    """Any of several user patterns, searched with a time limit."""

    patterns: tuple[str, ...]
    compiled: tuple[Any, ...]
    where: str
    timeout: float = SEARCH_TIMEOUT

    @property
    def pattern(self) -> str:
        """One string standing for all the patterns (a cache key)."""
        return "\n".join(self.patterns)

    def search(self, text: str) -> Any | None:
        """The first pattern's match found in ``text``, or None."""
        for source, pat in zip(self.patterns, self.compiled):
            try:
                m = pat.search(text, timeout=self.timeout)
                if m is not None:
                    return m
            except TimeoutError:
                raise PatternTimeout(
                    f"{self.where}: {source!r} took over {self.timeout:g} s on a {len(text):,}-character "
                    "text (catastrophic backtracking?) and was given up; simplify the pattern"
                ) from None
        return None


def compile_user_patterns(patterns: Sequence[str], where: str, ignore_case: bool = False) -> UserPatterns | None:
    """Validated, time-bounded patterns (None for none); a bad one raises ``ValueError``."""
    for p in patterns:
        validate(p, where)
    if not patterns:
        return None
    import regex  # the pattern engine with timeouts; needed only when patterns are set

    flags = regex.VERSION0 | (regex.IGNORECASE if ignore_case else 0)
    compiled = []
    for p in patterns:
        try:
            compiled.append(regex.compile(p, flags))
        except (regex.error, OverflowError, RecursionError) as exc:
            raise ValueError(f"{where}: {p!r} is not a valid regular expression ({exc})") from None
    return UserPatterns(tuple(patterns), tuple(compiled), where)
