"""The salience walk: how prominent each person is at each pronoun attribution.

The walk goes through the story in order, one event at a time, up to the last
``he``/``she`` attribution:

* a **mention** of a person outside quotations raises the person's score: most
  when the person speaks ("Ann Lee said", "said Ann Lee", the name before a
  quotation's speech verb), less as the subject opening a sentence, less again
  as any other mention, least as a possessive ("Lee's");
* a **pronoun** outside quotations (he, his, she, her...) is taken to mean the
  most salient person it could refer to, and raises that person's score;
* a **role noun** outside quotations: a definite one ("the minister", "the
  28-year-old", "the actress") means the most salient person it could refer to;
  an indefinite one ("a spokeswoman", "a man") or a relation ("his wife") is a
  new, anonymous person, with the noun's gender when it has one; a role noun
  with a name after it ("the chair, Ann Lee", "his wife Sharon") is left to the
  name;
* an **attribution** ``he``/``she`` is decided first (see below), then counts as
  its person speaking.

Scores decay with every narrative sentence (sentences wholly inside a quotation
do not count), again with every paragraph, and sharply at a heading.

At each attribution the most salient person is compared with the pronoun.  The
person's gender is what the strongest evidence in the people register says
(people list, honorific, role noun, a pronoun that clearly refers to them, the
first-name table, a generic "-man" role; the attribution pronouns themselves are
never evidence); conflicting evidence at that level means unknown, and evidence
for the pronoun's gender from the copy (anything stronger than the first-name
table) makes the person one the pronoun could mean.  The site records the
person, the evidence, the most salient person the pronoun could refer to (the
runner-up) and the ratio of their scores: the rule reports when the person
contradicts the pronoun and the ratio reaches its threshold.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence, cast

from ...stash import StashKey
from ..first_names import FirstNames
from ..lexicon import GENDERED_NOUNS, NEUTRAL_TITLES, PARTIES, PERSON_NOUNS
from ..people import Evidence, Mention, Person, Register
from ..text import Sentence

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document
    from ..quotes import Quote

#: Score added by one mention, by the part the person plays in the sentence.
SPEAKER = 4.0
SUBJECT = 2.0
OTHER = 1.5
POSSESSIVE = 0.5
#: Mentions add up to this score and no further: someone quoted in every
#: sentence of a long passage is not far ahead of the next person to speak.
SATURATION = SPEAKER
#: At most this for someone mentioned after the sentence's speaker ("X said Y...").
REPORTED = 0.75
#: Decay of every score per narrative sentence, per paragraph, at a heading.
SENTENCE_DECAY = 0.4
PARAGRAPH_DECAY = 0.6
HEADING_DECAY = 0.25
#: Below this score the most salient person is too far back to be sure of.
MIN_SALIENCE = 0.05
#: The last speaker's score never falls below this until someone else speaks:
#: as prominent as one who spoke two sentences ago, in the paragraph before.
LAST_SPEAKER_FLOOR = SPEAKER * SENTENCE_DECAY * SENTENCE_DECAY * PARAGRAPH_DECAY
#: A mismatch this clear also decides whom the pronoun is taken to mean later on.
_CLEAR = 2.0

_PRONOUN_GENDER = {"he": "m", "she": "f"}

_SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|warned|warns|argued|argues|insisted|insists|explained|"
    r"explains|continued|claimed|claims|stressed|wrote|writes|asked|asks|admitted|admits|"
    r"announced|urged|vowed|denied|confirmed|replied|recalled|noted|acknowledged|conceded|"
    r"suggested|agreed|revealed|described|predicted|believes|believed|thinks|thought|"
    r"welcomed|praised|demanded|accused|questioned|criticised|criticized|dismissed|rejected|"
    r"attacked|blamed|called|stated|declared|maintained|complained|expressed"
)
_SPEECH_AFTER = re.compile(
    r"(?:,[^,.;:!?\"“”]{1,120}?,?|\s+[-–—]\s[^.;:!?\"“”\-–—]{1,60}\s[-–—])?,?\s+"
    r"(?:has\s+|had\s+|also\s+|later\s+|then\s+|previously\s+|once\s+)?(?:" + _SPEECH_VERBS + r")\b"
)
#: A name with its organisation before the speech verb: "William Corr of the
#: Campaign for Tobacco-Free Kids urged", "Ann Lee from Acme said".
_SPEECH_AFTER_ORG = re.compile(
    r"\s+(?:of|from|at)\s+(?:the\s+)?(?:[A-Z][\w'’&.\-]*\s+(?:(?:of|for|and|the|&)\s+)?){1,6}"
    r"(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:" + _SPEECH_VERBS + r")\b"
)
#: The first role of an apposition, before "and" and a second role: ", Jarek's
#: younger sister and " (the match starts at the comma after the name).
_APPOSED_AND = re.compile(r", (?:the |a |an |his |her |their |[\w\-]+['’]s )?(?:[a-z][\w\-]* ){1,4}and $")
#: An article right before a name: "the Mac mini", "an Aston Martin".
_ARTICLE_BEFORE = re.compile(r"(?:^|\b)(?:[Tt]he|[Aa]n?)\s+$")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|adds|according\s+to)\s+$")
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
#: Words before a name that make it something other than the sentence's subject.
_NOT_SUBJECT_BEFORE = frozenset(
    """from to with by for of on in at about against than as like after before despite
    while when if because that which who whom whose give gave given told asked met
    between among under over into onto upon""".split()
)
#: Verbs after which a noun phrase describes the subject rather than naming
#: someone new ("became an MP", "was the chairman").
_COPULAS = frozenset("is was are were be been being became become becomes remains remained as named appointed elected".split())
_DEFINITE = frozenset("the this that".split())
_INDEFINITE = frozenset("a an another one".split())
_RELATION_OPENERS = frozenset("his her their its our my your".split())
#: A name after a preposition belongs to something else's phrase ("a spokeswoman
#: for Human Rights Watch said", "Laura Lee of Save the Children"): never its speaker.
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|from|with|by|to|in|on|against|about)\s+(?:the\s+)?$", re.I)
#: A preposition before a role noun's phrase: the noun belongs to another
#: phrase ("at dinners with the chancellor", "the mood of a leader"); "according
#: to a spokesman" names a speaker.
_NOUN_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|for|at|from|with|by|(?<!according )to|in|on|against|about|among|between)\s+"
    r"(?:the|a|an|this|that|his|her|their|its|[\w\-]+['’]s)\s+(?:[\w\-]+\s+){0,3}$",
    re.I,
)
#: "told" after an attribution pronoun, before the person told.
_TOLD_AFTER = re.compile(r"\s+(?:told|tells|asked|asks|reminded|assured)\s+")
#: A relative clause after a role noun ("the woman who", "the nurse that").
_RELATIVE_AFTER = re.compile(r"\s+(?:who|whom|whose|that)\b")
#: A role noun with its organisation before the speech verb: "a spokeswoman for
#: the Home Office said".
_ROLE_OF_SPEECH = re.compile(
    r"\s+(?:(?:for|of|at|from|with)\s+(?:the\s+)?(?:[A-Z][\w'’&.\-]*\s+(?:(?:of|for|and|the|&)\s+)?){1,6}|"
    r"(?:of|who|whose)\s[^,.;:!?\"“”]{1,100}?\s)"
    r"(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:" + _SPEECH_VERBS + r")\b"
)
#: A role noun whose name follows in apposition a little later: "the BBC's
#: correspondent in Jakarta, Rachel Harvey,".
_APPOSED_LATER = re.compile(r"(?:['’]s)?(?:\s+(?:in|at|of|for|from|to|on)\s+[^,.;:!?\"“”]{1,40})?,?\s+$")
#: Words between a determiner and its role noun ("a Conservative party
#: spokeswoman", "the executive's chief economist").
_MODIFIER_RE = re.compile(r"[\w'’&.\-]+")
#: Nationalities and other adjectives of origin that stand before names and
#: organisations ("Scottish Conservative", "Nigerian Grace Obi").
NATIONALITIES = frozenset(
    """afghan albanian algerian american argentine argentinian armenian australian austrian
    azerbaijani bangladeshi belarusian belgian bolivian bosnian brazilian british
    bulgarian burmese cambodian cameroonian canadian chilean chinese colombian congolese
    croatian cuban cypriot czech danish dutch egyptian english eritrean estonian ethiopian
    european filipino finnish french georgian german ghanaian greek guatemalan haitian
    hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian
    jamaican japanese jordanian kazakh kenyan korean kosovan kuwaiti kurdish latvian
    lebanese liberian libyan lithuanian macedonian malaysian maltese mexican moldovan
    mongolian moroccan namibian nepalese nigerian norwegian pakistani palestinian
    panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan saudi
    scottish senegalese serbian sierra singaporean slovak slovenian somali spanish
    sudanese swedish swiss syrian taiwanese tanzanian thai tunisian turkish ugandan
    ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
    african asian arab latin western eastern northern southern international national
    lib dem dems deutsche deutscher jewish muslim christian catholic hindu sikh buddhist islamic""".split()
)
#: Nouns for organisations and works right before a name: the name is theirs.
_ORG_BEFORE = re.compile(
    r"(?<![\w-])(?:firm|company|group|body|charity|agency|website|site|maker|giant|organisation|organization|"
    r"network|broadcaster|newspaper|paper|magazine|channel|band|club|team|retailer|"
    r"provider|carrier|airline|bank|studio|label|chain|manufacturer|"
    r"outlet|show|programme|program|film|game|series|party|union|campaign|brand|firms)\s+(?:the\s+)?$",
    re.I,
)
#: Lower-case role words right before a name ("Tory leader ", "chief executive ").
_ROLE_RUN_RE = re.compile(r"((?:[a-z][\w\-]*[ \t]+){1,3})$")
_YEAR_OLD_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(\d+)-year-old\b")
_PREV_WORD_RE = re.compile(r"([\w'’]+)\s*$")


@dataclass(eq=False)
class Referent:
    """Someone the walk keeps a score for: a person of the register, or an
    anonymous one ("a spokeswoman", "his wife")."""

    name: str
    person: Person | None
    #: where the referent is first mentioned (offsets into Document.text)
    start: int
    end: int
    #: evidence the walk found (role nouns of anonymous people)
    extra: list[Evidence] = field(default_factory=list)

    @property
    def evidence(self) -> list[Evidence]:
        if self.person is None:
            return self.extra
        return self.person.evidence + self.extra if self.extra else self.person.evidence

    def strongest(self) -> list[Evidence]:
        ev = self.evidence
        if not ev:
            return []
        lvl = min(e.level for e in ev)
        return [e for e in ev if e.level == lvl]

    def gender(self) -> str | None:
        """The gender the strongest evidence agrees on ("m", "f", "they"), else None."""
        best = self.strongest()
        gs = {e.gender for e in best}
        return gs.pop() if len(gs) == 1 else None

    def fits(self, g: str) -> bool | None:
        """Whether the pronoun of gender ``g`` can mean this referent: True when the
        strongest evidence says so, False when it says otherwise, None when nothing
        clear is known.  Evidence for ``g`` from the copy or the people list keeps
        the answer open (two people may share a surname; "Mr Tulloch and his wife
        Morag Tulloch"), and a first name for ``g`` does against a pronoun."""
        best = self.strongest()
        if not best:
            return None
        gs = {e.gender for e in best}
        if len(gs) != 1:
            return None
        if g in gs:
            return True
        level = best[0].level
        for e in self.evidence:
            if e.gender == g and (e.level < 5 or (e.level == 5 and level == 4)):
                return None
        return False


@dataclass
class AttributionSite:
    """One ``he``/``she`` attribution and what the walk found there."""

    quote: "Quote"
    start: int  # the pronoun, offsets into Document.text
    end: int
    pronoun: str  # as written ("she", "He")
    gender: str  # "m" or "f"
    #: the most salient person at the attribution, and their score
    person: Referent | None
    score: float
    #: the gender the evidence gave ``person`` at this point ("m", "f", "they",
    #: None when unknown)
    person_gender: str | None
    #: the strongest evidence of ``person``'s gender when it contradicts the pronoun
    evidence: Evidence | None
    #: True when that evidence contradicts the pronoun
    contradicts: bool
    #: the most salient person the pronoun could refer to (same or unknown
    #: gender), and their score
    runner_up: Referent | None
    runner_up_score: float
    #: every referent with a score, most salient first
    ranking: list[tuple[Referent, float]]

    @property
    def ratio(self) -> float:
        """How many times more salient ``person`` is than ``runner_up``."""
        if self.runner_up is None or self.runner_up_score <= 0:
            return math.inf
        return self.score / self.runner_up_score

    def mismatch(self, ratio: float) -> bool:
        """True when the pronoun contradicts a person clearly more salient (by
        ``ratio``) than anyone it could refer to."""
        return self.contradicts and self.ratio >= ratio

    def same_gender(self) -> list[tuple[Referent, float]]:
        """Referents whose evidence says the pronoun's gender, most salient first."""
        return [(r, s) for r, s in self.ranking if r.fits(self.gender) is True]


def resolve_attributions(
    doc: "Document", register: Register, common_words: frozenset[str] = frozenset(), names: FirstNames | None = None
) -> list[AttributionSite]:
    """Every ``he``/``she`` attribution of ``doc`` with its resolution, in order
    (cached on the document per register).

    ``common_words`` is a set of lower-case English words: a capitalised run of
    which nothing says it is a person (no title, role, pronoun or known first
    name) and whose first word is an ordinary word ("Human Rights Watch",
    "Universities Scotland", "Rover said") is not taken for one; ``names`` is the
    first-name table the register was built with (a first name of either
    gender, "Jean", still makes a person)."""
    done = doc.stash.setdefault_with(_SITES, list)
    for reg, words, sites in done:
        if reg is register and words is common_words:
            return sites
    sites = _Walk(doc, register, common_words, names).run()
    done.append((register, common_words, sites))
    return sites


#: a score below this is dropped: far below anything a ranking counts (1e-3)
_FORGOTTEN = 1e-6

_SITES: StashKey[list[tuple[Register, frozenset[str], list[AttributionSite]]]] = StashKey("salience.sites")


# ---------------------------------------------------------------------------


class _Walk:
    def __init__(
        self, doc: "Document", reg: Register, common_words: frozenset[str] = frozenset(), names: FirstNames | None = None
    ):
        self.common_words = common_words
        self.names = names
        #: who spoke last (a quotation, reported speech), until a heading
        self.last_speaker: Referent | None = None
        #: whether anyone else has been given a score (a person, an anonymous
        #: one such as "a woman"), or a bare word that may be someone has
        #: spoken ("Maria said"), since the last speaker spoke
        self.named_since_speech = False
        #: who has been mentioned in the current sentence, with the weight
        self.in_sentence: dict[tuple[Referent, bool], float] = {}
        #: whether the current sentence has had its speaker
        self.speech_said = False
        #: role words given with a name ("Tory leader Michael Howard", "President
        #: Musharraf"): the role noun "the leader" later means that person
        self.roles: dict[str, Referent] = {}
        self.not_person: dict[int, bool] = {}
        self.doc = doc
        self.text = doc.text
        self.reg = reg
        self.scores: dict[Referent, float] = {}
        #: everyone given a score so far (a decayed score leaves ``scores``)
        self.met: set[Referent] = set()
        self.by_person: dict[int, Referent] = {}
        self.anon: dict[str, Referent] = {}

    # -- referents ---------------------------------------------------------

    def of_person(self, p: Person) -> Referent:
        r = self.by_person.get(id(p))
        if r is None:
            m = p.first_mention
            r = Referent(p.name, p, m.name_start, m.name_end)
            self.by_person[id(p)] = r
        return r

    def is_person(self, p: Person) -> bool:
        """False for a capitalised run that nothing says is a person and that
        reads as an organisation, a place or a group."""
        hit = self.not_person.get(id(p))
        if hit is not None:
            return not hit
        bad = False
        # a pronoun that seems to refer to the run does not make it a person
        # ("Rover told the BBC... He said")
        known_first = p.first is not None and self.names is not None and self.names.gender(p.first) is not None
        if not known_first and not any(e.level != 4 for e in p.evidence):
            words = [w.strip(".").lower() for w in (p.first or "").split() + p.surname.split()]
            if p.first is None:
                # the surname alone: the name shown may carry a title ("President Musharraf")
                words = [w.strip(".").lower() for w in p.surname.split()]
            words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w]
            first = words[0] if words else ""
            # a pronoun refers to it: a person unless its last word is an ordinary one
            check = words[-1:] if p.evidence and words else words[:1]
            if p.first is not None and len(p.first) == 2 and p.first.isupper():
                check = words[-1:]  # initials ("TR Gallagher"): the surname says it
            bad = (
                any(w in self.common_words for w in check)
                or first in NATIONALITIES
                or first in PARTIES
                or any(w in NEUTRAL_TITLES or w in PERSON_NOUNS for w in words[1:])
                or any("-" in w and any(x.islower() and x in ("on", "upon", "le", "la", "sur", "en") for x in w.split("-")) for w in words)
                or any(c.isdigit() for c in p.name)
                or any(w.endswith(("'s", "’s")) for w in p.name.lower().split()[:-1])
                # a bare word that only speaks ("Napster said"): an organisation as often as not
                or (p.weak and p.first is None and len(words) == 1)
                or (bool(words) and "-" in words[0] and all(x in self.common_words for x in words[0].split("-") if x))
                or any(w.endswith(("-based", "-born", "-owned", "-led", "-backed")) for w in words)
            )
        self.not_person[id(p)] = bad
        return not bad

    def add(self, r: Referent, w: float, pronoun: bool = False) -> None:
        """Raise ``r``'s score for a mention of weight ``w``: within one sentence
        only the strongest name (or role) and the strongest pronoun count ("She
        added that she thought...")."""
        if self.speech_said and w < SPEAKER and not pronoun:
            w = min(w, REPORTED)  # "X said Y had...": Y is what X talks about
        if r is not self.last_speaker:
            self.named_since_speech = True
        key = (r, pronoun)
        had = self.in_sentence.get(key, 0.0)
        if w > had:
            old = self.scores.get(r, 0.0)
            self.scores[r] = min(old + w - had, max(old, SATURATION))
            self.met.add(r)
            self.in_sentence[key] = w
        if w >= SPEAKER:
            self.last_speaker = r
            self.named_since_speech = False
            self.speech_said = True

    def decay(self, f: float) -> None:
        # a score decayed to nothing leaves the table, so the work per sentence
        # depends on who was mentioned lately, not on everyone met so far
        kept = {}
        for r, v in self.scores.items():
            v *= f
            if v > _FORGOTTEN:
                kept[r] = v
        self.scores = kept

    def ranking(self) -> list[tuple[Referent, float]]:
        return sorted(((r, s) for r, s in self.scores.items() if s > 1e-3), key=lambda x: -x[1])

    def best_fitting(self, g: str | None, exclude: Referent | None = None) -> tuple[Referent | None, float]:
        for r, s in self.ranking():
            if r is exclude:
                continue
            if g is None or r.fits(g) is not False:
                return r, s
        return None, 0.0

    # -- events ------------------------------------------------------------

    def run(self) -> list[AttributionSite]:
        doc = self.doc
        quotes = doc.quotes
        sites: list[tuple[int, "Quote"]] = []
        seen: set[int] = set()
        for q in quotes:
            a = q.attribution
            if a is None or a.kind != "pronoun" or a.speaker.lower() not in _PRONOUN_GENDER:
                continue
            if a.speaker_start in seen:
                continue
            seen.add(a.speaker_start)
            sites.append((a.speaker_start, q))
        if not sites:
            return []
        limit = sites[-1][0]
        events: list[tuple[int, int, object]] = []
        # kinds: 0 mention, 1 noun, 2 pronoun, 3 attribution
        for m in self.reg.mentions:
            if m.start >= limit:
                break
            if not m.in_quote:
                events.append((m.start, 0, m))
        for s, e, word in self.reg.person_nouns:
            if s >= limit:
                break
            events.append((s, 1, (s, e, word)))
        for mm in _YEAR_OLD_RE.finditer(self.text, 0, limit):
            if not doc.in_quote(mm.start()):
                s = mm.start(1)
                events.append((s, 1, (s, mm.end(), "year-old")))
        for s, e, g, word in self.reg.pronouns:
            if s >= limit:
                break
            if not word.startswith("#"):
                events.append((s, 2, (s, e, g, word)))
        for off, q in sites:
            events.append((off, 3, q))
        events.sort(key=lambda x: (x[0], x[1]))

        sentences = doc.sentences
        starts = [s.start for s in sentences]
        blocks = doc.blocks
        out: list[AttributionSite] = []
        cur = -1  # index of the current sentence
        self.speaker_seen = -1  # the sentence whose reporting verb has a speaker
        for off, kind, obj in events:
            si = bisect.bisect_right(starts, off) - 1
            if si > cur:
                for k in range(max(cur + 1, 0), si + 1):
                    if k == 0:
                        continue
                    here = sentences[k]
                    prev = sentences[k - 1]
                    if here.block != prev.block:
                        for bi in range(prev.block + 1, here.block + 1):
                            if blocks[bi].kind in ("headline", "heading"):
                                self.decay(HEADING_DECAY)
                                self.last_speaker = None
                            elif blocks[bi].kind not in ("caption", "byline", "dateline"):
                                self.decay(PARAGRAPH_DECAY)
                    if not self._quoted(prev):
                        self.decay(SENTENCE_DECAY)
                cur = si
                self.in_sentence = {}
                self.speech_said = False
            sent = sentences[si] if si >= 0 else None
            s_start = sent.start if sent is not None else 0
            if kind == 0:
                self._mention(cast(Mention, obj), s_start, si)
            elif kind == 1:
                self._noun(cast("tuple[int, int, str]", obj), s_start, si)
            elif kind == 2:
                self._pronoun(cast("tuple[int, int, str, str]", obj), s_start)
            else:
                out.append(self._site(cast("Quote", obj)))
        return out

    def _quoted(self, s: Sentence) -> bool:
        """True when sentence ``s`` lies wholly inside a quotation: no word of it
        is outside one ('"...," she said, "..."' is narrative)."""
        in_quote = self.doc.in_quote
        return all(in_quote(m.start()) for m in _WORD_RE.finditer(self.text, s.start, s.end))

    def _role(self, start: int, end: int, s_start: int, si: int) -> float:
        """The weight of a mention at start..end: speaker, subject, other, possessive."""
        text = self.text
        if (
            _SPEECH_AFTER.match(text, end)
            or _SPEECH_AFTER_ORG.match(text, end)
            or _SPEECH_BEFORE.search(text, max(0, start - 16), start)
        ):
            if self.speaker_seen != si:
                self.speaker_seen = si
                return SPEAKER
        if text.startswith(("'s", "’s"), end) or (end < len(text) and text[end] in "'’" and text[end - 1] == "s"):
            return POSSESSIVE
        words = _WORD_RE.findall(text, s_start, start)
        if len(words) <= 8 and not any(
            w.lower() in _NOT_SUBJECT_BEFORE or (w[0].islower() and w.endswith("ed")) or w.lower() in _COPULAS for w in words
        ):
            return SUBJECT
        return OTHER

    def _mention(self, m: Mention, s_start: int, si: int) -> None:
        reg = self.reg
        if m.person is not None and m.person.weak:
            self.named_since_speech = True  # "Maria said": maybe someone
        if m.person is not None and not m.ambiguous and not self.is_person(m.person):
            return
        if _ORG_BEFORE.search(self.text, max(0, m.start - 30), m.start):
            # "search giant Google", "car maker Aston Martin": an organisation
            # wherever it is named
            if m.person is not None and not m.ambiguous and not any(e.level < 4 for e in m.person.evidence):
                self.not_person[id(m.person)] = True
            return
        if not m.titles and _ARTICLE_BEFORE.search(self.text, max(0, m.start - 4), m.start) and not self._first_name(m.name):
            return  # "the Mac mini", "a Skype Voip service": a thing's name
        if m.name_end in reg.speaker_ends:
            w = SPEAKER
            self.speaker_seen = si
        elif (pm := _PREPOSITION_BEFORE.search(self.text, max(s_start, m.start - 12), m.start)) and not _SPEECH_BEFORE.search(
            self.text, max(0, m.start - 16), m.start
        ):
            if not _WORD_RE.search(self.text, s_start, pm.start()) and self.text.startswith(",", m.end):
                w = SUBJECT  # the topic of the sentence: "For Richard Tate, the need..."
            else:
                w = POSSESSIVE  # "a spokeswoman for Acme", "criticism from Ann Lee"
        else:
            w = self._role(m.start, m.end, s_start, si)
        if m.person is not None and not m.ambiguous:
            self._note_roles(m, self.of_person(m.person), s_start)
        if m.person is not None and not m.ambiguous:
            self.add(self.of_person(m.person), w)
            return
        if m.ambiguous:
            key = m.name.lower()
            who = [p for p in reg.persons if p.surname.lower() == key]
            for p in who:
                self.add(self.of_person(p), w / max(1, len(who)))

    def _first_name(self, name: str) -> bool:
        """True when ``name`` opens with a known first name."""
        first = name.split(" ", 1)[0]
        return self.names is not None and self.names.gender(first) is not None

    def _noun(self, item: tuple[int, int, str], s_start: int, si: int) -> None:
        s, e, word = item
        text = self.text
        g = GENDERED_NOUNS.get(word)
        if word != "year-old":
            nxt = _MODIFIER_RE.match(text, e + 1) if text.startswith(" ", e) else None
            if nxt is not None and nxt.group().lower() in PERSON_NOUNS:
                return  # a modifier: "official" in "the official spokesman"
        # a name after the noun: "the chair, Ann Lee", "his wife Sharon"
        j = e
        if text.startswith(("'s", "’s"), j):
            j += 2
        k = j
        if text.startswith(", ", k):
            k += 2
        elif text.startswith(" ", k):
            k += 1
        if k < len(text) and text[k].isupper() and k > e:
            nm = _WORD_RE.match(text, k)
            if nm is None:
                return
            if self.reg.mentions_between(k, k + 1):
                return  # the name carries the mention
            if g is None:
                return
            # a lone first name after a relation: "his wife Sharon said"
            r = self.anon.get(nm.group().lower())
            if r is None:
                r = Referent(nm.group(), None, k, nm.end())
                r.extra.append(self._noun_evidence(word, g, s))
                self.anon[nm.group().lower()] = r
            self.add(r, self._role(k, nm.end(), s_start, si))
            return
        # a name in apposition a little later: "the BBC's correspondent in Jakarta, Ann Lee,"
        for m in self.reg.mentions_between(e, min(len(text), e + 60)):
            if _APPOSED_LATER.fullmatch(text, e, m.start):
                return
            break
        if self._apposed(s, word, g):
            self._described(word, e)
            return
        # the determiner of the noun phrase: "a Conservative party spokeswoman"
        if word == "year-old":
            prev = text[max(0, s - 4) : s].strip().lower().split(" ")[-1] if s > 0 else ""
            prev = "the" if prev.endswith("the") else "a"
        else:
            prev = ""
            pos = s
            loose = 0
            for _ in range(6):
                pm = _PREV_WORD_RE.search(text, max(s_start, pos - 40), pos)
                if pm is None:
                    break
                w0 = pm.group(1)
                low = w0.lower()
                if low in _DEFINITE or low in _INDEFINITE or low in _RELATION_OPENERS or low.endswith(("'s", "’s")):
                    prev = low
                    if self._apposed(pm.start(1), word, g):
                        self._described(word, e)
                        return  # "Mr Pike, a businessman who..."
                    before = _PREV_WORD_RE.search(text, max(0, pm.start(1) - 20), pm.start(1))
                    if before is not None and before.group(1).lower() in _COPULAS:
                        return  # "became an MP": a description, not someone new
                    break
                if not (w0[:1].isupper() or low in PERSON_NOUNS or low in NEUTRAL_TITLES or low in ("and", "of", "for", "&")):
                    # an adjective or a lower-case name ("an ntl spokesman", "a senior official")
                    if loose >= 2 or low in _NOT_SUBJECT_BEFORE or low in _COPULAS or low.endswith("ed") or "'" in low:
                        break
                    loose += 1
                pos = pm.start(1)
        w = self._role(s, e, s_start, si)
        if w == OTHER and _NOUN_AFTER_PREPOSITION.search(text, max(s_start, s - 60), s):
            w = POSSESSIVE  # part of another phrase: "dinners with the chancellor"
        if w != SPEAKER and _ROLE_OF_SPEECH.match(text, e) and self.speaker_seen != si:
            self.speaker_seen = si
            w = SPEAKER
        if prev in _DEFINITE:
            r, _ = self.best_fitting(g)
            known = self.roles.get(word)
            if known is not None and (g is None or known.fits(g) is not False) and known in self.met:
                r = known  # "Tory leader Michael Howard ... the Tory leader"
            elif re.match(r"\s+(?:of|at|for)\s", text[e : e + 6]):
                r = None  # "the chief executive of a car maker": someone new
            elif r is not None and ((r, False) in self.in_sentence or (r, True) in self.in_sentence):
                # "Jens Stoltenberg met the defence minister": someone else
                r = None
            if r is None:
                r = self._anonymous(word, g, s, e, fresh=bool(self.in_sentence))
            self.add(r, w)
        elif prev in _INDEFINITE or prev in _RELATION_OPENERS or prev.endswith(("'s", "’s")):
            if prev in _RELATION_OPENERS or prev.endswith(("'s", "’s")):
                w = min(w, OTHER) if w != SPEAKER else w
            r = self._anonymous(word, g, s, e, fresh=prev in _INDEFINITE)
            self.add(r, w)

    def _note_roles(self, m: Mention, r: Referent, s_start: int) -> None:
        """Remember the role words written with mention ``m`` for ``r``."""
        for t in m.titles:
            self.roles[t] = r
        words = _ROLE_RUN_RE.search(self.text, max(s_start, m.start - 40), m.start)
        if words is not None:
            for w in words.group(1).lower().split():
                if w in PERSON_NOUNS or w in NEUTRAL_TITLES or w in GENDERED_NOUNS:
                    self.roles[w] = r

    def _described(self, word: str, e: int) -> None:
        """A description in apposition with a relative clause puts its person in
        view: "his clash with Ann Lee, the nurse who challenged him"."""
        r = self.roles.get(word)
        if r is not None and _RELATIVE_AFTER.match(self.text, e):
            self.add(r, SUBJECT)

    def _apposed(self, at: int, word: str, g: str | None) -> bool:
        """True when the role phrase starting at ``at`` is in apposition to the
        name just before it ("Azmat Begg, father of Moazzam,", "Mr Pike, a
        businessman,"); a gendered role becomes evidence for that person."""
        text = self.text
        # "Ann Lee, Jarek's sister and a fellow band member,": the second role
        # of an apposition is the same person's
        end = at - 2
        if text[max(0, at - 4) : at] == "and ":
            joined = _APPOSED_AND.search(text, max(0, at - 80), at)
            if joined is None:
                return False
            end = joined.start()
        elif text[max(0, at - 2) : at] != ", ":
            return False
        for m in self.reg.mentions_between(max(0, at - 80), at):
            if m.end == end and m.person is not None and not m.ambiguous:
                self.roles[word] = self.of_person(m.person)
                if g is not None:
                    r = self.of_person(m.person)
                    if not any(x.offset == at for x in r.extra):
                        r.extra.append(self._noun_evidence(word, g, at))
                return True
        return False

    def _noun_evidence(self, word: str, g: str, at: int) -> Evidence:
        a = "a man" if g == "m" else "a woman"
        level = 6 if word in ("chairman", "spokesman", "congressman", "councilman") else 3
        return Evidence(level, g, at, f"{a}, described as '{word}' on line {{line}}", at, self.doc)

    def _anonymous(self, word: str, g: str | None, s: int, e: int, fresh: bool = False) -> Referent:
        key = word
        r = None if fresh else self.anon.get(key)
        if r is None:
            r = Referent(f"the {word}", None, s, e)
            if g is not None:
                r.extra.append(self._noun_evidence(word, g, s))
            self.anon[key] = r
        return r

    def _pronoun(self, item: tuple[int, int, str, str], s_start: int) -> None:
        s, e, g, word = item
        r = self.resolve(g, s, e)
        if r is None:
            return
        if word in ("he", "she"):
            w = SUBJECT  # the subject of its clause
        else:
            if (r, False) in self.in_sentence:
                return  # "Mr Dabrowski lost his home": the name already counted
            w = POSSESSIVE
        self.add(r, w, pronoun=True)

    def resolve(self, g: str, s: int, e: int) -> Referent | None:
        """The referent a pronoun of gender ``g`` at s..e means: the most salient
        one it could refer to.  When nothing said that referent's gender and it is
        clearly ahead of everyone else the pronoun could mean, the pronoun becomes
        evidence ("Ann Lee spoke. She told..."): it decides for later attributions."""
        r, score = self.best_fitting(g)
        if r is None:
            return None
        if r.gender() is None:
            _, second = self.best_fitting(g, exclude=r)
            if score >= _CLEAR * second:
                a = "a man" if g == "m" else "a woman"
                word = self.text[s:e]
                r.extra.append(Evidence(4, g, s, f"{a}, referred to as '{word}' on line {{line}}", s, self.doc))
        return r

    def _addressed(self, end: int) -> Referent | None:
        """The person named right after "told" following the pronoun that ends
        at ``end`` ("he told Ms Lee"), if any."""
        m = _TOLD_AFTER.match(self.text, end)
        if m is None:
            return None
        for mention in self.reg.mentions_between(m.end(), m.end() + 60):
            if mention.start == m.end() and mention.person is not None and not mention.ambiguous:
                return self.by_person.get(id(mention.person))
            break
        return None

    def _site(self, q: "Quote") -> AttributionSite:
        a = q.attribution
        assert a is not None
        g = _PRONOUN_GENDER[a.speaker.lower()]
        ranking = self.ranking()
        addressed = self._addressed(a.speaker_end)
        if addressed is not None:
            # "He told Ms Lee: ..." - whoever is told is not the speaker
            ranking = [(r, sc) for r, sc in ranking if r is not addressed]
        top, score = ranking[0] if ranking else (None, 0.0)
        if score < MIN_SALIENCE:
            top, score = None, 0.0
            # nobody is in view, but the last speaker stays in mind when no
            # one else has been named since (a story of one man's quotations)
            ls = self.last_speaker
            if ls is not None and ls is not addressed and not self.named_since_speech:
                top, score = ls, LAST_SPEAKER_FLOOR
        ev: Evidence | None = None
        contradicts = False
        if top is not None:
            best = top.strongest()
            if best and top.fits(g) is False:
                contradicts = True
                ev = best[0]
        runner, rs = None, 0.0
        if contradicts:
            for r, sc in ranking:
                if r is not top and r.fits(g) is not False:
                    runner, rs = r, sc
                    break
            # the last speaker stays in mind until someone else speaks: at
            # least as prominent as one who spoke in the paragraph before
            ls = self.last_speaker
            if ls is not None and ls is not top and ls.fits(g) is not False:
                held = max(LAST_SPEAKER_FLOOR, dict(ranking).get(ls, 0.0))
                if held > rs:
                    runner, rs = ls, held
        tg = top.gender() if top is not None else None
        site = AttributionSite(q, a.speaker_start, a.speaker_end, a.speaker, g, top, score, tg, ev, contradicts, runner, rs, ranking)
        # who the pronoun is taken to mean from here on
        if contradicts and site.ratio >= _CLEAR:
            mean = top
        else:
            mean = self.resolve(g, a.speaker_start, a.speaker_end)
        if mean is not None:
            self.add(mean, SPEAKER)
        return site


def referent_line(doc: "Document", r: Referent) -> int:
    """The line of ``r``'s first mention."""
    return doc.line_of(r.start)


def names_of(refs: Iterable[Referent]) -> Sequence[str]:
    return [r.name for r in refs]
