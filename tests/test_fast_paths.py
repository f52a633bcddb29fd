"""The shared hot paths give what their plain definitions give.

Readability figures count a block's words sentence by sentence, words are built
without a Python-level call per match, and so on; each test here states the plain
definition and checks the fast path against it on generated text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import readability as R
from newslint.analysis.text import _BOUNDARY, WORD_RE
from newslint.api import parse

# prose-like text: letters (some accented), digits, apostrophes, hyphens, full
# stops and other sentence marks, quotation marks, brackets, spaces, line breaks
# and blank lines (paragraph breaks)
_PIECES = st.sampled_from([
    "the", "The", "cat", "Mr", "U.S", "1.5", "£2m", "don't", "well-known", "café", "Zoë", "x",
    "BBC", "it’s", "_", "—", ".", ". ", "! ", "? ", "… ", ", ", "'", "\"", "“", "”", "(", ")",
    " ", "  ", "\n", "\n\n", "\t", "A.", "J. ", "\u00a0",
])
TEXTS = st.lists(_PIECES, max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_block_figures_count_what_the_word_pattern_finds(body):
    doc = parse("Headline\n\n" + body + "\n")
    text = doc.text
    for bf in R.block_figures(doc):
        b = bf.block
        words = WORD_RE.findall(text, b.start, b.end)
        assert bf.figures.words == len(words)
        assert bf.figures.syllables == sum(R.syllables(w) for w in words)
        spans = [(s.start, s.end) for s in doc.sentences if s.block == b.index]
        with_words = [(s, e) for s, e in spans if WORD_RE.search(text, s, e)]
        assert bf.figures.sentences == len(with_words)
        assert list(bf.sentence_spans) == with_words
        assert list(bf.sentences) == [(s, e, len(WORD_RE.findall(text, s, e))) for s, e in with_words]


# A sentence boundary as first written: the mark run's first mark checked before
# it is read.  The pattern in use checks it after reading the first mark (so the
# search can skip ahead to a mark); it must find the same boundaries.
_BOUNDARY_PLAIN = re.compile(r"""(?<![.!?…])([.!?…]+)(['"’”)\]]*)(\s+)(?=['"‘“(\[]?[^\W_a-z])""")


def _spans(pattern: re.Pattern[str], text: str, pos: int) -> list[tuple[tuple[int, int], ...]]:
    return [(m.span(), m.span(1), m.span(2), m.span(3)) for m in pattern.finditer(text, pos)]


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=40))
def test_sentence_boundaries_match_the_plain_pattern(text, pos):
    assert _spans(_BOUNDARY, text, pos) == _spans(_BOUNDARY_PLAIN, text, pos)
