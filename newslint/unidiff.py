"""Unified diffs that ``patch`` applies byte for byte.

Lines are split at ``\\n`` only, as ``patch`` splits them: a ``\\r`` (a CRLF or a
lone-CR line end) stays inside its line, so a file with mixed or CR-only line
ends comes out of ``patch`` exactly as ``--fix`` would write it.  A last line
without a newline gets the ``\\ No newline at end of file`` marker, so the next
file's header is never glued onto it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator


def split_lines(text: str) -> list[str]:
    """``text`` cut after each ``\\n`` (the last piece may lack one)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(old: str, new: str, fromfile: str, tofile: str, context: int = 3) -> str:
    """A unified diff from ``old`` to ``new`` ("" when they are equal)."""
    return "".join(_lines(old, new, fromfile, tofile, context))


def _lines(old: str, new: str, fromfile: str, tofile: str, context: int) -> Iterator[str]:
    for line in difflib.unified_diff(split_lines(old), split_lines(new), fromfile, tofile, n=context):
        if line.endswith("\n"):
            yield line
        else:  # the last line of a file without a final newline
            yield line + "\n" + NO_NEWLINE


def diff_path(path: str) -> str:
    """A file name for a diff header: control characters escaped; bytes that are
    not UTF-8 (surrogate escapes) kept, to be written back as the same bytes."""
    return "".join(
        ch if ch.isprintable() or ch == " " or "\udc80" <= ch <= "\udcff" else f"\\x{ord(ch):02x}"
        for ch in path
    )
