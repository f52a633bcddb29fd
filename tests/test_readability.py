"""Syllable counting, the readability figures and the NL401-NL403 rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import readability as R
from newslint.api import check_text, parse

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "bbc"

# Syllable counts in standard English pronunciation.
KNOWN = {
    "cat": 1, "the": 1, "make": 1, "makes": 1, "hoped": 1, "wanted": 2, "boxes": 2,
    "changes": 2, "table": 2, "tables": 2, "centre": 2, "people": 2, "being": 2,
    "going": 2, "playing": 2, "trying": 2, "player": 2, "every": 2, "business": 2,
    "media": 3, "radio": 3, "video": 3, "period": 3, "actual": 3, "usual": 3,
    "serious": 3, "various": 3, "earlier": 3, "quiet": 2, "society": 4,
    "nation": 2, "election": 3, "information": 4, "religious": 3, "question": 2,
    "quarter": 2, "language": 2, "league": 1, "unique": 2, "value": 2, "issue": 2,
    "continue": 3, "revenue": 3, "someone": 2, "forecast": 2, "takeover": 3,
    "statement": 2, "movement": 2, "lately": 2, "careful": 2, "government": 3,
    "tourism": 3, "rhythm": 2, "called": 1, "troubled": 2, "retired": 3,
    "don't": 1, "isn't": 2, "doesn't": 2, "it's": 1, "company's": 3, "boss's": 2,
    "yes": 1, "beyond": 2, "employee": 3, "area": 3, "idea": 3, "create": 2,
    "created": 3, "reopen": 3, "react": 2, "fire": 2, "entire": 3, "science": 2,
    "audience": 3, "patient": 2, "indian": 3, "russian": 2, "asia": 2,
}


@pytest.mark.parametrize("word,expected", sorted(KNOWN.items()))
def test_syllables_of_known_words(word, expected):
    assert R.syllables(word) == expected


@pytest.mark.parametrize(
    "word,expected",
    [("BBC", 3), ("EU", 2), ("WTO", 5), ("HSBC", 4), ("NATO", 2), ("PCs", 2), ("BBC's", 3),
     ("well-known", 2), ("2004", 1), ("1.5", 2), ("Mr", 2), ("café", 2), ("Ukraine's", 2)],
)
def test_syllables_of_tokens(word, expected):
    assert R.syllables(word) == expected


def test_syllables_are_cached():
    R._cache.pop("inconsequential", None)
    n = R.syllables("inconsequential")
    assert R._cache["inconsequential"] == n == 5


def test_every_word_has_at_least_one_syllable():
    for w in ("x", "hmm", "zzz", "Ł", "ß", "nth", "'s", "я", "日本"):
        assert R.syllables(w) >= 1


def test_formulas_match_the_published_constants():
    # 100 words, 5 sentences, 150 syllables
    assert R.grade_level(100, 5, 150) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert R.reading_ease(100, 5, 150) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert R.grade_level(0, 0, 0) == 0.0 and R.reading_ease(10, 0, 10) == 0.0


def test_block_figures_counts_words_sentences_and_syllables():
    doc = parse("Cats and dogs\n\nThe cat sat. The dog ran away quickly.\n\nBy Ann Lee\n")
    figs = R.block_figures(doc)
    body = [f for f in figs if f.block.kind == "paragraph"][0]
    assert body.figures.words == 8
    assert body.figures.sentences == 2
    assert body.figures.syllables == 1 + 1 + 1 + 1 + 1 + 1 + 2 + 2
    assert [w for _, _, w in body.sentences] == [3, 5]
    # computed once per document
    assert R.block_figures(doc) is figs
    story = R.story_figures(doc)
    assert story.words == 3 + 8  # the byline is not part of the story
    assert story.reading_time == pytest.approx(11 * 60 / R.WORDS_PER_MINUTE)


def test_sentence_ending_in_an_amount_is_a_sentence_end():
    doc = parse("Title\n\nRepairs cost £2m. The first boat left at dawn.\n")
    body = [f for f in R.block_figures(doc) if f.block.kind == "paragraph"][0]
    assert [w for _, _, w in body.sentences] == [3, 6]


def _body(words: int) -> str:
    return "Word " + " ".join(["word"] * (words - 1)) + "."


def test_long_sentence_reports_the_sentence_with_its_count():
    src = f"Headline\n\nShort one. {_body(41)} Another short one.\n"
    found = [f for f in check_text(src, config={"select": ["long-sentence"]})]
    assert len(found) == 1
    f = found[0]
    assert f.code == "NL401" and f.name == "long-sentence"
    assert f.flagged == _body(41)
    assert "41 words" in f.message and "limit 40" in f.message
    assert f.data["words"] == 41


def test_long_sentence_ignores_headlines_and_captions():
    src = f"{' '.join(['Big'] * 45)}\n\nA short paragraph.\n"
    assert check_text(src, config={"select": ["long-sentence"]}) == []


def test_long_paragraph_and_option():
    para = " ".join(["Ten words make one sentence in this test paragraph here."] * 9)
    src = f"Headline\n\n{para}\n"
    found = check_text(src, config={"select": ["long-paragraph"]})
    assert [f.name for f in found] == ["long-paragraph"]
    assert "90 words in 9 sentences" in found[0].message
    assert found[0].flagged == para
    relaxed = {"select": ["long-paragraph"], "rules": {"long-paragraph": {"max-words": 90}}}
    assert check_text(src, config=relaxed) == []


def test_hard_to_read_needs_enough_words():
    hard = ("Comprehensive organisational restructuring necessitates unprecedented "
            "interdepartmental coordination regarding administrative responsibilities")
    short = f"Headline\n\n{hard}.\n"
    assert check_text(short, config={"select": ["hard-to-read"]}) == []
    long = f"Headline\n\n{hard}, institutional accountability, operational sustainability and " \
           f"governmental modernisation initiatives throughout the organisation's " \
           f"international operational infrastructure and institutional relationships.\n"
    found = check_text(long, config={"select": ["hard-to-read"]})
    assert [f.name for f in found] == ["hard-to-read"]
    assert found[0].data["grade"] > 16
    assert "Flesch-Kincaid" in found[0].message


def test_plain_copy_is_not_hard_to_read():
    plain = " ".join(["The man went to the shop to buy some bread and milk for his tea."] * 3)
    assert check_text(f"Headline\n\n{plain}\n", config={"select": ["hard-to-read"]}) == []


def test_readability_rules_are_on_by_default():
    from newslint.registry import default_registry

    reg = default_registry()
    for name in ("long-sentence", "long-paragraph", "hard-to-read"):
        rule = reg.lookup(name)
        assert rule is not None and rule.default_enabled and rule.category == "readability"
        assert rule.docs().startswith("Flags")


def test_figures_agree_with_textstat_given_the_same_syllables():
    ts = R.textstat_offline()
    if ts is None:
        pytest.skip("textstat is not installed")
    text = ("The council met on Tuesday to discuss the budget. Members argued about the "
            "library plan for several hours. The vote will take place next week after "
            "further consultation with residents.")
    doc = parse(f"Headline\n\n{text}\n")
    fig = [f for f in R.block_figures(doc) if f.block.kind == "paragraph"][0].figures
    assert fig.syllables == ts.syllable_count(text)
    assert fig.grade == pytest.approx(ts.flesch_kincaid_grade(text))
    assert fig.reading_ease == pytest.approx(ts.flesch_reading_ease(text))


# -- the BBC corpus (skipped when ../shared is absent) -----------------------------------------

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/bbc is absent")


def _corpus_docs(limit: int | None = None):
    from newslint.engine import parse_document
    from newslint.registry import default_registry

    reg = default_registry()
    paths = sorted(CORPUS.glob("*.txt"))[:limit]
    return [parse_document(p.read_text(encoding="utf-8"), str(p), reg) for p in paths]


@needs_corpus
def test_long_sentence_flags_few_sentences_of_edited_copy():
    docs = _corpus_docs(300)
    sentences = flagged = 0
    for d in docs:
        for bf in R.block_figures(d):
            if bf.block.kind in R.PROSE_KINDS:
                sentences += len(bf.sentences)
                flagged += sum(1 for _, _, w in bf.sentences if w > 40)
    assert sentences > 1000
    assert flagged / sentences < 0.03


@needs_corpus
def test_syllable_counter_agrees_with_textstat_scale_on_corpus_words():
    # Average syllables per word in edited English news is about 1.5; a counter
    # that is badly off shows up here.
    docs = _corpus_docs(200)
    fig = R.Figures(0, 0, 0)
    for d in docs:
        fig = fig + R.story_figures(d)
    assert 1.4 < fig.syllables_per_word < 1.7
