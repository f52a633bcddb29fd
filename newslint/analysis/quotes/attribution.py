"""Attributions: the phrase around a quotation that names its speaker
(``'...,' she said``, ``She said: '...'``, ``according to X``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import PARTICIPLES, PRONOUNS, SPEECH_VERBS
from .marks import _Scan
from .model import Attribution
from .speakers import (
    _CAP_STOP,
    _DETERMINERS,
    _HONORIFIC_ABBR,
    _NOUN_STOP,
    _PREPOSITIONS,
    _appositive_role,
    _is_name,
    _is_possessive,
    _is_role,
    _role_phrase,
    _sp,
    _speaker_back,
    _speaker_forward,
    _Tok,
    _tokens,
    _without_determiner,
)

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document

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


