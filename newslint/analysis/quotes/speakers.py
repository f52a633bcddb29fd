"""Speakers: the names, pronouns and roles around a quotation that say who
speaks (``she``, ``Ms Kowalski``, ``the chair, Elena Marsh,``)."""

from __future__ import annotations

import re

from ..lexicon import (
    GENDERED_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PLACE_FIRST,
    PRONOUNS,
    SPEECH_VERBS,
)

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*|\S")

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


_ROLES = PERSON_NOUNS | frozenset(GENDERED_NOUNS) | _EXTRA_ROLES


def _role_nouns() -> frozenset[str]:
    return _ROLES


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
                appositive = _appositive_role(toks, j + 1, k - 1)
                if appositive:
                    return _sp(sp[0], sp[1], "name", appositive, sp[4])
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


