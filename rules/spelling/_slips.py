"""Telling a slip from a deliberate variant (a helper of NL101, not a rule module).

NL101 pairs spellings one edit apart; this module holds the judgements that need
more than the two strings:

* whether a changed ending is a real inflection (the Smiths, Kowalski and
  Kowalska, Israel and Israeli) or a slip (Kane and Kan, Yukos and Yuko);
* whether a spelling is a slip whatever its neighbours say: in no word or name
  list, against a spelling the story uses several times ("President Yudhoyono"
  three times, "Presideent Susilo" once is not a second person);
* on a tie, which of two spellings is likelier to be the slip: a spelling made of
  letter sequences that names seldom contain (Blaiir, Leibovicch) loses.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ._common import HERE, english_words, first_names, fold, known_names

#: Uses of the majority spelling that make an unlisted minority spelling a slip
#: even when the words around the two differ (two people would be named again)
SEVERAL = 2


def listed(text: str, key: str) -> bool:
    """Is the spelling in a word list or a name list (a plausible spelling in itself)?"""
    return key in english_words() or text in known_names() or text in first_names()


# -- endings -----------------------------------------------------------------------------


def ending_edit(a: str, b: str) -> bool:
    """Do two folded spellings, one edit apart, differ only at the end: a last
    letter added or dropped (Kane, Kan) or changed (Kowalski, Kowalska)?"""
    if len(a) == len(b):
        return a[:-1] == b[:-1] and a[-1] != b[-1]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(long_) == len(short) + 1 and long_.startswith(short)


def _gendered(a: str, b: str) -> bool:
    """Feminine and masculine forms of one surname, one edit apart: Kowalski and
    Kowalska, Kaczynski and Kaczynska (sky/ska, cki/cka), Novotny and Novotna
    (y/a, accents folded), Ivanov and Ivanova, Kovalev and Kovaleva, Putin and
    Putina, Papadopoulos and Papadopoulou."""
    if len(a) == len(b):
        ends = {a[-1], b[-1]}
        if ends in ({"i", "a"}, {"y", "a"}) and len(a) >= 4 and a[-2] not in "aeiou":
            return True
        return ends == {"s", "u"} and a[-2] == "o"  # Greek -os/-ou
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_[-1] == "a" and short.endswith(("ov", "ev", "in", "yn", "sky", "ski"))


def inflected_ending(minor: str, minor_text: str, major: str) -> bool:
    """Does a changed ending between the minority spelling ``minor`` (folded;
    ``minor_text`` as written) and the majority ``major`` look deliberate?  Only
    real inflections count, and only when the minority spelling is plausible in
    itself: a gendered surname ending (either way round), a plural or possessive
    s added to the majority (the Smiths), or a listed word or name that differs
    by an ending of plurals, demonyms or gender (s, i, n, a, o: Israel and
    Israeli, Syria and Syrian, Mario and Maria), or a listed demonym in -i
    against the name it comes from (Saud and Saudi, whichever is the minority).  A dropped or changed last
    letter that makes no listed spelling (Yukos and Yuko, Cheney and Chene) or
    no inflection (Kane and Kan) is a slip."""
    if _gendered(minor, major):
        return True
    if len(minor) == len(major) + 1 and minor[-1] == "s":
        return True  # the Smiths, two Dems
    if len(minor) == len(major):
        changed = {minor[-1], major[-1]}
    else:
        longer = minor if len(minor) > len(major) else major
        if longer[-1] == longer[-2]:
            return False  # a doubled last letter (Zelenskyy, Navalnyy) is no inflection
        changed = {longer[-1]}
        if longer[-1] == "i" and listed(longer.capitalize(), longer):
            return True  # a listed demonym in -i (Saud and Saudi, Israel and Israeli)
    return changed <= _INFLECTIONS and listed(minor_text, minor)


#: Last letters of inflections and derived names: plurals, demonyms, gender
_INFLECTIONS = frozenset("sinao")


# -- slips whatever the neighbours ------------------------------------------------------------


def slip_regardless(minor_text: str, minor_key: str, minor_uses: int, major_uses: int) -> bool:
    """Is the minority spelling a slip even if different words follow the two
    (Presideent Susilo, President Yudhoyono)?  Yes when it is in no word or name
    list and the other spelling is used at least ``SEVERAL`` times and more often:
    a story that names a second person with a close name names that person once
    with a listed first name, and a first name or surname that no list knows is
    rarely one letter from the story's main name."""
    return major_uses >= SEVERAL and major_uses > minor_uses and not listed(minor_text, minor_key)


# -- ties -------------------------------------------------------------------------------------


#: The shipped table of letter-trigram counts (see ``count_trigrams``)
TRIGRAMS = HERE / "name_trigrams.txt.gz"


def count_trigrams() -> dict[str, int]:
    """Letter-trigram counts over the established and first names (folded),
    word boundaries marked ``^`` and ``$``: the table shipped as
    ``name_trigrams.txt.gz``, rebuilt by ``scripts/derive_name_trigrams.py``."""
    text = "^" + "$^".join(sorted(map(fold, known_names() | first_names()))) + "$"
    tri = Counter(map("".join, zip(text, text[1:], text[2:])))
    return {t: n for t, n in sorted(tri.items()) if "$^" not in t}


def write_trigrams(path: Path = TRIGRAMS) -> None:
    lines = "".join(f"{t}\t{n}\n" for t, n in count_trigrams().items())
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(lines.encode("utf-8"))


@lru_cache(maxsize=None)
def _trigrams() -> tuple[dict[str, int], dict[str, int]]:
    """The shipped trigram counts and the counts of each trigram's first two
    letters (as a context)."""
    tri: dict[str, int] = {}
    bi: dict[str, int] = {}
    with gzip.open(TRIGRAMS, "rt", encoding="utf-8") as f:
        for line in f:
            t, n = line.rstrip("\n").split("\t")
            tri[t] = count = int(n)
            bi[t[:2]] = bi.get(t[:2], 0) + count
    return tri, bi


def plausibility(key: str) -> float:
    """Mean log probability of each letter of a folded spelling given the two
    before it, estimated on the name lists (add-one smoothing): spellings with
    letter sequences names seldom contain (Blaiir, Leibovicch, Yudhyoono) score
    lower than the right spelling."""
    tri, bi = _trigrams()
    s = "^" + key + "$"
    total = 0.0
    n = len(s) - 2
    for i in range(n):
        total += math.log((tri.get(s[i: i + 3], 0) + 1) / (bi.get(s[i: i + 2], 0) + 28))
    return total / max(n, 1)


def romanisations(a: str, b: str, skeleton_a: str, skeleton_b: str) -> bool:
    """Are two folded spellings two romanisations of one name (Ihor and Igor,
    Zelenskyy and Zelenskii) rather than a slip (Blair and Blaiir, Treasury and
    Treasuryy, whose only difference is a doubled letter)?"""
    return skeleton_a == skeleton_b and _RUNS.sub(r"\1", a) != _RUNS.sub(r"\1", b)


_RUNS = re.compile(r"(.)\1+")
