"""Gender evidence for each person in the register, strongest first."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..first_names import FirstNames, _fold, _norm_gender
from ..lexicon import GENDERED_NOUNS, GENDERED_TITLES, NEUTRAL_TITLES, PERSON_NOUNS
from .model import Evidence, Person, Register
from .patterns import _WORD_RE

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document

_APPOSITIVE_RE = re.compile(
    r",\s+(?:the|a|an|his|her|its|their|[\w'’\-]+['’]s)\s+((?:[\w'’\-]+\s+){0,5}?)([\w\-]+)\s*[,.;]"
)
_ROLE_BEFORE_RE = re.compile(r"([a-z][\w\-]*)\s+(?:[a-z][\w\-]*\s+){0,3}$")
#: A role with the name in apposition after it: "the club's chairwoman, Ann Lee,"
_ROLE_APPOSED_RE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their)|\w['’]s)\s+(?:[a-z][\w\-]*\s+){0,3}?([a-z][\w\-]*),\s+$"
)
#: What closes a name in apposition: a comma or the end of the sentence
_APPOSED_END_RE = re.compile(r"\s*(?:[,.;:!?]|$)")


#: Roles in "-man" that much copy also gives women ("chairman Petrina Holdsworth"):
#: evidence of a man, but weaker than a woman's first name
GENERIC_MASCULINE_ROLES = frozenset("chairman spokesman congressman councilman".split())


def _role_level(word: str) -> int:
    return 6 if word in GENERIC_MASCULINE_ROLES else 3


_ROLE_WORDS = PERSON_NOUNS | NEUTRAL_TITLES | frozenset(GENDERED_NOUNS)

_A = {"m": "a man", "f": "a woman"}


def _config_entry(person: Person, config: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    full = _fold(person.name)
    for entry in config:
        names = [str(entry.get("name", ""))] + [str(a) for a in entry.get("aliases", ()) or ()]
        for n in names:
            fn = _fold(n.strip())
            if not fn:
                continue
            if fn == full:
                return entry
            parts = fn.split()
            if person.first is None and parts and parts[-1] == _fold(person.surname):
                return entry
            if len(parts) == 1 and parts[0] == _fold(person.surname) and person.first is None:
                return entry
    return None


def _evidence(doc: "Document", reg: Register, config: Sequence[Mapping[str, Any]], names: FirstNames) -> None:
    text = doc.text
    for p in reg.persons:
        # 1. the newsroom's people list
        entry = _config_entry(p, config) if config else None
        if entry is not None:
            pron = str(entry.get("pronouns", "") or "").strip().lower()
            g: str | None = _norm_gender(entry.get("gender", "")) if entry.get("gender") else ""
            first_word = pron.split("/")[0].strip() if pron else ""
            gender = {"he": "m", "she": "f", "they": "they"}.get(first_word, g if g in ("m", "f") else "")
            if gender:
                p.pronouns = pron or {"m": "he/him", "f": "she/her"}[gender]
                p.evidence.append(Evidence(1, gender, -1, f"whose pronouns are '{p.pronouns}' in the newsroom's people list"))
        for m in p.mentions:
            # 2. honorifics and titles
            for t in m.titles:
                g = GENDERED_TITLES.get(t)
                if g:
                    p.evidence.append(Evidence(2, g, m.start, f"{_A[g]}, called '{text[m.start:m.name_end]}' on line {{line}}", m.start, doc))
                    break
            # 3. gendered role nouns next to the name
            for t in m.titles:
                g = GENDERED_NOUNS.get(t)
                if g and t not in GENDERED_TITLES:
                    p.evidence.append(Evidence(_role_level(t), g, m.start, f"{_A[g]}, described as '{t}' on line {{line}}", m.start, doc))
            block = doc.block_at(m.start)
            bstart = block.start if block is not None else 0
            bend = block.end if block is not None else len(text)
            before = text[max(bstart, m.start - 40) : m.start]
            rb = _ROLE_BEFORE_RE.search(before)
            if rb is not None:
                words = re.findall(r"[a-z][\w\-]*", rb.group(0))
                for k, w in enumerate(words):
                    g = GENDERED_NOUNS.get(w)
                    # only roles may stand between: "a businessman who built up
                    # WorldCom", "a spokeswoman insisted Mr Lee" say nothing of them
                    if g and all(x in _ROLE_WORDS for x in words[k + 1 :]):
                        p.evidence.append(Evidence(_role_level(w), g, m.start - len(before) + rb.start(), f"{_A[g]}, described as '{w}' on line {{line}}", m.start, doc))
                        break
            elif before.endswith((", ", ",\u00a0")):
                rb = _ROLE_APPOSED_RE.search(before)
                if rb is not None and GENDERED_NOUNS.get(rb.group(1)) and _APPOSED_END_RE.match(text, m.end, bend):
                    w = rb.group(1)
                    g = GENDERED_NOUNS[w]
                    p.evidence.append(Evidence(_role_level(w), g, m.start - len(before) + rb.start(1), f"{_A[g]}, described as '{w}' on line {{line}}", m.start, doc))
            ap = _APPOSITIVE_RE.match(text, m.end, min(bend, m.end + 80))
            if ap is not None:
                words = re.findall(r"[a-z][\w\-]*", ap.group(1) + " " + ap.group(2))
                for w in reversed(words):
                    g = GENDERED_NOUNS.get(w)
                    if g:
                        p.evidence.append(Evidence(_role_level(w), g, ap.start(2), f"{_A[g]}, described as '{w}' on line {{line}}", ap.start(), doc))
                        break
        # 5. the first-name table
        if p.first and not p.weak:
            g = names.gender(p.first)
            if g in ("m", "f"):
                p.evidence.append(Evidence(5, g, p.mentions[0].name_start, f"{_A[g]} by first name '{p.first}'"))
    _pronoun_evidence(doc, reg)


def _pronoun_evidence(doc: "Document", reg: Register) -> None:
    """4. pronouns that clearly refer to a person: the only person in a sentence,
    followed in it (or at the start of the next sentence) by he/his or she/hers."""
    text = doc.text
    sentences = doc.sentences
    if not reg.mentions or not sentences:
        return
    pron = reg.pronouns
    pron_starts = [x[0] for x in pron]
    noun_starts = [x[0] for x in reg.person_nouns]
    for si, s in enumerate(sentences):
        ms = [m for m in reg.mentions_between(s.start, s.end) if not m.in_quote]
        if not ms:
            continue
        persons = {id(m.person) if m.person is not None else id(m) for m in ms}
        if len(persons) != 1 or ms[0].person is None or any(m.ambiguous for m in ms):
            continue
        person = ms[0].person
        if person.weak:
            continue
        # no other person noun in the sentence (appositive roles are fine: skip
        # the check when the noun sits right after the name)
        if _has_noun(noun_starts, s.start, s.end):
            continue
        # the person must be the subject: "to give Kimberly Quinn free tickets.
        # He is also..." says nothing about Kimberly Quinn
        if not _leads_sentence(text, s.start, ms[0].start):
            continue
        first_end = ms[0].end
        i = bisect.bisect_left(pron_starts, first_end)
        found: list[tuple[int, int, str, str]] = []
        while i < len(pron) and pron[i][0] < s.end:
            found.append(pron[i])
            i += 1
        nxt = sentences[si + 1] if si + 1 < len(sentences) else None
        if nxt is not None and nxt.block == s.block:
            j = bisect.bisect_left(pron_starts, nxt.start)
            if j < len(pron) and pron[j][0] == nxt.start and pron[j][3] in ("he", "she"):
                found.append(pron[j])
        found = [f for f in found if not f[3].startswith("#") and f[3] not in ("her", "him")]
        genders = {f[2] for f in found}
        if len(genders) == 1:
            f = found[0]
            person.evidence.append(Evidence(4, f[2], f[0], f"{_A[f[2]]}, referred to as '{text[f[0]:f[1]]}' on line {{line}}", f[0], doc))


#: Words before a name that make it something other than the sentence's subject
_NOT_SUBJECT_BEFORE = frozenset(
    """from to with by for of on in at about against than as like after before despite
    while when if because that which who whom whose give gave given told asked met
    between among under over into onto upon""".split()
)


def _leads_sentence(text: str, start: int, at: int) -> bool:
    """True when the name at ``at`` is the subject of the sentence starting at
    ``start``: at most four words before it, none a preposition or the like
    ("But Tory leader Michael Howard said...", not "from Mr Van de Vijver")."""
    words = _WORD_RE.findall(text, start, at)
    if len(words) > 4:
        return False
    return not any(w.lower() in _NOT_SUBJECT_BEFORE for w in words)


def _has_noun(noun_starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(noun_starts, start)
    return i < len(noun_starts) and noun_starts[i] < end

