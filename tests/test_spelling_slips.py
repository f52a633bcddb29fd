"""NL101's judgements of slips against deliberate variants: changed endings,
spellings that are slips whatever follows them, and ties."""

from __future__ import annotations

import pytest

from newslint.api import check_text
from newslint_rules.spelling._common import fold
from newslint_rules.spelling._slips import (
    ending_edit,
    inflected_ending,
    plausibility,
    romanisations,
    slip_regardless,
)
from newslint_rules.spelling.inconsistent_spelling import skeleton


def nl101(text: str) -> list[str]:
    return [f.flagged for f in check_text(text, "text", {"select": ["NL101"]})]


@pytest.mark.parametrize(
    "a,b,edit",
    [("kane", "kan", True), ("kowalski", "kowalska", True), ("smiths", "smith", True),
     ("rossi", "rosi", False), ("blair", "blaiir", False), ("kane", "kate", False)],
)
def test_ending_edit(a, b, edit):
    assert ending_edit(a, b) is edit


@pytest.mark.parametrize(
    "minor,text,major,deliberate",
    [
        ("kowalska", "Kowalska", "kowalski", True),  # gendered, whichever is the minority
        ("kowalski", "Kowalski", "kowalska", True),
        ("ivanova", "Ivanova", "ivanov", True),
        ("papadopoulou", "Papadopoulou", "papadopoulos", True),
        ("smiths", "Smiths", "smith", True),  # a plural of the main spelling
        ("israeli", "Israeli", "israel", True),  # a listed demonym
        ("saud", "Saud", "saudi", True),
        ("kan", "Kan", "kane", False),  # listed, but e is no inflection
        ("yuko", "Yuko", "yukos", False),  # the main spelling less its s
        ("chene", "Chene", "cheney", False),
        ("europea", "Europea", "european", False),
        ("zelenskyy", "Zelenskyy", "zelensky", False),  # a doubled last letter
    ],
)
def test_inflected_ending(minor, text, major, deliberate):
    assert inflected_ending(minor, text, major) is deliberate


def test_slip_regardless_needs_an_unlisted_spelling_and_a_main_spelling_used_twice():
    assert slip_regardless("Valdiviesso", "valdiviesso", 1, 2)
    assert not slip_regardless("Valdiviesso", "valdiviesso", 1, 1)  # a tie
    assert not slip_regardless("Jon", "jon", 1, 3)  # a listed first name


def test_ties_go_to_the_likelier_letter_sequence():
    for right, slip in [("blair", "blaiir"), ("leibovich", "leibovicch"), ("gazprom", "gazproom")]:
        assert plausibility(right) > plausibility(slip), (right, slip)


@pytest.mark.parametrize(
    "a,b,same",
    [("ihor", "igor", True), ("zelenskyy", "zelenskii", True), ("blair", "blaiir", False),
     ("treasury", "treasuryy", False), ("kharkiv", "kharkov", False)],
)
def test_romanisations_are_not_doubled_letters(a, b, same):
    assert romanisations(a, b, skeleton(fold(a)), skeleton(fold(b))) is same


@pytest.mark.parametrize(
    "text,flagged",
    [
        # a slip whatever follows: the main spelling is used twice, the other is in no list
        ("Ana Valdivieso spoke. Ms Valdivieso agreed. The Valdiviesso Trust paid.\n", ["Valdiviesso"]),
        # two people: a listed first name before each surname
        ("Labour's John Brown won. John Brown's agent was pleased. Jon Smith came second.\n", []),
        # on a tie, the unlisted spelling against a listed one
        ("The Labour MP for Hull spoke. He left the Labur Party in May.\n", ["Labur"]),
        ("Harry Kane is injured. Kane will rest. Kan misses the derby.\n", ["Kan"]),
        ("Jan Kowalski spoke. Kowalski left. Mr Kowalski waved. Kowalska, his wife, stayed.\n", []),
        ("Czech officials met. The Czech team won. Petr Cech saved twice.\n", []),
        ('"Sales fell," said Lian Chia Liang, an economist.\n', []),
        ("Minister Des Browne spoke, and the Lib Dems called for a vote.\n", []),
    ],
)
def test_nl101_slips_and_people(text, flagged):
    assert nl101(text) == flagged


def test_the_shipped_trigram_table_matches_the_name_lists():
    import gzip

    from newslint_rules.spelling._slips import TRIGRAMS, count_trigrams

    with gzip.open(TRIGRAMS, "rt", encoding="utf-8") as f:
        shipped = {t: int(n) for t, n in (line.rstrip("\n").split("\t") for line in f)}
    assert shipped == count_trigrams()  # rebuild with scripts/derive_name_trigrams.py
