"""The people register: who is mentioned in a story, and what says their gender.

``find_people(doc, config=(), names=None)`` returns a :class:`Register`:

* **mentions** of people: capitalised runs of words read with their titles
  (``NATO Secretary General Jens Stoltenberg``, ``Mr Stoltenberg``,
  ``Stoltenberg's``), merged into one :class:`Person` by surname (``Mrs
  Howard`` is not ``Michael Howard``: a title of the other gender than the
  person's first name or earlier title is someone else).  A single
  capitalised word is a person only when it names someone already in the
  register, carries a title (not just ``Former`` or ``Senior``), or is the
  speaker of a quotation (``Lavrov told reporters``); organisations and places
  (``the White House``, ``Smolensk Oblast``, ``St Bryce Kirk``) are recognised
  by their first and last words and left out.  A name never runs over the end
  of a sentence: a full stop joins words only after an initial or an
  abbreviated title (``J. K.``, ``Mr.``).
* **gender evidence** for each person, strongest first: the newsroom's people
  list from configuration; honorifics and titles (Mr, Ms, Dame, King...);
  gendered role nouns and relations next to the name (``spokeswoman Ann Lee``,
  ``Ann Lee, the chairwoman,``, ``the chairwoman, Ann Lee,``, ``his wife Ann``);
  other pronouns that clearly refer to the person (the only person in a
  sentence and its subject, followed by ``his`` or by a sentence that opens
  with ``He``); the
  first-name table; last, roles in "-man" that copy also gives women
  (``UKIP chairman Petrina Holdsworth``).

``resolve_pronoun(doc, register, quote)`` finds who a pronoun attribution
(``'...,' she said``) refers to: the one person in reach (the current paragraph
before the attribution, else up to three paragraphs back), and what in reach
makes the reference uncertain (another person, a role noun such as ``the
minister``, another pronoun of the same gender).  It also lists everyone else
within reach: the people named in the three paragraphs before the attribution
(even past the paragraph the candidates come from), the speaker of the last
quotation attributed by name in the section, and pronouns or role nouns there
of the attribution pronoun's gender.

Everything is cached on the document (``doc.cache``).
"""

from __future__ import annotations

import bisect
import gzip
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document
    from .quotes import Quote

# ---------------------------------------------------------------------------
# word lists

#: Honorifics and titles that say a person's gender.
GENDERED_TITLES: dict[str, str] = {
    **dict.fromkeys(
        "mr mister sir lord king prince duke earl baron viscount marquess marquis "
        "herr signor senor señor monsieur sheikh emir sultan tsar archduke".split(),
        "m",
    ),
    **dict.fromkeys(
        "mrs ms miss dame lady queen princess duchess countess baroness viscountess "
        "marchioness madam madame mme mlle frau signora senora señora sheikha tsarina "
        "archduchess".split(),
        "f",
    ),
}

#: Titles and the words that build them ("Foreign Minister", "Secretary General"),
#: which say that a name follows but nothing about gender.
NEUTRAL_TITLES = frozenset(
    """dr doctor prof professor president vice minister secretary general gen colonel
    col captain capt major maj lieutenant lt sergeant sgt admiral adm commander cmdr
    governor gov senator sen representative rep congressman congresswoman judge justice
    chancellor mayor ambassador bishop archbishop cardinal rabbi imam rev reverend pastor
    father brother sister pope chief executive officer director inspector detective det
    constable pc supt superintendent coach councillor cllr deputy premier speaker leader
    foreign home health defence defense prime shadow former acting interim state attorney
    senior junior finance interior justice education culture trade economy environment
    transport treasury chair chairman chairwoman chairperson spokesman spokeswoman
    spokesperson manager boss founder commissioner commissar envoy consul marshal
    pilot private corporal agent mp mep msp am ceo cfo coo md mr mrs ms miss""".split()
) | frozenset(GENDERED_TITLES)

#: Words of titles that only qualify another ("Former Minister", "Deputy Mayor"):
#: alone before a single capitalised word ("Former WorldCom boss") they do not
#: say that the word is a person's name.
TITLE_MODIFIERS = frozenset(
    """former acting interim state senior junior foreign home health defence defense
    prime shadow deputy vice finance interior education culture trade economy
    environment transport treasury executive""".split()
)

#: Role nouns and relations that say a person's gender.
GENDERED_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        """man boy gentleman father dad son brother husband boyfriend fiance widower
        grandfather grandson uncle nephew stepfather stepson chairman spokesman
        businessman sportsman congressman councilman policeman fireman headmaster
        schoolboy monk king prince duke earl lord baron sir emperor actor waiter
        steward postman salesman cameraman anchorman frontman horseman countryman
        landlord godfather patriarch groom bridegroom sheikh""".split(),
        "m",
    ),
    **dict.fromkeys(
        """woman girl lady mother mum mom daughter sister wife girlfriend fiancee widow
        grandmother granddaughter aunt niece stepmother stepdaughter chairwoman
        spokeswoman businesswoman sportswoman congresswoman councilwoman policewoman
        firewoman headmistress schoolgirl nun queen princess duchess countess baroness
        dame empress actress waitress stewardess hostess heiress landlady godmother
        matriarch bride sheikha""".split(),
        "f",
    ),
}
# "actor", "waiter", "steward", "host" are used for everyone in much copy
for _w in ("actor", "waiter", "steward"):
    GENDERED_NOUNS.pop(_w, None)

#: Singular nouns for a person: in reach of a pronoun, one of them could be the
#: person the pronoun means, so the reference is uncertain.
PERSON_NOUNS = frozenset(
    """minister secretary spokesman spokeswoman spokesperson official head director
    executive manager president leader chairman chairwoman chair analyst economist
    expert lawyer solicitor barrister judge doctor nurse teacher student pupil officer
    soldier mp mep senator governor mayor ambassador diplomat counterpart colleague
    partner friend boss founder owner chancellor candidate voter resident victim witness
    activist campaigner critic author writer journalist reporter correspondent editor
    presenter host singer actor actress star player coach captain striker champion
    winner worker employee customer user fan rival opponent challenger predecessor
    successor deputy aide adviser advisor consultant researcher scientist professor
    academic historian member man woman boy girl mother father son daughter wife husband
    brother sister widow child teenager driver passenger patient prisoner suspect
    defendant detective inspector constable commissioner envoy negotiator regulator
    chairperson founder entrepreneur investor trader banker broker strategist
    spokesperson director-general secretary-general commander colonel
    captain sergeant pilot priest bishop vicar imam rabbi pope king queen prince
    princess duke duchess lord lady boyfriend girlfriend partner fiance fiancee
    grandmother grandfather aunt uncle niece nephew cousin neighbour neighbor someone
    novelist artist musician rapper director producer designer architect engineer
    councillor premier chancellor treasurer auditor inspector investigator prosecutor
    attorney commentator pundit blogger producer host""".split()
)

#: Last words of organisations and places ("Downing Street", "Smolensk Oblast").
ORG_WORDS = frozenset(
    """street road avenue lane square house hall office ministry department bank council
    party university college school institute group inc ltd plc corp corporation company
    co airlines airways motors club city county court sea ocean river lake mountains
    mountain valley island islands bay church cathedral hospital committee commission
    union association agency foundation service services forces force army navy airport
    station park museum centre center region oblast province district republic kingdom
    states empire federation assembly parliament congress senate government
    administration police prize awards award festival games olympics stadium theatre
    theater gallery records music pictures studios entertainment media network networks
    systems technologies technology software electronics telecom telecoms communications
    day week christmas easter online digital capital partners securities holdings
    exchange market markets fund trust index stock treasury reserve authority board unit
    team show programme program radio tv channel film films times post news journal
    herald mail telegraph guardian express star sun review magazine press tribune
    league cup championship open tour series act bill treaty accord agreement summit
    conference war crisis plan scheme report lecture speech strait gulf canal peninsula coast desert
    forest hills heights peak border basin airport port harbour harbor bridge tower
    palace castle abbey palace estate farm mall arena garden gardens zoo industries
    international global worldwide europe asia africa america pharmaceuticals energy
    oil gas power motor cars foods brewery stores retail bancorp capital limited llc
    airline rail railway railways trains lines shipping""".split()
)

#: First words of places ("New York", "Los Angeles", "South Korea").
PLACE_FIRST = frozenset(
    """new north south east west northern southern eastern western central upper lower
    greater los las san santa sao hong sri saudi united great royal national middle
    far near st saint mount""".split()
)

#: Capitalised words that start sentences or dates rather than names.
NOT_NAMES = frozenset(
    """the a an but and yet so or then however now here there meanwhile separately
    earlier later today yesterday tonight last next on in at when while as if after
    before also still asked speaking writing although though since because instead
    indeed moreover nevertheless nonetheless this that these those his her their its
    our my your monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december of
    for to from with by what how why where who which one it we he she they i you
    many most some several all both each every no not only even just despite under
    over about against during according can could will would should shall must might
    is are was were do does did has have had be""".split()
)

#: Function words that never stand inside a name.
_FUNCTION_WORDS = frozenset(
    """the a an but and yet so or then however now here there this that these those his
    her their its our my your of for to from with by what how why where who which one it
    we he she they i you on in at when while as if after before""".split()
)

#: Parties and similar words that stand before a name ("Labour MSP Christine May").
PARTIES = frozenset(
    """labour tory tories conservative conservatives democrat democrats democratic
    republican republicans liberal green greens ukip snp plaid unionist independent
    socialist communist""".split()
)

_SPEECH_AFTER = re.compile(
    r"(?:,[^,.;:!?\"“”]{1,60},|\s+[-–—]\s[^.;:!?\"“”\-–—]{1,60}\s[-–—]|,(?=\s+ha[sd]\s))?\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|"
    r"warned|warns|argued|argues|insisted|insists|explained|explains|continued|"
    r"claimed|claims|stressed|wrote|writes|asked|asks|admitted|announced|called|urged|"
    r"vowed|denied|confirmed)\b"
)

_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|adds|told|asked|according to)\s+$")

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*"
_PARTICLES = r"(?:de|van|von|der|den|al|el|bin|bint|ibn|da|di|du|del|della|la|le|dos|das|ter|ten)"
#: Abbreviated titles after which a full stop does not end the name ("Mr. Lee")
_TITLE_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Prof St Rev Gen Col Lt Sgt Capt Cpt Maj Cmdr Adm Gov Sen Rep Jr Sr Mt Ft "
    "Supt Insp Det Cllr Fr"
).split()
# a full stop joins words only after an initial or an abbreviated title ("J. K.",
# "Mr."): a name never runs over the end of a sentence ("... said Ulrich Vey. Halden")
_ABBR_DOT = (
    r"(?:\.(?:(?<=\b[A-Z]\.)"
    + "".join(rf"|(?<=\b{t}\.)" for t in _TITLE_ABBREVIATIONS)
    + r"))?"
)
_RUN_RE = re.compile(rf"(?<![\w'’\-]){_CAP}(?:{_ABBR_DOT}[ ](?:{_PARTICLES}[ ])*{_CAP})*")
_GENDERED_PRONOUN_RE = re.compile(r"\b(?:he|his|himself|she|hers|herself|her|him)\b", re.I)
_PRONOUN_GENDER = {
    "he": "m", "his": "m", "himself": "m", "him": "m",
    "she": "f", "hers": "f", "herself": "f", "her": "f",
}
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_NOUNS_AND_PRONOUNS = PERSON_NOUNS | frozenset(GENDERED_NOUNS) | frozenset(_PRONOUN_GENDER)
_POSSESSIVE = ("'s", "’s", "'", "’")

# ---------------------------------------------------------------------------
# the first-name table

_TABLE_PATH = Path(__file__).resolve().parents[2] / "rules" / "attribution" / "first_names.txt.gz"


@lru_cache(maxsize=1)
def base_first_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The shipped table: (men's names, women's names, names of unclear gender)."""
    path = _table_path()
    if path is None:
        return frozenset(), frozenset(), frozenset()
    data = gzip.decompress(path.read_bytes()).decode("utf-8")
    sets: dict[str, frozenset[str]] = {}
    for line in data.splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, _, names = line.partition(":")
        sets[key.strip()] = frozenset(names.split())
    return sets.get("m", frozenset()), sets.get("f", frozenset()), sets.get("u", frozenset())


def _table_path() -> Path | None:
    try:
        from importlib.resources import files

        p = files("rules.attribution").joinpath("first_names.txt.gz")
        if p.is_file():
            return Path(str(p))
    except (ModuleNotFoundError, TypeError, FileNotFoundError):  # pragma: no cover
        pass
    return _TABLE_PATH if _TABLE_PATH.exists() else None


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries and cities that are often the subject of "said" (rules/attribution/places.txt)."""
    path = _TABLE_PATH.with_name("places.txt")
    try:
        from importlib.resources import files

        data = files("rules.attribution").joinpath("places.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, TypeError):  # pragma: no cover
        data = path.read_text(encoding="utf-8") if path.exists() else ""
    return frozenset(
        line.strip().lower() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def plugin_first_names() -> tuple[tuple[str, str], ...]:
    """Names contributed by plugins through the ``newslint_first_names`` hook."""
    from ..registry import default_registry

    out: list[tuple[str, str]] = []
    try:
        results = default_registry().pm.hook.newslint_first_names()
    except Exception:  # pragma: no cover - a broken plugin must not stop linting
        return ()
    for table in results or ():
        for mapping in table or ():
            for name, gender in dict(mapping).items():
                out.append((str(name).lower(), _norm_gender(gender)))
    return tuple(out)


class FirstNames:
    """Looks up the gender of a first name: ``"m"``, ``"f"``, ``"u"`` or None."""

    def __init__(self, overrides: Mapping[str, str] | None = None, use_table: bool = True):
        self.use_table = use_table
        m, f, u = base_first_names() if use_table else (frozenset(), frozenset(), frozenset())
        self._m, self._f, self._u = m, f, u
        self.overrides: dict[str, str] = dict(plugin_first_names()) if use_table else {}
        for k, v in (overrides or {}).items():
            self.overrides[_fold(k)] = _norm_gender(v)

    def gender(self, name: str) -> str | None:
        key = _fold(name)
        g = self.overrides.get(key)
        if g is not None:
            return g or None
        if key in self._m:
            return "m"
        if key in self._f:
            return "f"
        if key in self._u:
            return "u"
        return None


@lru_cache(maxsize=32)
def _first_names_cached(overrides: tuple[tuple[str, str], ...], use_table: bool) -> FirstNames:
    return FirstNames(dict(overrides), use_table)


def first_names_for(overrides: Mapping[str, str] | None = None, use_table: bool = True) -> FirstNames:
    """A shared :class:`FirstNames` for these settings (one per configuration)."""
    items = tuple(sorted((str(k), str(v)) for k, v in (overrides or {}).items()))
    return _first_names_cached(items, use_table)


def _norm_gender(value: Any) -> str:
    v = str(value).strip().lower()
    if v in ("m", "male", "man", "he", "he/him"):
        return "m"
    if v in ("f", "female", "woman", "she", "she/her"):
        return "f"
    if v in ("u", "?", "unknown", "either", "unisex"):
        return "u"
    return ""


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    name = name.lower()
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# ---------------------------------------------------------------------------
# the register


@dataclass
class Evidence:
    """One piece of gender evidence for a person."""

    #: 1 config, 2 title, 3 role noun, 4 pronoun, 5 first name, 6 a role noun
    #: in -man that much copy uses for women too ("UKIP chairman Petrina Holdsworth")
    level: int
    gender: str  # "m", "f" or "they"
    offset: int  # where it is in Document.text (-1 for configuration)
    #: for messages, with ``{line}`` standing for the line of ``line_offset``
    template: str
    line_offset: int = -1
    doc: "Document | None" = field(default=None, repr=False, compare=False)

    @property
    def what(self) -> str:
        """The evidence in words: "a man, called 'Mr Stoltenberg' on line 20"."""
        if "{line}" not in self.template or self.doc is None:
            return self.template
        return self.template.replace("{line}", str(self.doc.line_of(self.line_offset)))


@dataclass
class Mention:
    start: int  # the whole run, titles included
    end: int
    name_start: int  # the name without titles ("Jens Stoltenberg")
    name_end: int
    name: str
    titles: tuple[str, ...]
    in_quote: bool
    person: "Person | None" = None
    #: a single surname shared by several people in the story
    ambiguous: bool = False


@dataclass
class Person:
    id: int
    name: str  # the fullest form seen
    first: str | None
    surname: str
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    #: configured pronouns ("she/her"), when the people list names this person
    pronouns: str = ""
    #: True when nothing but being a quotation's speaker says this is a person
    weak: bool = False

    @property
    def first_mention(self) -> Mention:
        return self.mentions[0]

    def genders(self) -> set[str]:
        return {e.gender for e in self.evidence}

    def strongest(self) -> list[Evidence]:
        if not self.evidence:
            return []
        lvl = min(e.level for e in self.evidence)
        return [e for e in self.evidence if e.level == lvl]

    @property
    def gender(self) -> str | None:
        """The gender the strongest evidence agrees on, else None."""
        best = self.strongest()
        gs = {e.gender for e in best}
        return gs.pop() if len(gs) == 1 else None


@dataclass
class Register:
    persons: list[Person]
    mentions: list[Mention]  # sorted by start
    #: offsets of lower-case singular person nouns ("the minister") outside quotes
    person_nouns: list[tuple[int, int, str]]
    #: gendered pronouns outside quotes: (offset, end, gender, word)
    pronouns: list[tuple[int, int, str, str]]
    _starts: list[int] = field(default_factory=list)
    #: where quotation speakers given by name end
    speaker_ends: frozenset[int] = frozenset()
    #: where the document's quotations start (filled when first needed)
    quote_starts: list[int] | None = None
    #: where ``person_nouns`` and ``pronouns`` start (filled when first needed)
    noun_starts: list[int] | None = None
    pronoun_starts: list[int] | None = None
    #: where the section holding each block starts (filled when first needed)
    section_starts: list[int] | None = None

    def starts(self) -> tuple[list[int], list[int]]:
        """Where ``person_nouns`` and ``pronouns`` start, for bisection."""
        if self.noun_starts is None or self.pronoun_starts is None:
            self.noun_starts = [x[0] for x in self.person_nouns]
            self.pronoun_starts = [x[0] for x in self.pronouns]
        return self.noun_starts, self.pronoun_starts

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            out.append(self.mentions[i])
            i += 1
        return out

    def person_named(self, name: str) -> Person | None:
        key = _fold(name)
        for p in self.persons:
            if _fold(p.name) == key or _fold(p.surname) == key:
                return p
        return None


def find_people(doc: "Document", config: Sequence[Mapping[str, Any]] = (), names: FirstNames | None = None) -> Register:
    """The people register of ``doc`` (cached per configuration)."""
    names = names or _default_names()
    key = ("people.register", id(config) if config else 0, id(names))
    hit = doc.cache.get(key)
    if hit is not None:
        return hit
    reg = _build(doc, config, names)
    doc.cache[key] = reg
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


def _build(doc: "Document", config: Sequence[Mapping[str, Any]], names: FirstNames) -> Register:
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
    kind_of: dict[int, str] = {}
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
            kind_of[mention.start] = block.kind

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
    for mention, toks, titled in raw:
        if len(toks) >= 2:
            first = toks[0] if len(toks[0]) > 1 and not toks[0].endswith(".") else None
            surname = toks[-1]
            cands = by_surname.get(_fold(surname), [])
            person = None
            for p in cands:
                if p.first is None or first is None or _fold(p.first) == _fold(first):
                    person = p
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
            elif mention.name_end in speakers or (
                _SPEECH_AFTER.match(text, mention.end) and kind_of.get(mention.start) not in ("headline", "heading", "caption")
            ):
                if _fold(toks[0]) in places():
                    continue  # "Russia said", "Washington warned"
                if names.gender(toks[0]) in ("m", "f") and not mention.in_quote:
                    continue  # a first name used alone ("Anna said") is left out
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
            for m in p.mentions:
                if m.titles:
                    words = text[m.start : m.name_end].split()
                    p.name = " ".join(words[-(len(m.name.split()) + 1) :])
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


def _parse_run(text: str, start: int, end: int, block_start: int, names: "FirstNames"):
    """A capitalised run -> (Mention, name tokens, has a title) or None."""
    parts = []
    pos = start
    for word in text[start:end].split(" "):
        if word:
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
            or (w.isupper() and len(w) > 1)
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
    if any(t in ORG_WORDS for t in lows) or lows[0] in PLACE_FIRST:
        return None
    if any(t.isupper() and len(t.rstrip(".")) > 1 for t in toks):  # an acronym, not "J."
        return None
    if any(t in _FUNCTION_WORDS for t in lows[1:]):
        return None
    if len(toks) == 1 and (lows[0] in NEUTRAL_TITLES or lows[0] in GENDERED_TITLES or lows[0] in GENDERED_NOUNS):
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


# ---------------------------------------------------------------------------
# evidence

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
            g = _norm_gender(entry.get("gender", "")) if entry.get("gender") else ""
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


# ---------------------------------------------------------------------------
# who a pronoun attribution refers to


@dataclass
class Resolution:
    """Who a pronoun attribution refers to, and what makes that uncertain."""

    pronoun: str
    gender: str | None  # "m" / "f" for he/she, None otherwise
    person: Person | None  # the one person in reach, when there is exactly one
    candidates: list[Person]  # every person in reach, most recent first
    #: reasons the reference is uncertain ("another person", "the minister"...)
    doubts: list[str]
    #: where the search looked: (start, end) ranges of Document.text
    scope: list[tuple[int, int]]
    #: the most recent person in reach who speaks ("Mr Jeffrey said he..."),
    #: the salient one when several are in reach
    salient: Person | None = None
    #: everyone else within reach of the pronoun, most recent first: people named
    #: in the paragraphs before it (up to three, even past the paragraph the
    #: candidates come from) and the speaker of the last quotation attributed by
    #: name in this section
    others: list[Person] = field(default_factory=list)
    #: those of ``others`` who speak in reach ("Ann Lee said", "said Ann Lee",
    #: the last speaker named)
    speakers: list[Person] = field(default_factory=list)
    #: what in those paragraphs says that someone of the pronoun's gender is
    #: there, as (offset in Document.text, word): a pronoun ("she"), a role
    #: noun ("mother"), a surname shared by several people ("Marsh")
    cues: list[tuple[int, str]] = field(default_factory=list)


_PRONOUN_WORD_GENDER = {"he": "m", "she": "f"}

#: Bounds that keep pronoun resolution near linear on hostile input (one
#: paragraph of thousands of quotations, hundreds of quotations in a row): a
#: pronoun looks back at most this many characters into each paragraph in
#: reach, and at most this many quotations back for the last named speaker.
#: News copy never comes near either.
REACH_CHARS = 5000
MAX_QUOTES_BACK = 200


def _reach_back(blocks, bi: int, limit: int) -> list[tuple[int, int]]:
    """Up to ``limit`` prose blocks before block ``bi``, nearest first, within its
    section (a heading stops the walk; captions, bylines and datelines are skipped)."""
    out: list[tuple[int, int]] = []
    j = bi - 1
    while j >= 0 and len(out) < limit:
        b = blocks[j]
        j -= 1
        if b.kind in ("caption", "byline", "dateline"):
            continue
        if b.kind in ("headline", "heading"):
            break
        out.append((b.start, b.end))
    return out


def resolve_pronoun(doc: "Document", reg: Register, quote: "Quote") -> Resolution | None:
    """Resolve the pronoun attribution of ``quote`` (None when it has none)."""
    a = quote.attribution
    if a is None or a.kind != "pronoun":
        return None
    pronoun = a.speaker.lower()
    gender = _PRONOUN_WORD_GENDER.get(pronoun)
    at = a.speaker_start
    blocks = doc.blocks
    bi = doc.block_at(at).index if doc.block_at(at) is not None else quote.block
    lo = max(blocks[bi].start, at - REACH_CHARS)
    scope: list[tuple[int, int]] = [(lo, at)]
    found = [m for m in reg.mentions_between(lo, at) if not m.in_quote]
    # candidates come from the nearest paragraphs that mention someone; the rest of
    # the reach is kept to look for doubts ("Ann Lee said..." / "Mr Cole lost his
    # home." / "she said")
    wider: list[tuple[int, int]] = []
    for span in _reach_back(blocks, bi, 3):
        span = (max(span[0], span[1] - REACH_CHARS), span[1])
        if found:
            wider.append(span)
        else:
            scope.append(span)
            found = [m for m in reg.mentions_between(*span) if not m.in_quote]
    if reg.section_starts is None:
        reg.section_starts = _section_starts(blocks)
    section_start = reg.section_starts[bi]
    doubts: list[str] = []
    persons: list[Person] = []
    for m in reversed(found):
        if m.ambiguous:
            doubts.append(f"'{m.name}' could be more than one person")
            continue
        if m.person is not None and m.person not in persons:
            persons.append(m.person)
    person = persons[0] if len(persons) == 1 else None
    salient = None
    for m in reversed(found):
        if m.person is not None and not m.ambiguous:
            if (
                m.name_end in reg.speaker_ends
                or _SPEECH_AFTER.match(doc.text, m.end)
                or _SPEECH_BEFORE.search(doc.text, max(0, m.start - 12), m.start)
            ):
                salient = m.person
                break
    if len(persons) > 1:
        doubts.append("more than one person in reach")
    # person nouns and pronouns of the same gender in reach
    ref_spans = [(m.start, m.end) for m in found]
    noun_starts, pron_starts = reg.starts()
    for s, e in scope:
        for (ns, ne, word) in reg.person_nouns[bisect.bisect_left(noun_starts, s) : bisect.bisect_left(noun_starts, e)]:
            ng = GENDERED_NOUNS.get(word)
            if ng is not None and gender is not None and ng != gender:
                continue  # a "spokesman" is not the "she" of the attribution
            if _appositive_to(doc.text, ref_spans, ns):
                continue
            doubts.append(f"'{word}' in reach")
        for (ps, pe, g, word) in reg.pronouns[bisect.bisect_left(pron_starts, s) : bisect.bisect_left(pron_starts, e)]:
            if ps != at and not word.startswith("#") and gender is not None and g == gender:
                doubts.append(f"'{word}' in reach")
    others, speakers, cues = _others_in_reach(doc, reg, quote, gender, wider, persons, section_start)
    return Resolution(pronoun, gender, person, persons, doubts, scope, salient, others, speakers, cues)


def _section_starts(blocks) -> list[int]:
    """Where the section holding each block starts (after its heading), in one pass."""
    out: list[int] = []
    start = 0
    for b in blocks:
        if b.kind in ("headline", "heading"):
            start = b.end
        out.append(start)
    return out


def _others_in_reach(
    doc: "Document",
    reg: Register,
    quote: "Quote",
    gender: str | None,
    wider: list[tuple[int, int]],
    persons: list[Person],
    section_start: int,
) -> tuple[list[Person], list[Person], list[tuple[int, str]]]:
    """People and gender cues within reach of a pronoun beyond its candidates:
    (everyone, those of them who speak, cues)."""
    text = doc.text
    others: list[Person] = []
    speakers: list[Person] = []
    cues: list[tuple[int, str]] = []

    def add(m: Mention, speaks: bool) -> None:
        if m.ambiguous:
            # "Marsh" when Ann and John Marsh are both in the story: either
            key = _fold(m.name)
            who = [p for p in reg.persons if _fold(p.surname) == key]
        elif m.person is not None:
            who = [m.person]
        else:
            return
        for p in who:
            if p in persons:
                continue
            if p not in others:
                others.append(p)
            if speaks and p not in speakers:
                speakers.append(p)

    noun_starts, pron_starts = reg.starts()
    for s, e in wider:
        for m in reversed(reg.mentions_between(s, e)):
            if m.in_quote:
                continue
            add(
                m,
                m.name_end in reg.speaker_ends
                or _SPEECH_AFTER.match(text, m.end) is not None
                or _SPEECH_BEFORE.search(text, max(0, m.start - 12), m.start) is not None,
            )
        if gender is None:
            continue
        for ns, ne, word in reg.person_nouns[bisect.bisect_left(noun_starts, s) : bisect.bisect_left(noun_starts, e)]:
            if GENDERED_NOUNS.get(word) == gender:
                cues.append((ns, word))
        for ps, pe, g, word in reg.pronouns[bisect.bisect_left(pron_starts, s) : bisect.bisect_left(pron_starts, e)]:
            if g == gender and not word.startswith("#"):
                cues.append((ps, text[ps:pe]))
    # the speaker of the last quotation attributed by name ("'...,' said Mary
    # Jones" two paragraphs up is who "she added" most likely continues)
    at = quote.attribution.speaker_start if quote.attribution is not None else quote.start
    quotes = doc.quotes
    if reg.quote_starts is None:
        reg.quote_starts = [q.start for q in quotes]
    upto = bisect.bisect_left(reg.quote_starts, at)
    for q in reversed(quotes[max(0, upto - MAX_QUOTES_BACK) : upto]):
        a = q.attribution
        if a is None or a.speaker_end > at or q is quote or q.parent is not None:
            continue
        if a.speaker_end <= section_start:
            break
        if a.kind != "name":
            continue
        for m in reg.mentions_between(a.speaker_start, a.speaker_end):
            add(m, True)
        break
    return others, speakers, cues


_AS_ROLE_RE = re.compile(r"[^.;:!?\"“”]{0,50}\bas\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'’\-]+\s+){0,3}")


def _appositive_to(text: str, spans: list[tuple[int, int]], off: int) -> bool:
    """True when the noun at ``off`` describes one of the mentions in ``spans``:
    just before it ("chief executive Ann Lee") or in an appositive after it
    ("Ann Lee, the firm's chief executive,")."""
    for s, e in spans:
        if off < s and s - off <= 40 and not re.search(r"[.;:!?]", text[off:s]) and text[off:s].count(",") <= 1:
            if "," not in text[off:s] or text[off:s].rstrip().endswith(","):
                return True
        if e <= off and off - e <= 60 and text[e : e + 1] == "," and not re.search(r"[.;:!?]", text[e:off]):
            seg = text[e:off]
            if seg.count(",") == 1:
                return True
        if e <= off and off - e <= 60 and _AS_ROLE_RE.match(text, e, off) and _AS_ROLE_RE.match(text, e, off).end() == off:
            return True  # "Mr Farrow resigned as chief executive"
    return False


__all__ = [
    "Evidence",
    "FirstNames",
    "Mention",
    "Person",
    "Register",
    "Resolution",
    "base_first_names",
    "first_names_for",
    "find_people",
    "resolve_pronoun",
]
