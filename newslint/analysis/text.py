"""Words and sentences."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..document import SENTENCES, WORDS, Document


class Word(NamedTuple):
    """A word: ``text == Document.text[start:end]``."""

    start: int
    end: int
    text: str


class Sentence(NamedTuple):
    """A sentence within one block: ``Document.text[start:end]``."""

    start: int
    end: int
    block: int  # index into Document.blocks


#: Letters and digits, with inner apostrophes, hyphens and full stops
#: ("Russia's", "d'etat", "well-known", "U.S", "1.5").
WORD_RE = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")

# Titles and abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st rev gen col lt sgt capt cpt maj cmdr adm gov sen rep
    jr sr mt ft no nos vs etc al approx est inc ltd co corp dept univ jan feb mar
    apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m""".split()
)

# A sentence ends at . ! ? (or an ellipsis) followed by optional closing quotes or
# brackets, then whitespace and something that can start a sentence.
_BOUNDARY = re.compile(
    # (only from the first mark of a run, so a run of full stops is read once; the
    # check comes after the first mark, so the search skips ahead to a mark)
    r"""([.!?…](?<![.!?…].)[.!?…]*)(['"’”)\]]*)(\s+)(?=['"‘“(\[]?[^\W_a-z])""",
)
_LAST_WORD = re.compile(r"([^\W\d_][\w.]*)$")


_new_tuple = tuple.__new__


def find_words(text: str) -> list[Word]:
    # tuple.__new__ skips NamedTuple's Python-level constructor: a quarter faster
    return [_new_tuple(Word, (m.start(), m.end(), m.group())) for m in WORD_RE.finditer(text)]


def split_sentences(doc: "Document") -> list[Sentence]:
    text = doc.text
    out: list[Sentence] = []
    for block in doc.blocks:
        start = block.start
        bend = block.end
        for m in _BOUNDARY.finditer(text, block.start, block.end):
            if m.group(1) == ".":
                lw = _LAST_WORD.search(text, max(start, m.start() - 12), m.start())
                if lw is not None:
                    word = lw.group(1).lower()
                    # "Mr. Smith", "U.S. officials", single initials "J. Smith"
                    # (but "£2m." after a number is a unit that ends a sentence,
                    # and so does the "s" of a possessive: "the firm's.")
                    if word in ABBREVIATIONS or (
                        len(word) == 1
                        and not text[lw.start(1) - 1 : lw.start(1)].isdigit()
                        and text[lw.start(1) - 1 : lw.start(1)] not in ("'", "’")
                    ):
                        continue
            end = m.end(2)
            if end > start:
                out.append(_new_tuple(Sentence, (start, end, block.index)))
            start = m.end()
        if bend > start:
            out.append(_new_tuple(Sentence, (start, bend, block.index)))
    return out


SENTENCES.provide(split_sentences)
WORDS.provide(lambda doc: find_words(doc.text))
