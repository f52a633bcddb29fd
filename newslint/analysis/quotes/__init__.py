"""Quotations and their attributions.

CONTRACT (stable):

``find_quotes(doc) -> list[Quote]`` in document order; ``unmatched_marks(doc) ->
list[int]`` the text offsets of quotation marks that open or close nothing.

How marks are read
------------------
Every quotation mark (``" ' “ ” ‘ ’``) is classified by the characters on each
side of it, never by a global count:

* a single mark between two letters or digits is an apostrophe (``Russia's``,
  ``d'etat``, ``I'll``, ``rock'n'roll``); so is one opening a decade (``the '90s``),
  ``'n'`` (``rock 'n' roll``) and a few elisions (``'em``, ``'tis``);
* a mark after a space or an opening bracket and before a letter opens;
  after a letter or punctuation and before a space or punctuation it closes;
* a single mark after a letter and before a space (``students' union``) closes a
  single quotation only when one is open and the next single mark in the block
  does not close too (``'The students' union agreed,' she said``: the first is a
  possessive); with nothing open it is an apostrophe;
* a straight double mark that could be either toggles.

Quotations nest (``parent``).  A paragraph that ends inside a quotation, followed
by a paragraph that opens again with the same kind of mark, is the British and US
convention for a quotation running over several paragraphs: the first quotation
ends with its block and the next one ``continues`` it.

Attributions are read from the few words around each outermost quotation:
``'...,' she said``, ``'...,' said Ms Kowalski``, ``'...,' Lavrov told
reporters``, ``She said: '...'``, ``He continued: '...'``, ``Said Mr Fogg:
'...'``, ``according to X``, ``in the words of X``, ``as X put it``, ``...,
adding '...'``, a credit after a dash that ends the paragraph (``'...' — Elena
Marsh``) and the middle position ``'...,' she said, '...'``.

A role with the name in apposition names the speaker, and the role goes to
``Attribution.role``: ``the chair, Elena Marsh, told``, ``the chair Elena Marsh
said``, ``said the chair, Elena Marsh``, ``Elena Marsh, the chair, said``.  After
a role with a preposition (``a spokesman for the carrier, Ryanair,``) the name
must look like a person's, else it names the organisation and the role is the
speaker.

A clause and a colon with no speech verb (``Mr Hrytsenko repeated his pledge:
'...'``, ``The minister was blunt: '...'``) is attributed to the clause's subject
when the sentence opens with it (after at most a leading phrase such as
``Speaking later,``) and it is a name, he, she, they or a role; and only when
nothing else in the clause could be the speaker: no other name or pronoun
subject, no relative clause, no verb that quotes someone else (``quoted``,
``read``) and no text being read out (``pointed to the report:``).  The verb is
the word after the subject when it reads as a verb, else the word before the
colon.
"""

from __future__ import annotations

from ...document import QUOTES, Document
from ..lexicon import PRONOUNS, SPEECH_VERBS
from .attribution import _attributions
from .marks import _scan
from .model import Attribution, Quote


def find_quotes(doc: "Document") -> list[Quote]:
    """Every quotation in document order (see the module docstring)."""
    return QUOTES.of(doc)


@QUOTES.provide
def _find_quotes(doc: "Document") -> list[Quote]:
    scan = _scan(doc)
    atts = _attributions(doc, scan)
    index = {p[0]: i for i, p in enumerate(scan.pairs)}
    blocks = doc.blocks
    text = doc.text
    quotes: list[Quote] = []
    for o, c, bi, parent in scan.pairs:
        if c < 0:
            end = blocks[bi].end if c == -1 else -c
            inner_end = end
            closed = False
        else:
            end = c + 1
            inner_end = c
            closed = True
        cf = scan.continued_from.get(o)
        quotes.append(
            Quote(
                start=o,
                end=end,
                inner_start=o + 1,
                inner_end=inner_end,
                mark=text[o],
                block=bi,
                attribution=atts.get(o),
                parent=index.get(parent) if parent != -1 else None,
                continues=index.get(cf) if cf is not None else None,
                closed=closed,
            )
        )
    return quotes


def unmatched_marks(doc: "Document") -> list[int]:
    """Text offsets of quotation marks that open or close nothing (apostrophes excluded)."""
    return list(_scan(doc).unmatched)


__all__ = ["Attribution", "Quote", "find_quotes", "unmatched_marks", "PRONOUNS", "SPEECH_VERBS"]
