"""Readability figures: syllables, Flesch reading ease, Flesch-Kincaid grade.

Shared by the readability rules (NL401-NL403) and ``newslint stats``.

Syllables are counted by newslint itself, offline: spelling rules for English
vowel groups plus a small table of words those rules get wrong, with a
per-word cache (counting is where the time goes; a word is counted once per
process).  The formulas are the standard ones that textstat implements::

    reading ease = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
    grade        = 0.39 * words/sentences + 11.8 * syllables/words - 15.59

:func:`textstat_offline` puts the same syllable counter behind textstat's own
API (textstat 0.7 otherwise downloads NLTK's CMU dictionary on first use, which
fails without a network), for the extra indices ``newslint stats --format json``
reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .analysis.text import WORD_RE
from .stash import StashKey

if TYPE_CHECKING:  # pragma: no cover
    from .document import Block, Document


#: Average silent reading speed for non-fiction, words per minute (Brysbaert 2019).
WORDS_PER_MINUTE = 238

#: Block kinds that are prose readers read as running text.
PROSE_KINDS = frozenset({"paragraph", "blockquote", "list-item"})
#: Block kinds left out of story figures (not part of the reading).
NON_STORY_KINDS = frozenset({"byline", "dateline", "table-cell"})

# -- syllables ------------------------------------------------------------------------

# Words the spelling rules below get wrong: frequent words of news copy, with
# their syllable count in standard pronunciation.
_EXCEPTIONS: dict[str, int] = {
    "mr": 2, "mrs": 2, "dr": 2, "ms": 1, "st": 1, "jr": 2, "sr": 2, "vs": 2,
    "one": 1, "ones": 1, "once": 1, "every": 2, "business": 2, "businesses": 3,
    "people": 2, "peoples": 2, "real": 1, "really": 2, "poem": 2, "poems": 2,
    "poet": 2, "poetry": 3, "naive": 2, "science": 2, "sciences": 3, "scientist": 3,
    "scientists": 3, "scientific": 4, "giant": 2, "giants": 2, "lion": 2, "lions": 2,
    "parliament": 3, "parliaments": 3, "parliamentary": 5, "friend": 1, "friends": 1,
    "friendly": 2, "friendship": 2, "senior": 2, "junior": 2, "behaviour": 3,
    "behavior": 3, "marriage": 2, "element": 3, "elements": 3, "implement": 3,
    "implemented": 4, "implementing": 4, "implements": 3, "argue": 2, "argued": 2,
    "argues": 2, "ageing": 2, "chaos": 2, "cruel": 2, "create": 2, "created": 3,
    "creates": 2, "creating": 3, "creation": 3, "creative": 3, "creator": 3,
    "creators": 3, "coalition": 4, "cooperation": 5, "cooperate": 4, "coordinate": 4,
    "reuters": 2, "whereas": 2, "hour": 2, "hours": 2, "fire": 2, "fires": 2,
    "quiet": 2, "diet": 2, "ruin": 2, "fluid": 2, "suicide": 3, "israel": 2,
    "michael": 2, "european": 4, "europeans": 4, "george": 1, "georgia": 2,
    "seriously": 4, "area": 3, "areas": 3, "idea": 3, "ideas": 3, "via": 2,
    "evening": 2, "evenings": 2, "wednesday": 2, "elsewhere": 2, "guideline": 2,
    "guidelines": 2, "maybe": 2, "persuade": 2, "persuaded": 3, "fuelled": 2,
    "nevertheless": 4, "nonetheless": 3, "cooper": 2, "reach": 1, "reached": 1,
    "reaches": 2, "reaching": 2, "nuclear": 3, "genuine": 3, "genuinely": 4,
    "entirely": 4, "initiative": 4, "initiatives": 4, "arguing": 3,
}

# Compound heads that end in a silent e (someone, takeover, forecast).
_HEADS = re.compile(
    r"^(some|fore|take|share|spokes|life|time|home|house|base|where|there|here|make|"
    r"care|side|safe|wide|like|name|line|store|stake|whole|nine|five|state|gate|lone|"
    r"hope|more|score|price|rate|any|every|note|game|case|fire|face|space|place|"
    r"wine|phone|pipe|smoke|stone|tribe|grave|eye|tele)(?=[bcdfghjklmnpqrstvwxz]|o[bcdfghjklmnpqrstvwxz][^aeiouy]*e?r?$|one|over|ever)"
)
_Y_CONSONANT = re.compile(r"(?:(?<=^)|(?<=[aeiou]))y(?=[aeiou])")
_QU_GU = re.compile(r"(?<=q)u|(?<=g)u(?=[aeio])")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs spoken as two syllables: medi-a, radi-o, premi-um, actu-al,
# vide-o, seri-ous, earli-er, qui-et, audi-ence, muse-um, cre-ate.
_SPLITS = re.compile(
    r"(?<![cstgxl])ia(?!ge)|(?<=[ct])ia(?=t)|(?<=l)ia(?=nce)|ue(?=n[ct])"
    r"|(?<=[^cstgxlnh])io|(?<=[ln])io(?!ns?$)|(?<=[cstgx])io(?=r|d|ns?t)"
    r"|iu|(?<![q])ua|uo|uou"
    r"|(?<!peopl)(?<!g)(?<!ch)eo(?!us)|(?<=g)eo(?=g|l|m|ph)"
    r"|(?<=[^cgtx])iou"
    r"|(?<=[a-z])ie(?=rs?$|st$|t)|(?<=[^ct])ie(?=n[ct])|(?<=sc)ie(?=n)"
    r"|(?<=[a-z])ea$|eum"
)
_SILENT_E = re.compile(r"[^aeiouy]e$")
_KEEP_E = re.compile(r"(?:[^aeiouyl]le|[^aeiouyr]re|ire|[^qg]ue|[aeiouy]e)$")
_SILENT_ES = re.compile(r"[^aeiouysxzcg]es$|(?:que|gue)s$")
_KEEP_ES = re.compile(r"(?:[^aeiouyl]les|[^aeiouyr]res|ches|shes|ires)$")
_SILENT_ED = re.compile(r"(?:[aeiouyl]l|[^aeiouytdl])ed$")
_SILENT_SUFFIX_E = re.compile(r"(?<![^aeiouy]l)(?<=[bcdfghjklmnpqrstvwxz])e(?:ly|ful|ment|ments|ness|less)$")


# (re-o and de-o are split by the "eo" pair above)
_PREFIX_VOWEL = re.compile(r"^(?:re(?:act|alis|aliz|alit|el|en[gt]|ass|u[nps])|preempt|deesc|co(?:op|ord))")


def _count_letters(w: str, apostrophe: bool = False) -> int:
    """Syllables of a lower-case run of ASCII letters, by spelling rules."""
    n = _EXCEPTIONS.get(w)
    if n is not None:
        return n
    m = _HEADS.match(w)
    if m is not None and len(w) - m.end() >= 2 and _VOWEL_GROUPS.search(w, m.end()):
        head = m.group(1)
        return _HEAD_SYLLABLES.get(head, 1) + _count_letters(w[m.end():], apostrophe)
    t = _QU_GU.sub("w", _Y_CONSONANT.sub("j", w))
    count = len(_VOWEL_GROUPS.findall(t))
    if count == 0:
        return 1
    count += len(_SPLITS.findall(t))
    if count > 1:
        if t.endswith("e"):
            if _SILENT_E.search(t) or t.endswith(("que", "gue")):
                if not _KEEP_E.search(t):
                    count -= 1
        elif t.endswith("es"):
            if _SILENT_ES.search(t) and not _KEEP_ES.search(t):
                count -= 1
        elif t.endswith("ed"):
            if _SILENT_ED.search(t) and not t.endswith("ired"):
                count -= 1
        elif len(t) > 5 and _SILENT_SUFFIX_E.search(t):
            count -= 1
    # "-ing" after a vowel is a syllable of its own: go-ing, be-ing, continu-ing
    if t.endswith(("ing", "ings")):
        i = len(t) - (4 if t.endswith("ing") else 5)
        if i >= 0 and t[i] in "aeiouy" and not t.endswith(("eing", "eings")) or t.endswith(("eeing", "eeings")):
            count += 1
        elif t.endswith(("eing", "eings")) and i >= 1 and t[i - 1] not in "gc":
            count += 1
    # "-ism", "-asm", "rhythm": a syllabic m
    if t.endswith(("sm", "sms", "thm", "thms")):
        count += 1
    # prefixes before a vowel: re-open, re-act, co-operate
    if _PREFIX_VOWEL.match(t):
        count += 1
    # "-ically" is spoken "-ick-lee"
    if t.endswith("ically"):
        count -= 1
    # the syllabic n of isn't, doesn't, couldn't
    if t.endswith(("snt", "dnt", "znt")) and count >= 1 and apostrophe:
        count += 1
    if t.startswith("mc") and len(t) > 3:
        count += 1
    return max(1, count)


_HEAD_SYLLABLES = {"any": 2, "every": 2, "tele": 2, "eye": 1}


def _strip_accents(w: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


_cache: dict[str, int] = {}
_CACHE_LIMIT = 200_000
_PARTS = re.compile(r"[-.’']")
_LETTER_RUNS = re.compile(r"[a-z]+")


def syllables(word: str) -> int:
    """Syllables in one word token (as :func:`newslint.analysis.text.find_words` makes).

    Acronyms of two or three capitals (BBC, EU) and words without vowels
    (HSBC) are spelt out letter by letter; hyphenated words count each part;
    a group of digits counts as one.  Results are cached per word.
    """
    n = _cache.get(word)
    if n is not None:
        return n
    n = _count_word(word)
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[word] = n
    return n


def _count_word(word: str) -> int:
    if word.endswith(("'s", "’s")) and word[:-2].isupper() and word[:-2].isalpha():
        return _count_word(word[:-2]) + (1 if word[-3] in "SXZ" else 0)
    base = word[:-1] if word.endswith("s") and len(word) > 2 and word[:-1].isupper() else word
    if base.isupper() and base.isalpha() and (len(base) <= 3 or not _has_vowel(base.lower())):
        if len(base) <= 5:
            return sum(3 if c == "W" else 1 for c in base)
    w = word.lower()
    accent_e = w.endswith(("é", "és", "éd"))
    if not w.isascii():
        w = _strip_accents(w)
    if "-" in w or "." in w:
        return max(1, sum(_count_word(p) for p in re.split(r"[-.]", word) if p))
    w = w.replace("’", "'")
    extra = 0
    if w.endswith("'s"):
        w = w[:-2]
        if w.endswith(("s", "x", "z", "ch", "sh", "ce", "ge")):
            extra = 1
    apostrophe = "'" in w
    w = w.replace("'", "")
    extra += accent_e
    n = _EXCEPTIONS.get(w)
    if n is not None:
        return n + extra
    if not w.isalpha() or not w.isascii():
        if any(c.isdigit() for c in w):
            return 1 + extra
        runs = _LETTER_RUNS.findall(w)
        return max(1, sum(_count_letters(r) for r in runs)) + extra
    return _count_letters(w, apostrophe) + extra


def _has_vowel(w: str) -> bool:
    return any(c in "aeiouy" for c in w)


# -- figures ------------------------------------------------------------------------------


def reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    """Flesch reading ease (higher is easier; 60-70 is plain English)."""
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


def grade_level(words: int, sentences: int, syllable_count: int) -> float:
    """Flesch-Kincaid grade level (US school grade)."""
    if not words or not sentences:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllable_count / words) - 15.59


@dataclass(frozen=True)
class Figures:
    """Counts for a run of text and the scores they give."""

    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        return reading_ease(self.words, self.sentences, self.syllables)

    @property
    def grade(self) -> float:
        return grade_level(self.words, self.sentences, self.syllables)

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def reading_time(self) -> float:
        """Seconds, at :data:`WORDS_PER_MINUTE`."""
        return self.words * 60.0 / WORDS_PER_MINUTE

    def __add__(self, other: "Figures") -> "Figures":
        return Figures(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
        )


@dataclass
class BlockFigures:
    """A block's figures; word counts of its sentences on demand."""

    block: "Block"
    figures: Figures
    #: (start, end) of each sentence of the block that has a word.
    sentence_spans: tuple[tuple[int, int], ...]
    _text: str
    _sentence_words: tuple[tuple[int, int, int], ...] | None = None

    @property
    def sentences(self) -> tuple[tuple[int, int, int], ...]:
        """(start, end, word count) for each sentence of the block."""
        if self._sentence_words is None:
            findall, text = WORD_RE.findall, self._text
            self._sentence_words = tuple((s, e, len(findall(text, s, e))) for s, e in self.sentence_spans)
        return self._sentence_words


_FIGURES: StashKey[list[BlockFigures]] = StashKey("readability.block-figures")


def block_figures(doc: "Document") -> list[BlockFigures]:
    """Figures for every block of ``doc`` (computed once per document).

    Words are those of :data:`newslint.analysis.text.WORD_RE`, found sentence by
    sentence (cheaper than building ``doc.words`` when no other rule needs it);
    sentences are ``doc.sentences``.  A block's sentences cover all of it but the
    white space between them, where no word can be, so the block's words are its
    sentences' words, and one pass gives both counts.
    """
    hit = doc.stash.get(_FIGURES)
    if hit is not None:
        return hit
    text = doc.text
    findall = WORD_RE.findall
    by_block: dict[int, list[tuple[int, int, list[str]]]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block, []).append((s.start, s.end, findall(text, s.start, s.end)))
    cache_item = _cache.__getitem__
    out = []
    for b in doc.blocks:
        sentences = by_block.get(b.index, ())
        words = [w for _, _, ws in sentences for w in ws]
        try:  # every word counted before: the common case, at C speed
            syl = sum(map(cache_item, words))
        except KeyError:
            syl = sum(map(syllables, words))
        counted = tuple((start, end, len(ws)) for start, end, ws in sentences if ws)
        spans = tuple((start, end) for start, end, _ in counted)
        out.append(BlockFigures(b, Figures(len(words), len(counted), syl), spans, text, counted))
    doc.stash[_FIGURES] = out
    return out


def story_figures(doc: "Document") -> Figures:
    """Figures for the story: every block but bylines, datelines and table cells."""
    total = Figures(0, 0, 0)
    for bf in block_figures(doc):
        if bf.block.kind not in NON_STORY_KINDS:
            total = total + bf.figures
    return total


# -- textstat -------------------------------------------------------------------------------


class _SyllableTable:
    """Looks like the CMU dictionary to textstat: ``table[word][0]`` is a list of
    phones, one stressed vowel per syllable."""

    def __getitem__(self, word: str) -> list[list[str]]:
        if not word or not any(c.isalpha() for c in word):
            raise KeyError(word)
        return [["A1"] * syllables(word)]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and any(c.isalpha() for c in word)


_textstat: Any = None


def textstat_offline() -> Any:
    """textstat's ``textstat`` object, counting syllables with :func:`syllables`.

    textstat 0.7 looks words up in NLTK's CMU dictionary, which it downloads on
    first use (and fails without a network).  This hands it newslint's counter
    instead, so nothing is downloaded.  Returns None when textstat is missing
    or its internals have changed (the extra indices are then left out).
    """
    global _textstat
    if _textstat is not None:
        return _textstat or None
    try:
        import textstat
        from textstat.backend.counts import _count_syllables as cs
    except Exception:  # noqa: BLE001 - textstat missing or reorganised
        _textstat = False
        return None
    if not hasattr(cs, "get_cmudict"):
        _textstat = False
        return None
    table = _SyllableTable()
    cs.get_cmudict = lambda lang: table
    _textstat = textstat.textstat
    return _textstat


def textstat_indices(text: str) -> dict[str, float] | None:
    """Other readability indices from textstat for ``text`` (offline), or None."""
    ts = textstat_offline()
    if ts is None:
        return None
    return {
        "gunning_fog": round(ts.gunning_fog(text), 2),
        "smog_index": round(ts.smog_index(text), 2),
        "coleman_liau_index": round(ts.coleman_liau_index(text), 2),
        "automated_readability_index": round(ts.automated_readability_index(text), 2),
        "dale_chall_readability_score": round(ts.dale_chall_readability_score(text), 2),
    }


def describe_ease(score: float) -> str:
    """Flesch's own bands for a reading-ease score."""
    for limit, label in (
        (90, "very easy"),
        (80, "easy"),
        (70, "fairly easy"),
        (60, "plain English"),
        (50, "fairly difficult"),
        (30, "difficult"),
    ):
        if score >= limit:
            return label
    return "very difficult"


def excerpt(text: str, max_words: int = 8) -> str:
    """The first ``max_words`` words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    if len(parts) <= max_words:
        return " ".join(parts)
    return " ".join(parts[:max_words]) + "…"


__all__: list[str] = [
    "Figures",
    "BlockFigures",
    "block_figures",
    "story_figures",
    "syllables",
    "reading_ease",
    "grade_level",
    "textstat_offline",
    "textstat_indices",
    "describe_ease",
    "excerpt",
]
