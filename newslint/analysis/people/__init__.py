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

Everything is cached on the document (``doc.stash``).
"""

from __future__ import annotations

from ..first_names import (
    FirstNames,
    FirstNameTable,
    FirstNameTables,
    base_first_names,
    builtin_first_name_table,
    first_name_tables,
    first_names_for,
)
from .model import Evidence, Mention, Person, Register
from .register import find_people
from .resolution import Resolution, resolve_pronoun

__all__ = [
    "Evidence",
    "FirstNames",
    "FirstNameTable",
    "FirstNameTables",
    "builtin_first_name_table",
    "first_name_tables",
    "Mention",
    "Person",
    "Register",
    "Resolution",
    "base_first_names",
    "first_names_for",
    "find_people",
    "resolve_pronoun",
]
