"""Near-duplicate search: the analysis behind the duplication rules (NL3xx).

Everything here works on *units*: a whole block (paragraph, list item or caption)
or one sentence of such a block.  A unit is compared through its *key*, its words
lower-cased and joined by single spaces, so whitespace, case, punctuation and the
style of quotation marks and apostrophes never matter.

Exact repeats are found with a dictionary of keys.  Near repeats (a word or two
changed) are found with prefix filtering, an exact all-pairs similarity search:
the word pairs (bigrams) of each block are ordered rarest first, in one order
for the whole story, and only the first few, the *prefix*, go into an inverted
index.  Two blocks whose word-level similarity reaches the threshold must share
three bigrams of their prefixes (see :func:`_by_index` for the bound), so only
blocks that do are candidates; a candidate is compared in full only when the
words the two blocks share allow it.  On a 5,000-entry live blog of 85-word
entries, about four thousand of the eighteen million pairs are candidates and a
few dozen are compared in full.  An ordinary story (up to :data:`SMALL` blocks)
skips the index: every pair goes through cheap exact filters instead.

Similarity is the Indel (insert/delete) similarity of the two word sequences:
``2 * LCS / (len(a) + len(b))``, 1.0 for identical word sequences.

The analysis is computed once per document and cached in the document's stash;
each rule then reads the part it owns.  Which rule reports a pair is decided by
the *later* copy, the one reported: a whole body block (paragraph, list item) is
NL301's, a caption is NL303's, a sentence inside a longer block is NL302's.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from math import ceil
from typing import TYPE_CHECKING, Iterable, Sequence

from newslint.stash import StashKey
from newslint.userregex import UserPatterns, compile_user_patterns

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Block, Document

#: Block kinds whose repeats are reported (a whole block or its sentences).
#: Headlines and headings echo the story on purpose, blockquotes are often pull
#: quotes that repeat the body by design, bylines/datelines/table cells are
#: boilerplate or data.
BODY_KINDS = frozenset({"paragraph", "list-item"})
CAPTION_KINDS = frozenset({"caption"})
COMPARED_KINDS = BODY_KINDS | CAPTION_KINDS

#: Lines that repeat by design in wire copy and live blogs.  Anchored at the
#: start of the line: an unanchored pattern is tried at every position of every
#: block and costs forty times more.
DEFAULT_IGNORE_PATTERNS = (
    # live-blog and wire stamps: "Updated 10:32", "Posted at 9.15am"
    r"^(?:last\s+)?(?:updated|posted|published|edited|filed)\b",
    # credits: "Reporting by ...", "Additional reporting by ...", "(Editing by ...)"
    r"^\W*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|graphics|"
    r"production|produced|photographs?|pictures?|video|words)\s+by\b",
    # calls to action and furniture
    r"^(?:follow|subscribe|sign\s+up|read\s+more|related|advertisement|"
    r"click\s+here|share\s+this|get\s+in\s+touch|contact\s+us|watch|listen)\b",
    # "Copyright 2024 ...", "© Example News"
    r"^\W*(?:copyright\b|©)",
)

#: Picture agencies and libraries named in photo credits.
_AGENCY = (
    r"(?:Getty(?:\s+Images)?|Reuters|AP|AFP|EPA(?:-EFE)?|PA(?:\s+(?:Media|Wire|Images))?|"
    r"Shutterstock|Alamy|Rex(?:\s+Features)?|Bloomberg|Xinhua|Anadolu(?:\s+Agency)?|Corbis|"
    r"AAP|Associated\s+Press|Press\s+Association|NurPhoto|SOPA\s+Images|ZUMA(?:\s+Wire)?|"
    r"UPI|TASS|dpa|Handout)"
)
#: The word that opens a credit: "Photograph: ...", "Picture by ...", "Credit: ...".
_CREDIT_WORD = r"(?:Photo(?:graph)?s?|Pictures?|Images?|Credit|Photo\s+credit|Image\s+credit|Copyright|©)"
#: A caption's label: "Picture: ", "Photo - ", "Main picture: ", "Above: ".
_CAPTION_LABEL = re.compile(
    r"\W*(?:(?:main|top|inset)\s+)?"
    r"(?:picture|photo|photograph|image|caption|pictured|video|above|below|left|right|top|inset)s?"
    r"(?:\s*:|\s+[-–—|]\s+|\s*[–—]\s*)\s*",
    re.I,
)
#: A photo credit ending a caption: "(Getty Images)", "(Jane Roe/Reuters)",
#: "(Photo: Jane Roe)", "Photograph: Jane Roe/Reuters", "Picture by Jane Roe",
#: "Image source, Getty Images", " - Reuters".  Only after a separator or a space:
#: a label opening the caption is _CAPTION_LABEL's.
_CAPTION_CREDIT = re.compile(
    r"(?:"
    r"\s*[(\[]\s*(?:" + _CREDIT_WORD + r"\s*(?::|\bby\b)[^()\[\]]*"
    r"|[^()\[\]]*?\b" + _AGENCY + r"\b[^()\[\]]*)[)\]]"
    r"|(?<=[\s.,;|–—-])\s*(?:" + _CREDIT_WORD + r"\s*(?::|\bby\b)|Image\s+(?:source|copyright)\b,?)"
    r"\s*[^:()\[\]]{1,80}?"
    r"|\s+[-–—|/]\s*" + _AGENCY + r")[\s.]*$"
)


def caption_core(text: str) -> tuple[int, int]:
    """The part of caption ``text`` that describes the picture, as offsets into
    ``text``: without a label in front ("Picture: ") or a photo credit after it
    ("(Getty Images)", "Photograph: Jane Roe/Reuters").  The two copies of a
    caption often differ in these only."""
    start, end = 0, len(text)
    m = _CAPTION_LABEL.match(text)
    if m is not None:
        start = m.end()
    m = _CAPTION_CREDIT.search(text, start)
    if m is not None:
        end = m.start()
    while end > start and text[end - 1] in " \t\n.,;:|-–—/":
        end -= 1
    return (start, end) if end > start else (0, len(text))


_TOKEN = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_LEAD_PUNCT = "\"'‘“([{«‹—–-"
_TRAIL_PUNCT = "\"'’”)]}»›.,;:!?—–-"
_MAGNITUDE = frozenset(
    "million millions billion billions trillion bn m tn k thousand thousands per percent % "
    "cent pounds dollars euros pence points pts".split()
)


def normalise(text: str) -> str:
    """``text`` lower-cased with every non-word character (punctuation, quotation
    marks, apostrophes, underscores) replaced by a space.  The result has the same
    length as ``text`` whenever lower-casing keeps lengths (nearly always)."""
    if not text.isascii():
        # the usual non-ASCII punctuation first, so that most copy takes the
        # fast ASCII path
        for ch in _COMMON_NON_ASCII:
            if ch in text:
                text = text.replace(ch, " ")
        if not text.isascii():
            return _NON_WORD.sub(" ", text).lower()
    return text.encode("ascii").translate(_ascii_table()).decode("ascii").lower()


_COMMON_NON_ASCII = "£€¥’‘“”—–…«»\u00a0•·°§©®™"
_NON_WORD = re.compile(r"[^\w\s]|_")


_ASCII_TABLE: bytes | None = None


def _ascii_table() -> bytes:
    global _ASCII_TABLE
    if _ASCII_TABLE is None:
        _ASCII_TABLE = bytes(c if chr(c).isalnum() else 32 for c in range(256))
    return _ASCII_TABLE


def key_of(text: str) -> tuple[str, int]:
    """The comparison key of ``text`` and its number of words."""
    words = normalise(text).split()
    return " ".join(words), len(words)


@lru_cache(maxsize=64)
def compile_patterns(patterns: tuple[str, ...]) -> UserPatterns | None:
    """Case-insensitive, time-bounded patterns matching any of ``patterns`` (None
    for none); a bad pattern raises ValueError naming it."""
    return compile_user_patterns(patterns, "ignore-patterns", ignore_case=True)


@dataclass(slots=True)
class Unit:
    """A block or a sentence that may repeat another."""

    start: int
    end: int
    block: int  # index into Document.blocks
    kind: str  # the block's kind
    key: str
    n_words: int
    whole_block: bool  # the unit is its whole block (a block, or its only sentence)
    #: the part compared, when not the whole unit: a caption without its label
    #: and photo credit
    core: tuple[int, int] | None = None

    @property
    def core_start(self) -> int:
        return self.start if self.core is None else self.core[0]

    @property
    def core_end(self) -> int:
        return self.end if self.core is None else self.core[1]


@dataclass(frozen=True)
class NearSettings:
    """How one rule looks for near repeats of the blocks it reports."""

    threshold: float  # 1.0: no near repeats
    min_words: int
    pattern: "UserPatterns | None" = None  # lines that repeat by design

    @property
    def key(self) -> tuple:
        return (self.threshold, self.min_words, self.pattern.pattern if self.pattern else "")


class DupIndex:
    """The per-document duplication analysis (see the module docstring)."""

    def __init__(self, doc: "Document"):
        self.doc = doc
        text = doc.text
        low: str | None = normalise(text)
        if len(low or "") != len(text):  # lower-casing changed a length: work unit by unit
            low = None
        blocks: list[Unit] = []
        sentences: list[Unit] = []
        first: dict[str, Unit] = {}  # the first unit with each key, in text order
        by_block: dict[int, list] = {}
        for s in doc.sentences:
            by_block.setdefault(s.block, []).append(s)
        for b in doc.blocks:
            if b.kind not in COMPARED_KINDS:
                continue
            core = None
            cs, ce = b.start, b.end
            if b.kind == "caption":
                cs, ce = _caption_core_of(text, b.start, b.end)
                if (cs, ce) != (b.start, b.end):
                    core = (cs, ce)
            words = low[cs:ce].split() if low is not None else key_of(text[cs:ce])[0].split()
            if not words:
                continue
            key = " ".join(words)
            if b.kind == "caption" and _echoes_own_image(doc, b, key, low):
                continue
            unit = Unit(b.start, b.end, b.index, b.kind, key, len(words), True, core)
            blocks.append(unit)
            if key not in first:
                first[key] = unit
            sents = by_block.get(b.index, ())
            if len(sents) <= 1:
                continue
            for st in sents:
                # a caption's sentences without its label and credit
                ss, se = max(st.start, cs), min(st.end, ce)
                if ss >= se:
                    continue
                sw = low[ss:se].split() if low is not None else key_of(text[ss:se])[0].split()
                if sw:
                    skey = " ".join(sw)
                    su = Unit(ss, se, b.index, b.kind, skey, len(sw), skey == key)
                    sentences.append(su)
                    if skey not in first:
                        first[skey] = su
        self.blocks = blocks
        self.sentences = sentences
        self.first = first
        self._near: dict[tuple, dict[int, tuple[Unit, float]]] = {}

    @classmethod
    def of(cls, doc: "Document") -> "DupIndex":
        idx = doc.stash.get(_INDEX)
        if idx is None:
            with gc_paused():
                idx = doc.stash[_INDEX] = cls(doc)
        return idx

    # -- queries ------------------------------------------------------------

    def earlier_copy(self, unit: Unit) -> Unit | None:
        """The first unit with the same key as ``unit`` that starts before it."""
        first = self.first.get(unit.key)
        if first is None or first.start >= unit.start:
            return None
        return first

    def near_copies(self, settings: dict[str, "NearSettings"]) -> dict[int, tuple[Unit, float]]:
        """Blocks that nearly repeat an earlier block: ``block index -> (earlier
        block, similarity)``, the earlier block being the first one similar
        enough.  ``settings`` maps a block kind to the threshold, minimum length
        and ignore patterns of the rule that reports it.  A block shorter than
        its rule's minimum or matching its patterns takes no part; a block whose
        rule has a threshold of 1.0 can be a first copy but is not looked up; an
        exact repeat takes no part (its first copy stands for it)."""
        cache_key = _settings_key(settings)
        hit = self._near.get(cache_key)
        if hit is not None:
            return hit
        units: list[Unit] = []
        thresholds: list[float | None] = []
        seen: set[str] = set()
        for u in self.blocks:
            ns = settings.get(u.kind)
            if ns is None or u.n_words < ns.min_words or u.key in seen:
                continue
            seen.add(u.key)
            if self.is_ignored(u, ns.pattern):
                continue
            units.append(u)
            thresholds.append(ns.threshold if ns.threshold < 1.0 else None)
        with gc_paused():
            pairs = similar_pairs([u.key.split(" ") for u in units], thresholds)
        hit = {units[j].block: (units[i], sim) for j, (i, sim) in pairs.items()}
        self._near[cache_key] = hit
        return hit

    def is_ignored(self, unit: Unit, pattern: UserPatterns | None) -> bool:
        """True when ``pattern`` (from :func:`compile_patterns`) is found in ``unit``."""
        if pattern is None:
            return False
        # sliced, not searched with pos/endpos: "^" must match at the unit's start
        return pattern.search(self.doc.text[unit.start : unit.end]) is not None




#: The near-duplicate index of a document.
_INDEX: StashKey[DupIndex] = StashKey("duplication.index")

@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while the analysis builds its many
    small containers: they form no cycles, and every collection set off by
    their number would walk all the objects of the document again (a fifth of
    the time on a 5,000-entry live blog).  Reference counting still frees
    everything; the collector runs again afterwards as before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _similarity(a: Sequence[str], b: Sequence[str], t: float) -> float:
    """The Indel similarity of ``a`` and ``b`` when it reaches ``t``, else 0.0.

    Decided on the integer distance (similarity >= t exactly when the distance is
    at most (1 - t) * (len(a) + len(b))), so that a pair exactly at the
    threshold is never lost to floating-point rounding."""
    total = len(a) + len(b)
    if not total:
        return 1.0
    max_dist = _max_distance(total, t)
    dist = _indel().distance(a, b, score_cutoff=max_dist)
    return 1.0 - dist / total if dist <= max_dist else 0.0


def _max_distance(total: int, t: float) -> int:
    """The largest Indel distance between sequences of ``total`` words in all
    that is still at least ``t`` similar."""
    return int((1.0 - t) * total + 1e-9)


_INDEL = None


def _indel():
    global _INDEL
    if _INDEL is None:
        from rapidfuzz.distance import Indel

        _INDEL = Indel
    return _INDEL


#: Up to this many blocks every pair is a candidate (cheaper than an index for
#: an ordinary story); above it, prefix filtering.
SMALL = 48


def _settings_key(settings: dict[str, NearSettings]) -> tuple:
    key = _SETTINGS_KEYS.get(id(settings))
    if key is None or key[0] is not settings:
        key = (settings, tuple(sorted((k, v.key) for k, v in settings.items())))
        _SETTINGS_KEYS[id(settings)] = key
    return key[1]


_SETTINGS_KEYS: dict[int, tuple] = {}

_ALT_BEFORE = re.compile(r"(?:!\[|\balt\s*=\s*[\"']?)\s*$", re.I)


def _echoes_own_image(doc: "Document", block: "Block", key: str, low: str | None) -> bool:
    """True for image alt text (Markdown ``![...]``, HTML ``alt="..."``) that the
    caption right next to it repeats: one photo described twice, as CMSs do, not
    a repeat in the story.  The visible caption stands for both."""
    s = doc.source_map.to_source_start(block.start)
    if not _ALT_BEFORE.search(doc.source, max(0, s - 16), s):
        return False
    for i in (block.index - 1, block.index + 1):
        if 0 <= i < len(doc.blocks) and doc.blocks[i].kind == "caption":
            other = doc.blocks[i]
            os_, oe = _caption_core_of(doc.text, other.start, other.end)
            okey = " ".join(low[os_:oe].split()) if low is not None else key_of(doc.text[os_:oe])[0]
            if okey == key:
                return True
    return False


def _caption_core_of(text: str, start: int, end: int) -> tuple[int, int]:
    """:func:`caption_core` of ``text[start:end]``, as offsets into ``text``."""
    s, e = caption_core(text[start:end])
    return start + s, start + e


def similar_pairs(
    docs: Sequence[Sequence[str]],
    threshold: float | Sequence[float | None],
    *,
    method: str = "auto",
) -> dict[int, tuple[int, float]]:
    """For each token sequence, the first earlier one at least as similar as its
    threshold.

    Returns ``{j: (i, similarity)}`` with ``i < j``; exact repeats included.
    ``threshold`` is one value or one per sequence (the later sequence's applies
    to a pair; None: the sequence is only a possible earlier copy).  Similarity is the Indel similarity of the sequences.
    ``method`` is ``"index"`` (prefix filtering, see :func:`_by_index`),
    ``"pairs"`` (every pair through cheap exact filters) or ``"auto"`` (pairs
    for small inputs, the index above :data:`SMALL`).  All give the same answer;
    the tests check that.
    """
    n_docs = len(docs)
    if n_docs < 2:
        return {}
    thresholds = [threshold] * n_docs if isinstance(threshold, (int, float)) else list(threshold)
    if len(thresholds) != n_docs:
        raise ValueError("one threshold per sequence")
    if all(t is None for t in thresholds):
        return {}
    if method == "auto":
        method = "pairs" if n_docs <= SMALL else "index"
    if method == "pairs":
        return _by_pairs(docs, range(n_docs), thresholds)
    return _by_index(docs, thresholds)


def _by_pairs(
    docs: Sequence[Sequence[str]], which: Iterable[int], thresholds: Sequence[float | None]
) -> dict[int, tuple[int, float]]:
    """Every pair of ``docs[k]`` for k in ``which``, through exact cheap filters.

    Indel similarity >= t needs a bag overlap o >= t * (|a| + |b|) / 2 of words,
    hence o >= t * |a| / (2 - t) and |b| >= |a| * t / (2 - t); a set of words
    loses at most |a| - |set(a)| of the bag overlap."""
    out: dict[int, tuple[int, float]] = {}
    seen: list[tuple[int, int, set[str]]] = []
    for j in which:
        d = docs[j]
        t = thresholds[j]
        n = len(d)
        sj = set(d)
        if t is None:
            seen.append((j, n, sj))
            continue
        factor = t / (2.0 - t)
        need = ceil(factor * n - 1e-9) - (n - len(sj))
        lo, hi = n * factor - 1e-9, n / factor + 1e-9
        # hostile input (thousands of sequences): the nearest earlier ones only
        for i, m, si in seen if len(seen) <= MAX_PAIRS else seen[-MAX_PAIRS:]:
            if m < lo or m > hi or len(sj & si) < need:
                continue
            score = _similarity(docs[i], d, t)
            if score:
                out[j] = (i, score)
                break
        seen.append((j, n, sj))
    return out


def _bigram_need(n: int, n_grams: int, t: float) -> int:
    """A lower bound on the distinct bigrams a sequence of ``n`` words
    (``n_grams`` distinct bigrams) shares with any sequence at least ``t``
    similar to it (see :func:`_by_index`)."""
    if n < 2:
        return 0
    return ceil((1.5 * t - 1.0) * 2.0 / (2.0 - t) * n - 1 - 1e-9) - ((n - 1) - n_grams)


try:  # Counter's own loop, in C, without building a Counter for every block
    from collections import _count_elements as _count_into  # type: ignore[attr-defined]  # C helper, not in the stubs
except ImportError:  # pragma: no cover - other Python implementations

    def _count_into(mapping: dict, iterable: Iterable) -> None:
        for x in iterable:
            mapping[x] = mapping.get(x, 0) + 1


#: How many bigrams two prefixes must share (see :func:`_by_index`).
PREFIX_OVERLAP = 3

#: Bounds that keep the search near linear on hostile input (thousands of blocks
#: built on one template, where every pair shares its word pairs).  A sequence
#: is compared in full with at most MAX_CANDIDATES earlier ones (those sharing
#: the most prefix bigrams with it); the index is read for at most
#: MAX_POSTINGS entries per sequence (the most recent of each bigram's list); and
#: where pairs are compared without the index (thresholds below 2/3, sequences
#: too short for the bigram bound), with the MAX_PAIRS earlier sequences nearest
#: to it.  An ordinary story, or a live blog of thousands of distinct entries,
#: stays well inside all three, so the search stays exact there.
MAX_CANDIDATES = 100
MAX_POSTINGS = 1000
MAX_PAIRS = 500


def _by_index(docs: Sequence[Sequence[str]], thresholds: Sequence[float | None]) -> dict[int, tuple[int, float]]:
    """Prefix filtering over word pairs (bigrams).

    With an LCS of L words, at most (n - L) + (m - L) of the L - 1 steps between
    matched words skip a word, so the two sequences share at least 3L - n - m - 1
    bigram occurrences; with L >= t (n + m) / 2 and the length bound
    m >= n t / (2 - t), a sequence of n words shares at least
    need = (1.5 t - 1) * 2n / (2 - t) - 1 bigrams with any sequence similar
    enough (less what repeated bigrams lose in a set).

    Order the bigrams of every sequence in one order common to all.  When two
    sequences share at least ``need`` bigrams, the first (distinct bigrams -
    need + k) of each, its *prefix*, hold the k first bigrams they share: at most
    need - k of those lie beyond a prefix, and a prefix takes the first bigrams
    of its sequence.  So only sequences whose prefixes share k bigrams
    (:data:`PREFIX_OVERLAP`, or ``need`` when smaller) are candidates.  A
    longer k costs k - 1 more bigrams per prefix and leaves far fewer chance
    candidates, which share one ordinary bigram ("of the") and nothing else.

    The common order puts bigrams found in one sequence only first (they can
    never be shared, so a sequence whose prefix holds nothing else has no
    candidate and need not be indexed), then the others, rarest first.  A
    sequence is queried with the prefix its own threshold allows and indexed with
    the longer prefix the lowest threshold needs; a pair then shares the smaller
    of the two k.  A candidate is compared in full only when it passes the
    length bound and a bag-of-words bound (the LCS is at most the words the two
    share, counted with repeats, which is at most the distinct words they share
    plus the repeats of either).  Sequences too short for the bound are
    compared among themselves pair by pair."""
    from collections import Counter, defaultdict, deque
    from itertools import chain, count, islice, repeat

    t_index = min(t for t in thresholds if t is not None)
    # each distinct bigram gets a small number, in order of appearance (the
    # lists indexed by it below are much faster than dictionaries); bigrams are
    # told apart by their hashes: a collision only merges two elements, which
    # can widen the candidates, never lose one
    ids: defaultdict[int, int] = defaultdict(count().__next__)
    grams = [list(set(map(ids.__getitem__, map(hash, zip(d, islice(d, 1, None)))))) for d in docs]
    df = Counter(chain.from_iterable(grams))
    # one global order, rarest first (ties in whatever order the sort leaves
    # them: any order common to all sequences keeps the filter exact); rank 0
    # stands for the bigrams of one sequence only, which can never be shared
    shared = [g for g, c in df.items() if c > 1]
    shared.sort(key=df.__getitem__)
    rank = [0] * len(ids)
    for r, g in enumerate(shared, 1):
        rank[g] = r
    del df, ids
    rank_of = rank.__getitem__
    out: dict[int, tuple[int, float]] = {}
    short: list[int] = []
    index: list[list[int]] = [[] for _ in range(len(shared) + 1)]  # rank -> sequences
    postings = index.__getitem__
    lengths = [len(d) for d in docs]
    index_k = [1] * len(docs)  # the k each sequence was indexed with
    word_sets: list[set[str] | None] = [None] * len(docs)
    # the bound of _bigram_need, inlined: (1.5 t - 1) * 2 / (2 - t) per word
    k_index = (1.5 * t_index - 1.0) * 2.0 / (2.0 - t_index)
    for j, gs in enumerate(grams):
        n, t, size = lengths[j], thresholds[j], len(gs)
        lost = (n - 1) - size  # bigrams repeated within the sequence
        need_index = ceil(k_index * n - 1 - 1e-9) - lost if n > 1 else 0
        if need_index < 1:
            short.append(j)
            need_index = 1
        common = sorted(filter(None, map(rank_of, gs)))
        k = index_k[j] = min(PREFIX_OVERLAP, need_index)
        # prefix lengths, counted in common bigrams (the unique ones come first)
        index_len = len(common) - need_index + k
        if index_len <= 0:
            continue
        if t is None:
            query_len = k_query = 0
        elif t == t_index:
            query_len, k_query = index_len, k
        else:
            need_query = max(_bigram_need(n, size, t), need_index)
            k_query = min(PREFIX_OVERLAP, need_query)
            query_len = len(common) - need_query + k_query
        del common[index_len:]
        hits: dict[int, int] = {}
        if query_len > 0:
            lists = list(map(postings, common[:query_len]))
            if sum(map(len, lists)) > MAX_POSTINGS:
                # hostile input: the most recent entries of each list only
                per = max(1, MAX_POSTINGS // len(lists))
                lists = [p[-per:] for p in lists]
            _count_into(hits, chain.from_iterable(lists))
        # index[r].append(j) for every r of the prefix, looped in C
        deque(map(list.append, map(postings, common), repeat(j)), 0)
        if not hits:
            continue
        cands = [i for i, c in hits.items() if c >= k_query or c >= index_k[i]]
        if not cands:
            continue
        if len(cands) > MAX_CANDIDATES:
            # hostile input: those sharing the most prefix bigrams
            cands.sort(key=hits.__getitem__, reverse=True)
            del cands[MAX_CANDIDATES:]
        assert t is not None  # a sequence without a threshold queries nothing
        factor = t / (2.0 - t)
        lo, hi = n * factor - 1e-9, n / factor + 1e-9
        d = docs[j]
        wj = None
        for i in sorted(cands):
            m = lengths[i]
            if m < lo or m > hi:
                continue
            if wj is None:
                wj = word_sets[j] = set(d)
            wi = word_sets[i]
            if wi is None:
                wi = word_sets[i] = set(docs[i])
            bag = len(wi & wj) + min(n - len(wj), m - len(wi))
            if 2 * bag < n + m - _max_distance(n + m, t):
                continue
            score = _similarity(docs[i], d, t)
            if score:
                out[j] = (i, score)
                break
    if len(short) > 1:
        for j, (i, score) in _by_pairs(docs, short, thresholds).items():
            old = out.get(j)
            if old is None or i < old[0]:
                out[j] = (i, score)
    return out


# -- describing a unit and a difference ------------------------------------------


def snippet(text: str, words: int = 8) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when cut."""
    text = " ".join(text.split())
    parts = text.split(" ")
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]).rstrip(",;:") + "…"


def _tokens_with_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _phrase(text: str, toks: list[tuple[int, int, str]], i: int, j: int, figure: bool) -> str:
    """The original words ``toks[i:j]`` of ``text``, widened to whole words (and,
    for a figure, its currency sign and unit: "$112 million")."""
    if i >= j:
        return ""
    s, e = toks[i][0], toks[j - 1][1]
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    if figure and j < len(toks) and toks[j][2] in _MAGNITUDE:
        e2 = toks[j][1]
        if text[e:toks[j][0]].isspace():
            e = e2
            while e < len(text) and not text[e].isspace():
                e += 1
    phrase = text[s:e].lstrip(_LEAD_PUNCT).rstrip(_TRAIL_PUNCT)
    return phrase or text[toks[i][0] : toks[j - 1][1]]


@dataclass(frozen=True, slots=True)
class Difference:
    """One place where two copies differ: ``ours`` here, ``theirs`` in the first copy."""

    ours: str
    theirs: str
    figure: bool  # both sides hold a number (a figure changed)


def differences(ours: str, theirs: str) -> list[Difference]:
    """The word-level differences between a copy (``ours``) and the first copy."""
    from rapidfuzz.distance import Levenshtein

    a = _tokens_with_spans(theirs)
    b = _tokens_with_spans(ours)
    out: list[Difference] = []
    for op in Levenshtein.opcodes([t[2] for t in a], [t[2] for t in b]):
        if op.tag == "equal":
            continue
        ta = " ".join(t[2] for t in a[op.src_start : op.src_end])
        tb = " ".join(t[2] for t in b[op.dest_start : op.dest_end])
        figure = bool(_DIGIT.search(ta)) and bool(_DIGIT.search(tb))
        out.append(
            Difference(
                _phrase(ours, b, op.dest_start, op.dest_end, figure),
                _phrase(theirs, a, op.src_start, op.src_end, figure),
                figure,
            )
        )
    # Levenshtein may split one change into adjacent operations; merge identical
    # phrases produced by widening to whole words.
    merged: list[Difference] = []
    for d in out:
        if merged and merged[-1].ours == d.ours and merged[-1].theirs == d.theirs:
            continue
        merged.append(d)
    return merged


def describe_differences(diffs: Sequence[Difference], line: int, limit: int = 3) -> str:
    """``'$121 million' here, '$112 million' on line 5 (a figure changed); ...``"""
    parts = []
    for d in diffs[:limit]:
        if d.ours and d.theirs:
            part = f"'{d.ours}' here, '{d.theirs}' on line {line}"
            if d.figure:
                part += " (a figure changed)"
        elif d.ours:
            part = f"adds '{d.ours}'"
        else:
            part = f"lacks '{d.theirs}'"
        parts.append(part)
    if len(diffs) > limit:
        parts.append(f"and {len(diffs) - limit} more difference{'s' if len(diffs) - limit > 1 else ''}")
    return "; ".join(parts)


def kind_phrase(doc: "Document", unit: Unit) -> str:
    """How to name the first copy in a message: "the caption on line 22",
    "a sentence on line 13", "the paragraph on line 8"."""
    line = doc.line_of(unit.start)
    if not unit.whole_block:
        return f"a sentence on line {line}"
    kind = {"list-item": "list item"}.get(unit.kind, unit.kind)
    return f"the {kind} on line {line}"


_QUOTE_STYLE = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "′": "'", "″": '"'})
_FINAL_STOP = ".!?…"


def how_alike(ours: str, theirs: str) -> str:
    """How two copies with the same words differ: "word for word", "apart from the
    final punctuation", "apart from case and quotation-mark style"..."""
    a = " ".join(ours.split())
    b = " ".join(theirs.split())
    if a == b:
        return "word for word"
    if a.rstrip(_FINAL_STOP) == b.rstrip(_FINAL_STOP):
        return "apart from the final punctuation"
    differs = []
    if _TOKEN.findall(a) != _TOKEN.findall(b):
        differs.append("case")
    pa = "".join(_TOKEN.sub("", a).split())
    pb = "".join(_TOKEN.sub("", b).split())
    if pa != pb:
        if pa.translate(_QUOTE_STYLE) == pb.translate(_QUOTE_STYLE):
            differs.append("quotation-mark style")
        else:
            differs.append("punctuation")
    if not differs:
        differs.append("spacing")
    return "apart from " + " and ".join(differs)


def validate_ignore_patterns(cls, options, base) -> None:
    """``Rule.validate_options`` for rules with ``ignore-patterns``: each must compile."""
    compile_patterns(tuple(options.get("ignore-patterns", ())))
