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
reporters``, ``She said: '...'``, ``He continued: '...'``, ``Said Mr Fogg:
'...'``, ``according to X``, ``in the words of X``, ``as X put it``, ``...,
adding '...'``, a credit after a dash that ends the paragraph (``'...' — Elena
Marsh``) and the middle position ``'...,' she said, '...'``.

A role with the name in apposition names the speaker, and the role goes to
``Attribution.role``: ``the chair, Elena Marsh, told``, ``the chair Elena Marsh
said``, ``said the chair, Elena Marsh``, ``Elena Marsh, the chair, said``.  After
a role with a preposition (``a spokesman for the carrier, Ryanair,``) the name
must look like a person's, else it names the organisation and the role is the
speaker.

A clause and a colon with no speech verb (``Mr Hrytsenko repeated his pledge:
'...'``, ``The minister was blunt: '...'``) is attributed to the clause's subject
when the sentence opens with it (after at most a leading phrase such as
``Speaking later,``) and it is a name, he, she, they or a role; and only when
nothing else in the clause could be the speaker: no other name or pronoun
subject, no relative clause, no verb that quotes someone else (``quoted``,
``read``) and no text being read out (``pointed to the report:``).  The verb is
the word after the subject when it reads as a verb, else the word before the
colon.
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
    verb: str  # "said", "told", "continued", "according to", "put it", "—" (a dash credit), ...
    position: str  # "before" | "after" | "middle" (relative to the quote)
    #: the role written with a named speaker, without a leading article or
    #: possessive pronoun: "chief executive" in "chief executive Richard Parsons
    #: said", "chair" in "the chair, Elena Marsh, said" and in "Elena Marsh, the
    #: chair, said"; empty when there is none
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
    if prev in "-/" and i >= 2 and text[i - 2].isalnum() and not n_al:
        # a word ending in a hyphen or slash: the rating 'BBB-'. / 'and/or'
        return _CLOSE_WEAK if n_space else _CLOSE_LETTER
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
    concluded observed observes commented comments tweeted posted urged urges cautioned
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


#: Endings of nouns for what a person does ("treasurer", "economist", "chairman").
_ROLE_SUFFIXES = ("er", "or", "ist", "man", "woman", "person", "ian")
#: Words with those endings that are not a person's role.
_NOT_ROLE = frozenset(
    """other another border river water number order letter paper chamber center
    centre quarter corner summer winter september october november december after
    under over power matter cluster sector factor floor door corridor motor mirror
    error interior exterior horror tractor reactor computer printer server weather
    cancer danger dinner shelter tower trailer transfer banner barrier career chapter
    charter character container counter cover disaster disorder filter header layer
    manner marker newsletter register semester theater theatre trigger voucher answer
    later never ever together rather whether either neither further former latter
    upper lower inner outer proper meter monitor indicator elevator generator detector
    calculator radiator refrigerator poster sticker offer leather silver rubber
    thunder wonder ladder hammer laser lever liver pepper powder finger flower fever
    murder headquarter behavior labor color humor honor human german roman median
    guardian""".split()
)
#: Role words that the word lists of the people register leave out.
_EXTRA_ROLES = frozenset("chief head chair boss spokesperson general".split())


def _role_nouns() -> frozenset[str]:
    global _ROLES
    if _ROLES is None:
        from .people import GENDERED_NOUNS, PERSON_NOUNS

        _ROLES = PERSON_NOUNS | frozenset(GENDERED_NOUNS) | _EXTRA_ROLES
    return _ROLES


_ROLES: frozenset[str] | None = None


def _is_role(low: str, strict: bool = False) -> bool:
    """True when ``low`` names what a person is ("chair", "treasurer", "wife").
    ``strict``: only the word lists, no ending."""
    w = low.rsplit("-", 1)[-1]
    if w in _role_nouns():
        return True
    return not strict and len(w) >= 5 and w.endswith(_ROLE_SUFFIXES) and w not in _NOT_ROLE


def _is_possessive(t: _Tok) -> bool:
    return t.low.endswith(("'s", "’s"))


def _name_end(toks: list[_Tok], k: int, hi: int) -> int:
    """The last token of the capitalised name starting at ``k`` (``Ms Ann de Vries``),
    or -1 when no name starts there."""
    if k >= hi or not toks[k].is_word() or not toks[k].is_cap() or toks[k].low in _CAP_STOP:
        return -1
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
    return j


def _is_name(toks: list[_Tok], a: int, b: int) -> bool:
    """True when tokens a..b are exactly one name ("Elena Marsh", "Mr. Bell")."""
    if b - a > 6 or _name_end(toks, a, b + 1) != b or _is_possessive(toks[b]):
        return False
    return not any(t.low in ("and", "&") for t in toks[a : b + 1])


_ROLE_OPENERS = _DETERMINERS | frozenset("his her its their our my your".split())


def _without_determiner(toks: list[_Tok], a: int, b: int) -> tuple[_Tok, ...]:
    if toks[a].low in _ROLE_OPENERS:
        a += 1
    return tuple(toks[a : b + 1])


def _role_phrase(toks: list[_Tok], a: int, b: int) -> tuple[_Tok, ...] | None:
    """Tokens a..b as a role ("the chair", "the firm's chief executive", "a lawyer
    for the family"): its role words without a leading article, or None.  What
    follows the organisation of a role is left out ("analyst at Acme quoted in
    the Post" gives "analyst at Acme")."""
    if a > b:
        return None
    head = -1
    for i in range(a, b + 1):
        t = toks[i]
        stop = t.low in _NOUN_STOP or t.low in PRONOUNS or t.low in SPEECH_VERBS
        if head < 0:
            if not t.is_word() or stop:
                return None
            if t.low in _PREPOSITIONS and i > a:
                # "a lawyer for the family": the role comes before the preposition
                head = i - 1
        elif stop or (not t.is_word() and t.t not in ("&", "-")) or (t.t[0].islower() and t.low.endswith("ed")):
            b = i - 1
            break
    strict = head >= 0
    if head < 0:
        head = b
    if toks[head].low in _ROLE_OPENERS or not _is_role(toks[head].low, strict):
        return None
    while b > head and toks[b].low in _PREPOSITIONS | _DETERMINERS:
        b -= 1
    return _without_determiner(toks, a, b)


def _names_the_role(toks: list[_Tok], role: tuple[_Tok, ...], a: int, b: int) -> bool:
    """Whether the name a..b in apposition after ``role`` is the role holder's.

    After "a spokesman for the carrier" a name may be the carrier's ("Ryanair"):
    it is taken for the spokesman's only when it looks like a person's, with a
    title or a first name and a surname that is not an organisation's."""
    if not any(t.low in _PREPOSITIONS for t in role):
        return True
    if toks[a].low in _HONORIFIC_ABBR or toks[a].low in ("sir", "dame", "lord", "lady"):
        return True
    words = [t for t in toks[a : b + 1] if t.is_word()]
    if len(words) < 2:
        return False
    from .people import ORG_WORDS, PLACE_FIRST

    return words[-1].low not in ORG_WORDS and words[0].low not in PLACE_FIRST


def _appositive_role(toks: list[_Tok], a: int, b: int) -> tuple[_Tok, ...] | None:
    """The role in an appositive after a name (``, the chair,``), or None."""
    if a > b or not (toks[a].low in _DETERMINERS or _is_possessive(toks[a])):
        return None
    return _role_phrase(toks, a, b)


def _sp(a: int, b: int, kind: str, role: tuple = (), first: int | None = None):
    """A speaker phrase: (first and last token of the speaker, kind, role tokens,
    first token of the whole phrase including the role and an article)."""
    return (a, b, kind, role, a if first is None else first)


def _speaker_back(toks: list[_Tok], k: int, lo: int = 0):
    """The speaker phrase ending at token ``k`` (walking back, not before ``lo``).

    Returns (first token index, last token index, kind, role tokens, first token
    of the whole phrase) or None.
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
            if not toks[j].is_word() and toks[j].t not in ("-", "(", ")", "&", "."):
                return None
            j -= 1
        if j > lo and toks[j].t == "," and j < k - 1:
            sp = _speaker_back(toks, j - 1, lo)
            if sp is None or sp[2] not in ("name", "noun"):
                return None
            if _is_name(toks, j + 1, k - 1):
                # the name in apposition to a role: "the chair, Elena Marsh, said"
                found = _role_before_name(toks, sp, lo)
                if found is not None and _names_the_role(toks, found[0], j + 1, k - 1):
                    return _sp(j + 1, k - 1, "name", found[0], found[1])
            elif sp[2] == "name" and not sp[3]:
                # a role in apposition to the name: "Elena Marsh, the chair, said"
                role = _appositive_role(toks, j + 1, k - 1)
                if role:
                    return _sp(sp[0], sp[1], "name", role, sp[4])
            return sp
        return None
    if not t.is_word():
        return None
    if t.low in PRONOUNS:
        # a pronoun subject stands alone ("and he said" is still "he")
        return _sp(k, k, "pronoun")
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
            return _sp(i, k, "noun")
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
        first = j
        if role:
            first = j - len(role)
            # "the chair Elena Marsh said": an article before the role
            if i >= lo and i == first - 1 and toks[i].low in _DETERMINERS and _is_role(role[-1].low):
                first = i
        return _sp(j, k, "name", tuple(role), first)
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
        return _sp(j, k, "noun")
    return None


def _role_before_name(toks: list[_Tok], sp, lo: int):
    """For a name in apposition after the phrase ``sp`` ("the chair, Elena
    Marsh,"): (role tokens, first token) when ``sp`` is a role, else None."""
    a, b, kind = sp[0], sp[1], sp[2]
    if kind == "noun":
        role = _role_phrase(toks, a, b)
        if role:
            return role, sp[4]
    # "the chief executive of Acme, Elena Marsh,", "chief secretary to the
    # Treasury, Ann Lee,": a role and a preposition before the organisation
    # that the phrase ends with
    x = sp[4] - 1
    if x - 1 >= lo and toks[x].low in ("of", "for", "at", "to") and toks[b].is_cap():
        noun = _speaker_back(toks, x - 1, lo)
        if noun is not None and noun[2] == "noun" and _role_phrase(toks, noun[0], noun[1]):
            return _without_determiner(toks, noun[0], b), noun[4]
    return None


def _speaker_forward(toks: list[_Tok], k: int, hi: int):
    """The speaker phrase starting at token ``k`` (``said Ms Kowalski``)."""
    if k >= hi:
        return None
    first = k
    t = toks[k]
    if not t.is_word():
        return None
    if t.low in PRONOUNS:
        return _sp(k, k, "pronoun")
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
        # a role, then the name: "said the chair Elena Marsh"
        r = k + 1
        while r <= j and toks[r].t[0].islower() and toks[r].low not in _PREPOSITIONS and toks[r].low not in _DETERMINERS:
            r += 1
        if k + 1 < r <= j and _is_role(toks[r - 1].low):
            e = _name_end(toks, r, hi)
            if e >= 0 and not _is_possessive(toks[e]):
                return _sp(r, e, "name", tuple(toks[k + 1 : r]), first)
        # a role, then the name in apposition: "said the chair, Elena Marsh."
        if j + 2 < hi and toks[j + 1].t == ",":
            e = _name_end(toks, j + 2, hi)
            if e >= 0 and (e + 1 == hi or toks[e + 1].t == ",") and _is_name(toks, j + 2, e):
                role = _role_phrase(toks, k, j)
                if role and _names_the_role(toks, role, j + 2, e):
                    return _sp(j + 2, e, "name", role, first)
        return _sp(k, j, "noun")
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
        j = _name_end(toks, k, hi)
        if not role and j + 2 < hi and toks[j + 1].t == ",":
            # a role in apposition: "said Elena Marsh, the chair."
            e = j + 2
            while e < hi and toks[e].t != ",":
                e += 1
            # (up to a comma or the end of the sentence, not where the tokens stop)
            found = _appositive_role(toks, j + 2, e - 1) if e < len(toks) else None
            if found:
                role = found
        return _sp(k, j, "name", role, first)
    if t.t[0].islower() and t.low not in _NOUN_STOP:
        return _sp(k, k, "noun")  # "said officials"
    return None


def _make(text: str, toks, sp, verb_tok: _Tok, verb: str, position: str, start: int | None = None, end: int | None = None) -> Attribution:
    a, b, kind, role, first = sp
    s = toks[a].s
    e = toks[b].e
    return Attribution(
        start=min(toks[first].s, verb_tok.s) if start is None else start,
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


#: Speech verbs that may come before their speaker ("Said Mr Bysshe:"); not those
#: that take an object ("told BBC News:" has its subject earlier).
_INVERTING_VERBS = frozenset(
    """said says added adds observed observes continued continues explained explains
    wrote writes noted notes recalled recalls concluded concludes declared declares
    insisted insists asked asks""".split()
)

_BEFORE_GATE = re.compile(r"(?:[:,]|adding|saying|telling|insisting|warning|explaining|noting|arguing|stressing|declaring|writing)\s*$")


def _sentence_end(toks: list[_Tok], k: int) -> int:
    """Index of the token that ends the sentence starting at ``k`` (the first . ! ?
    that is not an abbreviation, a semicolon or a quotation mark), or len(toks)."""
    for i in range(k, len(toks)):
        t = toks[i].t
        if t in ("!", "?", ";", '"', "“", "”", "‘", "’", "'") or (
            t == "." and not (i > 0 and (toks[i - 1].low in _HONORIFIC_ABBR or len(toks[i - 1].t) == 1))
        ):
            return i
    return len(toks)


def _words_of(toks: list[_Tok], k: int) -> bool:
    """True when tokens k.. read "in the words of"."""
    return (
        k + 3 < len(toks)
        and toks[k].low == "in"
        and toks[k + 1].low == "the"
        and toks[k + 2].low == "words"
        and toks[k + 3].low == "of"
    )


def _dash_credit(text: str, dash: int, limit: int) -> Attribution | None:
    """A credit after a dash that ends the paragraph: ``'...' — Elena Marsh``."""
    toks = _tokens(text, dash + 1, min(limit, dash + 121))
    if not toks:
        return None
    hi = _sentence_end(toks, 0)
    sp = _speaker_forward(toks, 0, hi)
    if sp is None or sp[2] != "name" or _is_possessive(toks[sp[1]]):
        return None
    # the credit ends the paragraph
    if hi < len(toks):
        if toks[hi].t != "." or text[toks[hi].e : limit].strip():
            return None
    elif text[toks[-1].e : limit].strip():
        return None
    e = sp[1]
    if e + 1 < hi and toks[e + 1].t != ",":
        return None
    role = sp[3]
    if e + 1 < hi and not role:
        role = _role_phrase(toks, e + 2, hi - 1) or ()
    a = toks[sp[0]].s
    return Attribution(dash, toks[e].e, a, toks[e].e, text[a : toks[e].e], "name", text[dash], "after", " ".join(r.t for r in role))


def _after(text: str, q_end: int, inner_last: str, limit: int) -> Attribution | None:
    j = q_end
    while j < limit and text[j] == " ":
        j += 1
    if j >= limit:
        return None
    if text[j] in "—–" or (text[j] == "-" and j > q_end and text[j + 1 : j + 2] == " "):
        return _dash_credit(text, j, limit)
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
    hi = _sentence_end(toks, k)
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
    if _words_of(toks, k) and k + 3 < hi:
        # "'...', in the words of Elena Marsh."
        sp = _speaker_forward(toks, k + 4, hi)
        if sp is None or sp[2] == "pronoun":
            return None
        return _make(text, toks, sp, t0, "in the words of", "after", start=t0.s)
    if t0.low == "as":
        # "'...', as Elena Marsh put it."
        return _put_it(text, toks, k, hi, "after")
    if t0.low in ("and", "but", "while", "which", "who", "that", "when", "so", "if", "because"):
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
            if sp[4] != k and not _only_skippable(toks, k, sp[4]):
                return None
            verb = tv.low
            end = tv.e
            if verb in ("went", "pointed"):
                verb = f"{verb} {toks[v + 1].low}"
                end = toks[v + 1].e
            return _make(text, toks, sp, tv, verb, "after", start=toks[sp[4]].s, end=end)
    return None


def _put_it(text: str, toks: list[_Tok], k: int, hi: int, position: str) -> Attribution | None:
    """``as Elena Marsh put it`` with ``toks[k]`` the "as" (the phrase ends at ``hi``)."""
    p = k + 2
    while p + 1 < hi and p < k + 10 and toks[p].low != "put":
        p += 1
    if p + 1 >= hi or toks[p].low != "put" or toks[p + 1].low != "it" or p + 2 != hi:
        return None
    sp = _speaker_forward(toks, k + 1, p)
    if sp is None or sp[1] != p - 1 or (sp[2] == "noun" and _role_phrase(toks, sp[0], sp[1]) is None):
        return None
    return _make(text, toks, sp, toks[p + 1], "put it", position, start=toks[k].s)


def _only_skippable(toks: list[_Tok], a: int, b: int) -> bool:
    """True when tokens a..b-1 may stand before a speaker after a quotation."""
    return all(t.low in ("then", "later", "now") for t in toks[a:b])


def _before(text: str, q_start: int, lo: int, block_start: int) -> Attribution | None:
    if q_start <= lo or not _BEFORE_GATE.search(text, max(lo, q_start - 14), q_start):
        return None
    toks = _tokens(text, max(lo, q_start - 160), q_start)
    if not toks:
        return None
    # only the current sentence
    first = 0
    #: whether toks[first] opens the sentence (not a cut 160 characters back, nor
    #: the end of an earlier quotation in the paragraph)
    opens = lo == block_start and q_start - 160 <= lo
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i].t
        if t in ("!", "?") or (t == "." and not (i > 0 and (toks[i - 1].low in _HONORIFIC_ABBR or len(toks[i - 1].t) == 1))):
            first = i + 1
            opens = True
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
        # "According to Ms Kowalski, '...'", "In the words of Ms Kowalski, '...'"
        for a in range(k - 1, max(-1, k - 8), -1):
            if toks[a].low == "according" and toks[a + 1].low == "to":
                sp = _speaker_forward(toks, a + 2, k + 1)
                if sp is None or sp[1] != k:
                    return None
                return _make(text, toks, sp, toks[a], "according to", "before", start=toks[a].s, end=toks[k].e)
            if toks[a].low == "of" and a >= 3 and _words_of(toks, a - 3):
                sp = _speaker_forward(toks, a + 1, k + 1)
                if sp is None or sp[1] != k or sp[2] == "pronoun":
                    return None
                return _make(text, toks, sp, toks[a - 3], "in the words of", "before", start=toks[a - 3].s, end=toks[k].e)
        # "As Ms Kowalski put it: '...'"
        if toks[k].low == "it" and k >= 3 and toks[k - 1].low == "put":
            for a in range(k - 3, max(-1, k - 12), -1):
                if toks[a].low == "as":
                    if a == 0 or toks[a - 1].t == "," or toks[a - 1].low in ("but", "and"):
                        return _put_it(text, toks, a, k + 1, "before")
                    break
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
            if last.t == ":" and opens:
                # "Mr Hrytsenko repeated his pledge: '...'"
                return _colon_lead(text, toks, k)
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
        return Attribution(min(toks[sp[4]].s, toks[main].s), vt.e, s, e, text[s:e], sp[2], verb, "before", " ".join(r.t for r in sp[3]))
    if v == 0 and opens and verb in _INVERTING_VERBS:
        # the verb first: "Said Mr Bysshe: '...'"
        sp = _speaker_forward(toks, v + 1, k + 1)
        if sp is None or sp[1] != k:
            return None
        return _make(text, toks, sp, toks[v], verb, "before", start=vt.s, end=toks[k].e)
    sp = _speaker_back(toks, v - 1)
    if sp is None:
        return None
    return _make(text, toks, sp, toks[v], verb, "before", start=toks[sp[4]].s, end=vt.e)


# -- a clause and a colon: "Mr Hrytsenko repeated his pledge: '...'"

#: Words that may open the sentence before its subject.
_LEAD_SKIP = frozenset("but and yet so then later now still meanwhile separately earlier instead".split())
#: Adverbs between the subject and its verb.
_VERB_SKIP = frozenset(
    """also later then previously earlier once simply further recently again
    repeatedly publicly reportedly subsequently only however still himself herself
    themselves itself""".split()
)
#: Verbs commonly found between a speaker and a colon.
_LEAD_VERBS = frozenset(
    """was were is are has had have gave gives made makes put puts kept keeps struck
    strikes took takes sent sends offered offers summed sums spelled spelt set sets
    laid lays got gets did does could would will can should might may must went goes
    came comes remained remains sounded sounds seemed seems looked looks spoke speaks
    began begins brought brings found finds held holds left leaves met meets paid pays
    saw sees thought thinks knew knows felt feels stood stands drew draws chose chooses
    became becomes ran runs won wins lost loses heard hears meant means let lets""".split()
)
#: Verbs that introduce somebody else's words.
_QUOTING_VERBS = frozenset(
    "quoted quotes quoting cited cites citing read reads recited echoed echoes paraphrased".split()
)
#: Texts whose words a speaker may be reading out ("pointed to the report:").
_TEXT_NOUNS = frozenset(
    """report statement document letter sign banner article book passage text line
    headline tweet post law rule verdict ruling motto slogan inscription caption notice
    poster advert advertisement email memo note minutes transcript words song lyrics
    title message speech""".split()
)
#: Prepositions after which a capitalised word does not compete with the subject
#: ("repeated his pledge to Ukraine's farmers").
_PLACE_PREPOSITIONS = frozenset("to in on at for with about after during since against towards before into".split())
_OTHER_SUBJECTS = frozenset("he she they we i you".split())


def _colon_lead(text: str, toks: list[_Tok], k: int) -> Attribution | None:
    """A quotation introduced by a clause and a colon, with no speech verb: the
    clause's subject (a name, he, she, they, or a role such as "the minister") is
    the speaker, when nothing else in the clause could be."""
    i = 0
    # a leading phrase closed by a comma: "Speaking later in parliament, Mr Novak ..."
    for c in range(1, min(k, 9)):
        if toks[c].t == ",":
            lead = toks[0]
            if (lead.low in _CAP_STOP or lead.low.endswith("ing")) and lead.low not in PRONOUNS:
                if all(t.is_word() or t.t in (".", "-") for t in toks[1:c]):
                    i = c + 1
            break
    if i < k and toks[i].low in _LEAD_SKIP:
        i += 1
    if i >= k:
        return None
    t = toks[i]
    if t.low in _DETERMINERS:
        # "The minister was blunt:", "The firm's chief executive, Elena Marsh, had one message:"
        h = -1
        for x in range(i + 1, min(k, i + 6)):
            u = toks[x]
            if not u.is_word() or u.low in _NOUN_STOP or u.low in _PREPOSITIONS:
                break
            if _is_role(u.low):
                h = x
                while h + 1 < k and toks[h + 1].is_word() and _is_role(toks[h + 1].low):
                    h += 1
                break
        if h < 0:
            return None
        sp = _sp(i, h, "noun")
    else:
        sp = _speaker_forward(toks, i, k + 1)
        if sp is None or sp[4] != i:
            return None
        if sp[2] == "pronoun" and t.low not in ("he", "she", "they"):
            return None
        if sp[2] == "noun" or (sp[2] == "name" and not _is_name(toks, sp[0], sp[1])):
            return None
        if sp[2] == "name" and sp[0] == sp[1] and not _capitalised_elsewhere(text, t):
            return None  # "Security was tight:", "Nobody was in doubt:"
    b = sp[1]
    if b + 1 < k and toks[b + 1].t == ",":
        c2 = b + 2
        while c2 < k and toks[c2].t != "," and c2 - b < 14:
            if not toks[c2].is_word() and toks[c2].t not in (".", "-"):
                return None
            c2 += 1
        if c2 >= k or toks[c2].t != "," or c2 == b + 2:
            return None
        if _is_name(toks, b + 2, c2 - 1) and sp[2] == "noun":
            sp = _sp(b + 2, c2 - 1, "name", _without_determiner(toks, sp[0], sp[1]), sp[4])
        elif sp[2] == "name" and not sp[3]:
            role = _appositive_role(toks, b + 2, c2 - 1)
            if role:
                sp = _sp(sp[0], sp[1], "name", role, sp[4])
        vi = c2 + 1
    else:
        vi = b + 1
    return _lead_clause(text, toks, sp, vi, k)


def _capitalised_elsewhere(text: str, t: _Tok) -> bool:
    """True when the word of ``t`` (which opens a sentence) is also written with a
    capital inside a sentence elsewhere: a name, not "Security" or "Nobody"."""
    for m in re.finditer(r"(?<![\w'’-])" + re.escape(t.t) + r"(?![\w'’-])", text):
        if m.start() == t.s:
            continue
        j = m.start() - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j] not in ".!?:;\"'“”‘’\n\t(—–-":
            return True
    return False


def _lead_clause(text: str, toks: list[_Tok], sp, vi: int, k: int) -> Attribution | None:
    # adverbs between the subject and the verb ("also", "firmly")
    while vi <= k and (toks[vi].low in _VERB_SKIP or (toks[vi].low.endswith("ly") and len(toks[vi].low) > 4 and toks[vi].t[0].islower())):
        vi += 1
    if vi > k or k - vi > 12:
        return None
    vt = toks[vi]
    if not vt.is_word() or vt.is_cap() or vt.low in _QUOTING_VERBS or vt.low in _PREPOSITIONS or vt.low in _DETERMINERS:
        return None
    if vt.low in ("and", "or", "but", "nor", "who", "which", "whose", "whom", "that"):
        return None
    # nothing else in the clause may be the speaker
    prev = vt
    for x in range(vi + 1, k + 1):
        u = toks[x]
        low = u.low
        if low in _OTHER_SUBJECTS or low in SPEECH_VERBS or low in _QUOTING_VERBS:
            return None
        if low in ("that", "which", "who", "whom", "whose", "because", "if", "although", "though", "whether", "where"):
            return None
        if u.is_word() and u.is_cap() and not (prev.is_cap() or prev.low in _PLACE_PREPOSITIONS or prev.low == "the"):
            return None
        if low in _TEXT_NOUNS:
            # "pointed to the report:": the words may be the report's
            y = x - 1
            while y > vi and toks[y].t[0].islower() and toks[y].low not in _DETERMINERS and toks[y].low not in ("his", "her", "their", "its"):
                y -= 1
            if toks[y].low in ("the", "this", "that", "these", "those") or _is_possessive(toks[y]):
                return None
        if not u.is_word() and u.t not in (".", "-"):
            return None
        prev = u
    verb_tok = vt
    if vt.low in ("has", "had", "have", "was", "were", "is") and vi < k and toks[vi + 1].low.endswith("ed"):
        verb_tok = toks[vi + 1]
    elif not (vt.low in _LEAD_VERBS or vt.low in SPEECH_VERBS or vt.low.endswith("ed") and len(vt.low) > 3):
        # no verb where one is expected: only a clear subject will do
        # ("Ballot papers in the poll will ask:" is not a speaker named Ballot)
        if sp[2] == "name" and sp[0] == sp[1] and not sp[3]:
            return None
        verb_tok = toks[k]  # the word before the colon
    return _make(text, toks, sp, verb_tok, verb_tok.low, "before", start=toks[sp[4]].s, end=verb_tok.e)


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
            att = _before(text, o, lo, block.start)
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
