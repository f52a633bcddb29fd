"""Names spelled like ordinary words (a helper of NL101, not a rule module).

"Grand National", "Royal Court", "Tom Baker": the right spelling of a name is often
an English word, so the word-list test that keeps ordinary words out of NL101's
comparisons also hides the name's slips ("Grand Natonal", "Tom Bakker").  This
module pairs such words, written capitalised, with the story's spellings that are
in no list at all (no English word, no established name, no common first name);
the rule then keeps a pair only when the word is used more often, at least twice
and once in mid-sentence, so a one-off capitalised word never makes another
spelling wrong.
"""

from __future__ import annotations

from typing import Iterable

from ._common import english_words, first_names, fold, known_names


def unknown_spelling(text: str, key: str) -> bool:
    """Is ``text`` (folded: ``key``) in no word list and no name list?"""
    return key not in english_words() and text not in known_names() and text not in first_names()


def word_name_pairs(
    texts: Iterable[str], unknown: Iterable[tuple[str, str]], min_length: int
) -> list[tuple[str, str, str]]:
    """``(spelling, word, word_key)`` for each spelling in ``unknown`` (text, folded
    key) and each capitalised English word of ``texts`` one edit apart from it,
    with the same first letter, the longer of the two at least ``min_length``
    letters.  The edit is checked by the caller (``_variant_keys``); here only the
    cheap filters run: first letter and length."""
    wanted: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for text, key in unknown:
        if len(key) >= min_length - 1:
            for n in (len(key) - 1, len(key), len(key) + 1):
                wanted.setdefault((key[0], n), []).append((text, key))
    if not wanted:
        return []
    words = english_words()
    out: list[tuple[str, str, str]] = []
    for t in texts:
        if not t[:1].isupper() or len(t) < 3 or not t.isalpha() or t.isupper():
            continue
        key = t.lower() if t.isascii() else fold(t)
        spellings = wanted.get((key[0], len(key)))
        if spellings is None or key not in words:
            continue
        for text, skey in spellings:
            if max(len(key), len(skey)) >= min_length and skey != key:
                out.append((text, t, key))
    return out
