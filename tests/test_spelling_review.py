"""The spelling family (NL101-NL104): sentence boundaries and people in names,
apostrophe styles, ties between spellings, capitalised and hyphenated
misspellings, and dialect marks at the start of a sentence.  The fixtures in
tests/fixtures/<rule>/ cover where findings appear; these tests cover messages,
suggestions and fixes."""

from __future__ import annotations

import pytest

from newslint.api import check_text
from newslint.diagnostics import Applicability
from newslint.engine import apply_fixes
from newslint_rules.spelling.house_style import after_person_word, person_word
from newslint_rules.spelling.misspelling import _parts, misspellings


def lint(text: str, codes: list[str], rules: dict | None = None):
    return check_text(text, "text", {"select": codes, "rules": rules or {}})


# -- sentence boundaries (NL101, NL102) ----------------------------------------------------


@pytest.mark.parametrize(
    "text,start,person",
    [
        ("Russia blamed Nato. Kiev denied it.", 20, False),
        ("Andrian Nikolayev flew.", 8, True),
        ("Mr Nikolaev spoke.", 3, True),
        ("Mr. Nikolaev spoke.", 4, True),
        ("A. Nikolaev spoke.", 3, True),
        ("It came to Kiev. Kiev's scene grew.", 17, False),
    ],
)
def test_a_full_stop_breaks_a_name_unless_after_an_honorific_or_initial(text, start, person):
    assert after_person_word(text, start) is person


def test_person_word():
    assert person_word("Mr", full_stop=True) and person_word("J", full_stop=True)
    assert not person_word("Nato", full_stop=True)
    assert person_word("Nato")  # without a stop, an unknown capitalised word may be a first name


def test_nl101_counts_every_use_after_a_sentence_that_ends_in_a_name():
    found = lint("Kharkov and Kharkiv. Odessa and Odesa. Kyiv met. Kyiv again. Kiev said.\n", ["NL101"])
    assert [f.flagged for f in found] == ["Kharkov", "Odessa", "Kiev"]
    kiev = found[-1]
    assert "'Kyiv' on line 1 (2 uses)" in kiev.message, kiev.message


# -- people with a place's name (NL102) ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Nikolaev, a lawyer, was arrested. Nikolaev denied the charges. Nikolaev's lawyer appealed.\n",
        "Georgy Lvov led the government. Lvov resigned.\n",
        "Lvov's reforms\n\nPrince Georgy Lvov led the government in 1917.\n",
    ],
)
def test_house_style_fix_never_turns_a_person_into_a_city(text):
    for codes in (["NL102"], ["NL101"], ["NL101", "NL102"]):
        found = lint(text, codes)
        assert found == [], [(f.code, f.flagged) for f in found]
        fixed, n = apply_fixes(text, found, unsafe=True)
        assert fixed == text and n == 0


def test_house_style_still_fixes_the_city_in_another_story():
    text = "Shells hit Nikolaev overnight. Nikolaev's port was closed.\n"
    found = lint(text, ["NL102"])
    assert [f.flagged for f in found] == ["Nikolaev", "Nikolaev"]
    fixed, n = apply_fixes(text, found)
    assert n == 2 and fixed == "Shells hit Mykolaiv overnight. Mykolaiv's port was closed.\n"


# -- names inside full names (NL101) ------------------------------------------------------------


def test_a_given_name_inside_a_full_name_is_not_a_variant_of_a_name_used_alone():
    text = ("Qatar's emir, Sheikh Tamim bin Hamad Al Thani, has mediated between Israel and Hamas "
            "for months.\n\nHamas said it was studying the proposal.\n")
    assert lint(text, ["NL101"]) == []
    # the same two spellings, both used alone, are still one name spelled two ways
    found = lint("Hamad said no.\n\nLater Hamas said no. Hamas left.\n", ["NL101"])
    assert [f.flagged for f in found] == ["Hamad"]


# -- apostrophes (NL101) ------------------------------------------------------------------------


def test_apostrophe_style_is_not_spelling():
    assert lint("Mr O’Brien arrived. Later O'Brien said he was happy.\n", ["NL101"]) == []
    assert lint("Mr O'Brien arrived. Later O’Brien said he was happy.\n", ["NL101"]) == []


def test_apostrophe_styles_are_one_form_when_comparing_spellings():
    found = lint("Mr O'Brien arrived. Later O’Brian spoke. O'Brien left.\n", ["NL101"])
    assert [f.flagged for f in found] == ["O’Brian"]
    f = found[0]
    assert "(1 use against 2 uses)" in f.message and "'O'Brien' on line 1" in f.message
    # the suggestion keeps the apostrophe typed in the flagged word
    assert f.suggestions == ("O’Brien",)
    fixed, _ = apply_fixes("Mr O'Brien arrived. Later O’Brian spoke. O'Brien left.\n", found, unsafe=True)
    assert fixed == "Mr O'Brien arrived. Later O’Brien spoke. O'Brien left.\n"


# -- ties (NL101) -------------------------------------------------------------------------------


def test_on_a_tie_the_unknown_spelling_is_flagged_pointing_to_the_known_one():
    earlier_unknown = lint("Mr Gorbachov arrived.\n\nGorbachev's statue stood.\n", ["NL101"])
    assert [f.flagged for f in earlier_unknown] == ["Gorbachov"]
    assert "'Gorbachev' is a known name" in earlier_unknown[0].message
    assert earlier_unknown[0].suggestions == ("Gorbachev",)
    later_unknown = lint("Mr Gorbachev arrived.\n\nGorbachov's statue stood.\n", ["NL101"])
    assert [f.flagged for f in later_unknown] == ["Gorbachov"]


def test_on_a_tie_of_unknown_spellings_the_later_one_is_flagged():
    found = lint("Striker Oleksandr Dmytrenko signed.\n\nThe coach said Dmitrenko would start.\n", ["NL101"])
    assert [f.flagged for f in found] == ["Dmitrenko"]
    assert "check which is right" in found[0].message and "known name" not in found[0].message


# -- misspellings (NL103) -------------------------------------------------------------------------


def test_parts_after_a_prefix_are_checked_unless_they_make_a_word_with_it():
    assert [p for _, p in _parts("anti-goverment", 0)] == ["anti", "goverment"]
    assert [p for _, p in _parts("pre-empted", 0)] == []
    assert _parts("Pro-goverment", 10) == [(14, "goverment")]
    assert _parts("Winn-Dixie", 0) == [(0, "Winn")]


def test_all_caps_misspelling_is_fixed_in_capitals():
    text = "GOVERMENT RESIGNS\n\nThe vote was lost.\n"
    found = lint(text, ["NL103"])
    assert [(f.flagged, f.suggestions) for f in found] == [("GOVERMENT", ("GOVERNMENT",))]
    assert found[0].fix.applicability == Applicability.SAFE
    assert apply_fixes(text, found)[0].startswith("GOVERNMENT RESIGNS")


def test_a_capitalised_misspelling_also_written_in_lower_case_is_flagged_everywhere():
    found = lint("The Goverment met. The Goverment agreed. The goverment left.\n", ["NL103"])
    assert [f.flagged for f in found] == ["Goverment", "Goverment", "goverment"]


# -- dialect (NL104) ----------------------------------------------------------------------------


def test_dialect_evidence_says_how_many_more_spellings_there_are():
    text = "The armored, organized, colored, realized and favorite items. The colour was nice.\n"
    found = lint(text, ["NL104"])
    assert [f.flagged for f in found] == ["colour"]
    msg = found[0].message
    assert "(5 American spellings: 'armored' on line 1, 'organized' on line 1 and 3 more)" in msg, msg
    two = lint("The armored and organized items. The colour was nice.\n", ["NL104"])
    assert "(2 American spellings: 'armored' on line 1, 'organized' on line 1)" in two[0].message


def test_dialect_reads_the_first_word_of_a_sentence():
    text = "Armoured vehicles and a colour guard moved in. Later the armored column left.\n"
    found = lint(text, ["NL104"])
    assert [f.flagged for f in found] == ["armored"]
    assert "(2 British spellings: 'Armoured' on line 1, 'colour' on line 1)" in found[0].message
    us = lint("Armoured cars rolled in.\n", ["NL104"], {"dialect-mix": {"dialect": "en-US"}})
    assert [(f.flagged, f.suggestions) for f in us] == [("Armoured", ("Armored",))]


def test_dialect_leaves_a_name_at_the_start_of_a_sentence_alone():
    rules = {"dialect-mix": {"dialect": "en-GB"}}
    # capitalised mid-sentence elsewhere: a name
    assert lint("Labor won the vote. The Labor leader spoke.\n", ["NL104"], rules) == []
    # running on into another capitalised word: a name
    assert lint("Harbor Freight opened a store.\n", ["NL104"], rules) == []


def test_a_known_name_does_not_decide_between_two_romanisations():
    # Igor is in the word lists and Ihor is not, but both romanise one Ukrainian
    # name: the later one is flagged, as on any tie
    found = lint("Ihor Terekhov spoke.\n\nIgor Terekhov added.\n", ["NL101"])
    assert [f.flagged for f in found] == ["Igor"]
    assert "known name" not in found[0].message


def test_dialect_extra_rows_mark_chiefly_british_forms_only():
    from newslint_rules.spelling.dialect_mix import dialect_markers

    markers = dialect_markers()
    for word, other in (("licence", "license"), ("practises", "practices"), ("fulfils", "fulfills"),
                        ("fulfilment", "fulfillment")):
        assert markers[word].dialect == "en-GB" and markers[word].other == other, word
    # the other forms are British English too (the verb license, the noun practice),
    # and ageing/aging are both in British and American dictionaries
    for word in ("license", "practice", "practices", "aging", "ageing"):
        assert word not in markers, word
    assert markers["mold"].dialect == "en-US"


def test_a_capitalised_misspelling_next_to_a_demonym_is_no_name():
    found = lint("The Welsh Goverment acted.\n\nThe British Goverment waited.\n", ["NL103"])
    assert found == []  # twice capitalised mid-sentence, never in lower case: a name
    found = lint("Officials of the British Goverment waited.\n", ["NL103"])
    assert [f.flagged for f in found] == ["Goverment"]
    # beside a name that is not established, it is part of that name
    assert lint("She bought an Optio SV camera.\n", ["NL103"]) == []


def test_british_words_missing_from_the_word_lists_are_not_misspellings():
    # an "artic" is an articulated lorry in British English
    assert misspellings().get("artic") is None
    assert lint("An artic overturned on the motorway.\n", ["NL103"]) == []


# -- short codespell entries (NL103) and short names (NL101) -------------------------------------


def test_four_letter_slips_in_lower_case_are_misspellings():
    found = lint("The board, wich met on Monday, said the offer isnt final.\n", ["NL103"])
    assert [(f.flagged, f.suggestions) for f in found] == [("wich", ("which",)), ("isnt", ("isn't",))]


def test_capitalised_four_letter_entries_are_names():
    assert lint("BASF and Thie Holdings signed the deal.\n", ["NL103"]) == []
    assert misspellings().get("wich") is not None and misspellings().get("Thie") is None


def test_days_and_months_never_make_two_people():
    text = "Nurse Ann Kelleher retired. On Friday Kellehr said she was proud. Kelleher will travel in May.\n"
    assert [f.flagged for f in lint(text, ["NL101"])] == ["Kellehr"]
