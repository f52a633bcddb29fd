"""NL101 inconsistent-spelling: one name spelled two ways in one story."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from newslint.diagnostics import Applicability, Diagnostic, Fix, Related, Severity
from newslint.document import Document
from newslint.rule import Option, Rule, RuleContext

from ._common import (
    ALLOW_HELP,
    NAME_PARTICLES,
    QUOTES_OPTION,
    english_words,
    first_names,
    fold,
    in_non_prose,
    known_names,
    pieces,
    quoted_note,
    sentence_initial,
    strip_possessive,
    vocabulary,
)
from ._slips import ending_edit, inflected_ending, listed, plausibility, romanisations, slip_regardless
from ._word_names import truncated_pairs, unknown_spelling, word_name_pairs
from .house_style import HONORIFICS, given_name, house_for, house_options, person_word
from .misspelling import misspellings

_FEMALE = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady"})
_MALE = frozenset({"Mr", "Sir", "Lord"})
#: They're, We've, Can't: contractions, not names
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m|t)$|n['’]t$", re.IGNORECASE)


class Occurrence(NamedTuple):
    start: int
    end: int
    word: int  # index into doc.words


class Form:
    """One spelling of a capitalised word and where it appears."""

    __slots__ = ("text", "key", "occ")

    def __init__(self, text: str, key: str):
        self.text = text
        self.key = key
        self.occ: list[Occurrence] = []

    @property
    def first(self) -> int:
        return self.occ[0].start


class InconsistentSpelling(Rule):
    """Flags a name spelled more than one way in one story (Zelensky and Zelenskyy,
    Dmytrenko and Dmitrenko, Kharkov and Kharkiv) with no list of names given in
    advance.

    Capitalised words that are not ordinary English words are compared with each other
    and, when a spelling is in no word or name list at all, with the capitalised
    English words of the story (Grand National and Grand Natonal, Tom Baker and Tom
    Bakker: the word must be used at least as often, and be an established name
    such as Japan, or be used once in mid-sentence, or stand in the same phrase,
    Bank of England and Bnak of England; a word met only at the end of fixed names,
    Standard Life, pairs only with a spelling that ends a fixed name too,
    Conservative Parrty against Labour Party, not the market Liffe).  A spelling in
    no list that drops the last letter of a more used word (Oxfor, Oxford) is a slip
    too.  Two spellings one edit apart (a letter added, dropped, changed or two
    letters swapped; accents and case ignored) are one name, and so are the
    spellings that the house-style packs list for one place or person (Kiev and
    Kyiv, which no string measure would pair).  The minority spelling is flagged,
    pointing to where the other appears; on a tie, a spelling that is not a known
    name loses to one that is (Gorbachov, Gorbachev; except between two
    romanisations, Ihor and Igor), then the spelling whose letter sequences names
    seldom contain (Blaiir against Blair, Leibovicch against Leibovich; not between
    romanisations or one house-style choice's spellings), and otherwise the later
    one is flagged.  The apostrophe typed in a name (O'Brien, O’Brien) is not
    spelling.  When the house style prefers one of the spellings, that one is the
    target whatever the counts; spellings that NL102 (house-style) or NL103
    (misspelling) already report are left to them.

    Forms that differ on purpose are left alone: plurals and possessives (Smith,
    Smith's, the Smiths), gendered surname endings (Kowalski/Kowalska,
    Ivanov/Ivanova, Papadopoulos/Papadopoulou), and other endings of plurals,
    demonyms and gender when the minority spelling is itself a listed word or name
    (Israel/Israeli, Saud/Saudi); a changed last letter that is no inflection, or
    makes no listed spelling, is a slip (Kane/Kan, Yukos/Yuko, Cheney/Chene).  Also
    left alone: a name and a common word (Mr Brown, brown), two people with close
    names (Johnson and Johnston with different first names or titles, Rafael Nadal
    and Rafal Majka), two common first names (Brian and Bryan) unless the same
    surname follows both, a short person's name against a listed name never written
    as one (Petr Cech, Czech officials), two parts of one full name (Lian Chia
    Liang), a three-letter given name before a surname (Des Browne, Lib Dems), a
    name inside a full name and a name used alone (Tamim bin Hamad Al Thani, Hamas:
    a story refers back to a person by the last part of the name), and inflected
    ordinary words.  Different words after the two spellings, or an unlisted first
    name before one of them, prove nothing when the minority spelling is in no list
    and the other is used at least twice and more often, or on a tie when the other
    is listed (President Yudhoyono twice, Presideent Susilo once; Labour MP, Labur
    Party): only a listed first name before surnames (Jon Smith, John Brown) makes
    two people of them.  A full stop after a name ends the phrase
    (``... blamed Nato. Kiev denied it``), except after an honorific or an initial (Mr.
    Lvov, A. Nikolaev), and a place spelling written after a first name or an honorific
    anywhere in the story is a person's name throughout.  Similar names are found with a
    deletion-neighbourhood index, so the work grows with the number of distinct names
    rather than its square: a 20,000-word live blog stays fast.

    Why: a name spelled two ways makes readers wonder whether there are two people,
    and is the commonest correction newspapers print.

    Example: ``President Volodymyr Zelenskyy said ... Mr Zelensky added`` gives
    "'Zelensky' here but 'Zelenskyy' on line 1: one name spelled two ways (1 use each;
    check which is right)".

    Fix safety: unsafe; the other spelling replaces the flagged one, but the majority
    is not always right.

    Options: ``min-length`` (the longer of two spellings compared by similarity
    has at least this many letters, default 4: Kan and Kane, Rosi and Rossi),
    ``allow`` (names never flagged) and ``quotes`` (``"flag"`` or ``"ignore"`` text
    inside quotation marks).
    """

    code = "NL101"
    name = "inconsistent-spelling"
    category = "consistency"
    summary = "The same name spelled more than one way in one story"
    severity = Severity.WARNING
    fix_safety = Applicability.UNSAFE
    options = {
        "min-length": Option(
            4, "shortest name (in letters) compared by similarity: the longer of the two spellings", int, minimum=3
        ),
        "case-variants": Option(
            False, "also flag spellings that differ only in capitals (PayPal/Paypal, CeBIT/Cebit)", bool
        ),
        "allow": Option([], ALLOW_HELP, list),
        "quotes": QUOTES_OPTION,
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        house = house_for(house_options(ctx), ctx)
        groups = house.group_index(fold)
        word_forms: list[tuple[str, str]] = []
        forms = collect_forms(doc, groups, word_forms)
        if not forms:
            return
        endings: set[tuple[str, str]] = set()
        pairs = similar_pairs(forms, groups, self.opts["min-length"], self.opts["case-variants"], endings)
        word_pairs = self._word_pairs(forms, word_forms)
        if not pairs and not word_pairs:
            return
        pairs = sorted(set(pairs) | word_pairs.keys())
        involved = {f for p in pairs for f in p}
        fill_occurrences(doc, forms, involved)
        self._drop_occurrences(doc, house, groups, [forms[t] for t in involved])
        ctxs: dict[str, _Context] = {}
        neighbours: dict[str, set[str]] = {}
        for a, b in pairs:
            fa, fb = forms[a], forms[b]
            if not fa.occ or not fb.occ:
                continue
            word = word_pairs.get((a, b))
            if word is not None:
                other = forms[b if word == a else a]
                if not _word_wins(doc, forms[word], other):
                    continue
                if not _known(word) and len(forms[word].occ) <= len(other.occ):
                    continue  # an unknown full spelling must be the more used (Yudhoyono)
            if (a, b) in endings and not _ending_slip(fa, fb):
                continue  # Kowalski and Kowalska, Smith and the Smiths
            same_group = groups.get(fa.key) is not None and groups.get(fa.key) == groups.get(fb.key)
            if not same_group and _in_one_name(doc, fa, fb):
                continue  # two parts of one full name (Lian Chia Liang)
            if not same_group:
                ca = ctxs.get(a) or ctxs.setdefault(a, _context(doc, fa))
                cb = ctxs.get(b) or ctxs.setdefault(b, _context(doc, fb))
                if _different_people(a, b, ca, cb, _slip_of(fa, fb) or _tie_slip(fa, fb, ca, cb)):
                    continue
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
        if not neighbours:
            return
        preferred = house.preferred()
        allow = set(self.opts.get("allow") or ())

        for t in sorted(neighbours, key=lambda t: forms[t].first):
            if t in allow or t.lower() in preferred:
                continue
            group = neighbours[t] | {t}
            target = _target(group, forms, preferred, groups)
            if target == t:
                continue
            if t.lower() in house.avoided() and _rule_enabled(ctx, "NL102"):
                continue  # NL102 reports it, with the house style as evidence
            if t in misspellings() and _rule_enabled(ctx, "NL103"):
                continue  # NL103 reports it as a misspelling (Ukranian)
            known = _known_among(target, group, forms) and not _known_among(t, group, forms)
            yield from self._report(doc, forms[t], forms[target], target.lower() in preferred, known)

    def _word_pairs(self, forms: dict[str, Form], word_forms: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Spellings in no word or name list paired with a capitalised English word
        one edit away (Natonal, National): pair -> the word, added to ``forms``."""
        out: dict[tuple[str, str], str] = {}
        unknown = [(t, f.key) for t, f in forms.items() if unknown_spelling(t, f.key)]
        if not unknown:
            return out
        min_length = self.opts["min-length"]
        for text, word, key in word_name_pairs(word_forms, unknown, min_length):
            skey = forms[text].key
            if _variant_keys(skey, key) or (ending_edit(skey, key) and not inflected_ending(skey, text, key)):
                out[(text, word) if text < word else (word, text)] = word
        # a last letter dropped from a word (Oxfor, Oxford): pair -> the full
        # spelling (names lose a letter in ``similar_pairs``: Yudhoyon, Yudhoyono)
        for text, word, _key in truncated_pairs(word_forms, unknown, min_length):
            out[(text, word) if text < word else (word, text)] = word
        for word in set(out.values()):
            if word not in forms:
                forms[word] = Form(word, fold(word))
        return out

    def _drop_occurrences(self, doc, house, groups, forms: list[Form]) -> None:
        """Forget uses that do not count: in URLs or code, in quotations when
        ``quotes = "ignore"``, in a house-style exception ("chicken Kiev"), and
        place names used as surnames (Mr Nikolaev)."""
        ignore_quotes = self.opts.get("quotes") == "ignore"
        exceptions = house.exception_spans(doc.text) if any(f.key in groups for f in forms) else []
        for f in forms:
            if f.key in groups and groups[f.key][1] == "place" and self._used_as_surname(doc, f):
                # Ivan Nikolaev, and every bare "Nikolaev" that refers back to him
                f.occ = []
                continue
            kept = []
            for o in f.occ:
                if in_non_prose(doc, o.start, o.end) or (ignore_quotes and doc.in_quote(o.start)):
                    continue
                if f.key in groups and any(s <= o.start and o.end <= e for s, e in exceptions):
                    continue
                kept.append(o)
            f.occ = kept

    @staticmethod
    def _used_as_surname(doc: Document, f: Form) -> bool:
        """Does the story write this place spelling after a first name or an
        honorific (Mr Lvov, Georgy Lvov)?  Then it is a person's name throughout."""
        for o in f.occ:
            if o.word > 0:
                prev = _joined_prev(doc, o.word)
                if prev is not None and (prev in HONORIFICS or given_name(prev)):
                    return True
        return False

    def _report(
        self, doc: Document, f: Form, target: Form, house_prefers: bool, known: bool = False
    ) -> Iterator[Diagnostic]:
        n, m = len(f.occ), len(target.occ)
        line = doc.line_of(target.first)
        other = doc.text[target.first: target.first + len(target.text)]  # as written there
        if house_prefers:
            tail = f" on line {line} ({_uses(m)}), which house style prefers"
        elif n == m and known:
            tail = (f" on line {line}: one name spelled two ways ({_uses(n)} each; "
                    f"'{other}' is a known name, check which is right)")
        elif n == m:
            tail = f" on line {line}: one name spelled two ways ({_uses(n)} each; check which is right)"
        else:
            tail = f" on line {line}: one name spelled two ways ({_uses(n)} against {_uses(m)})"
        related = (Related(target.first, target.first + len(target.text), f"'{other}' here"),)
        for o in f.occ:
            here = doc.text[o.start: o.end]
            # the replacement keeps the apostrophe typed here (O’Brian -> O’Brien)
            replacement = target.text.replace("'", "’") if "’" in here else target.text
            yield self.report(
                o.start,
                o.end,
                f"'{here}' here but '{other}'{tail}{quoted_note(doc, o.start)}",
                suggestions=(replacement,),
                fix=Fix.replace(o.start, o.end, replacement, Applicability.UNSAFE, f"Replace with '{replacement}'"),
                related=related,
                data={"variant_of": target.text},
            )


def _target(
    group: set[str],
    forms: dict[str, Form],
    preferred: set[str] | frozenset[str],
    groups: dict[str, tuple[int, str]],
) -> str:
    """The spelling the others in ``group`` are measured against: the house's
    spelling, then the most used, then (on a tie) an established name over an
    unknown spelling, then the spelling whose letter sequences are likelier in a
    name (Blair over Blaiir; not between two romanisations, Ihor and Igor, nor
    between the spellings of one house-style choice, Zelensky and Zelenskyy),
    then the first."""

    def rank(c: str) -> tuple[int, int, int]:
        known = 0 if _known_among(c, group, forms) else 1
        return (0 if c.lower() in preferred else 1, -len(forms[c].occ), known)

    ranks = {c: rank(c) for c in group}
    best = min(ranks.values())
    tied = sorted((c for c in group if ranks[c] == best), key=lambda c: forms[c].first)
    house_groups = {groups.get(forms[c].key) for c in tied}
    if len(tied) > 1 and (None in house_groups or len(house_groups) > 1) and not any(
        _romanisations(forms[x].key, forms[y].key) for i, x in enumerate(tied) for y in tied[i + 1:]
    ):
        return max(tied, key=lambda c: plausibility(forms[c].key))  # the first on equal scores
    return tied[0]


def _romanisations(a: str, b: str) -> bool:
    return romanisations(a, b, skeleton(a), skeleton(b))


def _ending_slip(fa: Form, fb: Form) -> bool:
    """Is a changed ending (Kane and Kan) a slip rather than an inflection
    (Kowalski and Kowalska, the Smiths)?  The minority spelling decides; on a tie,
    the one in no list against a listed one, or else either way round."""
    na, nb = len(fa.occ), len(fb.occ)
    if na == nb and (la := _listed(fa.text)) != _listed(fb.text):
        # on a tie, a spelling in no list is the minority against a listed one
        # (Londo, London); otherwise either may be
        na, nb = (1, 0) if la else (0, 1)
    if na < nb:
        return not inflected_ending(fa.key, fa.text, fb.key)
    if nb < na:
        return not inflected_ending(fb.key, fb.text, fa.key)
    return not inflected_ending(fa.key, fa.text, fb.key) and not inflected_ending(fb.key, fb.text, fa.key)


def _slip_of(fa: Form, fb: Form) -> str | None:
    """The spelling of the pair that is a slip whatever its neighbours (see
    ``slip_regardless``), if any."""
    na, nb = len(fa.occ), len(fb.occ)
    if na < nb and slip_regardless(fa.text, fa.key, na, nb):
        return fa.text
    if nb < na and slip_regardless(fb.text, fb.key, nb, na):
        return fb.text
    return None


def _tie_slip(fa: Form, fb: Form, ca: _Context, cb: _Context) -> str | None:
    """On a tie, the spelling in no list against one in a list (Labur Party,
    Labour MP; Viqgin Trains, Virgin Megastores; Sout Australia, South Africa),
    unless the listed one is a first name and both stand before surnames, words
    in no dictionary (Rafal Majka, Rafael Nadal: two people)."""
    if len(fa.occ) != len(fb.occ):
        return None
    la, lb = _listed(fa.text), _listed(fb.text)
    if la == lb:
        return None
    listed_form = fa.text if la else fb.text
    if listed_form in first_names() and ca.nexts and cb.nexts and all(_surname_like(w) for w in ca.nexts | cb.nexts):
        return None
    return fb.text if la else fa.text


def _surname_like(word: str) -> bool:
    return fold(word) not in english_words() and not word.isupper()


def _in_one_name(doc: Document, fa: Form, fb: Form) -> bool:
    """Do the two spellings ever stand in one run of capitalised words, a few
    words apart (Lian Chia Liang)?  Then they are two parts of one full name."""
    words = doc.words
    for x, y in ((fa, fb), (fb, fa)):
        later = {o.word for o in y.occ}
        for o in x.occ:
            i = o.word
            for j in range(i + 1, min(i + 4, len(words))):
                if _joined_next(doc, j - 1) is None or not words[j].text[:1].isupper():
                    break
                if j in later:
                    return True
    return False


def _word_wins(doc: Document, word: Form, other: Form) -> bool:
    """Is a capitalised English word used as a name often enough to make another
    spelling a slip?  Either at least as often as it and once in mid-sentence,
    or in the same phrase: next to the same capitalised word (Paul Tucker, Paul
    Tuckker; Financial Times, Financiaal Times)."""
    if _same_phrase(doc, word, other):
        return True
    if len(word.occ) < len(other.occ):
        return False
    if word.text in known_names():
        return True  # an established proper name (Japan, Parliament) wherever it stands
    if all(sentence_initial(doc, o.start) for o in word.occ):
        # no use as a name, unless the other spelling ends a fixed name (Council
        # tax, Preston City Counci)
        return _ends_fixed_name(doc, other, set())
    # a word met only as the end of fixed names (Standard Life, Grand National):
    # the other spelling must end a fixed name too (Grand Natonal, not the
    # market Liffe)
    heads = set()
    for o in word.occ:
        prev = _joined_prev(doc, o.word) if o.word > 0 else None
        if prev is None or not prev[:1].isupper() or person_word(prev):
            return True
        if prev in _FUNCTION_WORDS and sentence_initial(doc, doc.words[o.word - 1].start):
            return True  # "The Treasury said": an article opening a sentence is no name's head
        heads.add(prev)
    # the other spelling ends a fixed name too, another one (Labour Party,
    # Conservative Parrty; Central Bank, Mellon Bannk), or the same (Grand Natonal)
    return _ends_fixed_name(doc, other, heads)


def _ends_fixed_name(doc: Document, form: Form, heads: set[str]) -> bool:
    """Does a use of ``form`` end a fixed name: after one of ``heads`` or another
    capitalised word that is no article opening a sentence?"""
    for o in form.occ:
        prev = _joined_prev(doc, o.word) if o.word > 0 else None
        if prev is not None and (prev in heads or (prev[:1].isupper() and prev not in _FUNCTION_WORDS)):
            return True
    return False


def _same_phrase(doc: Document, a: Form, b: Form) -> bool:
    """Do both spellings follow, or come before, the same capitalised word
    somewhere (Wall Street, Wall Sttreet; Financial Times, Financiaal Times)?"""
    before = {p for o in a.occ if o.word > 0 and (p := _joined_prev(doc, o.word)) and p[:1].isupper()}
    if before and any(o.word > 0 and _joined_prev(doc, o.word) in before for o in b.occ):
        return True
    after = {n for o in a.occ if (n := _after(doc, o.word))}
    return bool(after) and any(_after(doc, o.word) in after for o in b.occ)


#: Articles, prepositions and conjunctions, capitalised only because they open a sentence
_FUNCTION_WORDS = frozenset(
    "The A An In At On By For From To With As And But Or Its His Her Their Our This That These Those".split()
)

#: Lower-case words inside institutions' names (Bank of England, Department of Justice)
_LINKS = frozenset({"of", "for"})


def _after(doc: Document, i: int) -> str | None:
    """The capitalised word after word ``i`` in the same phrase, or a link word and
    the capitalised word after it ("of England")."""
    nxt = _joined_next(doc, i)
    if nxt is None:
        return None
    if nxt[:1].isupper():
        return strip_possessive(nxt)
    if nxt in _LINKS and (then := _joined_next(doc, i + 1)) is not None and then[:1].isupper():
        return f"{nxt} {then}"
    return None


def _uses(n: int) -> str:
    return "1 use" if n == 1 else f"{n} uses"


# -- collecting names ------------------------------------------------------------------------


def collect_forms(
    doc: Document, groups: dict[str, tuple[int, str]], word_forms: list[tuple[str, str]] | None = None
) -> dict[str, Form]:
    """Capitalised words that may be names, by spelling (possessives stripped;
    occurrences are filled in later, for the spellings that matter).  Capitalised
    English words (National, Baker) are no forms; with ``word_forms`` they are
    collected there as (text, folded key)."""
    words = english_words()
    texts, _ = vocabulary(doc)
    forms: dict[str, Form] = {}
    caps = [t for t in texts if t[0].isupper()]
    # letters only: hyphenated words and possessives are in the vocabulary as
    # parts and stripped forms too; contractions (They're) and codes (A380) are no names
    for t in caps:
        if len(t) < 3 or not t.isalpha():
            continue
        if t.isupper() or (t[-1] == "s" and t[:-1].isupper()):
            continue  # acronyms and their plurals (NGOs, MMORPGs)
        key = t.lower() if t.isascii() else fold(t)
        if key in words and key not in groups:
            if word_forms is not None:
                word_forms.append((t, key))
            continue
        forms[t] = Form(t, key)
    # names with an apostrophe inside (O'Brien): one form whichever apostrophe is
    # typed (O'Brien, O’Brien), so the style of the mark is not taken for spelling
    for t in [t for t in caps if "'" in t or "’" in t]:
        if strip_possessive(t) != t or _CONTRACTION.search(t) or not t.replace("'", "").replace("’", "").isalpha():
            continue
        t = t.replace("’", "'")
        forms[t] = Form(t, fold(t))
    return forms


def fill_occurrences(doc: Document, forms: dict[str, Form], wanted: set[str]) -> None:
    """Record where each spelling in ``wanted`` appears (one pass over the words)."""
    for i, w in enumerate(doc.words):
        t = w.text
        if not t[:1].isupper() and "-" not in t:
            continue
        for start, piece in pieces(t, w.start):
            if "’" in piece:
                piece = piece.replace("’", "'")
            if piece in wanted:
                forms[piece].occ.append(Occurrence(start, start + len(piece), i))


# -- similarity --------------------------------------------------------------------------------


def similar_pairs(
    forms: dict[str, Form],
    groups: dict[str, tuple[int, str]],
    min_length: int,
    case_variants: bool = False,
    endings: set[tuple[str, str]] | None = None,
) -> list[tuple[str, str]]:
    """Pairs of spellings that may be one name: the same house-style group, the same
    letters but for accents and case, or one edit apart (found through an index of
    single-letter deletions, so the cost is linear in the number of spellings).
    With ``endings``, pairs whose only difference is an ending that may be an
    inflection (Kowalski, Kowalska; Kane, Kan) are paired too and collected there,
    for the caller to judge with the counts."""
    pairs: set[tuple[str, str]] = set()
    by_key: dict[str, list[str]] = {}
    for t, f in forms.items():
        by_key.setdefault(f.key, []).append(t)
    # house-style groups (Kiev/Kyiv)
    by_group: dict[int, list[str]] = {}
    for key, texts in by_key.items():
        g = groups.get(key)
        if g is not None:
            by_group.setdefault(g[0], []).extend(texts)
    for texts in by_group.values():
        _add_all(pairs, texts)
    # accents (Rinkēvičs/Rinkevics) and, when asked for, case (PayPal/Paypal)
    for texts in by_key.values():
        if len(texts) > 1:
            if case_variants:
                _add_all(pairs, texts)
            else:
                by_lower: dict[str, list[str]] = {}
                for t in texts:
                    by_lower.setdefault(t.lower(), []).append(t)
                _add_all(pairs, [v[0] for v in by_lower.values()])
    # Ukrainian and Russian romanisations of one name (Hrytsenko/Gritsenko,
    # Ihor/Igor, Zelenskyy/Zelenskii): the same transliteration skeleton
    by_skeleton: dict[str, list[str]] = {}
    for key in by_key:
        if len(key) >= 4:
            by_skeleton.setdefault(skeleton(key), []).append(key)
    for keys_ in by_skeleton.values():
        if len(keys_) > 1:
            _add_all(pairs, _first_forms(keys_, by_key, case_variants))
    # one edit apart, the longer spelling at least min_length letters (Rosi, Rossi)
    keys = [k for k in by_key if len(k) >= min_length - 1]
    for a, b in candidate_pairs(keys):
        if max(len(a), len(b)) < min_length:
            continue
        ending = False
        if not _variant_keys(a, b):
            # only a changed ending may still pair
            if endings is None or not ending_edit(a, b):
                continue
            if inflected_ending(a, by_key[a][0], b) and inflected_ending(b, by_key[b][0], a):
                continue  # deliberate whichever is used more (Smith, the Smiths; Israel, Israeli)
            ending = True
        for ta in by_key[a]:
            for tb in by_key[b]:
                if case_variants or ta.lower() != tb.lower():
                    pair = (ta, tb) if ta < tb else (tb, ta)
                    pairs.add(pair)
                    if ending and endings is not None:
                        endings.add(pair)
    return sorted(pairs)


#: Up to this many spellings, compare within blocks of one first letter; above
#: it, use the deletion index, whose cost grows linearly.
SMALL = 80


def candidate_pairs(keys: list[str], small: int = SMALL) -> set[tuple[str, str]]:
    """Pairs of distinct keys that may be one edit apart (a superset of them, with
    the same first letter).  Both methods return every such pair."""
    out: set[tuple[str, str]] = set()
    if len(keys) <= small:
        blocks: dict[str, list[str]] = {}
        for k in keys:
            blocks.setdefault(k[0], []).append(k)
        for block in blocks.values():
            n = len(block)
            for x in range(n):
                a = block[x]
                for y in range(x + 1, n):
                    b = block[y]
                    if -1 <= len(a) - len(b) <= 1:
                        out.add((a, b) if a < b else (b, a))
        return out
    # deletion neighbourhood: two keys one edit apart (substitution, insertion,
    # deletion or swap of neighbours) share a key with one letter deleted, or one
    # is the other with a letter deleted
    index: dict[str, list[str]] = {}
    for key in keys:
        index.setdefault(key, []).append(key)
        for i in range(len(key)):
            index.setdefault(key[:i] + key[i + 1:], []).append(key)
    for bucket in index.values():
        if len(bucket) < 2:
            continue
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                a, b = bucket[x], bucket[y]
                if a != b and a[0] == b[0]:
                    out.add((a, b) if a < b else (b, a))
    return out


_SKELETON_RUNS = re.compile(r"i+")


def skeleton(key: str) -> str:
    """A folded spelling with the letters that Ukrainian and Russian romanisation
    render differently merged: h/g (Hrytsenko, Gritsenko) and y/i (Zelenskyy,
    Zelenskii), runs of i made one."""
    merged = key.replace("g", "h").replace("y", "i")
    return _SKELETON_RUNS.sub("i", merged) if "ii" in merged else merged


def _first_forms(keys: list[str], by_key: dict[str, list[str]], case_variants: bool) -> list[str]:
    """One written form per key (all of them when case variants count)."""
    if case_variants:
        return [t for k in keys for t in by_key[k]]
    return [by_key[k][0] for k in keys]


def _add_all(pairs: set[tuple[str, str]], texts: list[str]) -> None:
    for x in range(len(texts)):
        for y in range(x + 1, len(texts)):
            a, b = texts[x], texts[y]
            if a != b:
                pairs.add((a, b) if a < b else (b, a))


def _variant_keys(a: str, b: str) -> bool:
    """Are two folded spellings, one edit apart at most, likely one name?"""
    from rapidfuzz.distance import OSA  # imported on first use: the CLI starts faster

    if OSA.distance(a, b, score_cutoff=1) > 1:
        return False
    if a[0] != b[0]:
        return False  # Mills/Hills, Rowling/Bowling
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) != len(long_):
        if long_.startswith(short):
            # an ending added: plurals, demonyms, feminine forms (Smiths, Israeli,
            # Ivanova, Louise) differ on purpose; a doubled last letter is a slip
            # (Zelensky/Zelenskyy, Navalny/Navalnyy)
            return long_[-1] == short[-1]
        if long_.endswith(short):
            return False  # a letter added in front
        return True  # a letter added inside (Mourinho/Mourinnho, Zelensky/Zelenskiy)
    # same length: a substitution or a swap
    if a[-1] != b[-1] and a[:-1] == b[:-1]:
        # the last letter changed: a vowel there is a feminine or case ending
        # (Kowalski/Kowalska, Papadopoulos/Papadopoulou, Maria/Marie) and differs
        # on purpose; i/y (Dmitri/Dmitry) and consonants (Umerov/Umerow) are
        # transliteration
        return {a[-1], b[-1]} == {"i", "y"} or not ({a[-1], b[-1]} & set("aeiou"))
    return True


# -- are these two people? ------------------------------------------------------------------------


class _Context(NamedTuple):
    firsts: frozenset[str]  # first names written before the name
    titles: frozenset[str]  # genders of honorifics before it ("m", "f")
    nexts: frozenset[str]  # capitalised words after it (surnames, for first names)
    #: every use is inside a longer personal name, with a name word on both sides
    #: (Tamim bin Hamad Al Thani)
    inside: bool = False
    #: no use has a name word on either side (Hamas said, talks with Hamas)
    alone: bool = False
    #: a title stands before it somewhere (Judge Clark, President Putin)
    titled: bool = False


#: Offices written before a name (President Putin, Chancellor Gordon Brown)
_OFFICES = frozenset("President Chancellor Premier Governor Speaker Minister Secretary Senator Mayor".split())

#: Titles that stand before a name and are also English words (Sheikh Hamad)
_TITLES = frozenset(
    "Sheikh Sheik Shaikh Emir Prince Princess King Queen Imam Ayatollah Sultan Crown".split()
)


def _name_before(word: str) -> bool:
    """Can ``word`` stand before a name inside a personal name?"""
    return word in NAME_PARTICLES or word in _TITLES or word in HONORIFICS or given_name(word)


def _name_after(word: str) -> bool:
    """Can ``word`` follow a name inside a personal name?"""
    return word[:1].isupper() or word in NAME_PARTICLES or word[:3].lower() in ("al-", "el-")


def _joined_prev(doc: Document, i: int) -> str | None:
    """The word before word ``i`` when only spaces separate them (same phrase), or
    a full stop after an honorific or an initial (Mr. Smith, J. Smith); any other
    full stop ends a sentence (``... blamed Nato. Kiev denied it``)."""
    words = doc.words
    prev = words[i - 1]
    gap = doc.text[prev.end: words[i].start]
    if "\n" in gap:
        return None
    if gap.strip(" "):
        if gap.strip(" ") != "." or not person_word(prev.text, full_stop=True):
            return None
    return prev.text


def _joined_next(doc: Document, i: int) -> str | None:
    words = doc.words
    if i + 1 >= len(words):
        return None
    nxt = words[i + 1]
    gap = doc.text[words[i].end: nxt.start]
    if gap.strip(" ") or "\n" in gap:
        return None
    return nxt.text


def _context(doc: Document, f: Form) -> _Context:
    firsts, titles, nexts = set(), set(), set()
    inside = alone = True
    titled = False
    for o in f.occ:
        before = after = False
        if o.word > 0:
            prev = _joined_prev(doc, o.word)
            if prev is not None:
                before = _name_before(prev)
                titled = titled or prev in HONORIFICS or prev in _TITLES or prev in _OFFICES
                if prev in _FEMALE:
                    titles.add("f")
                elif prev in _MALE:
                    titles.add("m")
                elif given_name(prev) and not prev.isupper():  # MTV Asia: no first name
                    firsts.add(prev)
        nxt = _joined_next(doc, o.word)
        if nxt is not None:
            after = _name_after(nxt)
            if nxt[:1].isupper():
                nexts.add(strip_possessive(nxt))
        inside = inside and before and after
        alone = alone and not before and not after
    return _Context(frozenset(firsts), frozenset(titles), frozenset(nexts), inside, alone, titled)


def _different_people(a: str, b: str, ca: _Context, cb: _Context, slip: str | None = None) -> bool:
    """Do the contexts of ``a`` and ``b`` show two people or two names?  ``slip``,
    one of the two, is a spelling in no list against one used several times: the
    words after it (Presideent Susilo, President Yudhoyono) and a first name that
    no list knows before it (Altria Groupp, Liggett Group) then prove nothing."""
    if (ca.inside and cb.alone) or (ca.alone and cb.inside):
        # a given or middle name inside a full name, and a name used alone
        # (Tamim bin Hamad Al Thani, Hamas): a story refers back to a person by
        # the last part of the name, so the one used alone is another name
        return True
    for short, cs, co in ((a, ca, cb), (b, cb, ca)):
        if len(short) == 3 and cs.nexts and not (cs.nexts & co.nexts) and slip is None:
            return True  # a short given name before a surname (Des Browne), not a slip of Dems
    if max(len(a), len(b)) <= _SHORT:
        for cx, y, cy in ((ca, b, cb), (cb, a, ca)):
            x = b if y == a else a
            if (
                (cx.firsts or cx.titles)
                and not (cy.firsts or cy.titles or cy.titled)
                and _established(y)
                and (y in first_names() or fold(y) not in english_words())
                and not _listed(x)
            ):
                # short spellings meet by chance: a person's name (Petr Cech)
                # against a listed name (a first name, or a name that is no
                # English word) never written as one (Czech officials, the Czech
                # Republic; Mark Oaten, Andrew Marr; not Judge Clark)
                return True
    if ca.firsts and cb.firsts and not (ca.firsts & cb.firsts):
        slip_firsts = ca.firsts if slip == a else cb.firsts if slip == b else None
        if slip_firsts is None or any(f in first_names() for f in slip_firsts):
            return True  # Boris Johnson, Ann Johnston
    if ca.nexts and cb.nexts and not (ca.nexts & cb.nexts) and slip is None:
        return True  # Rafael Nadal, Rafal Majka
    if ca.titles and cb.titles and not (ca.titles & cb.titles):
        return True  # Mr Smith, Mrs Smyth
    if _established(a, 4) and _established(b, 4):
        # two established names (Brian and Bryan, Colombia and Columbia): one
        # name only when the same surname follows both or the same first name
        # comes before both
        return not (ca.nexts & cb.nexts) and not (ca.firsts & cb.firsts)
    return False


#: Spellings of at most this many letters are short: one edit apart by chance
#: more often (Czech and Cech, Howe and Hore)
_SHORT = 5


def _established(name: str, min_known: int = 0) -> bool:
    """A common first name or an established name (of at least ``min_known``
    letters: the short capitalised entries of the word lists, such as Kan, are
    mostly abbreviations and rare names, no evidence of a second person)."""
    return name in first_names() or (len(name) >= min_known and name in known_names())


def _listed(name: str) -> bool:
    return listed(name, fold(name))


def _known(name: str) -> bool:
    """An established name or an English word: on a tie, the likelier spelling."""
    return _established(name) or fold(name) in english_words()


def _known_among(name: str, group: set[str], forms: dict[str, Form]) -> bool:
    """Does being a known name make ``name`` the likelier spelling in ``group``?
    Only against a slip (Gorbachov, Gorbachev): between two romanisations of one
    name (Ihor, Igor) the word lists, which keep the older Russian forms, say
    nothing about which the story should use."""
    if not _known(name):
        return False
    key = forms[name].key
    return not any(o != name and _romanisations(key, forms[o].key) for o in group)


def _rule_enabled(ctx: RuleContext, code: str) -> bool:
    """Whether another rule runs on this file (to leave its findings to it)."""
    if ctx.enabled:
        return code in ctx.enabled
    # a context built by hand (no engine): work it out from the settings
    key = ("spelling.enabled", code, ctx.path)
    hit = ctx.shared.get(key)
    if hit is None:
        registry = ctx.registry
        if registry is None:
            hit = True  # without a registry, assume the default (on)
        else:
            hit = any(r.code == code for r in ctx.settings.enabled_rules(registry, ctx.path))
        ctx.shared[key] = hit
    return hit


RULES = [InconsistentSpelling]
