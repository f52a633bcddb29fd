"""Making text safe to show: no control characters reach a terminal or a CI log.

A file name or a story can hold ESC (terminal escape sequences), CR (overwrite
the line), a newline followed by ``::error ...`` (a forged GitHub annotation) or
bidirectional overrides that reorder what is shown.  Human-facing output shows
them escaped: ``\\x1b``, ``\\n``, ``\\u202e``.  A file name that is not UTF-8
reaches Python with its stray bytes as surrogate escapes; those are shown as
``\\xNN``, the byte itself.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidirectional embedding/override/isolate controls,
# line and paragraph separators, and lone surrogates.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(s: str) -> str:
    """``s`` with every unsafe character written as an escape sequence."""
    return UNSAFE.sub(lambda m: _escape(m.group()), s)
