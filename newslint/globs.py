"""Glob patterns for include, exclude and per-file-ignores, matched with wcmatch.

``*`` and ``?`` stay within one path segment, ``**`` as a whole segment matches
any number of directories, ``[...]`` and ``[!...]`` are character classes.  A
pattern without ``/`` matches the file name in any directory (or the whole
relative path); a pattern with ``/`` matches the path relative to the
configuration file's folder (a leading ``./`` is allowed).

wcmatch compiles patterns into expressions that do not backtrack
catastrophically, so a pattern such as ``*a*a*a*a*a*ab`` answers at once.  A
pattern wcmatch would quietly accept but that can never match what was meant
(a reversed range such as ``[z-a]``) is rejected by :func:`check_glob`.
"""

from __future__ import annotations

import re
from functools import lru_cache


class GlobError(ValueError):
    """A glob pattern that cannot be used (the message is one clear line)."""


def check_glob(pattern: str) -> None:
    """Raise :class:`GlobError` for a pattern with a reversed range in a class."""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c != "[":
            i += 1
            continue
        j = i + 1
        if j < n and pattern[j] in "!^":
            j += 1
        if j < n and pattern[j] == "]":  # a leading ']' is a literal member
            j += 1
        members: list[str] = []
        while j < n and pattern[j] != "]":
            if pattern[j] == "\\" and j + 1 < n:
                j += 1
            members.append(pattern[j])
            j += 1
        if j >= n:  # no closing bracket: '[' is literal
            i += 1
            continue
        k = 0
        while k + 2 < len(members):
            lo, dash, hi = members[k], members[k + 1], members[k + 2]
            if dash == "-" and lo > hi:
                raise GlobError(
                    f"glob {pattern!r}: the range '{lo}-{hi}' runs backwards "
                    f"(write '{hi}-{lo}')"
                )
            k += 3 if dash == "-" else 1
        i = j + 1
    try:
        _compiled(pattern)
    except Exception as exc:  # noqa: BLE001 - any compile failure is the user's pattern
        raise GlobError(f"glob {pattern!r} is not valid: {exc}") from None


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    """wcmatch's translation of ``pattern``, compiled once (matching through the
    compiled expression is several times faster than through wcmatch's matcher).

    wcmatch is imported on the first pattern compiled, not with this module: a
    check of files named on the command line matches no glob, and starts faster
    without it."""
    from wcmatch import glob as wcglob

    include, _ = wcglob.translate(pattern, flags=wcglob.GLOBSTAR | wcglob.DOTGLOB)
    return re.compile("|".join(f"(?:{p})" for p in include))


def glob_match(path: str, pattern: str) -> bool:
    """Match a POSIX relative ``path`` against ``pattern``."""
    pattern = pattern.removeprefix("./")
    matcher = _compiled(pattern)
    if "/" not in pattern:
        return bool(matcher.match(path.rsplit("/", 1)[-1]) or matcher.match(path))
    return bool(matcher.match(path))


def name_match(name: str, pattern: str) -> bool:
    """Match one path segment (a file or directory name) against ``pattern``."""
    return bool(_compiled(pattern).match(name))
