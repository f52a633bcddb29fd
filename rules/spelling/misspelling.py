"""NL103 misspelling: common misspellings of ordinary words (goverment, occured)."""

from __future__ import annotations

import csv
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.document import Document
from newslint.rule import Option, Rule, RuleContext

from ._common import (
    ALLOW_HELP,
    HERE,
    NAME_PARTICLES,
    QUOTES_OPTION,
    english_words,
    first_names,
    in_non_prose,
    known_names,
    match_case,
    quoted_note,
    sentence_initial,
    skip_quoted,
    strip_possessive,
    vocabulary,
)
from .house_style import HONORIFICS

# Hyphenated compounds: a part after one of these is not checked on its own
# ("pre-empted", "mis-selling", "add-ons").
_PREFIXES = frozenset(
    """a ad add anti bi co counter de dis e ex extra hyper in inter intra macro micro mid
    mini mis multi neo non off on out over post pre pro re self semi sub super trans tri ultra
    un under up vice""".split()
)


class Entry(NamedTuple):
    corrections: tuple[str, ...]
    #: the dictionary marks the entry as not automatically fixable
    fixable: bool


class Misspelling(Rule):
    """Flags common misspellings of ordinary words: "goverment", "occured",
    "Ukranian".

    The list is codespell's dictionary of common misspellings (installed with
    newslint) plus the entries in ``misspellings.csv`` beside this rule, less every
    entry whose misspelling is itself an English word (checked against the SCOWL word
    lists shipped with the rule), those listed in ``misspelling_allow.txt``, and
    codespell's entries under four letters, and its capitalised four-letter ones,
    which too often are foreign words, abbreviations or parts of romanised names
    (lower-case four-letter slips such as "wich" and "isnt" are kept).
    Words inside URLs, e-mail addresses and code are skipped.  A capitalised
    misspelling ("The Goverment said", "Local Goverment officials") is flagged
    unless it is an established name or a common first name (Malcom), stands next
    to a name (Mr Teh, Optio SV, Chambre de Commerce), or is a name the story
    uses consistently: capitalised at least twice, at least once mid-sentence, and
    never in lower case.  The short slips (teh, wich) are flagged capitalised only
    where they open a sentence.  Words in capitals are read too (GOVERMENT
    RESIGNS), and so are the parts of hyphenated words, after a prefix too
    ("anti-goverment", "Pro-goverment", "non-existant") unless prefix and part make
    a word together ("pre-empted").

    Why: a misspelt word in a headline or a first paragraph costs a story its
    authority, and spell checkers in newsroom systems are often switched off because
    they flag every name.

    Example: ``The goverment said the incident occured on Monday.`` gives two
    findings: "'goverment' is a misspelling of 'government'" and "'occured' is a
    misspelling of 'occurred'".

    Fix safety: safe when the dictionary gives one correction (it keeps the case of
    the original: ``GOVERMENT`` becomes ``GOVERNMENT``); when it gives several
    ("alot": "a lot" or "allot") they are offered as suggestions and nothing is
    applied.

    Options: ``allow`` (words never to flag) and ``quotes`` (``"flag"`` or
    ``"ignore"`` text inside quotation marks).
    """

    code = "NL103"
    name = "misspelling"
    category = "spelling"
    summary = "A common misspelling of an ordinary word (goverment, occured)"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    options = {
        "allow": Option([], ALLOW_HELP, list),
        "quotes": QUOTES_OPTION,
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        table = misspellings()
        texts, lower = vocabulary(doc)
        found = table.hits(texts) | table.hits(lower)
        if not found:
            return
        allow = set(self.opts.get("allow") or ())
        for i, w in enumerate(doc.words):
            word = w.text
            if "-" in word or "." in word:
                parts = _parts(word, w.start)
                whole = False
            else:
                parts = [(w.start, word)]
                whole = True
            for start, part in parts:
                part = strip_possessive(part)
                if part not in found and part.lower() not in found:
                    continue
                entry = table.get(part)
                if entry is None:
                    low = part.lower()
                    entry = table.get(low)
                    if entry is None:
                        continue
                    if part.isupper():
                        if len(part) < MIN_LENGTH:
                            continue  # TEH, ADN: an abbreviation as likely as a slip
                        # all capitals (GOVERMENT RESIGNS): a headline, not a name
                    elif not (part[1:].islower() and (whole or start != w.start)):
                        continue  # CamelCase, or the first part of a compound name (Winn-Dixie)
                    elif not self._capitalised_ok(doc, i, start, part):
                        continue
                if part in allow:
                    continue
                end = start + len(part)
                if in_non_prose(doc, start, end) or skip_quoted(self.opts, doc, start):
                    continue
                yield self._report(doc, start, end, part, entry)

    @staticmethod
    def _capitalised_ok(doc: Document, i: int, start: int, word: str) -> bool:
        """A capitalised word whose lower-case form is a misspelling: flag it unless
        it is an established name, part of a longer name (next to a name: Mr Teh,
        Optio SV, Chambre de Commerce), or a name the story uses
        consistently: capitalised at least twice, at least once mid-sentence, and
        never written in lower case.

        The short slips (teh, wich, adn: under MIN_LENGTH letters, all of them
        function words, which are never capitalised mid-sentence) are flagged only
        when they open a sentence and the story never capitalises them
        mid-sentence: "Lim Teh" and "the Wich family" are names."""
        if word in known_names() or word in first_names():
            return False
        if len(word) < MIN_LENGTH:
            if not sentence_initial(doc, start):
                return False
            for other in doc.words:
                if other.start != start and strip_possessive(other.text) == word:
                    if not sentence_initial(doc, other.start):
                        return False
            return True
        if _next_to_a_name(doc, i):
            return False
        low = word.lower()
        capitalised = mid = 0
        for other in doc.words:
            t = other.text
            if len(t) < len(word) or t[:1].lower() != low[:1]:
                continue
            for pos, piece in _pieces(t, other.start):
                if piece == word:
                    capitalised += 1
                    if not sentence_initial(doc, pos):
                        mid += 1
                elif piece == low:
                    return True  # also written in lower case: the same misspelt word
        return not (capitalised >= 2 and mid >= 1)

    def _report(self, doc: Document, start: int, end: int, found: str, entry: Entry) -> Diagnostic:
        fixes = tuple(match_case(found, c) for c in entry.corrections)
        note = quoted_note(doc, start)
        if len(fixes) == 1:
            msg = f"'{found}' is a misspelling of '{fixes[0]}'{note}"
            if entry.fixable:
                fix = Fix.replace(start, end, fixes[0], Applicability.SAFE, f"Replace with '{fixes[0]}'")
            else:
                fix = Fix.replace(start, end, fixes[0], Applicability.DISPLAY_ONLY, f"Replace with '{fixes[0]}'")
            return self.report(start, end, msg, suggestions=fixes, fix=fix)
        options = " or ".join(f"'{c}'" for c in fixes)
        return self.report(start, end, f"'{found}' is a common misspelling: {options}?{note}", suggestions=fixes)


def _parts(word: str, offset: int) -> list[tuple[int, str]]:
    """The parts of a hyphenated compound worth checking on their own: none of a
    name (Mao Tse-tung, Kim Jong-un, only whose first part is checked), none
    shorter than four letters ("add-ons"), and a part after a prefix only when the
    prefix and the part do not make a word together ("pre-empted" is "preempted";
    "anti-goverment" and "non-existant" are checked).  A capitalised compound that
    opens with a prefix (Pro-goverment, Anti-Goverment) is no name."""
    pieces_ = word.replace(".", "-").split("-")
    if word[:1].isupper() and pieces_[0].lower() not in _PREFIXES:
        return [(offset, pieces_[0])]
    words = english_words()
    out: list[tuple[int, str]] = []
    pos = 0
    prev = ""
    for piece in pieces_:
        if piece and len(piece) >= 4:
            if not (prev and prev.lower() in _PREFIXES and (prev + piece).lower() in words):
                out.append((offset + pos, piece))
        prev = piece
        pos += len(piece) + 1
    return out


def _name_word(word: str) -> bool:
    """A word that makes its neighbour part of a name: an honorific, a common
    first name, a name particle (de, von, bin) or a capitalised word that is
    neither an English word nor an established name (SV, Lim).  An established
    name does not (the British Goverment, the Welsh Goverment)."""
    if word in HONORIFICS or word in NAME_PARTICLES or word in first_names():
        return True
    if not word[:1].isupper():
        return False
    word = strip_possessive(word)
    return word.lower() not in english_words() and word not in known_names()


def _next_to_a_name(doc: Document, i: int) -> bool:
    """Is word ``i`` joined (by spaces only) to a name word on either side?"""
    words = doc.words
    text = doc.text
    w = words[i]
    if i > 0:
        prev = words[i - 1]
        gap = text[prev.end: w.start]
        if (not gap.strip(" ") or (gap.strip(" ") == "." and prev.text in HONORIFICS)) and _name_word(prev.text):
            return True
    if i + 1 < len(words):
        nxt = words[i + 1]
        if not text[w.end: nxt.start].strip(" ") and _name_word(nxt.text):
            return True
    return False


def _pieces(text: str, offset: int) -> list[tuple[int, str]]:
    """Every part of a word, possessive stripped, with its offset."""
    if "-" not in text and "." not in text:
        return [(offset, strip_possessive(text))]
    out = []
    pos = 0
    for piece in text.replace(".", "-").split("-"):
        out.append((offset + pos, strip_possessive(piece)))
        pos += len(piece) + 1
    return out


def codespell_dictionary() -> Path | None:
    """codespell's dictionary of common misspellings, found without importing it."""
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "dictionary.txt"
    return path if path.exists() else None


@lru_cache(maxsize=None)
def _raw() -> dict[str, str]:
    """Misspelling -> codespell's raw correction text (loaded once; entries are
    checked and parsed when a story contains them)."""
    raw: dict[str, str] = {}
    path = codespell_dictionary()
    if path is not None:
        data = path.read_text(encoding="utf-8")
        raw = dict(line.split("->", 1) for line in data.splitlines() if "->" in line)
    raw.update(_own())
    return raw


@lru_cache(maxsize=None)
def _own() -> dict[str, str]:
    """newslint's own entries (misspellings.csv), in codespell's format."""
    out = {}
    with open(HERE / "misspellings.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            fixes = [c.strip() for c in row["correction"].split("|")]
            out[row["misspelling"]] = ", ".join(fixes) + ("," if len(fixes) > 1 else "")
    return out


@lru_cache(maxsize=None)
def _allowed() -> frozenset[str]:
    return frozenset(
        line.strip()
        for line in (HERE / "misspelling_allow.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


class _Table:
    """Misspelling -> :class:`Entry`, filtered for news copy, parsed on demand."""

    def __init__(self) -> None:
        self._raw = _raw()
        self._parsed: dict[str, Entry | None] = {}

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def get(self, key: str) -> Entry | None:
        if key not in self._raw:
            return None
        if key in self._parsed:
            return self._parsed[key]
        hit = self._parsed[key] = _filtered(key, self._raw[key])
        return hit

    def hits(self, words) -> set[str]:
        """The words that are misspellings to report."""
        raw = self._raw
        return {w for w in words if w in raw and self.get(w) is not None}


#: Shorter codespell entries are too often a foreign word, an abbreviation or part
#: of a romanised name ("ist", "Mao Tse-tung"); short misspellings come from
#: misspellings.csv only, except four-letter entries written in lower case (wich,
#: isnt), which are admitted (capitalised ones, BASF and Thie, are names).
MIN_LENGTH = 5


def _filtered(key: str, data: str) -> Entry | None:
    if key in _allowed() or not key.isalpha():
        return None
    if len(key) < MIN_LENGTH and key not in _own() and (len(key) < MIN_LENGTH - 1 or not key.islower()):
        return None  # four-letter entries only in lower case (wich, isnt; not BASF, Thie)
    if key.isupper() or not (key.islower() or (key[0].isupper() and key[1:].islower())):
        return None  # acronyms and CamelCase names
    if key.lower() in english_words() or key in first_names():
        return None  # a word in its own right, or a name (Malcom)
    entry = _entry(data)
    if not entry.corrections or any(c.lower() == key.lower() for c in entry.corrections):
        return None  # a difference of case only
    return entry


@lru_cache(maxsize=None)
def misspellings() -> _Table:
    """The misspelling table (one per process)."""
    return _Table()


def _entry(data: str) -> Entry:
    # codespell's format: "typo->fix" or "typo->fix1, fix2," with an optional
    # reason after the last comma; a comma means "do not fix automatically".
    if "," not in data:
        return Entry((data.strip(),), True)
    head, _, _reason = data.rpartition(",")
    fixes = tuple(c.strip() for c in head.split(",") if c.strip())
    return Entry(fixes, False)


RULES = [Misspelling]
