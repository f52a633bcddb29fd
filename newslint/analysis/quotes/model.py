"""The quotation and attribution records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...document import Document


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


