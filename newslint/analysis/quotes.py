"""Quotations and their attributions.

CONTRACT (stable):

``find_quotes(doc) -> list[Quote]`` in document order; ``unmatched_marks(doc) ->
list[int]`` the text offsets of quotation marks that open or close nothing.

How marks are read
------------------
Every quotation mark (``" ' “ ” ‘ ’``) is classified by the characters on each
side of it, never by a global count:

* a single mark between two letters or digits is an apostrophe (``Russia's``,
  ``d'etat``, ``I'll``, ``rock'n'roll``); so is one opening a decade (``the '90s``),
  ``'n'`` (``rock 'n' roll``) and a few elisions (``'em``, ``'tis``);
* a mark after a space or an opening bracket and before a letter opens;
  after a letter or punctuation and before a space or punctuation it closes;
* a single mark after a letter and before a space (``students' union``) closes a
  single quotation only when one is open and the next single mark in the block
  does not close too (``'The students' union agreed,' she said``: the first is a
  possessive); with nothing open it is an apostrophe;
* a straight double mark that could be either toggles.

Quotations nest (``parent``).  A paragraph that ends inside a quotation, followed
by a paragraph that opens again with the same kind of mark, is the British and US
convention for a quotation running over several paragraphs: the first quotation
ends with its block and the next one ``continues`` it.

Attributions are read from the few words around each outermost quotation:
``'...,' she said``, ``'...,' said Ms Kowalski``, ``'...,' Lavrov told
reporters``, ``She said: '...'``, ``He continued: '...'``, ``according to X``,
``..., adding '...'`` and the middle position ``'...,' she said, '...'``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Block, Document


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quotation is attributed to, e.g. ``she said`` or ``said Ms Kowalski``."""

    start: int  # the whole attribution phrase, half-open offsets into Document.text
    end: int
    speaker_start: int  # the speaker phrase or pronoun
    speaker_end: int
    speaker: str  # Document.text[speaker_start:speaker_end]
    kind: str  # "pronoun" | "name" | "noun" (a role or organisation: "the ministry")
    verb: str  # "said", "told", "continued", "according to", ...
    position: str  # "before" | "after" | "middle" (relative to the quote)
    #: lower-case role words written just before a name ("chief executive" in
    #: "chief executive Richard Parsons said"), empty when there are none
    role: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``Document.text[start:end]`` includes the marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str  # the opening mark: ' " ‘ “
    block: int  # index of the block where it opens
    attribution: Attribution | None = None
    #: index (in find_quotes' list) of the enclosing quote, for nested quotes
    parent: int | None = None
    #: index of the quote this one continues (a quote running over paragraphs)
    continues: int | None = None
    #: False when the quotation runs to the end of its paragraph without a
    #: closing mark because the next paragraph continues it
    closed: bool = True

    def text(self, doc: "Document") -> str:
        return doc.text[self.inner_start : self.inner_end]


# ---------------------------------------------------------------------------
# marks

_MARK_RE = re.compile("[\"'“”‘’]")

# classes of marks
_APOS = 0  # an apostrophe, not a quotation mark
_OPEN = 1
_CLOSE = 2  # closes; unmatched when nothing of its family is open
_CLOSE_LETTER = 3  # after a letter, before punctuation: closes if open, else apostrophe
_CLOSE_WEAK = 4  # after a letter, before a space: see the module docstring
_TOGGLE = 5  # either; closes when its family is open
_STRAY = 6  # a mark between spaces: opens or closes nothing
_SPACED = 7  # a double mark between spaces: closes when one is open, else stray

_OPEN_PUNCT = frozenset("([{<—–-/")
_CLOSE_PUNCT = frozenset(".,;:!?)]}>…—–-/")
_QUOTE_CHARS = frozenset("\"'“”‘’")
_DOUBLE = frozenset('"“”')
_ELISION_RE = re.compile(r"(?:\d0s|\d\d\b|n['’]\s|em\b|tis\b|twas\b|til\b|cos\b|cause\b|bout\b|bots?\b)")


def _classify(text: str, i: int, n: int) -> int:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < n else " "
    if ch == "“":
        return _OPEN
    if ch == "”":
        return _CLOSE
    p_space = prev.isspace()
    n_space = nxt.isspace()
    if ch == '"':
        left = p_space or prev in _OPEN_PUNCT or prev in _QUOTE_CHARS
        right = n_space or nxt in _CLOSE_PUNCT or nxt in _QUOTE_CHARS
        if left and not right:
            return _OPEN
        if right and not left:
            return _CLOSE
        if p_space and n_space:
            return _SPACED
        return _TOGGLE
    # single marks: ' ‘ ’
    p_al = prev.isalnum()
    n_al = nxt.isalnum()
    if p_al and n_al:
        return _APOS
    if ch == "‘":
        if n_space:
            return _STRAY
        if n_al and _ELISION_RE.match(text, i + 1) and (nxt.isdigit() or text[i + 1 : i + 3] in ("n’", "n'")):
            return _APOS  # ‘90s, rock ‘n’ roll
        return _OPEN
    if p_space or prev in _OPEN_PUNCT or prev in "“‘":
        if n_al:
            if _ELISION_RE.match(text, i + 1):
                return _APOS
            if ch == "’":
                return _APOS  # ’tis, ’em: a right mark where a left one would open
            return _OPEN
        if n_space:
            return _STRAY
        return _OPEN  # '"Nested..." or '...
    if prev == '"' or prev == "”":
        return _OPEN if n_al else _CLOSE
    if p_al:
        if prev == "n" and i >= 2 and text[i - 2] in "'‘’" and (i < 3 or not text[i - 3].isalnum()):
            return _APOS  # the second mark of 'n'
        if n_space:
            return _CLOSE_WEAK
        return _CLOSE_LETTER
    # after punctuation (.,?!…) or a closing bracket
    if n_al:
        return _TOGGLE
    return _CLOSE


class _Scan:
    __slots__ = ("pairs", "unmatched", "continued_from")

    def __init__(self) -> None:
        #: (open offset, close offset, block index, parent open offset); the close
        #: offset is -1 when the quotation runs to the end of its block, and
        #: ``-end`` when it ends without a mark where the next one opens
        self.pairs: list[tuple[int, int, int, int]] = []
        self.unmatched: list[int] = []
        #: opening offset -> opening offset of the quote it continues
        self.continued_from: dict[int, int] = {}


def _scan(doc: "Document") -> _Scan:
    cached = doc.cache.get("quotes.scan")
    if cached is not None:
        return cached
    text = doc.text
    n = len(text)
    res = _Scan()
    blocks = doc.blocks
    # collect marks per block
    marks_by_block: list[list[tuple[int, str, int]]] = [[] for _ in blocks]
    if blocks:
        bi = 0
        nb = len(blocks)
        for m in _MARK_RE.finditer(text):
            i = m.start()
            while bi < nb and blocks[bi].end <= i:
                bi += 1
            if bi >= nb:
                break
            if i < blocks[bi].start:
                continue
            cls = _classify(text, i, n)
            if cls != _APOS:
                marks_by_block[bi].append((i, m.group(), cls))
    pending_continuation = None  # opening offset awaiting its continuation in this block
    for bi, marks in enumerate(marks_by_block):
        block = blocks[bi]
        cont_from = pending_continuation
        pending_continuation = None
        stack: list[tuple[int, bool]] = []  # (offset, is_double)
        for k, (i, ch, cls) in enumerate(marks):
            double = ch in _DOUBLE
            if cls == _STRAY:
                res.unmatched.append(i)
                continue
            if cls == _OPEN:
                if cont_from is not None and k == 0 and i == block.start:
                    res.continued_from[i] = cont_from
                elif stack and stack[-1][1] == double:
                    # the same kind of mark opens again after a full stop while a
                    # quotation is open: paragraphs run together in one block
                    # ('"First paragraph. "Second one," she said.')
                    e = i
                    while e > block.start and text[e - 1].isspace():
                        e -= 1
                    if e > stack[-1][0] + 1 and text[e - 1] in ".!?…" and e < i:
                        opener = stack[-1][0]
                        parent = stack[-2][0] if len(stack) > 1 else -1
                        stack.pop()
                        res.pairs.append((opener, -e, bi, parent))
                        res.continued_from[i] = opener
                stack.append((i, double))
                continue
            # a closer (or a toggle)
            j = len(stack) - 1
            while j >= 0 and stack[j][1] != double:
                j -= 1
            if j < 0:
                if cls == _SPACED:
                    res.unmatched.append(i)
                elif cls == _TOGGLE:
                    if cont_from is not None and k == 0 and i == block.start:
                        res.continued_from[i] = cont_from
                    stack.append((i, double))
                elif cls == _CLOSE:
                    res.unmatched.append(i)
                # _CLOSE_LETTER / _CLOSE_WEAK with nothing open: an apostrophe
                continue
            if cls == _CLOSE_WEAK and _next_single_closes(marks, k):
                continue  # a possessive (students' union) inside the quotation
            for off, _d in stack[j + 1 :]:
                res.unmatched.append(off)
            opener = stack[j][0]
            parent = stack[j - 1][0] if j > 0 else -1
            del stack[j:]
            res.pairs.append((opener, i, bi, parent))
        if stack:
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            bottom, bottom_double = stack[0]
            cont = False
            if nxt is not None:
                first = marks_by_block[bi + 1]
                if first and first[0][0] == nxt.start and first[0][2] in (_OPEN, _TOGGLE):
                    cont = (first[0][1] in _DOUBLE) == bottom_double
            if cont:
                res.pairs.append((bottom, -1, bi, -1))
                pending_continuation = bottom
                rest = stack[1:]
            else:
                rest = stack
            for off, _d in rest:
                res.unmatched.append(off)
    res.pairs.sort()
    res.unmatched.sort()
    doc.cache["quotes.scan"] = res
    return res


def _next_single_closes(marks: list[tuple[int, str, int]], k: int) -> bool:
    for i, ch, cls in marks[k + 1 :]:
        if ch in _DOUBLE:
            continue
        return cls in (_CLOSE, _CLOSE_LETTER, _CLOSE_WEAK)
    return False


# ---------------------------------------------------------------------------
# attributions

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*|\S")

PRONOUNS = frozenset("he she they it we i you".split())

#: Verbs that introduce or close a quotation.
SPEECH_VERBS = frozenset(
    """said says say told tells added adds continued continues asked asks explained
    explains insisted insists warned warns wrote writes noted notes argued argues
    claimed claims admitted admits stressed stresses declared declares replied replies
    responded responds remarked recalled recalls conceded concedes acknowledged
    acknowledges suggested suggests agreed agrees joked jokes announced announces
    concluded observed commented comments tweeted posted urged urges cautioned
    predicted predicts maintained maintains complained complains confirmed confirms
    revealed reveals shouted whispered exclaimed yelled reiterated emphasised
    emphasized vowed promised countered retorted boasted lamented stated states
    quipped mused protested pleaded demanded thundered wondered enthused screamed
    sighed laughed smiled begins began opined concedes testified alleged""".split()
)
#: Participles that continue an attribution ("..., adding: '...'").
PARTICIPLES = frozenset(
    "adding saying telling insisting warning explaining noting arguing stressing "
    "declaring writing".split()
)
_AFTER_SKIP = frozenset(
    """also later then has had have previously earlier once simply further quickly
    recently again repeatedly publicly reportedly subsequently himself herself
    themselves only""".split()
)
_CAP_STOP = frozenset(
    """but and yet so or then however now here there meanwhile separately earlier later
    today yesterday tonight last next on in at when while as if after before also still
    asked speaking writing although though since because instead indeed moreover
    nevertheless nonetheless this that these those his her their its our my your
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december in of for to from
    with by what how why where who which one it we he she they i you""".split()
)
_DETERMINERS = frozenset("the a an".split())
_NAME_PARTICLES = frozenset("de van von der den al el bin bint ibn da di du del della la le dos das".split())
_INNER_PARTICLES = frozenset("of for and the &".split())
_PREPOSITIONS = frozenset("for of at from in with to on".split())
_NOUN_STOP = frozenset(
    """and but that which who as while when because said says if so than then where
    whom whose was were is are be been has had have will would could should can may
    might not no nor also just only even""".split()
)
_HONORIFIC_ABBR = frozenset("mr mrs ms dr prof st rev gen col lt sgt capt maj sen gov rep".split())


class _Tok:
    __slots__ = ("s", "e", "t", "low")

    def __init__(self, s: int, e: int, t: str):
        self.s = s
        self.e = e
        self.t = t
        self.low = t.lower()

    def is_word(self) -> bool:
        return self.t[0].isalnum()

    def is_cap(self) -> bool:
        return self.t[0].isupper()


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)]


def _speaker_back(toks: list[_Tok], k: int, lo: int = 0):
    """The speaker phrase ending at token ``k`` (walking back, not before ``lo``).

    Returns (first token index, last token index, kind, role tokens) or None.
    """
    while k >= lo and toks[k].low in _AFTER_SKIP:
        k -= 1
    if k < lo:
        return None
    t = toks[k]
    if t.t == "," and k - 1 > lo:
        # an appositive between the speaker and the verb:
        # "Marc Gonsalves, an executive at the firm, said"
        j = k - 1
        while j > lo and toks[j].t != "," and k - j < 14:
            if not toks[j].is_word() and toks[j].t not in ("-", "(", ")", "&"):
                return None
            j -= 1
        if j > lo and toks[j].t == "," and j < k - 1:
            sp = _speaker_back(toks, j - 1, lo)
            if sp is not None and sp[2] in ("name", "noun"):
                return sp
        return None
    if not t.is_word():
        return None
    if t.low in PRONOUNS:
        # a pronoun subject stands alone ("and he said" is still "he")
        return (k, k, "pronoun", ())
    if t.is_cap() and t.low not in _CAP_STOP:
        j = k
        i = k - 1
        while i >= lo:
            u = toks[i]
            if u.t == "." and i - 1 >= lo and (toks[i - 1].low in _HONORIFIC_ABBR or len(toks[i - 1].t) == 1):
                i -= 1
                continue
            if not u.is_word():
                break
            if u.is_cap() and u.low not in _CAP_STOP:
                j = i
            elif u.low in _NAME_PARTICLES or u.low in _INNER_PARTICLES:
                pass  # only kept when a capitalised word comes before it
            else:
                break
            i -= 1
        # role words or a determiner before the name
        i = j - 1
        if i >= lo and toks[i].low in _DETERMINERS:
            return (i, k, "noun", ())
        role: list[_Tok] = []
        while i >= lo and len(role) < 6:
            u = toks[i]
            if u.low == "and" and role and i - 1 >= lo and toks[i - 1].t[0].islower() and toks[i - 1].low not in _NOUN_STOP:
                role.append(u)
                i -= 1
                continue
            if not u.is_word() or u.is_cap() or u.low in _NOUN_STOP or u.low in _DETERMINERS or u.low in _PREPOSITIONS:
                break
            if u.low in SPEECH_VERBS or u.low in PRONOUNS:
                break
            role.append(u)
            i -= 1
        role.reverse()
        if role and role[0].low == "and":
            role = role[1:]
        return (j, k, "name", tuple(role))
    if t.t[0].islower() and t.low not in _NOUN_STOP and t.low not in SPEECH_VERBS:
        # a noun phrase: "officials", "the ministry", "a spokesman for the firm"
        j = k
        i = k - 1
        count = 1
        while i >= lo and count < 8:
            u = toks[i]
            if not u.is_word() or u.low in _NOUN_STOP or u.low in PRONOUNS or u.low in SPEECH_VERBS:
                break
            j = i
            count += 1
            if u.low in _DETERMINERS:
                if i - 1 >= lo and toks[i - 1].low in _PREPOSITIONS:
                    i -= 1
                    continue
                break
            i -= 1
        if toks[j].low in _PREPOSITIONS:
            return None
        return (j, k, "noun", ())
    return None


def _speaker_forward(toks: list[_Tok], k: int, hi: int):
    """The speaker phrase starting at token ``k`` (``said Ms Kowalski``)."""
    if k >= hi:
        return None
    t = toks[k]
    if not t.is_word():
        return None
    if t.low in PRONOUNS:
        return (k, k, "pronoun", ())
    # role words before a name: "said chief executive Richard Parsons"
    role_start = k
    i = k
    while i < hi and i - k < 5 and toks[i].is_word() and toks[i].t[0].islower() and toks[i].low not in _DETERMINERS and toks[i].low not in _NOUN_STOP and toks[i].low not in _PREPOSITIONS:
        i += 1
    if i < hi and i > k and toks[i].is_word() and toks[i].is_cap() and toks[i].low not in _CAP_STOP:
        role = tuple(toks[role_start:i])
        k = i
    else:
        role = ()
        i = k
    t = toks[k]
    if t.is_cap() and t.low not in _CAP_STOP:
        j = k
        i = k + 1
        while i < hi:
            u = toks[i]
            if u.t == "." and (toks[i - 1].low in _HONORIFIC_ABBR or len(toks[i - 1].t) == 1):
                i += 1
                continue
            if not u.is_word():
                break
            if u.is_cap() and u.low not in _CAP_STOP:
                j = i
            elif (u.low in _NAME_PARTICLES or u.low in _INNER_PARTICLES) and i + 1 < hi and toks[i + 1].is_word() and toks[i + 1].is_cap():
                pass
            else:
                break
            i += 1
        return (k, j, "name", role)
    if t.low in _DETERMINERS:
        j = k
        i = k + 1
        while i < hi and i - k < 8:
            u = toks[i]
            if not u.is_word() or u.low in _NOUN_STOP or u.low in SPEECH_VERBS:
                break
            j = i
            i += 1
        if j == k:
            return None
        while j > k and toks[j].low in _PREPOSITIONS | _DETERMINERS:
            j -= 1
        return (k, j, "noun", ())
    if t.t[0].islower() and t.low not in _NOUN_STOP:
        return (k, k, "noun", ())  # "said officials"
    return None


def _make(text: str, toks, sp, verb_tok: _Tok, verb: str, position: str, start: int | None = None, end: int | None = None) -> Attribution:
    a, b, kind, role = sp
    s = toks[a].s
    e = toks[b].e
    return Attribution(
        start=min(s, verb_tok.s) if start is None else start,
        end=max(e, verb_tok.e) if end is None else end,
        speaker_start=s,
        speaker_end=e,
        speaker=text[s:e],
        kind=kind,
        verb=verb,
        position=position,
        role=" ".join(r.t for r in role),
    )


_AFTER_GATE = frozenset(",?!…—–-:;")


_BEFORE_GATE = re.compile(r"(?:[:,]|adding|saying|telling|insisting|warning|explaining|noting|arguing|stressing|declaring|writing)\s*$")


def _after(text: str, q_end: int, inner_last: str, limit: int) -> Attribution | None:
    j = q_end
    while j < limit and text[j] == " ":
        j += 1
    if j >= limit:
        return None
    if text[j] != "," and inner_last not in _AFTER_GATE:
        if inner_last != "." or not text[j].islower():
            return None
    toks = _tokens(text, q_end, min(limit, q_end + 120))
    if not toks:
        return None
    k = 0
    comma = False
    if toks[0].t == ",":
        comma = True
        k = 1
    if not comma and inner_last not in _AFTER_GATE:
        if inner_last != "." or k >= len(toks) or not toks[k].t[0].islower():
            return None
    # the sentence ends at the first . ! ? that is not an abbreviation
    hi = len(toks)
    for i in range(k, len(toks)):
        t = toks[i].t
        if t in ("!", "?", ";", '"', "“", "”", "‘", "’", "'") or (
            t == "." and not (i > 0 and (toks[i - 1].low in _HONORIFIC_ABBR or len(toks[i - 1].t) == 1))
        ):
            hi = i
            break
    if k >= hi:
        return None
    t0 = toks[k]
    if t0.low in SPEECH_VERBS:
        sp = _speaker_forward(toks, k + 1, hi)
        if sp is None:
            return None
        return _make(text, toks, sp, t0, t0.low, "after", start=t0.s)
    if t0.low == "according" and k + 1 < hi and toks[k + 1].low == "to":
        sp = _speaker_forward(toks, k + 2, hi)
        if sp is None:
            return None
        return _make(text, toks, sp, t0, "according to", "after", start=t0.s)
    if t0.low in ("and", "but", "as", "while", "which", "who", "that", "when", "so", "if", "because"):
        return None
    # subject first: "she said", "Lavrov told reporters", "the ministry said"
    commas = 0
    for v in range(k + 1, min(hi, k + 16)):
        tv = toks[v]
        if not tv.is_word():
            if tv.t == "." and v > 0 and (toks[v - 1].low in _HONORIFIC_ABBR or len(toks[v - 1].t) == 1):
                continue
            if tv.t == "," and commas < 2 and v > k + 1:
                commas += 1  # an appositive: "Ann Lee, the chief executive, said"
                continue
            return None
        if commas == 0 and v >= k + 9:
            return None
        if tv.low in SPEECH_VERBS or (tv.low in ("went", "pointed") and v + 1 < hi and toks[v + 1].low in ("on", "out")):
            sp = _speaker_back(toks, v - 1, k)
            if sp is None:
                return None
            first_s = sp[3][0].s if sp[3] else toks[sp[0]].s
            if first_s != toks[k].s and not _only_skippable(toks, k, sp[0]):
                return None
            verb = tv.low
            end = tv.e
            if verb in ("went", "pointed"):
                verb = f"{verb} {toks[v + 1].low}"
                end = toks[v + 1].e
            return _make(text, toks, sp, tv, verb, "after", start=toks[sp[0]].s, end=end)
    return None


def _only_skippable(toks: list[_Tok], a: int, b: int) -> bool:
    """True when tokens a..b-1 may stand before a speaker after a quotation."""
    return all(t.low in ("then", "later", "now") for t in toks[a:b])


def _before(text: str, q_start: int, lo: int) -> Attribution | None:
    if q_start <= lo or not _BEFORE_GATE.search(text, max(lo, q_start - 14), q_start):
        return None
    toks = _tokens(text, max(lo, q_start - 160), q_start)
    if not toks:
        return None
    # only the current sentence
    first = 0
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i].t
        if t in ("!", "?") or (t == "." and not (i > 0 and (toks[i - 1].low in _HONORIFIC_ABBR or len(toks[i - 1].t) == 1))):
            first = i + 1
            break
    toks = toks[first:]
    if not toks:
        return None
    last = toks[-1]
    k = len(toks) - 1
    if last.t in (":", ","):
        k -= 1
        if k < 0:
            return None
        # "According to Ms Kowalski, '...'"
        for a in range(k - 1, max(-1, k - 8), -1):
            if toks[a].low == "according" and toks[a + 1].low == "to":
                sp = _speaker_forward(toks, a + 2, k + 1)
                if sp is None or sp[1] != k:
                    return None
                return _make(text, toks, sp, toks[a], "according to", "before", start=toks[a].s, end=toks[k].e)
        # the speech verb, then up to 10 words before the colon ("told reporters:")
        v = None
        lim = 10 if last.t == ":" else 0
        for i in range(k, max(-1, k - lim - 1), -1):
            u = toks[i]
            if u.low in SPEECH_VERBS or u.low in PARTICIPLES or (
                u.low in ("on", "out") and i > 0 and toks[i - 1].low in ("went", "pointed")
            ):
                v = i
                break
            if not u.is_word() and not (u.t == "." and i > 0 and len(toks[i - 1].t) <= 3):
                break
        if v is None:
            return None
    elif last.low in PARTICIPLES:
        v = k
    else:
        return None
    vt = toks[v]
    verb = vt.low
    if verb in ("on", "out"):
        v -= 1
        verb = f"{toks[v].low} {verb}"
    if verb in PARTICIPLES:
        # "..., Blinken said, adding '...'": the speaker of the main verb
        i = v - 1
        if i >= 0 and toks[i].t == ",":
            i -= 1
        j = i
        while j >= 0 and j > i - 6 and toks[j].low not in SPEECH_VERBS:
            if not toks[j].is_word():
                j = -1
                break
            j -= 1
        if j < 0 or toks[j].low not in SPEECH_VERBS:
            return None
        main = j
        sp = _speaker_back(toks, main - 1)
        if sp is None:
            sp = _speaker_forward(toks, main + 1, v)
            if sp is None:
                return None
        s = toks[sp[0]].s
        e = toks[sp[1]].e
        return Attribution(min(s, toks[main].s), vt.e, s, e, text[s:e], sp[2], verb, "before", " ".join(r.t for r in sp[3]))
    sp = _speaker_back(toks, v - 1)
    if sp is None:
        return None
    return _make(text, toks, sp, toks[v], verb, "before", start=toks[sp[0]].s, end=vt.e)


def _attributions(doc: "Document", scan: _Scan) -> dict[int, Attribution]:
    text = doc.text
    blocks = doc.blocks
    out: dict[int, Attribution] = {}
    pairs = scan.pairs
    tops = [p for p in pairs if p[3] == -1]
    prev_end_in_block: dict[int, int] = {}
    for idx, (o, c, bi, _parent) in enumerate(tops):
        block = blocks[bi]
        lo = max(block.start, prev_end_in_block.get(bi, block.start))
        att = None
        if o in scan.continued_from:
            pass  # a continuing paragraph is attributed where the quotation began
        else:
            att = _before(text, o, lo)
        if att is None and c >= 0:
            j = c - 1
            while j > o and text[j].isspace():
                j -= 1
            inner_last = text[j] if j > o else ""
            att = _after(text, c + 1, inner_last, block.end)
            if att is not None and idx + 1 < len(tops):
                # the middle position: '...,' she said, '...'
                o2, c2, b2, _ = tops[idx + 1]
                if b2 == bi and o2 >= att.end:
                    between = text[att.end : o2]
                    if _MIDDLE_RE.fullmatch(between):
                        att = _replace_position(att, "middle")
                        out[o2] = att
        if att is not None and o not in out:
            out[o] = att
        prev_end_in_block[bi] = (c + 1) if c >= 0 else (block.end if c == -1 else -c)
    return out


_MIDDLE_RE = re.compile(r"[^.!?:;\"'“”‘’]{0,60},\s*")


def _replace_position(a: Attribution, position: str) -> Attribution:
    return Attribution(a.start, a.end, a.speaker_start, a.speaker_end, a.speaker, a.kind, a.verb, position, a.role)


# ---------------------------------------------------------------------------
# public API


def find_quotes(doc: "Document") -> list[Quote]:
    """Every quotation in document order (see the module docstring)."""
    cached = doc.cache.get("quotes.list")
    if cached is not None:
        return cached
    scan = _scan(doc)
    atts = _attributions(doc, scan)
    index = {p[0]: i for i, p in enumerate(scan.pairs)}
    blocks = doc.blocks
    text = doc.text
    quotes: list[Quote] = []
    for o, c, bi, parent in scan.pairs:
        if c < 0:
            end = blocks[bi].end if c == -1 else -c
            inner_end = end
            closed = False
        else:
            end = c + 1
            inner_end = c
            closed = True
        cf = scan.continued_from.get(o)
        quotes.append(
            Quote(
                start=o,
                end=end,
                inner_start=o + 1,
                inner_end=inner_end,
                mark=text[o],
                block=bi,
                attribution=atts.get(o),
                parent=index.get(parent) if parent != -1 else None,
                continues=index.get(cf) if cf is not None else None,
                closed=closed,
            )
        )
    doc.cache["quotes.list"] = quotes
    return quotes


def unmatched_marks(doc: "Document") -> list[int]:
    """Text offsets of quotation marks that open or close nothing (apostrophes excluded)."""
    return list(_scan(doc).unmatched)


__all__ = ["Attribution", "Quote", "find_quotes", "unmatched_marks", "PRONOUNS", "SPEECH_VERBS"]
