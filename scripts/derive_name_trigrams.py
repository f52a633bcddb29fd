#!/usr/bin/env python3
"""Rebuild rules/spelling/name_trigrams.txt.gz from the shipped name lists.

    .venv/bin/python scripts/derive_name_trigrams.py

The table counts letter trigrams over known_names.txt.gz and first_names.txt
(folded, word boundaries marked ^ and $).  NL101 reads it to decide, on a tie,
which of two spellings names are likelier to contain (Blair, Blaiir).  Run it
again whenever those lists change; tests/test_spelling_slips.py checks that the
shipped table matches them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rules.spelling._slips import TRIGRAMS, write_trigrams  # noqa: E402

if __name__ == "__main__":
    write_trigrams()
    print(f"wrote {TRIGRAMS}")
