"""NL104 dialect-mix: British and American spellings mixed in one story."""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import Iterator, NamedTuple

from newslint.diagnostics import Applicability, Diagnostic, Fix, Related, Severity
from newslint.document import Document
from newslint.rule import Option, Rule, RuleContext

from ._common import (
    ALLOW_HELP,
    HERE,
    QUOTES_OPTION,
    in_non_prose,
    match_case,
    quoted_note,
    sentence_initial,
    skip_quoted,
    vocabulary,
)

GB, US = "en-GB", "en-US"
NAMES = {GB: "British", US: "American"}


class Marker(NamedTuple):
    dialect: str  # the dialect this spelling marks
    other: str  # the same word in the other dialect
    kind: str  # our, ise, yse, re, l, ae, oe, ogue, ence, other


class Use(NamedTuple):
    start: int
    end: int
    word: str
    marker: Marker


class DialectMix(Rule):
    """Flags British and American spellings mixed in one story ("armoured" and
    "armored", "organise" and "organize").

    Lower-case words are read, and a capitalised word only where it opens a
    sentence ("Armoured vehicles moved in"), unless the story also capitalises it
    mid-sentence or it runs on into another capitalised word: names keep their own
    spelling (Pearl Harbor, the Australian Labor Party, World Health Organization).
    A word counts as a mark of one dialect only when the other dialect's word list
    does not contain it: the list beside the rule (``dialect_pairs.csv``) is derived
    from the SCOWL word lists by ``scripts/derive_spelling_data.py``, so words that
    British English also uses ("program" for software, "tire" the verb, "meter",
    "license" the verb, "check") never count as American.  ``dialect_extra.csv``
    corrects it where American dictionaries label a form "chiefly British" although
    SCOWL's American lists accept it (licence, practise, fulfil).

    With ``dialect = "auto"`` (the default) the story's majority decides and the
    minority spellings are flagged; on a tie nothing says which spellings are
    foreign to the story, so nothing is flagged.  With ``"en-GB"`` or ``"en-US"``
    every spelling of the other dialect is flagged.

    The rule is off by default: guessing a story's dialect from a handful of words
    is not sure enough to run on every story unasked.  A newsroom turns it on with
    its dialect (``extend-select = ["dialect-mix"]`` and ``dialect = "en-GB"``),
    which makes every finding certain and its fix safe.

    Why: a story that writes "colour" in one paragraph and "color" in the next reads
    as pasted together; style guides pick one dialect.

    Example: ``Armoured vehicles and a colour guard moved in. Later the armored
    column left.`` gives "'armored' is American spelling; the story is otherwise
    British (2 British spellings: 'Armoured' on line 1, 'colour' on line 1): write
    'armoured'" (with more evidence, the message adds "and N more").

    Fix safety: safe with an explicit ``dialect`` (the other dialect's form of the
    same word, keeping its case); unsafe with ``"auto"``, where the majority may be
    the wrong dialect.

    Options: ``dialect`` (``"auto"``, ``"en-GB"``, ``"en-US"``), ``oxford`` (true
    for Oxford spelling: -ize is then British too, and -ise/-ize pairs are not
    checked), ``allow`` (words never to flag) and ``quotes`` (``"flag"`` or
    ``"ignore"`` text inside quotation marks).
    """

    code = "NL104"
    name = "dialect-mix"
    category = "consistency"
    summary = "British and American spellings mixed in one story"
    severity = Severity.WARNING
    default_enabled = False
    fix_safety = Applicability.SAFE
    options = {
        "dialect": Option(
            "auto", "the story's dialect: en-GB, en-US, or auto (the majority decides)", str,
            choices=("auto", GB, US),
        ),
        "oxford": Option(False, "Oxford spelling: -ize counts as British too (-ise/-ize not checked)", bool),
        "allow": Option([], ALLOW_HELP, list),
        "quotes": QUOTES_OPTION,
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        markers = dialect_markers()
        dialect = self.opts.get("dialect", "auto")
        texts = vocabulary(doc)[1]  # lower case: "Armoured" may open a sentence
        gb_words, us_words = marker_words()
        if dialect == "auto":
            if texts.isdisjoint(gb_words) or texts.isdisjoint(us_words):
                return  # one dialect at most: nothing is mixed
        elif texts.isdisjoint(us_words if dialect == GB else gb_words):
            return
        oxford = self.opts.get("oxford", False)
        allow = self.opts.get("allow") or ()
        uses: list[Use] = []
        get = markers.get
        words = doc.words
        capitalised: list[tuple[int, Use]] = []  # (word index, use): names or sentence openers
        for i, w in enumerate(words):
            word = w.text
            pos = w.start
            for piece in word.split("-") if "-" in word else (word,):
                m = get(piece)
                if m is not None:
                    uses.append(Use(pos, pos + len(piece), piece, m))
                elif piece[:1].isupper() and piece[1:].islower():
                    m = get(piece.lower())
                    if m is not None:
                        capitalised.append((i, Use(pos, pos + len(piece), piece, m)))
                pos += len(piece) + 1
        if capitalised:
            uses.extend(_sentence_openers(doc, capitalised))
            uses.sort()
        if not uses:
            return
        uses = [
            u for u in uses
            if not (oxford and u.marker.kind == "ise")
            and u.word not in allow
            and not in_non_prose(doc, u.start, u.end)
            and not skip_quoted(self.opts, doc, u.start)
        ]
        if dialect == "auto":
            by = {GB: [u for u in uses if u.marker.dialect == GB], US: [u for u in uses if u.marker.dialect == US]}
            if not by[GB] or not by[US]:
                return
            n_gb, n_us = len(by[GB]), len(by[US])
            if n_gb == n_us:
                # no majority: nothing says which spellings are foreign to the
                # story (set dialect to have them flagged)
                return
            keep = GB if n_gb > n_us else US
            flag = US if keep == GB else GB
            for u in by[flag]:
                yield self._report(doc, u, keep, by[keep], Applicability.UNSAFE)
        else:
            for u in uses:
                if u.marker.dialect != dialect:
                    yield self._report(doc, u, dialect, None, Applicability.SAFE)

    def _report(
        self, doc: Document, u: Use, keep: str, evidence: list[Use] | None, applicability: Applicability
    ) -> Diagnostic:
        fix_word = match_case(u.word, u.marker.other)
        flagged = NAMES[u.marker.dialect]
        related: tuple[Related, ...] = ()
        if evidence:
            shown = []
            seen = set()
            for e in evidence:
                if e.word.lower() in seen:
                    continue
                seen.add(e.word.lower())
                shown.append(f"'{e.word}' on line {doc.line_of(e.start)}")
                if len(shown) == 2:
                    break
            n = len(evidence)
            more = f" and {n - len(shown)} more" if n > len(shown) else ""
            why = (f"the story is otherwise {NAMES[keep]} ({n} {NAMES[keep]} "
                   f"spelling{'s' if n > 1 else ''}: {', '.join(shown)}{more})")
            first = evidence[0]
            related = (Related(first.start, first.end, f"{NAMES[keep]} spelling '{first.word}' here"),)
        else:
            why = f"the house dialect is {NAMES[keep]} ({keep})"
        return self.report(
            u.start,
            u.end,
            f"'{u.word}' is {flagged} spelling; {why}: write '{fix_word}'{quoted_note(doc, u.start)}",
            suggestions=(fix_word,),
            fix=Fix.replace(u.start, u.end, fix_word, applicability, f"Replace with '{fix_word}'"),
            related=related,
            data={"dialect": u.marker.dialect, "kind": u.marker.kind},
        )


def _sentence_openers(doc: Document, capitalised: list[tuple[int, Use]]) -> list[Use]:
    """The capitalised marks that are ordinary words opening a sentence
    ("Armoured vehicles moved in"), not names: a name is capitalised mid-sentence
    too (the Labor Party) or runs on into another capitalised word (Labor Party)."""
    words = doc.words
    mid = set()  # capitalised forms written mid-sentence somewhere in the story
    out = []
    for i, u in capitalised:
        if not sentence_initial(doc, u.start):
            mid.add(u.word)
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if (u.end == words[i].end and nxt is not None and nxt.text[:1].isupper()
                and doc.text[u.end: nxt.start].strip(" ") == ""):
            continue  # the first word of a name (Labor Party, Harbor Freight)
        out.append(u)
    # a form that opens a sentence here but is capitalised mid-sentence
    # elsewhere in the story is a name
    return [u for u in out if u.word not in mid]


@lru_cache(maxsize=None)
def marker_words() -> tuple[frozenset[str], frozenset[str]]:
    """The British marks and the American marks."""
    m = dialect_markers()
    return (frozenset(w for w, v in m.items() if v.dialect == GB),
            frozenset(w for w, v in m.items() if v.dialect == US))


@lru_cache(maxsize=None)
def dialect_markers() -> dict[str, Marker]:
    """Lower-case spelling -> the dialect it marks (from dialect_pairs.csv, with the
    hand-checked rows of dialect_extra.csv replacing derived rows of the same pair)."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for name in ("dialect_pairs.csv", "dialect_extra.csv"):
        with open(HERE / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rows[row["british"], row["american"]] = row
    out: dict[str, Marker] = {}
    clash: set[str] = set()
    for row in rows.values():
        gb, us, kind = row["british"], row["american"], row["kind"]
        for word, dialect, other, is_marker in (
            (gb, GB, us, row["british_marker"] == "1"),
            (us, US, gb, row["american_marker"] == "1"),
        ):
            if not is_marker:
                continue
            prev = out.get(word)
            if prev is not None and prev.dialect != dialect:
                clash.add(word)
            out.setdefault(word, Marker(dialect, other, kind))
    for word in clash:
        del out[word]
    return out


RULES = [DialectMix]
