"""Helpers shared by the spelling rules (not a rule module).

Everything heavy (word lists, dictionaries) loads lazily, once per process, the
first time a rule needs it; per-document analyses are cached in ``doc.stash`` so
the four rules share one pass over the words.
"""

from __future__ import annotations

import bisect
import gzip
import re
import unicodedata
from functools import lru_cache
from itertools import filterfalse
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from newslint.analysis.text import WORD_RE
from newslint.document import WORDS
from newslint.rule import Option
from newslint.stash import StashKey

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

HERE = Path(__file__).resolve().parent

QUOTES_OPTION = Option(
    "flag",
    "text inside quotation marks: 'flag' it like any other text (the message says "
    "it is quoted) or 'ignore' it (for desks that leave quotations verbatim)",
    str,
    choices=("flag", "ignore"),
)

ALLOW_HELP = "words or names never to flag, exactly as written"

# -- word lists -------------------------------------------------------------------


@lru_cache(maxsize=None)
def english_words() -> frozenset[str]:
    """Lower-case English words (SCOWL, American and British; see README.md)."""
    with gzip.open(HERE / "english_words.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(f.read().split())


@lru_cache(maxsize=None)
def known_names() -> frozenset[str]:
    """Established proper names (SCOWL's capitalised entries), as written."""
    with gzip.open(HERE / "known_names.txt.gz", "rt", encoding="utf-8") as f:
        return frozenset(f.read().split())


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    """Common first names (US SSA counts, at least 1,000 babies), as written."""
    return frozenset((HERE / "first_names.txt").read_text(encoding="utf-8").split())


# -- text --------------------------------------------------------------------------

#: A chunk of non-prose: a URL, an e-mail address, a file path, an HTML entity
#: left in plain text, an identifier with underscores, markup.
_NON_PROSE = re.compile(
    r"`[^`\n]*`"  # inline code
    # a chunk starts where a run of non-spaces starts (or after inline code): tried
    # at every character, a long run without a match would be read once per character
    r"|(?:(?<!\S)|(?<=`))\S*(?:://|www\.|@[^\W_]|[/\\_<>{}=|#~^]|&#?\w+;|\.(?:com|org|net|gov|edu|int|io|co|uk|de|fr|ru|ua)\b)\S*",
    re.IGNORECASE,
)


_NON_PROSE_SPANS: StashKey[tuple[list[int], list[int]]] = StashKey("spelling.non-prose")
_VOCABULARY: StashKey[tuple[frozenset[str], frozenset[str]]] = StashKey("spelling.vocabulary")


def non_prose_spans(doc: "Document") -> tuple[list[int], list[int]]:
    """Sorted starts and ends of URLs, e-mail addresses and code in ``doc.text``."""
    cached = doc.stash.get(_NON_PROSE_SPANS)
    if cached is None:
        starts: list[int] = []
        ends: list[int] = []
        for m in _NON_PROSE.finditer(doc.text):
            starts.append(m.start())
            ends.append(m.end())
        cached = doc.stash[_NON_PROSE_SPANS] = (starts, ends)
    return cached


def in_non_prose(doc: "Document", start: int, end: int) -> bool:
    """True when ``text[start:end]`` touches a URL, e-mail address or code."""
    starts, ends = non_prose_spans(doc)
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and ends[i] > start:
        return True
    j = i + 1
    return j < len(starts) and starts[j] < end


_OPENERS = "\"'“‘([«—–-"


def sentence_initial(doc: "Document", start: int) -> bool:
    """True when the word at ``start`` begins a sentence, a block or a line."""
    text = doc.text
    i = start - 1
    while i >= 0 and (text[i] in _OPENERS or text[i] == " " or text[i] == "\t"):
        i -= 1
    if i < 0:
        return True
    c = text[i]
    if c in ".!?:\n…":
        return True
    block = doc.block_at(start)
    return block is not None and block.start == start


_SPLIT = re.compile(r"[-.]")


def vocabulary(doc: "Document") -> tuple[frozenset[str], frozenset[str]]:
    """Every distinct word of the document as written, with the parts of
    hyphenated words and possessives stripped ("Kiev-based" and "Kiev's" add
    "Kiev"), and the same lower-cased.  Rules test these sets first and look for
    positions only when something matches, so a clean story costs little."""
    cached = doc.stash.get(_VOCABULARY)
    if cached is None:
        built = doc.stash.get(WORDS)  # Document.words, if a rule built it
        if built is not None:
            texts = set(map(attrgetter("text"), built))
        else:  # strings only: cheaper than Word tuples, built when a rule needs positions
            texts = set(WORD_RE.findall(doc.text))
        extra = []
        for t in list(filterfalse(str.isalnum, texts)):  # hyphens, full stops, apostrophes
            if "-" in t or "." in t:
                for p in _SPLIT.split(t):
                    extra.append(p)
                    extra.append(strip_possessive(p))
            else:
                extra.append(strip_possessive(t))
        texts.update(extra)
        cached = (frozenset(texts), frozenset(map(str.lower, texts)))
        doc.stash[_VOCABULARY] = cached
    return cached


def pieces(text: str, start: int) -> list[tuple[int, str]]:
    """The word at ``start`` or, for a hyphenated word, its parts, possessive
    stripped: [(offset, piece), ...]."""
    if "-" not in text and "." not in text:
        return [(start, strip_possessive(text))]
    out = []
    pos = start
    for p in _SPLIT.split(text):
        if p:
            out.append((pos, strip_possessive(p)))
        pos += len(p) + 1
    return out


def quoted_note(doc: "Document", offset: int) -> str:
    return " (inside a quotation)" if doc.in_quote(offset) else ""


def skip_quoted(opts: dict, doc: "Document", offset: int) -> bool:
    return opts.get("quotes") == "ignore" and doc.in_quote(offset)


#: Days and months, written capitalised before a name ("On Friday Kelleher
#: said"): never a given name, even those that are also first names (April, June)
CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December".split()
)

#: Lower-case particles inside names (Tamim bin Hamad, Chambre de Commerce,
#: Ursula von der Leyen)
NAME_PARTICLES = frozenset(
    "al el bin ibn bint binti abu ben bar de da di do dos das du del della der den la le "
    "van von ter ten op ap mac".split()
)


# -- case ----------------------------------------------------------------------------


def match_case(original: str, replacement: str) -> str:
    """``replacement`` written in the case pattern of ``original``.

    ALL CAPS stays all caps, a capitalised word stays capitalised, a lower-case
    word stays lower case; otherwise the replacement is returned as written.
    """
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    if original.islower():
        return replacement.lower()
    return replacement


def fold(text: str) -> str:
    """Lower case without diacritics ("Rinkēvičs" -> "rinkevics")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def strip_possessive(word: str) -> str:
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2]
    return word


def quote_list(items: Iterable[str], limit: int = 3) -> str:
    items = list(items)
    shown = [f"'{x}'" for x in items[:limit]]
    if len(items) > limit:
        shown.append("...")
    return ", ".join(shown)
