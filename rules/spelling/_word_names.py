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
    word_forms: Iterable[tuple[str, str]], spellings: Iterable[tuple[str, str]], min_length: int
) -> list[tuple[str, str, str]]:
    """``(spelling, word, word_key)`` for each spelling of ``spellings`` in no word
    or name list and each capitalised English word of ``word_forms`` (both as text
    and folded key) with the same first letter and a length one apart at most, the
    longer of the two at least ``min_length`` letters.  Only these cheap filters run
    here; the caller checks the edit (``_variant_keys``)."""
    words: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for t, key in word_forms:
        words.setdefault((key[0], len(key)), []).append((t, key))
    out: list[tuple[str, str, str]] = []
    for text, skey in spellings:
        n = len(skey)
        if n < min_length - 1:
            continue
        first = skey[0]
        near = [w for m in (n - 1, n, n + 1) for w in words.get((first, m), ())
                if max(m, n) >= min_length and w[1] != skey]
        if near and unknown_spelling(text, skey):
            out.extend((text, t, key) for t, key in near)
    return out


#: Letters that end a name on purpose: plurals (the Gallaghers), feminine forms
#: (Ivanova, Louise), demonyms (Israeli), diminutives (Johnny)
_ENDINGS = frozenset("saeiy")


def truncated_pairs(
    word_forms: Iterable[tuple[str, str]], spellings: Iterable[tuple[str, str]], min_length: int
) -> list[tuple[str, str, str]]:
    """``(spelling, full, full_key)`` where a spelling in no word or name list is
    another spelling of the story, or a capitalised English word, less its last
    letter (Oxfor, Oxford), unless that letter often ends a name on purpose."""
    spellings = list(spellings)
    fulls: dict[str, list[tuple[str, str]]] = {}
    for t, key in [*spellings, *word_forms]:
        if len(key) >= min_length and key[-1] not in _ENDINGS and key[-1] != key[-2]:
            fulls.setdefault(key[:-1], []).append((t, key))
    if not fulls:
        return []
    out: list[tuple[str, str, str]] = []
    for text, skey in spellings:
        hits = fulls.get(skey)
        if hits and unknown_spelling(text, skey):
            out.extend((text, t, key) for t, key in hits)
    return out
