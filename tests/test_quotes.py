"""Quotations and attributions (newslint.analysis.quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.analysis.quotes import find_quotes, unmatched_marks
from newslint.api import parse

SHARED = Path(__file__).resolve().parents[2] / "shared"


def doc_of(text: str, fmt: str = "text"):
    # a headline first, so that the paragraphs under test are paragraphs
    return parse("Headline\n\n" + text, fmt)


def quoted(text: str) -> list[str]:
    doc = doc_of(text)
    return [q.text(doc) for q in doc.quotes]


def attribution(text: str, which: int = 0):
    doc = doc_of(text)
    tops = [q for q in doc.quotes if q.parent is None]
    a = tops[which].attribution
    if a is None:
        return None
    assert doc.text[a.speaker_start : a.speaker_end] == a.speaker
    return (a.speaker, a.kind, a.verb, a.position)


# -- marks and apostrophes -------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will win," she said.', ["We will win,"]),
        ("'We will win,' she said.", ["We will win,"]),
        ("“We will win,” she said.", ["We will win,"]),
        ("‘We will win,’ she said.", ["We will win,"]),
        ("'Russia's troops are massing,' he said.", ["Russia's troops are massing,"]),
        ("'It was a coup d'etat,' he said.", ["It was a coup d'etat,"]),
        ("'I'll be there and I've said so,' she said.", ["I'll be there and I've said so,"]),
        ("'Music from the '90s is back,' he said.", ["Music from the '90s is back,"]),
        ("'I love rock 'n' roll,' he said.", ["I love rock 'n' roll,"]),
        ("‘I love rock ‘n’ roll,’ he said.", ["I love rock ‘n’ roll,"]),
        ("'The students' union agreed,' she said.", ["The students' union agreed,"]),
        ("'The players' fault' was the headline.", ["The players' fault"]),
        ("The students' union said no.", []),
        ("Ukraine's border and Russia's 'red lines' matter.", ["red lines"]),
        (
            "He warned of 'escalatory actions' with Ukraine, threatening 'serious consequences' for it.",
            ["escalatory actions", "serious consequences"],
        ),
        ("He said it was 'unprovoked and unexplained.'", ["unprovoked and unexplained."]),
        ("‘It’s over,’ she said. ‘We’re done.’", ["It’s over,", "We’re done."]),
        ("’Tis the season, they said.", []),
        ("The 1990s’ excess and the ’80s.", []),
        ("He sang 'em all.", []),
        ("Spammers rent 'bot nets.", []),
        ('He called it ("a farce") today.', ["a farce"]),
        ('"Yes!" "No?"', ["Yes!", "No?"]),
    ],
)
def test_quotations_and_apostrophes(text, expected):
    assert quoted(text) == expected


def test_offsets_include_the_marks():
    doc = doc_of("He said 'no' twice.")
    (q,) = doc.quotes
    assert doc.text[q.start : q.end] == "'no'"
    assert doc.text[q.inner_start : q.inner_end] == "no"
    assert q.mark == "'"
    assert doc.blocks[q.block].kind == "paragraph"


def test_nested_quotes_have_a_parent():
    doc = doc_of("'He told me \"never again\" and meant it,' she said.")
    qs = doc.quotes
    assert [q.text(doc) for q in qs] == ['He told me "never again" and meant it,', "never again"]
    assert qs[0].parent is None and qs[1].parent == 0
    assert qs[0].attribution is not None and qs[1].attribution is None


def test_nested_us_style():
    doc = doc_of("“He called it ‘a disgrace’ on air,” she said.")
    qs = doc.quotes
    assert [q.text(doc) for q in qs] == ["He called it ‘a disgrace’ on air,", "a disgrace"]
    assert qs[1].parent == 0


def test_nested_straight_double_in_single():
    doc = doc_of("'The sign said \"Keep out\",' he said.")
    assert [q.text(doc) for q in doc.quotes] == ['The sign said "Keep out",', "Keep out"]
    assert doc.quotes[1].parent == 0


def test_quote_running_over_paragraphs():
    text = (
        '"The first paragraph of a long statement ends here.\n\n'
        '"The second paragraph goes on.\n\n'
        '"The last one closes," she said.'
    )
    doc = doc_of(text)
    qs = doc.quotes
    assert len(qs) == 3
    assert qs[0].continues is None and not qs[0].closed
    assert qs[1].continues == 0 and not qs[1].closed
    assert qs[2].continues == 1 and qs[2].closed
    assert qs[0].end == doc.blocks[qs[0].block].end
    assert qs[2].attribution is not None and qs[2].attribution.speaker == "she"
    assert unmatched_marks(doc) == []


def test_paragraphs_run_together_in_one_block():
    # copy whose paragraph breaks were lost: the quotation that was never closed
    # ends where the next one opens after a full stop
    doc = doc_of('Ann Lee said: "It is a service. "These plans are bad," she warned.')
    q1, q2 = doc.quotes
    assert q1.text(doc) == "It is a service." and not q1.closed
    assert q2.continues == 0 and q2.closed
    assert q1.attribution.speaker == "Ann Lee" and q2.attribution.speaker == "she"
    assert unmatched_marks(doc) == []


def test_nested_same_kind_is_not_a_continuation():
    doc = doc_of('"He said "no" to me," she said.')
    assert [q.text(doc) for q in doc.quotes] == ['He said "no" to me,', "no"]
    assert doc.quotes[1].parent == 0 and doc.quotes[1].continues is None
    assert unmatched_marks(doc) == []


def test_spaced_double_mark_closes_an_open_quotation():
    doc = doc_of('"We can make it happen, " he said.')
    (q,) = doc.quotes
    assert q.attribution is not None and q.attribution.speaker == "he"
    doc = doc_of('A " stray mark.')
    assert doc.quotes == [] and len(unmatched_marks(doc)) == 1


def test_british_quote_running_over_paragraphs():
    text = "'We will not stop.\n\n'We will go on,' he said."
    doc = doc_of(text)
    assert [q.continues for q in doc.quotes] == [None, 0]
    assert unmatched_marks(doc) == []


def test_unclosed_quote_without_continuation_is_unmatched():
    text = '"This never closes.\n\nThe next paragraph is plain.'
    doc = doc_of(text)
    assert doc.quotes == []
    (off,) = unmatched_marks(doc)
    assert doc.text[off] == '"'


@pytest.mark.parametrize(
    "text, marks",
    [
        ('He said "no.', ['"']),
        ('He said no."', ['"']),
        ("He said no.' Then he left.", ["'"]),
        ('“Open and close” and “open', ["“"]),
        ("A ” stray", ["”"]),
        ("A ' stray", ["'"]),
    ],
)
def test_unmatched_marks(text, marks):
    doc = doc_of(text)
    assert [doc.text[o] for o in unmatched_marks(doc)] == marks


def test_no_unmatched_for_apostrophes():
    doc = doc_of("Students' union, Russia's rock 'n' roll, the '90s, d'etat and I'll. Chris' dog.")
    assert unmatched_marks(doc) == []
    assert doc.quotes == []


def test_in_quote():
    doc = doc_of("He said 'no' twice.")
    (q,) = doc.quotes
    assert doc.in_quote(q.inner_start)
    assert not doc.in_quote(q.start - 2)
    assert not doc.in_quote(q.end + 1)


def test_markdown_offsets():
    doc = parse("# Title\n\nThe *minister* said: \"We **will** win.\"\n", "markdown")
    (q,) = doc.quotes
    s, e = doc.source_span(q.start, q.end)
    assert doc.source[s:e] == '"We **will** win."'


# -- attributions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("'We will win,' she said.", ("she", "pronoun", "said", "after")),
        ('"We will win," he added.', ("he", "pronoun", "added", "after")),
        ('"We will win", they said.', ("they", "pronoun", "said", "after")),
        ('"Will we win?" she asked.', ("she", "pronoun", "asked", "after")),
        ("'We will win,' said Ms Kowalski.", ("Ms Kowalski", "name", "said", "after")),
        ("'We will win,' said Mr. Kowalski.", ("Mr. Kowalski", "name", "said", "after")),
        ("'We will win,' said the ministry.", ("the ministry", "noun", "said", "after")),
        ("'We will win,' said he.", ("he", "pronoun", "said", "after")),
        (
            "'We simply cannot rule it out,' Lavrov told reporters, speaking in Moscow.",
            ("Lavrov", "name", "told", "after"),
        ),
        ('"Sales were strong," chairman Richard Parsons said.', ("Richard Parsons", "name", "said", "after")),
        ('"Sales were strong," the company said.', ("the company", "noun", "said", "after")),
        ('"Sales were strong," a spokesman for the firm said.', ("a spokesman for the firm", "noun", "said", "after")),
        ('"Sales were strong," officials said.', ("officials", "noun", "said", "after")),
        ('"It is over," she later told the BBC.', ("she", "pronoun", "told", "after")),
        ('"It is over," she went on.', ("she", "pronoun", "went on", "after")),
        ("'It is over,' according to Dr Amara Diallo.", ("Dr Amara Diallo", "name", "according to", "after")),
        ("She said: 'We will win.'", ("She", "pronoun", "said", "before")),
        ("He continued: 'For now, let me repeat it.'", ("He", "pronoun", "continued", "before")),
        ("Ms Kowalski told reporters in Warsaw: \"We will win.\"", ("Ms Kowalski", "name", "told", "before")),
        ("The ministry said in a statement: \"We will win.\"", ("The ministry", "noun", "said", "before")),
        ("Foreign Minister Anna Berg said: “We will win.”", ("Foreign Minister Anna Berg", "name", "said", "before")),
        ("Separately, Jan Novak added: 'It is over.'", ("Jan Novak", "name", "added", "before")),
        ('He said, "We will win."', ("He", "pronoun", "said", "before")),
        ("According to Ms Kowalski, 'the plan is dead'.", ("Ms Kowalski", "name", "according to", "before")),
        ("'The plan is dead.' she said.", ("she", "pronoun", "said", "after")),
    ],
)
def test_attribution(text, expected):
    assert attribution(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He called it 'unprovoked and unexplained.' Then he left.",
        "'We will win.' He said nothing else that day.",
        "The 'red lines' he drew were ignored.",
        "'Stop,' and then silence.",
        "'We will win,' and she said it twice.",
        "It was 'a farce', which nobody denied.",
        "Voters said no to 'austerity'.",
    ],
)
def test_no_attribution(text):
    assert attribution(text) is None


def test_middle_attribution():
    doc = doc_of("'We will not stop,' she said, 'until the job is done.'")
    q1, q2 = doc.quotes
    assert q1.attribution is not None and q1.attribution is q2.attribution
    assert q1.attribution.position == "middle"
    assert q1.attribution.speaker == "she"


def test_middle_attribution_with_object():
    doc = doc_of('"We will not stop," he told the BBC, "until the job is done."')
    q1, q2 = doc.quotes
    assert q2.attribution is not None and q2.attribution.position == "middle"
    assert q2.attribution.verb == "told"


def test_adding_reuses_the_main_speaker():
    doc = doc_of("'It is serious,' Blinken said, adding 'I'll say more tomorrow.'")
    q1, q2 = doc.quotes
    assert q1.attribution.speaker == "Blinken"
    assert q2.attribution is not None
    assert (q2.attribution.speaker, q2.attribution.verb, q2.attribution.position) == ("Blinken", "adding", "before")


def test_role_words_before_a_name():
    doc = doc_of('"Sales were strong," chairman and chief executive Richard Parsons said.')
    a = doc.quotes[0].attribution
    assert a.speaker == "Richard Parsons" and a.role == "chairman and chief executive"


def test_attribution_phrase_offsets():
    doc = doc_of("'We will win,' said Ms Kowalski.")
    a = doc.quotes[0].attribution
    assert doc.text[a.start : a.end] == "said Ms Kowalski"


def test_continuing_paragraph_is_not_reattributed():
    doc = doc_of("'One,' she said.\n\n'Two.'")
    assert doc.quotes[0].attribution is not None
    assert doc.quotes[1].attribution is None


def test_results_are_cached():
    doc = doc_of("'We will win,' she said.")
    assert find_quotes(doc) is find_quotes(doc)


# -- the shared seed article and speed ---------------------------------------------


SEED = SHARED / "seeds" / "000_93e2d691004df282.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared is absent")
def test_seed_article_attributions():
    doc = parse(SEED.read_text(encoding="utf-8"), "text", path=str(SEED))
    by_line = {}
    for q in doc.quotes:
        if q.attribution is not None:
            a = q.attribution
            by_line.setdefault(doc.line_of(q.start), []).append((a.speaker, a.verb))
    assert ("He", "continued") in by_line[14]
    assert ("she", "said") in by_line[18]
    assert ("Lavrov", "told") in by_line[40]
    assert ("he", "told") in by_line[52]
    assert unmatched_marks(doc) == []


CORPUS = SHARED / "corpus" / "bbc"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared is absent")
def test_quotes_found_on_corpus():
    paths = sorted(CORPUS.glob("*.txt"))[:300]
    docs = [parse(p.read_text(encoding="utf-8"), "text", path=str(p)) for p in paths]
    n_quotes = 0
    for d in docs:
        n_quotes += len(find_quotes(d))
        unmatched_marks(d)
    assert n_quotes > len(docs)  # BBC copy quotes a lot


def test_appositive_between_speaker_and_verb():
    assert attribution('Marc Gonsalves, an executive at the firm, said: "We will review it."') == (
        "Marc Gonsalves",
        "name",
        "said",
        "before",
    )
    assert attribution('"We will review it," Ann Lee, the chief executive, said.') == (
        "Ann Lee",
        "name",
        "said",
        "after",
    )


# -- a role with the name in apposition ---------------------------------------------


def speaker_and_role(text: str, which: int = 0):
    doc = doc_of(text)
    a = [q for q in doc.quotes if q.parent is None][which].attribution
    if a is None:
        return None
    assert doc.text[a.speaker_start : a.speaker_end] == a.speaker
    return (a.speaker, a.kind, a.verb, a.position, a.role)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "'We will review every contract,' the chair, Elena Marsh, told the meeting.",
            ("Elena Marsh", "name", "told", "after", "chair"),
        ),
        ("'We will review every contract,' the chair Elena Marsh said.", ("Elena Marsh", "name", "said", "after", "chair")),
        ("'We will review every contract,' said the chair, Elena Marsh.", ("Elena Marsh", "name", "said", "after", "chair")),
        ("'We will review every contract,' said the chair Elena Marsh.", ("Elena Marsh", "name", "said", "after", "chair")),
        ("'We will review every contract,' Elena Marsh, the chair, said.", ("Elena Marsh", "name", "said", "after", "chair")),
        ("'We will review every contract,' said Elena Marsh, the chair.", ("Elena Marsh", "name", "said", "after", "chair")),
        ("The chair, Elena Marsh, said: 'We will review every contract.'", ("Elena Marsh", "name", "said", "before", "chair")),
        (
            "'We will review every contract,' the firm's chief executive, Elena Marsh, said.",
            ("Elena Marsh", "name", "said", "after", "firm's chief executive"),
        ),
        (
            "'We will review every contract,' the chief executive of Acme, Elena Marsh, said.",
            ("Elena Marsh", "name", "said", "after", "chief executive of Acme"),
        ),
        (
            "A lawyer for the tenants, Ruth Ellery, told reporters: 'We will appeal.'",
            ("Ruth Ellery", "name", "told", "before", "lawyer for the tenants"),
        ),
        ("Its director general, Tomas Brandt, said: 'We will appeal.'", ("Tomas Brandt", "name", "said", "before", "director general")),
        (
            "'We will appeal,' said Ruth Ellery, an analyst at Acme quoted in the Post.",
            ("Ruth Ellery", "name", "said", "after", "analyst at Acme"),
        ),
        # the name of the organisation, not of the spokesman
        (
            "'We will appeal,' a spokesman for the carrier, Skyline, said.",
            ("a spokesman for the carrier", "noun", "said", "after", ""),
        ),
        (
            "'We will appeal,' said a spokesman for the carrier, Skyline.",
            ("a spokesman for the carrier", "noun", "said", "after", ""),
        ),
        # a place in apposition is not the speaker
        (
            "'We will appeal,' officials in the capital, Valmora, said.",
            ("officials in the capital", "noun", "said", "after", ""),
        ),
        ("'We will appeal,' the firm, Paion, said.", ("the firm", "noun", "said", "after", "")),
        ("'We will appeal,' said Ruth Ellery, 54.", ("Ruth Ellery", "name", "said", "after", "")),
    ],
)
def test_role_and_name_in_apposition(text, expected):
    assert speaker_and_role(text) == expected


def test_role_and_name_phrase_offsets():
    doc = doc_of("'We will review every contract,' the chair, Elena Marsh, told the meeting.")
    a = doc.quotes[0].attribution
    assert doc.text[a.start : a.end] == "the chair, Elena Marsh, told"
    doc = doc_of("'We will review every contract,' said the chair, Elena Marsh.")
    a = doc.quotes[0].attribution
    assert doc.text[a.start : a.end] == "said the chair, Elena Marsh"


# -- a clause and a colon ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr Hrytsenko repeated his pledge: 'We will not let anyone shut the sea.'",
            ("Mr Hrytsenko", "name", "repeated", "before"),
        ),
        ("Ms Obi told reporters: 'We will appeal.'", ("Ms Obi", "name", "told", "before")),
        ("The minister was blunt: 'We will appeal.'", ("The minister", "noun", "was", "before")),
        ("He was blunt: 'We will appeal.'", ("He", "pronoun", "was", "before")),
        ("But she had a simple message: 'We will appeal.'", ("she", "pronoun", "had", "before")),
        ("However, he was blunt: 'We will appeal.'", ("he", "pronoun", "was", "before")),
        ("They struck a defiant tone: 'We will appeal.'", ("They", "pronoun", "struck", "before")),
        ("He is prepared to go this far: 'We will appeal.'", ("He", "pronoun", "prepared", "before")),
        ("Ms Obi then put it plainly: 'We will appeal.'", ("Ms Obi", "name", "put", "before")),
        ("Mr Kaur, 54, was blunt: 'We will appeal.'", ("Mr Kaur", "name", "was", "before")),
        (
            "Speaking later in parliament, Mr Novak repeated his promise: 'We will appeal.'",
            ("Mr Novak", "name", "repeated", "before"),
        ),
        (
            "Mr Novak repeated his promise to Ukraine's farmers on Monday: 'We will appeal.'",
            ("Mr Novak", "name", "repeated", "before"),
        ),
        (
            "The union's general secretary, Ruth Ellery, had one message: 'We will appeal.'",
            ("Ruth Ellery", "name", "had", "before"),
        ),
        ("Ms Obi firmly rejected it: 'We will appeal.'", ("Ms Obi", "name", "rejected", "before")),
        # no word that reads as a verb after the subject: the word before the colon
        ("Ruth Ellery fought back: 'We will appeal.'", ("Ruth Ellery", "name", "back", "before")),
    ],
)
def test_colon_after_a_clause(text, expected):
    assert attribution(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was simple: 'We will appeal.'",
        "Security was tight: 'No entry.'",
        "The report was blunt: 'The scheme failed.'",
        "Ballot papers in the poll will ask: 'Should the council close?'",
        "He quoted the minister: 'We will appeal.'",
        "Mr Bell read the verdict: 'Guilty.'",
        "Mr Bell pointed to the report: 'The scheme failed.'",
        "Mr Bell pointed to the council's letter: 'The scheme failed.'",
        "Ms Obi gave Mr Bell a warning: 'We will appeal.'",
        "Ms Obi was blunt when he arrived: 'We will appeal.'",
        "Ms Obi met the man who had one message: 'We will appeal.'",
        "Mr Bell's reply was short: 'No.'",
        "Elena Marsh and Tom Bell were blunt: 'We will appeal.'",
        "Ukraine: 'We will appeal.'",
    ],
)
def test_colon_after_a_clause_needs_a_clear_subject(text):
    assert attribution(text) is None


def test_colon_after_a_clause_needs_the_start_of_the_sentence():
    # the subject of the clause is not at the start of its sentence
    doc = doc_of("'First,' Ms Obi said, and Mr Bell was blunt: 'We will appeal.'")
    q1, q2 = [q for q in doc.quotes if q.parent is None]
    assert q1.attribution.speaker == "Ms Obi"
    assert q2.attribution is None
    # more than 160 characters back: the start of the sentence is not seen
    long = (
        "Mr Bell, who has run the ferry between the island and the mainland for "
        "almost thirty years and who has seen off four owners, two strikes and "
        "one shipwreck in that time, was blunt: 'We will appeal.'"
    )
    assert attribution(long) is None


def test_single_capitalised_word_is_a_subject_when_it_is_a_name_elsewhere():
    doc = doc_of("Talks with Halvorsen ended on Monday.\n\nHalvorsen was blunt: 'We will appeal.'")
    a = [q for q in doc.quotes if q.parent is None][0].attribution
    assert (a.speaker, a.kind, a.verb) == ("Halvorsen", "name", "was")


# -- more forms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("'We will appeal,' says Elena Marsh.", ("Elena Marsh", "name", "says", "after")),
        ("'We will appeal,' Elena Marsh added.", ("Elena Marsh", "name", "added", "after")),
        ("'We will appeal,' Elena Marsh wrote in a letter.", ("Elena Marsh", "name", "wrote", "after")),
        ("Elena Marsh, 54, said: 'We will appeal.'", ("Elena Marsh", "name", "said", "before")),
        ("'We will appeal.' — Elena Marsh", ("Elena Marsh", "name", "—", "after")),
        ("'We will appeal' – Elena Marsh, chair of the board.", ("Elena Marsh", "name", "–", "after")),
        ("Rebate 'unjustified' - Chirac", ("Chirac", "name", "-", "after")),
        ("In the words of Elena Marsh, 'we will appeal'.", ("Elena Marsh", "name", "in the words of", "before")),
        ("'We will appeal', in the words of Elena Marsh.", ("Elena Marsh", "name", "in the words of", "after")),
        ("As Ms Obi put it: 'We will appeal.'", ("Ms Obi", "name", "put it", "before")),
        ("'We will appeal', as Ms Obi put it.", ("Ms Obi", "name", "put it", "after")),
        ("'We will appeal', as she put it.", ("she", "pronoun", "put it", "after")),
        ("Said Mr Fogg: 'We will appeal.'", ("Mr Fogg", "name", "said", "before")),
        ("Observes Mr Hadi: 'We will appeal.'", ("Mr Hadi", "name", "observes", "before")),
    ],
)
def test_more_attribution_forms(text, expected):
    assert attribution(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a dash that does not end the paragraph is not a credit
        "He called it 'a farce' — Elena Marsh disagreed.",
        "'We will appeal' — a promise he did not keep.",
        "'We will appeal' — Ms Marsh's promise.",
        "'We will appeal' — Elena Marsh. She left.",
        # "told" takes an object: its subject is earlier
        "But told BBC News: 'We will appeal.'",
        "'We will appeal', in the words of it.",
    ],
)
def test_no_attribution_for_look_alikes(text):
    assert attribution(text) is None


def test_dash_credit_role():
    assert speaker_and_role("'We will appeal' – Elena Marsh, chair of the board.") == (
        "Elena Marsh",
        "name",
        "–",
        "after",
        "chair of the board",
    )


def test_mark_after_a_word_ending_in_a_hyphen_closes():
    from newslint.analysis.quotes import find_quotes, unmatched_marks

    doc = parse("Head\n\nThe agency rated the debt 'BBB-'. The bonds fell.\n", "text")
    assert [q.text(doc) for q in find_quotes(doc)] == ["BBB-"]
    assert unmatched_marks(doc) == []
