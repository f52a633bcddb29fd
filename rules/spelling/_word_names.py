"""Names spelled like ordinary words (a helper of NL101, not a rule module).

"Grand National", "Royal Court", "Tom Baker": the right spelling of a name is often
an English word, so the word-list test that keeps ordinary words out of NL101's
comparisons also hides the name's slips ("Grand Natonal", "Tom Bakker").  This
module pairs such words, written capitalised, with the story's spellings that are
in no list at all (no English word, no established name, no common first name);
the rule then keeps a pair only when the word is used at least as often and once
in mid-sentence, or in the same phrase as the other spelling.  It also pairs a
spelling in no list with a word that has one more letter at the end (Oxfor,
Oxford), a slip that the rule's test for endings (Ivanov, Ivanova) would
otherwise leave alone; names that lose their last letter are judged with the
counts by the rule itself.
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
    """``(spelling, word, word_key)`` for each spelling of ``unknown`` (in no word or
    name list; text and folded key) and each capitalised English word of
    ``word_forms`` with the same first letter and a length one apart at most, the
    longer of the two at least ``min_length`` letters.  Only these cheap filters run
    here; the caller checks the edit (``_variant_keys``)."""
    wanted: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for text, key in unknown:
        n = len(key)
        if n >= min_length - 1:
            for m in (n - 1, n, n + 1):
                wanted.setdefault((key[0], m), []).append((text, key))
    if not wanted:
        return []
    out: list[tuple[str, str, str]] = []
    for t, key in word_forms:
        hits = wanted.get((key[0], len(key)))
        if hits:
            for text, skey in hits:
                if max(len(key), len(skey)) >= min_length and skey != key:
                    out.append((text, t, key))
    return out


#: Letters that end a name on purpose: plurals (the Gallaghers), feminine forms
#: (Ivanova, Louise), demonyms (Israeli), diminutives (Johnny)
_ENDINGS = frozenset("saeiy")


def truncated_pairs(
    forms: Iterable[tuple[str, str]], unknown: Iterable[tuple[str, str]], min_length: int
) -> list[tuple[str, str, str]]:
    """``(spelling, full, full_key)`` where a spelling of ``unknown`` (in no word or
    name list) is a spelling of ``forms`` (the story's capitalised English
    words) less its last letter (Oxfor, Oxford), unless that letter often
    ends a name on purpose."""
    short = {key: text for text, key in unknown}
    out: list[tuple[str, str, str]] = []
    for t, key in forms:
        if len(key) >= min_length and key[:-1] in short and key[-1] not in _ENDINGS and key[-1] != key[-2]:
            out.append((short[key[:-1]], t, key))
    return out
