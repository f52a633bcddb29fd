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

from ._common import english_words, first_names, known_names


def unknown_spelling(text: str, key: str) -> bool:
    """Is ``text`` (folded: ``key``) in no word list and no name list?"""
    return key not in english_words() and text not in known_names() and text not in first_names()


def word_name_pairs(
    word_forms: Iterable[tuple[str, str]], unknown: Iterable[tuple[str, str]], min_length: int
) -> list[tuple[str, str, str]]:
    """``(spelling, word, word_key)`` for each spelling in ``unknown`` and each
    capitalised English word in ``word_forms`` (both as text and folded key) with
    the same first letter and a length one apart at most, the longer of the two at
    least ``min_length`` letters.  Only these cheap filters run here; the caller
    checks the edit (``_variant_keys``)."""
    wanted: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for text, key in unknown:
        if len(key) >= min_length - 1:
            for n in (len(key) - 1, len(key), len(key) + 1):
                wanted.setdefault((key[0], n), []).append((text, key))
    if not wanted:
        return []
    out: list[tuple[str, str, str]] = []
    for t, key in word_forms:
        for text, skey in wanted.get((key[0], len(key)), ()):
            if max(len(key), len(skey)) >= min_length and skey != key:
                out.append((text, t, key))
    return out
