"""The people register's records: evidence, mentions, persons, the register."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..first_names import _fold

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document

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


