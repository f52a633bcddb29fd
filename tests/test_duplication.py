"""The duplication rules (NL301-NL304) beyond their fixtures: the shared seed
article, related locations in JSON and SARIF, the similarity search, a generated
live blog, and the pieces messages are built from."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest

from newslint.analysis.similarity import (
    caption_core,
    compile_patterns,
    differences,
    how_alike,
    key_of,
    normalise,
    similar_pairs,
)
from newslint.api import check_text, parse
from newslint.output import OutputContext
from newslint.output.formats import render_sarif
from newslint.registry import default_registry
from newslint_rules.duplication import RULES
from newslint_rules.duplication.quote_variant import variant_score

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_93e2d691004df282.txt"
NL3 = {"select": ["NL3"]}


def lines(findings, code):
    return [(f.start.line, [r.start.line for r in f.related]) for f in findings if f.code == code]


# -- the shared real article ------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not available")
def test_seed_article():
    findings = check_text(SEED.read_text(encoding="utf-8"), config=NL3)
    # the caption on line 22 stands again as a paragraph on line 30, with a full stop
    assert lines(findings, "NL301") == [(30, [22])]
    assert lines(findings, "NL303") == []  # the pair is reported once, by NL301
    assert lines(findings, "NL302") == []
    # two translations of Lavrov's remarks: 40/52 and 42/54
    assert lines(findings, "NL304") == [(52, [40]), (54, [42])]
    for f in findings:
        if f.code == "NL304":
            assert "misquote" in f.message and "Lavrov" in f.message
            assert f"line {f.start.line}" in f.message and f"line {f.related[0].start.line}" in f.message


def _seed_quote(line: int) -> str:
    """The words of the quotation on ``line`` of the seed article (read at test time)."""
    text = SEED.read_text(encoding="utf-8").splitlines()[line - 1]
    assert text.startswith("'")
    return text[1:].split(".")[0].split(",'")[0]  # its first sentence


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not available")
@pytest.mark.parametrize("between", ["", "Mr Lavrov later repeated his warning at a news conference.\n\n"])
def test_seed_translations_with_a_paragraph_between(between):
    first, second = _seed_quote(40), _seed_quote(52)
    assert "Kiev" in first and "Kyiv" in second
    story = (
        f"Title\n\n'{first},' Lavrov told reporters.\n\n{between}'{second},' he said.\n"
    )
    findings = check_text(story, config=NL3)
    assert [(f.code, f.related[0].message) for f in findings] == [("NL304", "The other version of the quotation")]


# -- related locations in JSON and SARIF -----------------------------------------------

STORY = """\
Ferry operator reports annual loss

The ferry operator Northline said on Thursday that it had made a loss of $112 million in the year to March, blaming fuel costs.

Its shares fell 4% in early trading.

The ferry operator Northline said on Thursday that it had made a loss of $121 million in the year to March, blaming fuel costs.
"""


def test_near_repeat_names_the_changed_figure():
    (f,) = check_text(STORY, config=NL3)
    assert (f.code, f.start.line, f.related[0].start.line) == ("NL301", 7, 3)
    assert "'$121 million' here, '$112 million' on line 3 (a figure changed)" in f.message
    assert f.fix is None  # a near repeat has no fix: the editor chooses


def test_related_location_in_json_and_sarif():
    (f,) = check_text(STORY, config=NL3, path="story.txt")
    data = f.to_dict()
    assert data["related"] == [
        {"path": "story.txt", "line": 3, "column": 1, "end_line": 3,
         "end_column": len(STORY.splitlines()[2]) + 1, "message": "First copy"}
    ]
    sarif = json.loads(render_sarif([f], OutputContext(default_registry(), ["story.txt"])))
    (result,) = sarif["runs"][0]["results"]
    (rel,) = result["relatedLocations"]
    assert rel["physicalLocation"]["region"]["startLine"] == 3
    assert rel["message"]["text"] == "First copy"


def test_exact_repeat_offers_a_display_only_fix():
    text = "Title here\n\nThe council will meet again on Monday to vote on the plan.\n\nThe council will meet again on Monday to vote on the plan.\n"
    (f,) = check_text(text, config=NL3)
    assert f.code == "NL301" and "word for word" in f.message
    assert str(f.fix.applicability) == "display-only"
    assert f.fix.edits[0].replacement == "" and f.fix.edits[0].start_pos.line == 5


# -- which rule owns a pair ---------------------------------------------------------------

NEAR_PARAGRAPHS = """\
Council approves cycle lanes

Councillors voted by 31 to 9 to build four new cycle lanes across the city centre. Work will start in the spring and last about a year.

Opponents said the lanes would slow buses.

Councillors voted by 31 to 9 to build five new cycle lanes across the city centre. Work will start in the spring and last about a year.
"""


def test_sentences_of_a_repeated_paragraph_are_left_to_nl301():
    findings = check_text(NEAR_PARAGRAPHS, config=NL3)
    assert [(f.code, f.start.line) for f in findings] == [("NL301", 7)]


def test_nl302_reads_nl301_settings():
    # with near repeats off for paragraphs, the identical sentence is NL302's
    config = {"select": ["NL3"], "rules": {"duplicate-paragraph": {"threshold": 1.0}}}
    findings = check_text(NEAR_PARAGRAPHS, config=config)
    assert [(f.code, f.start.line, f.flagged) for f in findings] == [
        ("NL302", 7, "Work will start in the spring and last about a year.")
    ]


def test_paragraph_repeating_a_caption_nearly_whatever_nl303_settings():
    text = (
        "Storm closes road\n\n"
        "Waves broke over the sea wall at Harbour Point as the storm peaked on Monday night\n\n"
        "Residents were told to stay away.\n\n"
        "Waves broke over the sea wall at Harbour Point as the storm peaked on Sunday night.\n"
    )
    for caption_threshold in (0.9, 1.0):
        config = {"select": ["NL3"], "rules": {"duplicate-caption": {"threshold": caption_threshold}}}
        assert lines(check_text(text, config=config), "NL301") == [(7, [3])]


def test_sentence_after_a_possessive_is_compared():
    # "... the council's." ends a sentence: the next one is compared on its own
    text = (
        "Title\n\nThe land was the council's. The bridge will stay closed to traffic until Monday.\n\n"
        "Shops say trade has fallen.\n\nDrivers were warned. The bridge will stay closed to traffic until Monday.\n"
    )
    assert [(f.code, f.start.line, f.related[0].start.line) for f in check_text(text, config=NL3)] == [
        ("NL302", 7, 3)
    ]


def test_boilerplate_and_short_lines_are_not_duplicates():
    credit = "Reporting by Lena Fischer and Tomasz Nowak in the capital; editing by Priya Raman"
    text = "\n\n".join(
        ["Live: election night", "Updated 22:04", credit, "Polls have closed.", "Updated 22:04", credit, "Polls have closed."]
    )
    assert check_text(text, config=NL3) == []
    # the minimum length and the patterns are options
    rules = {"duplicate-caption": {"ignore-patterns": []}, "duplicate-paragraph": {"min-words": 2}}
    found = sorted((f.code, f.start.line) for f in check_text(text, config={"select": ["NL3"], "rules": rules}))
    assert found == [("NL301", 13)]  # the credit line is a byline, which is never compared
    rules["duplicate-paragraph"]["ignore-patterns"] = []
    found = sorted((f.code, f.start.line) for f in check_text(text, config={"select": ["NL3"], "rules": rules}))
    assert found == [("NL301", 9), ("NL301", 13)]


CAPTION = "Rescue teams lift residents from a flooded street in Leven"  # 11 words: exact repeats only


@pytest.mark.parametrize(
    "first",
    [
        CAPTION,
        f"Picture: {CAPTION}",
        f"Photo - {CAPTION}",
        f"{CAPTION} (Getty Images)",
        f"{CAPTION} (Jane Roe/AFP via Getty Images)",
        f"{CAPTION}. Photograph: Jane Roe/Reuters",
        f"{CAPTION} Photograph: Jane Roe/Reuters",
        f"Picture: {CAPTION} (PA Media)",
        f"{CAPTION} – Reuters",
    ],
)
def test_caption_label_and_credit_are_set_aside(first):
    text = (
        f"Floods hit Fife towns\n\n{first}\n\n"
        "River levels rose by two metres overnight, the environment agency said.\n\n"
        f"{CAPTION}\n\nMore rain is forecast for Saturday.\n"
    )
    (f,) = check_text(text, config=NL3)
    assert (f.code, f.start.line, f.related[0].start.line) == ("NL303", 7, 3)
    assert f.flagged == CAPTION and f.related[0].message == "First copy"
    assert "repeats the caption on line 3 (word for word" in f.message
    if first != CAPTION:
        assert ", not counting '" in f.message
    # the same the other way round: the labelled copy comes second
    text = text.replace(first, "@@").replace(CAPTION, first).replace("@@", CAPTION)
    (f,) = check_text(text, config=NL3)
    assert (f.code, f.start.line, f.flagged) == ("NL303", 7, first)


@pytest.mark.parametrize(
    "text, core",
    [
        ("Above: the wreck of the ferry (Photo: Coastguard)", "the wreck of the ferry"),
        ("Crowds gather. Image source, Getty Images", "Crowds gather"),
        ("Crowds gather. Picture by Jane Roe", "Crowds gather"),
        # not credits: a word in brackets, an agency named in the caption, a
        # hyphenated word that starts like a label
        ("Jane Roe (left) talks to residents", "Jane Roe (left) talks to residents"),
        ("Staff at the Reuters office in London", "Staff at the Reuters office in London"),
        ("Video-sharing sites grew fast (Reuters)", "Video-sharing sites grew fast"),
        # a caption that is all credit keeps its words
        ("Picture: Getty Images", "Getty Images"),
    ],
)
def test_caption_core(text, core):
    s, e = caption_core(text)
    assert text[s:e] == core


def test_caption_credit_does_not_make_a_series_alike():
    # two captions of a series, 2 words of 16 changed (87.5% alike, under the
    # 0.9 threshold), would be 91% alike with the shared credit counted
    credit = ". Photograph: Jane Roe for the Example Agency"
    a = "Judges weigh the heaviest marrows entered in the vegetable class at the county show this week"
    b = a.replace("heaviest marrows", "longest leeks")
    text = f"Show\n\n{a}{credit}\n\nEntries were up.\n\n{b}{credit}\n"
    assert check_text(text, config=NL3) == []
    assert [f.code for f in check_text(text.replace(credit, ""), config={
        "select": ["NL3"], "rules": {"duplicate-caption": {"threshold": 0.85}}})] == ["NL303"]


def test_bad_ignore_pattern_is_named():
    with pytest.raises(ValueError, match=r"ignore-patterns: '\(' is not a valid regular expression"):
        compile_patterns(("(",))


# -- the similarity search ----------------------------------------------------------------


def _reference(docs, thresholds):
    """The first earlier sequence at least as similar as the later one's threshold."""
    from rapidfuzz.distance import Indel

    out = {}
    for j in range(len(docs)):
        if thresholds[j] is None:  # only a possible first copy
            continue
        for i in range(j):
            s = Indel.normalized_similarity(docs[i], docs[j])
            if s >= thresholds[j] - 1e-9:
                out[j] = (i, s)
                break
    return out


def _corpus(rng: random.Random, n: int):
    vocab = [f"w{i}" for i in range(300)] + ["the", "of", "a", "and"] * 20
    docs = []
    for _ in range(n):
        if docs and rng.random() < 0.3:
            base = list(rng.choice(docs))
            for _ in range(rng.randint(0, 4)):  # edit a copy a little
                op = rng.random()
                k = rng.randrange(len(base))
                if op < 0.4:
                    base[k] = rng.choice(vocab)
                elif op < 0.7 and len(base) > 2:
                    del base[k]
                else:
                    base.insert(k, rng.choice(vocab))
            docs.append(base)
        else:
            docs.append([rng.choice(vocab) for _ in range(rng.randint(1, 40))])
    return docs


@pytest.mark.parametrize("seed", range(6))
def test_similar_pairs_index_and_pairs_agree_with_brute_force(seed):
    rng = random.Random(seed)
    docs = _corpus(rng, 160)
    mixed = [rng.choice([0.5, 0.7, 0.8, 0.9, 1.0, None]) for _ in docs]
    high = [rng.choice([0.85, 0.9, None]) for _ in docs]
    for thresholds in ([0.8] * len(docs), mixed, high):
        expected = _reference(docs, thresholds)
        assert expected, "the generated corpus should hold near repeats"
        for method in ("index", "pairs", "auto"):
            got = similar_pairs(docs, thresholds, method=method)
            assert {j: i for j, (i, _) in got.items()} == {j: i for j, (i, _) in expected.items()}, method
            for j, (_, s) in got.items():
                assert s == pytest.approx(expected[j][1])


def _long_corpus(rng: random.Random, n: int):
    """Paragraph-length sequences (40-120 words, common words shared by all) with
    copies edited in many places, some just above and some just below the
    threshold, so that prefixes meet on several bigrams."""
    common = ["the", "of", "a", "and", "to", "in", "said", "was"]
    vocab = [f"w{i}" for i in range(2000)]
    docs = []
    for _ in range(n):
        if docs and rng.random() < 0.3:
            base = list(rng.choice(docs))
            for _ in range(rng.randint(1, max(1, len(base) // 8))):  # spread edits
                k = rng.randrange(len(base))
                op = rng.random()
                if op < 0.5:
                    base[k] = rng.choice(vocab)
                elif op < 0.75 and len(base) > 2:
                    del base[k]
                else:
                    base.insert(k, rng.choice(common))
            docs.append(base)
        else:
            docs.append([rng.choice(common) if rng.random() < 0.4 else vocab[int(2000 * rng.random() ** 2)]
                         for _ in range(rng.randint(40, 120))])
    return docs


@pytest.mark.parametrize("seed", range(4))
def test_similar_pairs_on_paragraph_length_sequences(seed):
    rng = random.Random(100 + seed)
    docs = _long_corpus(rng, 140)
    for thresholds in ([0.8] * len(docs), [rng.choice([0.7, 0.8, 0.9, None]) for _ in docs]):
        expected = _reference(docs, thresholds)
        assert len(expected) >= 5, "the generated corpus should hold near repeats"
        got = similar_pairs(docs, thresholds, method="index")
        assert {j: i for j, (i, _) in got.items()} == {j: i for j, (i, _) in expected.items()}
        assert got == similar_pairs(docs, thresholds, method="pairs")


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_liveblog", ROOT / "bench" / "bench_liveblog.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_generated_live_blog_reports_exactly_the_planted_repeats():
    bench = _bench_module()
    blog = bench.make_liveblog(400, seed=7, repeats=6)
    findings = check_text(blog.text, config=NL3)
    found = sorted((f.start.line, f.related[0].start.line) for f in findings if f.code in ("NL301", "NL302", "NL303"))
    assert found == sorted((a, b) for a, b, _ in blog.planted)
    assert len(found) == 12
    near = {a for a, _, kind in blog.planted if kind == "near"}
    for f in findings:
        if f.start.line in near:
            assert "nearly repeats" in f.message and "(a figure changed)" in f.message


def test_realistic_live_blog_reports_exactly_the_planted_repeats():
    # entries of 40-120 words, quotations, captions with labels and credits;
    # repeats planted whole, with a figure changed, as a sentence of a new
    # paragraph and as a caption with another label or credit
    bench = _bench_module()
    blog = bench.make_realistic_liveblog(300, seed=5, repeats=3, corpus=None)
    assert 70 <= blog.words / blog.entries <= 110
    assert sorted(kind for _, _, kind in blog.planted) == sorted(["exact", "near", "sentence", "caption"] * 3)
    findings = check_text(blog.text, config=NL3)
    found = sorted((f.start.line, f.related[0].start.line) for f in findings if f.code in ("NL301", "NL302", "NL303"))
    assert found == sorted((a, b) for a, b, _ in blog.planted)
    kinds = {a: kind for a, _, kind in blog.planted}
    codes = {"exact": "NL301", "near": "NL301", "sentence": "NL302", "caption": "NL303"}
    for f in findings:
        if f.start.line in kinds:
            assert f.code == codes[kinds[f.start.line]]


# -- normalisation and messages ---------------------------------------------------------


def test_normalise_keeps_offsets_and_ignores_marks():
    for text in ("Putin's ‘red lines’ — “again”", "It’s £5, isn't it?", "Zürich: naïve café", "a_b"):
        assert len(normalise(text)) == len(text)
    assert key_of("Russia’s ‘red lines’.") == key_of("RUSSIA'S \"red   lines\"")
    assert key_of("Zürich, Zürich")[0] == "zürich zürich"
    assert key_of("a_b c") == ("a b c", 3)


@pytest.mark.parametrize(
    "ours, theirs, expected",
    [
        ("The plan was approved.", "The plan was approved.", "word for word"),
        ("The plan was approved.", "The plan was approved", "apart from the final punctuation"),
        ("THE PLAN was approved.", "The plan was approved,", "apart from case and punctuation"),
        ("He said ‘no’ today.", "He said 'no' today.", "apart from quotation-mark style"),
    ],
)
def test_how_alike(ours, theirs, expected):
    assert how_alike(ours, theirs) == expected


def test_differences_widen_to_whole_figures():
    (d,) = differences("A loss of £1.31bn (up 4%) was reported.", "A loss of £1.13bn (up 4%) was reported.")
    assert (d.ours, d.theirs, d.figure) == ("£1.31bn", "£1.13bn", True)
    (d,) = differences("Officials met on Tuesday in Leeds.", "Officials met in Leeds.")
    assert (d.ours, d.theirs, d.figure) == ("on Tuesday", "", False)


def test_variant_score_reads_two_sentences_as_one():
    one = "Norway is a wealthy country and we will manage the housing of newcomers together."
    two = "Norway is a wealthy country. Together we will cope with the housing of the newcomers."
    assert variant_score(one, two, 0.5) > 0
    # but two sentences are not compared with two sentences
    assert variant_score(two, "Norway is a wealthy country. The housing of newcomers is hard.", 0.5) == 0


@pytest.mark.parametrize(
    "later, plain",
    [
        ("I said we would not raise income tax, national insurance or VAT on working people.",
         "We would not raise income tax, national insurance or VAT on working people."),
        ("As I have said, there will be no rise in income tax, national insurance or VAT on working people.",
         "There will be no rise in income tax, national insurance or VAT on working people."),
        ("We have always said we would not raise income tax, national insurance or VAT on working people.",
         "We would not raise income tax, national insurance or VAT on working people."),
        ("I've made it clear we will not put up income tax, national insurance or VAT on working people.",
         "We will not put up income tax, national insurance or VAT on working people."),
    ],
)
def test_a_speaker_reporting_their_own_words_is_not_a_misquote(later, plain):
    first = "We will not raise income tax, national insurance or VAT on working people."
    assert variant_score(first, later, 0.5) > 0  # alike, but...
    story = (
        f'Title\n\n"{first[:-1]}," Ms Okafor told MPs.\n\nThe opposition was not convinced.\n\n'
        f'"{later[:-1]}," Ms Okafor said later.\n'
    )
    assert [f for f in check_text(story, config=NL3) if f.code == "NL304"] == []
    # without "I said" the same words are a variant
    found = check_text(story.replace(later[:-1], plain[:-1]), config=NL3)
    assert [f.start.line for f in found if f.code == "NL304"] == [7]


def test_variant_score():
    a = "We cannot rule out that the Kiev government will try to retake the port."
    b = "We cannot exclude the possibility that Kyiv's government may attempt to retake the port."
    assert variant_score(a, b, 0.5) > 0
    # a shared phrase is not a paraphrase of the whole remark
    c = "The port is the most important asset of the Kiev government and will stay so."
    assert variant_score(a, c, 0.5) == 0


# -- metadata ----------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_documentation(rule):
    assert rule.validate_metadata() == []
    sections = rule.doc_sections()
    for part in ("what", "why", "example", "fix safety"):
        assert sections[part], f"{rule.name}: no {part!r} section"
    assert rule.category == "duplication" and rule.code.startswith("NL3")


def test_parsing_is_not_needed_twice():
    doc = parse(STORY)
    for rule in RULES:
        rule()  # defaults are valid
    from newslint.analysis.similarity import DupIndex

    assert DupIndex.of(doc) is DupIndex.of(doc)


# The stories behind each rule's "Example:" paragraph: the documentation must not
# promise a finding the rule does not make.
DOC_EXAMPLES = {
    "NL301": (
        "Title\n\nPolice close the Tyne bridge after a collision on Friday night\n\n"
        "Traffic was diverted.\n\nPolice close the Tyne bridge after a collision on Friday night.\n",
        7,
    ),
    "NL302": (
        "Title\n\nWork began in May. The bridge will stay closed to traffic until Monday.\n\n"
        "Shops say trade has fallen.\n\nDrivers were warned. The bridge will stay closed to traffic until Monday.\n",
        7,
    ),
    "NL303": (
        "Title\n\nFirefighters tackle the blaze at the warehouse in Leeds on Sunday\n\n"
        "Nobody was hurt.\n\nFirefighters tackle the blaze at the warehouse in Leeds on Sunday\n",
        7,
    ),
    "NL304": (
        "Title\n\nThe minister, Arvid Solheim, spoke on Monday.\n\n"
        '"We cannot rule out that the rebels will try to retake the northern port by force," Solheim said.\n\n'
        "Aid agencies said families had left.\n\nSolheim said the army was ready.\n\n"
        '"We cannot exclude the possibility that the rebels may attempt to recapture the northern port '
        'by force," he told reporters.\n',
        11,
    ),
}


@pytest.mark.parametrize("code", sorted(DOC_EXAMPLES))
def test_documented_examples_are_reported(code):
    text, line = DOC_EXAMPLES[code]
    rule = next(r for r in RULES if r.code == code)
    assert "Example:" in rule.__doc__
    assert [(f.code, f.start.line) for f in check_text(text, config=NL3)] == [(code, line)]
