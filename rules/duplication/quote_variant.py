"""NL304 quote-variant: one remark quoted twice in different words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from newslint.analysis.similarity import _indel, normalise, snippet
from newslint.diagnostics import Related, Severity
from newslint.rule import Option, Rule

if TYPE_CHECKING:  # pragma: no cover
    from newslint.analysis.quotes import Quote
    from newslint.document import Document

#: Function words: they carry the grammar of a sentence, not what was said.
STOPWORDS = frozenset(
    """a an the and or but if then so of to in on at by for with from as into onto
    about over under after before than that this these those there here it its is
    are was were be been being am do does did done doing have has had having will
    would shall should can could may might must not no nor we us our ours you your
    i me my he him his she her they them their theirs what which who whom whose when
    where why how all any some such very just also too only own same other more most
    much many each every both either neither s t ll ve re d m don didn doesn isn
    wasn aren weren won wouldn couldn shouldn cannot can't let let's said says say
    out up off again further once now even still yet ever really while because
    although though since until unless whether within without through during
    against between among per via upon across along around behind beyond despite
    towards toward""".split()
)

_SPEECH_VERB = (
    r"(?:said|says|told|tells|added|adds|warned|warns|insisted|argued|claimed|stressed|"
    r"explained|noted|continued|replied|wrote|declared|announced|maintained|urged)"
)
#: "Lavrov said", "Ihor Terekhov, said", "Ruth Ellery, who runs the group, said":
#: the last capitalised word before a speech verb, over an appositive.
_NAME_SAID = re.compile(
    r"\b([A-Z][\w'’-]+)(?:,\s+[^,.;:\"“”]{1,120}?,|,)?\s+" + _SPEECH_VERB + r"\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_APPOSITIVE_NAME = re.compile(r",\s+((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+),")
_PERSONAL = frozenset({"he", "she", "him", "her"})
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'’”]?\s+(?=[\"'‘“]?[A-Z0-9])")
_WORD = re.compile(r"[^\W_]+")
#: A quotation that reports the speaker's own earlier words: "I said we would
#: not...", "As I have said before, ...", "We have always said that...".
_SELF_REPORT = re.compile(
    r"\b(?:I|[Ww]e)(?:\s+have|\s+had|['’]ve|['’]d)?\s+"
    r"(?:(?:always|already|repeatedly|often|consistently|previously|clearly|just)\s+)?"
    r"(?:said|say|told|promised|pledged|stated|made\s+(?:it\s+)?clear)\b"
)
_POSSESSIVE = re.compile(r"['’]s$")

#: Bounds that keep the rule near linear on hostile input (see the docstring).
#: How far back (characters) a pronoun looks for the person it stands for.
NAME_REACH = 3000
#: How many earlier quotations by the same speaker a quotation is compared with.
MAX_EARLIER = 100
#: How much of a quotation is compared (characters, from its start).
MAX_QUOTE_CHARS = 2000
#: Sentence pairs compared in one document before the rule stops comparing.
MAX_SENTENCE_PAIRS = 200_000


class QuoteVariant(Rule):
    """Reports a quotation that gives, in different words, a remark the same
    speaker is already quoted as making elsewhere in the story.

    Two quotations are compared when they have the same speaker: named in the
    attribution ("Lavrov told reporters" and "said Sergei Lavrov" are the same
    person), a pronoun ("he told a news conference") taken to be the person last
    named in this paragraph or the one before, as speaking ("Lavrov said...",
    "Ihor Terekhov, the director, said...") or as someone already quoted ("Mr
    Lavrov later repeated his warning."), a colon after someone already quoted
    ("Mr Hrytsenko repeated his pledge:"), or an unattributed quotation opening
    the paragraph after one of theirs.  They are variants when, for some
    sentence of each, at least ``threshold`` of the content words (not "the",
    "we", "will"...) of the one with fewer are found in the other, and at least
    four: the same word or stem ("work", "working") or a name spelt differently
    ("Kiev", "Kyiv").  Word order does not matter, as a translation or a remark
    recalled from memory often swaps its clauses, and two sentences in a row
    count as one against a single sentence of the other, as one version may
    split what the other says in one sentence.  Quotations that run on from each
    other (the same statement over several paragraphs), quotations in the same
    paragraph, a quotation repeated in part, word for word, and a quotation in
    which the speakers report their own words ("I said we would not...", "As I
    have said, ...") are not variants.  The later one is reported; the first is
    given as a related location.

    Why: the same statement taken from two translations, or from a transcript and
    from memory, ends up quoted twice in different words.  Quotation marks promise
    the speaker's exact words, so at least one of the two is a misquote.

    Example: "We cannot rule out that the rebels will try to retake the northern
    port by force," the minister said, and later "We cannot exclude the
    possibility that the rebels may attempt to recapture the northern port by
    force," he told reporters (the second is reported, pointing to the first).

    Fix safety: none; an editor must check the speaker's words against the source.

    Limits, so that the time grows with the length of the story and not with its
    square: a pronoun looks back at most 3,000 characters for its speaker; a
    quotation is compared by its first 2,000 characters, with the 100 quotations
    by the same speaker before it; and the rule stops comparing after 200,000
    pairs of sentences in one document.  No news story comes near these; a
    transcript of thousands of remarks by one speaker can.

    Options: ``threshold`` (0.5): the share of the content words that must be
    found.  ``min-words`` (6): shorter quotations (scare quotes, single phrases)
    are not compared.
    """

    code = "NL304"
    name = "quote-variant"
    category = "duplication"
    summary = "The same remark quoted twice in different words (one is a misquote)"
    severity = Severity.WARNING
    fix_safety = None
    options = {
        "threshold": Option(
            0.5,
            "Share (0-1) of a sentence's content words that must be found in a "
            "sentence of the other quotation",
            float,
            minimum=0.2,
            maximum=1.0,
        ),
        "min-words": Option(
            6, "Quotations with fewer words are not compared", int, minimum=3
        ),
    }

    def check(self, doc, ctx):
        quotes = doc.quotes
        if len(quotes) < 2:
            return
        yield from _variants(self, doc, quotes)


# -- speakers ----------------------------------------------------------------------


def _surname(name: str) -> str:
    words = _WORD.findall(_POSSESSIVE.sub("", name))
    return words[-1].lower() if words else ""


def _speakers(doc: "Document", quotes: list["Quote"]) -> dict[int, tuple[str, str, int]]:
    """For each outermost quotation whose speaker is known: (speaker key, name as
    written, statement id).  A statement is a quotation and those that run on from
    it (``continues``, or an unattributed quotation opening the next paragraph)."""
    text = doc.text
    out: dict[int, tuple[str, str, int]] = {}
    #: speaker key -> the name last written for it, for the names written with a capital
    known: dict[str, str] = {}
    last_named: tuple[int, str, str] | None = None  # (offset, key, display)
    for i, q in enumerate(quotes):
        if q.parent is not None:
            continue
        a = q.attribution
        found: tuple[str, str, int] | None = None
        if q.continues is not None and q.continues in out:
            found = out[q.continues]
        elif a is not None and a.kind == "name":
            key = _surname(a.speaker)
            if key:
                found = (key, a.speaker, i)
                last_named = (a.speaker_start, key, a.speaker)
        elif a is not None and a.kind == "noun":
            # "the chair, Elena Marsh, told the meeting": the name in apposition
            m = _APPOSITIVE_NAME.match(text, a.speaker_end)
            if m is not None:
                found = (_surname(m.group(1)), m.group(1), i)
                last_named = (m.start(1), found[0], m.group(1))
            else:
                key = " ".join(normalise(a.speaker).split())
                key = key[4:] if key.startswith("the ") else key
                if key:
                    found = (key, a.speaker, i)
        elif a is not None and a.kind == "pronoun":
            if a.speaker.lower() in _PERSONAL:
                ref = _named_before(doc, q, last_named, known)
                if ref is not None:
                    found = (ref[0], ref[1], i)
        elif a is None:
            found = _opening_continuation(doc, quotes, out, i)
            if found is None:
                found = _introduced(doc, q, known, i)
        if found is not None:
            out[i] = found
            if found[1][:1].isupper():
                known[found[0]] = found[1]
    return out


def _introduced(doc: "Document", q: "Quote", known: dict[str, str], i: int) -> tuple[str, str, int] | None:
    """A quotation introduced with a colon by someone already quoted by name:
    ``Mr Hrytsenko repeated his pledge: "..."``."""
    text = doc.text
    block = doc.blocks[q.block]
    lead = text[max(block.start, q.start - 200) : q.start].rstrip()
    if not lead.endswith(":"):
        return None
    lead = re.split(r"[.!?][\"'’”]?\s+", lead)[-1]  # the sentence leading in
    for m in reversed(list(_CAPITALISED.finditer(lead))):
        key = _surname(m.group())
        if key in known:
            return key, known[key], i
    return None


def _named_before(doc: "Document", q: "Quote", last_named, known: dict[str, str]) -> tuple[str, str] | None:
    """The person a pronoun attribution refers to: the one last named in this
    paragraph or the one before, as speaking (in an attribution or as "Name said
    ...") or, outside quotations, as someone already quoted by name ("Mr Lavrov
    later repeated his warning at a news conference.")."""
    text = doc.text
    block = doc.blocks[q.block]
    lo = doc.blocks[q.block - 1].start if q.block > 0 else block.start
    best: tuple[int, str, str] | None = None
    if last_named is not None and last_named[0] >= lo:
        best = last_named
    lo = max(lo, q.start - NAME_REACH)
    for m in _NAME_SAID.finditer(text, lo, q.start):
        if best is None or m.start() > best[0]:
            best = (m.start(), _surname(m.group(1)), m.group(1))
    if known:
        for m in _CAPITALISED.finditer(text, max(lo, best[0] + 1) if best is not None else lo, q.start):
            key = _surname(m.group())
            if key in known and not doc.in_quote(m.start()):
                best = (m.start(), key, known[key])
    if best is None or not best[1] or best[1] in STOPWORDS:
        return None
    return best[1], best[2]


def _opening_continuation(doc, quotes, speakers, i) -> tuple[str, str, int] | None:
    """An unattributed quotation opening its paragraph, right after a paragraph
    with a quotation whose speaker is known, continues that speaker's statement."""
    q = quotes[i]
    block = doc.blocks[q.block]
    if doc.text[block.start : q.start].strip() or q.block == 0:
        return None
    for j in range(i - 1, -1, -1):
        p = quotes[j]
        if p.block < q.block - 1:
            break
        if p.block == q.block - 1 and p.parent is None and j in speakers:
            return speakers[j]
    return None


# -- comparing ---------------------------------------------------------------------


class _Sentence:
    __slots__ = ("words", "caps", "content", "stems", "n_caps")

    def __init__(self, text: str | None):
        if text is None:
            return
        raw = _WORD.findall(text)
        self.words = [w.lower() for w in raw]
        self.caps = [w[:1].isupper() for w in raw]
        self._index()

    def _index(self) -> None:
        # (position in words, word) of the content words
        self.content = [(k, w) for k, w in enumerate(self.words) if w not in STOPWORDS and not w.isdigit()]
        self.stems = {_stem(w) for _, w in self.content}
        self.n_caps = sum(1 for k, _ in self.content if self.caps[k])

    def joined(self, other: "_Sentence") -> "_Sentence":
        """This sentence and ``other`` read as one."""
        out = _Sentence(None)
        out.words = self.words + other.words
        out.caps = self.caps + other.caps
        out._index()
        return out


def _same_word(a: str, a_cap: bool, b: str, b_cap: bool) -> bool:
    if a == b:
        return True
    # names spelt differently: Kiev/Kyiv, Zelensky/Zelenskyy, Gaddafi/Qaddafi
    if not (a_cap and b_cap) or len(a) < 4 or len(b) < 4:
        return False
    return _indel().normalized_similarity(a, b) >= 0.75


_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    """A crude stem, enough to match "work" and "working", "sound" and "sounded"."""
    stem = _STEMS.get(word)
    if stem is None:
        stem = _SUFFIX.sub("", word) if len(word) > 4 else word
        if len(_STEMS) < 100_000:
            _STEMS[word] = stem
    return stem


def _matched(short: _Sentence, other: _Sentence) -> int:
    """How many content words of ``short`` have a counterpart among those of
    ``other`` (each counterpart used once): the same word or stem, or a name spelt
    differently."""
    pool = [(_stem(w), other.caps[k], w) for k, w in other.content]
    used = [False] * len(pool)
    n = 0
    for k, w in short.content:
        sw, cap = _stem(w), short.caps[k]
        for p, (ow, ocap, raw) in enumerate(pool):
            if not used[p] and (ow == sw or (cap and ocap and _same_word(w, True, raw, True))):
                used[p] = True
                n += 1
                break
    return n


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _units(text: str) -> list[tuple[_Sentence, bool]]:
    """What of quotation ``text`` is compared: its sentences, and each two
    sentences in a row (one version of a remark may split a sentence of the
    other in two), as (sentence, is a pair); those with fewer than four content
    words are left out."""
    sents = [_Sentence(s) for s in _SENTENCE_SPLIT.split(text)]
    out = [(x, False) for x in sents if len(x.content) >= 4]
    for x, y in zip(sents, sents[1:]):
        if x.content and y.content:
            out.append((x.joined(y), True))
    return out


def variant_score(a_text: str, b_text: str, threshold: float) -> float:
    """How far quotation ``b_text`` rewords ``a_text``: the best share of a
    sentence's content words found in a sentence of the other quotation (the
    sentence with fewer content words is measured), over pairs of sentences with
    at least four such words in common; 0.0 when no pair reaches ``threshold``.
    Two sentences in a row count as one sentence when compared with a single
    sentence of the other quotation."""
    return _score(_units(a_text), _units(b_text), threshold)


def _score(a_units, b_units, threshold: float) -> float:
    best = 0.0
    for x, x_pair in a_units:
        for y, y_pair in b_units:
            if x_pair and y_pair:
                continue
            short, other = (x, y) if len(x.content) <= len(y.content) else (y, x)
            need = max(4, threshold * len(short.content))
            # a cheap bound first: shared stems plus names that may be spelt
            # differently
            if len(short.stems & other.stems) + min(short.n_caps, other.n_caps) < need:
                continue
            n = _matched(short, other)
            share = n / len(short.content)
            if n >= need and share > best:
                best = share
    return best


def _variants(rule: QuoteVariant, doc: "Document", quotes: list["Quote"]) -> Iterator:
    speakers = _speakers(doc, quotes)
    min_words = rule.opts["min-words"]
    threshold = rule.opts["threshold"]
    budget = MAX_SENTENCE_PAIRS
    groups: dict[str, list[int]] = {}
    for i, (key, _, _) in speakers.items():
        groups.setdefault(key, []).append(i)
    for _key, members in groups.items():
        if len(members) < 2:
            continue
        items = []
        for i in members:
            text = quotes[i].text(doc)[:MAX_QUOTE_CHARS]
            words = normalise(text).split()
            if len(words) >= min_words:
                units = _units(text)
                # for a cheap bound on any two units: the stems of all, and the
                # most capitalised words (names that may be spelt differently)
                stems = set().union(*(u.stems for u, _ in units))
                caps = max((u.n_caps for u, _ in units), default=0)
                items.append((i, words, units, _SELF_REPORT.search(text) is not None, stems, caps))
        for jj in range(1, len(items)):
            j, wj, uj, self_j, stems_j, caps_j = items[jj]
            qj = quotes[j]
            if not uj:
                continue
            for ii in range(max(0, jj - MAX_EARLIER), jj):
                i, wi, ui, self_i, stems_i, caps_i = items[ii]
                qi = quotes[i]
                if not ui or len(stems_i & stems_j) + min(caps_i, caps_j) < 4:
                    continue  # no two sentences can have four words in common
                if qi.block == qj.block or speakers[i][2] == speakers[j][2]:
                    continue
                if wi == wj:
                    continue
                short, long = (wi, wj) if len(wi) <= len(wj) else (wj, wi)
                if _is_subsequence(short, long):
                    continue  # quoted again in part, word for word
                budget -= len(ui) * len(uj)
                if budget < 0:
                    return
                score = _score(ui, uj, threshold)
                if not score or self_i or self_j:
                    # a speaker who says "I said ..." reports their own words
                    continue
                line = doc.line_of(qi.start)
                name = _display_name(speakers, i, j)
                msg = (
                    f"'{snippet(qj.text(doc))}' (line {doc.line_of(qj.start)}) and "
                    f"'{snippet(qi.text(doc))}' (line {line}) look like the same remark "
                    f"by {name} in different words; one of them is a misquote, check "
                    f"both against the source"
                )
                yield rule.report(
                    qj.start,
                    qj.end,
                    msg,
                    related=[Related(qi.start, qi.end, "The other version of the quotation")],
                    data={"other_line": line, "speaker": name, "match": round(score, 2)},
                )
                break


def _display_name(speakers, i: int, j: int) -> str:
    """The fullest name written for the speaker of quotations ``i`` and ``j``."""
    names = [speakers[i][1], speakers[j][1]]
    names.sort(key=len, reverse=True)
    name = names[0]
    if name[:1].islower():
        return name if name.startswith(("the ", "a ")) else f"the {name}"
    return name
