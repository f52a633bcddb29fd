"""Building the register: mentions of people merged into persons."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ...stash import StashKey
from ..first_names import FirstNames, _fold, first_names_for, places
from ..lexicon import (
    _FUNCTION_WORDS,
    GENDERED_NOUNS,
    GENDERED_TITLES,
    NEUTRAL_TITLES,
    NOT_NAMES,
    ORG_WORDS,
    PARTIES,
    PERSON_NOUNS,
    PLACE_FIRST,
    TITLE_MODIFIERS,
)
from .evidence import _evidence
from .model import Mention, Person, Register
from .patterns import _NOUNS_AND_PRONOUNS, _PRONOUN_GENDER, _RUN_RE, _SPEECH_AFTER

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document
    from ...source import Block

#: The registers built for a document: (people list, first-name table, places, register).
_REGISTERS: StashKey[list[tuple[Sequence[Mapping[str, Any]], FirstNames, frozenset[str], Register]]] = StashKey(
    "people.registers"
)


#: Words of organisations and places that are also common surnames.
_SURNAME_ORG_WORDS = frozenset("power lake park hall bell banks rivers brooks burns wells marsh fields hill hills".split())
#: Words for organisations and things that are also common first names: one
#: opening a two- or three-word run is the first name ("Bill Simmelink"; a law
#: is "the Education Bill").
_FIRST_NAME_ORG_WORDS = frozenset({"bill"})

#: What follows a first name used alone for someone the story introduces:
#: "Jane, who runs the website,", "Sharon, 42, said".
_LONE_FIRST_NAME_AFTER = re.compile(r", (?:who|whose) |, \d{1,3}, ")
#: Particles that start a surname ("van der Berg", "de Gaulle"), never a first name.
_SURNAME_PARTICLES = frozenset("de van von der den al el bin bint ibn da di du del della la le dos das ter ten".split())


def find_people(
    doc: "Document",
    config: Sequence[Mapping[str, Any]] = (),
    names: FirstNames | None = None,
    place_names: frozenset[str] | None = None,
) -> Register:
    """The people register of ``doc`` (cached per configuration: the same people
    list, first-name table and place-name objects give the same register).
    ``place_names`` (folded, see :func:`fold_places`) are never a person when they
    speak ("Russia said"); None: the list shipped with newslint."""
    names = names or _default_names()
    place_names = places() if place_names is None else place_names
    built = doc.stash.setdefault_with(_REGISTERS, list)
    for c, n, pl, hit in built:
        if n is names and pl is place_names and (c is config or not (c or config)):
            return hit
    reg = _build(doc, config, names, place_names)
    built.append((config, names, place_names, reg))
    return reg


def _default_names() -> FirstNames:
    return first_names_for()


def _title_gender(titles: Iterable[str]) -> str | None:
    for t in titles:
        g = GENDERED_TITLES.get(t)
        if g:
            return g
    return None


def _sentence_start(text: str, pos: int, block_start: int) -> bool:
    j = pos - 1
    while j >= block_start and text[j] in " \t\n\"'“‘(":
        j -= 1
    return j < block_start or text[j] in ".!?:…"


def _build(
    doc: "Document", config: Sequence[Mapping[str, Any]], names: FirstNames, place_names: frozenset[str]
) -> Register:
    text = doc.text
    quotes = doc.quotes
    in_quote = doc.in_quote
    speakers: set[int] = set()
    pronoun_speakers: set[int] = set()
    for q in quotes:
        a = q.attribution
        if a is not None:
            if a.kind == "name":
                speakers.add(a.speaker_end)
            elif a.kind == "pronoun":
                pronoun_speakers.add(a.speaker_start)

    raw: list[tuple[Mention, list[str], bool]] = []  # mention, name tokens, has title
    #: the block each mention stands in, by the mention's start
    block_of: dict[int, "Block"] = {}
    for block in doc.blocks:
        if block.kind in ("byline",):
            continue
        for m in _RUN_RE.finditer(text, block.start, block.end):
            word = m.group()
            if " " not in word and word.lower() in NOT_NAMES:
                continue  # "The", "But", "Monday"
            parsed = _parse_run(text, m.start(), m.end(), block.start, names)
            if parsed is None:
                continue
            mention, toks, titled = parsed
            mention.in_quote = in_quote(mention.name_start)
            raw.append((mention, toks, titled))
            block_of[mention.start] = block

    persons: list[Person] = []
    by_surname: dict[str, list[Person]] = {}
    mentions: list[Mention] = []
    #: the gender of the titles a person was given so far ("Mr" -> "m")
    title_gender: dict[int, str] = {}

    def new_person(first: str | None, surname: str, name: str, weak: bool = False) -> Person:
        p = Person(len(persons), name, first, surname, weak=weak)
        persons.append(p)
        by_surname.setdefault(_fold(surname), []).append(p)
        return p

    # full names first, so that a surname before its full name still links
    for mention, toks, _titled in raw:
        if len(toks) >= 2:
            # "Van der Berg" opening a sentence is a surname with its particle
            first = toks[0] if len(toks[0]) > 1 and not toks[0].endswith(".") and toks[0].lower() not in _SURNAME_PARTICLES else None
            surname = toks[-1]
            cands = by_surname.get(_fold(surname), [])
            person = None
            for p in cands:
                if p.first is None or first is None or _fold(p.first) == _fold(first):
                    person = p
                    break
            if person is None:
                # a double surname without the first name ("Baez Silva" and
                # "Carlos Baez Silva"), in either order
                folded = [_fold(t) for t in toks]
                for p in cands:
                    theirs = [_fold(t) for t in p.name.split()]
                    if len(theirs) > len(folded) and theirs[-len(folded) :] == folded:
                        person = p
                        break
                    if len(folded) > len(theirs) and folded[-len(theirs) :] == theirs:
                        person = p
                        person.first = first
                        person.name = " ".join(toks)
                        break
            if person is None:
                person = new_person(first, surname, " ".join(toks))
            elif person.first is None and first is not None:
                person.first = first
                person.name = " ".join(toks)
            mention.person = person
            tg = _title_gender(mention.titles)
            if tg:
                title_gender.setdefault(person.id, tg)

    def could_be(p: Person, tg: str) -> bool:
        """Whether "Mr/Ms <surname>" can be ``p``: no title or first name of
        ``p`` says the other gender."""
        if title_gender.get(p.id, tg) != tg:
            return False
        fg = names.gender(p.first) if p.first else None
        return fg not in ("m", "f") or fg == tg

    for mention, toks, titled in raw:
        if len(toks) == 1:
            cands = by_surname.get(_fold(toks[0]), [])
            tg = _title_gender(mention.titles)
            if tg and cands:
                # "Mrs Howard" after "Michael Howard" is someone else (his wife)
                fitting = [p for p in cands if could_be(p, tg)]
                if len(fitting) == 1:
                    mention.person = fitting[0]
                elif fitting:
                    mention.ambiguous = True
                else:
                    mention.person = new_person(None, toks[0], toks[0])
                if mention.person is not None:
                    title_gender.setdefault(mention.person.id, tg)
            elif len(cands) == 1:
                mention.person = cands[0]
            elif len(cands) > 1:
                mention.ambiguous = True
            elif titled:
                mention.person = new_person(None, toks[0], toks[0])
                if tg:
                    title_gender[mention.person.id] = tg
            elif (
                names.gender(toks[0]) in ("m", "f")
                and not mention.in_quote
                and _LONE_FIRST_NAME_AFTER.match(text, mention.end)
                and _sentence_start(text, mention.name_start, block_of[mention.start].start)
            ):
                # "Jane, who runs the website, ...": someone known by first name
                mention.person = new_person(toks[0], toks[0], toks[0])
            elif mention.name_end in speakers or (
                _SPEECH_AFTER.match(text, mention.end) and block_of[mention.start].kind not in ("headline", "heading", "caption")
            ):
                if _fold(toks[0]) in place_names:
                    continue  # "Russia said", "Washington warned"
                if names.gender(toks[0]) in ("m", "f") and not mention.in_quote:
                    if _sentence_start(text, mention.name_start, block_of[mention.start].start):
                        # someone known by first name ("Anna said")
                        mention.person = new_person(toks[0], toks[0], toks[0])
                        mentions.append(mention)
                    continue
                mention.person = new_person(None, toks[0], toks[0], weak=True)
            else:
                continue
        mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        if mention.person is not None:
            mention.person.mentions.append(mention)
    persons = [p for p in persons if p.mentions]
    for p in persons:
        if p.first is None:
            # "Lord Dubs" reads better than "Dubs" in a message
            for titled in p.mentions:
                if titled.titles:
                    words = text[titled.start : titled.name_end].split()
                    p.name = " ".join(words[-(len(titled.name.split()) + 1) :])
                    break
    for i, p in enumerate(persons):
        p.id = i

    # person nouns and gendered pronouns outside quotations
    person_nouns: list[tuple[int, int, str]] = []
    pronouns: list[tuple[int, int, str, str]] = []
    spans = [(m.start, m.end) for m in mentions]
    for s, e, low in _find_words(text, _NOUNS_AND_PRONOUNS):
        if True:
            if in_quote(s) or _inside(spans, s):
                continue
            if low in _PRONOUN_GENDER:
                if s not in pronoun_speakers:
                    pronouns.append((s, e, _PRONOUN_GENDER[low], low))
                else:
                    pronouns.append((s, e, _PRONOUN_GENDER[low], "#" + low))
            else:
                person_nouns.append((s, e, low))

    reg = Register(persons, mentions, person_nouns, pronouns, [m.start for m in mentions], frozenset(speakers))
    _evidence(doc, reg, config, names)
    return reg


_SIMPLE_WORD_RE = re.compile(r"[a-z][a-z\-]*")
_WORD_CHARS = "'’-"


def _find_words(text: str, vocabulary: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, lower-case word) for every whole word of ``vocabulary`` in
    ``text``, in order (a set intersection first, then ``str.find`` per word)."""
    low = text.lower()
    present = set(_SIMPLE_WORD_RE.findall(low)) & vocabulary
    out: list[tuple[int, int, str]] = []
    n = len(low)
    for w in present:
        lw = len(w)
        i = low.find(w)
        while i != -1:
            j = i + lw
            if (i == 0 or not (low[i - 1].isalnum() or low[i - 1] in _WORD_CHARS)) and (
                j >= n or not (low[j].isalnum() or low[j] in _WORD_CHARS)
            ):
                out.append((i, j, w))
            i = low.find(w, j)
    out.sort()
    return out


def _inside(spans: list[tuple[int, int]], off: int) -> bool:
    i = bisect.bisect_right(spans, (off, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= off < spans[i][1]


#: Two-letter capitals that stand before a name as an organisation or place,
#: not as someone's initials ("UK Online", "BT Retail").
_NOT_INITIALS = frozenset(
    "UK US EU UN BT TV PC AP AI EA HP IT ID DC LA NY OK PR GM BA BP BR FA FC RE".split()
)


def _initials(parts: list[tuple[int, int, str]], k: int) -> bool:
    """True when word ``k`` of a run is a person's initials before a surname:
    two capitals right before the run's last word, which is an ordinary
    capitalised word ("JF Sullivan", "AL Gooneratne")."""
    w = parts[k][2]
    if k != len(parts) - 2 or len(w) != 2 or not w.isalpha() or not w.isupper() or w in _NOT_INITIALS:
        return False
    nxt = parts[k + 1][2]
    return len(nxt) > 2 and nxt[0].isupper() and nxt[1:].rstrip("'’s").islower()


#: A capital inside a word of a brand or a product ("EverQuest", "PlayStation"),
#: not after a surname's prefix ("McDonald", "MacLennan", "O'Brien", "DiCaprio").
_BRAND_CAPITAL_RE = re.compile(r"^(?!(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z])[A-Z]?[a-z]+[A-Z]")


def _parse_run(text: str, start: int, end: int, block_start: int, names: "FirstNames"):
    """A capitalised run -> (Mention, name tokens, has a title) or None."""
    parts = []
    pos = start
    for word in text[start:end].split(" "):
        if word:
            if _BRAND_CAPITAL_RE.match(word):
                return None  # "EverQuest Daily Grind": a brand's name
            parts.append((pos, pos + len(word), word))
        pos += len(word) + 1
    # strip words that start sentences or dates
    while parts and parts[0][2].rstrip(".").lower() in NOT_NAMES:
        parts.pop(0)
    if not parts:
        return None
    titles: list[str] = []
    n = len(parts)
    # the name follows the last title word, party or acronym of the run
    # ("Labour MSP Christine May", "NATO Secretary General Jens Stoltenberg")
    i = 0
    for k in range(n - 1):
        w = parts[k][2].rstrip(".")
        low = w.lower()
        if (
            low in NEUTRAL_TITLES
            or low in GENDERED_TITLES
            or low in GENDERED_NOUNS
            or low in PERSON_NOUNS
            or low in PARTIES
            or (w.isupper() and len(w) > 1 and not _initials(parts, k))
            or ("-" in w and w.split("-")[0].isupper())
        ):
            i = k + 1
    t0 = i
    while t0 > 0:
        low = parts[t0 - 1][2].rstrip(".").lower()
        if low in NEUTRAL_TITLES or low in GENDERED_TITLES or low in GENDERED_NOUNS:
            titles.insert(0, low)
            t0 -= 1
        else:
            break
    # "St Bryce Kirk", "New York": a place, whatever follows
    if i < n and parts[i][2].rstrip(".").lower() in PLACE_FIRST:
        return None
    # a capitalised role before a first name ("Engineer Robert Lindqvist")
    while n - i > 2 and names.gender(parts[i][2]) is None and names.gender(parts[i + 1][2]) is not None:
        i += 1
    name_parts = parts[i:]
    toks = [p[2] for p in name_parts]
    # possessive on the last word
    last = toks[-1]
    possessive_cut = 0
    for suf in ("'s", "’s"):
        if last.endswith(suf) and len(last) > len(suf):
            toks[-1] = last[: -len(suf)]
            possessive_cut = len(suf)
            break
    else:
        if last.endswith(("'", "’")) and len(last) > 1:
            toks[-1] = last[:-1]
            possessive_cut = 1
    lows = [t.rstrip(".").lower() for t in toks]
    if len(toks) > 4:
        return None
    if lows[0] in PLACE_FIRST or (
        any(t in ORG_WORDS for t in (lows[1:] if lows[0] in _FIRST_NAME_ORG_WORDS and len(lows) in (2, 3) else lows))
        # "Lisa Power", "Mike Lake": a first name and a surname that is also a place word
        and not (len(toks) == 2 and lows[1] in _SURNAME_ORG_WORDS and names.gender(toks[0]) in ("m", "f"))
    ):
        return None
    if any(t.isupper() and len(t.rstrip(".")) > 1 for t in toks) and not (len(toks) == 2 and _initials(name_parts, 0)):
        return None  # an acronym, not "J." or "JF Sullivan"
    if any(t in _FUNCTION_WORDS for t in lows[1:]):
        return None
    if len(toks) == 1 and not (titles and _title_gender(titles)) and (
        lows[0] in NEUTRAL_TITLES or lows[0] in GENDERED_TITLES or lows[0] in GENDERED_NOUNS
    ):
        # (an honorific before it makes it a surname: "Ms King", "Mr Judge")
        return None
    if not titles and len(toks) == 1 and _sentence_start(text, name_parts[0][0], block_start) is False:
        pass
    s = parts[t0][0] if t0 < len(parts) else name_parts[0][0]
    ns = name_parts[0][0]
    ne = name_parts[-1][1] - possessive_cut
    name = text[ns:ne]
    mention = Mention(s, ne, ns, ne, name, tuple(titles), False)
    # "Former WorldCom", "Senior Intel": words that qualify a title are no title
    titled = any(t not in TITLE_MODIFIERS for t in titles)
    return mention, [t.rstrip(".") if len(t) > 2 else t for t in toks], titled

