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
    QUOTES_OPTION,
    english_words,
    first_names,
    in_non_prose,
    match_case,
    quoted_note,
    sentence_initial,
    skip_quoted,
    strip_possessive,
    vocabulary,
)

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
    codespell's entries under five letters, which too often are foreign words,
    abbreviations or parts of romanised names.
    Words inside URLs, e-mail addresses and code are skipped.  A capitalised word is
    taken for a proper name, and left alone, unless the dictionary lists it
    capitalised ("Ukranian", "Britian") or it opens a sentence and the story never
    writes it capitalised mid-sentence; a misspelling that is also a common first
    name (Malcom) is left alone too.

    Why: a misspelt word in a headline or a first paragraph costs a story its
    authority, and spell checkers in newsroom systems are often switched off because
    they flag every name.

    Example: ``The goverment said the incident occured on Monday.`` gives two
    findings: "'goverment' is a misspelling of 'government'" and "'occured' is a
    misspelling of 'occurred'".

    Fix safety: safe when the dictionary gives one correction (it keeps the case of
    the original); when it gives several ("alot": "a lot" or "allot") they are
    offered as suggestions and nothing is applied.

    Options: ``allow`` (words never to flag) and ``quotes`` (``"flag"`` or
    ``"ignore"`` text inside quotation marks).
    """

    code = "NL103"
    name = "misspelling"
    category = "spelling"
    summary = "A common misspelling of an ordinary word (goverment, occured)"
    severity = Severity.WARNING
    fix_safety = "safe"
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
        for w in doc.words:
            word = w.text
            if "-" in word or "." in word:
                parts = _parts(word, w.start)
            else:
                parts = ((w.start, word),)
            for start, part in parts:
                part = strip_possessive(part)
                if part not in found and part.lower() not in found:
                    continue
                entry = table.get(part)
                low = None
                if entry is None:
                    # a capitalised part of a compound (Winn-Dixie) is a name
                    if part[:1].isupper() and part[1:].islower() and len(parts) == 1 and "-" not in word:
                        low = part.lower()
                        entry = table.get(low)
                    if entry is None:
                        continue
                if part in allow:
                    continue
                end = start + len(part)
                if low is not None and not self._capitalised_ok(doc, start, part):
                    continue
                if in_non_prose(doc, start, end) or skip_quoted(self.opts, doc, start):
                    continue
                yield self._report(doc, start, end, part, entry)

    @staticmethod
    def _capitalised_ok(doc: Document, start: int, word: str) -> bool:
        """A capitalised word whose lower-case form is a misspelling: flag it only
        when it opens a sentence and never appears capitalised mid-sentence."""
        if not sentence_initial(doc, start):
            return False
        for other in doc.words:
            if other.start != start and strip_possessive(other.text) == word:
                if not sentence_initial(doc, other.start):
                    return False
        return True

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
    """The parts of a hyphenated compound worth checking on their own: none after
    a prefix ("pre-empted", "mis-selling"), none of a name (Mao Tse-tung, Kim
    Jong-un), none shorter than four letters ("add-ons")."""
    if word[:1].isupper():
        return [(offset, word.replace(".", "-").split("-")[0])]
    out: list[tuple[int, str]] = []
    pos = 0
    prev = ""
    for piece in word.replace(".", "-").split("-"):
        if piece and not (prev and prev.lower() in _PREFIXES) and len(piece) >= 4:
            out.append((offset + pos, piece))
        prev = piece
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
        hit = self._parsed.get(key, False)
        if hit is False:
            hit = self._parsed[key] = _filtered(key, self._raw[key])
        return hit

    def hits(self, words) -> set[str]:
        """The words that are misspellings to report."""
        raw = self._raw
        return {w for w in words if w in raw and self.get(w) is not None}


#: Shorter codespell entries are too often a foreign word, an abbreviation or part
#: of a romanised name ("ist", "juni", "Mao Tse-tung"); short misspellings come
#: from misspellings.csv only.
MIN_LENGTH = 5


def _filtered(key: str, data: str) -> Entry | None:
    if key in _allowed() or not key.isalpha():
        return None
    if len(key) < MIN_LENGTH and key not in _own():
        return None
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
