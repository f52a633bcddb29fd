"""Who a pronoun attribution (``'...,' she said``) refers to."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..first_names import _fold
from ..lexicon import GENDERED_NOUNS
from .model import Mention, Person, Register
from .patterns import _SPEECH_AFTER, _SPEECH_BEFORE

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document
    from ..quotes import Quote

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
    at_block = doc.block_at(at)
    bi = at_block.index if at_block is not None else quote.block
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
        for (ns, _ne, word) in reg.person_nouns[bisect.bisect_left(noun_starts, s) : bisect.bisect_left(noun_starts, e)]:
            ng = GENDERED_NOUNS.get(word)
            if ng is not None and gender is not None and ng != gender:
                continue  # a "spokesman" is not the "she" of the attribution
            if _appositive_to(doc.text, ref_spans, ns):
                continue
            doubts.append(f"'{word}' in reach")
        for (ps, _pe, g, word) in reg.pronouns[bisect.bisect_left(pron_starts, s) : bisect.bisect_left(pron_starts, e)]:
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
        for ns, _ne, word in reg.person_nouns[bisect.bisect_left(noun_starts, s) : bisect.bisect_left(noun_starts, e)]:
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
        if e <= off and off - e <= 60 and (m := _AS_ROLE_RE.match(text, e, off)) and m.end() == off:
            return True  # "Mr Farrow resigned as chief executive"
    return False

