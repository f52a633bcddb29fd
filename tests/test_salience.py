"""The salience walk behind NL201 and NL202 (newslint.analysis.salience)."""

from __future__ import annotations

import math

import pytest

from newslint.analysis.people import find_people, first_names_for
from newslint.analysis.salience import resolve_attributions
from newslint.api import check_text, parse

WORDS = frozenset("human rights watch the a said".split())


def sites(text: str, words: frozenset[str] = WORDS):
    doc = parse(text, "text")
    names = first_names_for()
    reg = find_people(doc, (), names)
    return doc, resolve_attributions(doc, reg, words, names)


def test_one_site_per_he_or_she_attribution_and_none_for_they():
    doc, found = sites(
        "Talks\n\nDeclan Rowe spoke first.\n\n'We agree,' he said. 'Mostly,' she added.\n\n"
        "'We object,' they said.\n"
    )
    assert [(s.pronoun, s.gender) for s in found] == [("he", "m"), ("she", "f")]
    assert all(doc.text[s.start : s.end] == s.pronoun for s in found)


def test_contradiction_runner_up_and_ratio():
    doc, (site,) = sites(
        "Harbour\n\nCouncil engineer Priya Natarajan warned about the cracks in 2019.\n\n"
        "The harbour master, Declan Rowe, said the boats had been moved.\n\n"
        "'We cannot risk another storm,' she said.\n"
    )
    assert site.person is not None and site.person.name == "Declan Rowe"
    assert site.person_gender == "m" and site.contradicts
    assert site.evidence is not None and "first name 'Declan'" in site.evidence.what
    assert site.runner_up is not None and site.runner_up.name == "Priya Natarajan"
    assert 1.5 < site.ratio < 100
    assert site.mismatch(1.5) and not site.mismatch(100)


def test_nobody_else_means_an_infinite_ratio():
    _, (site,) = sites("Museum\n\nMs Ingrid Halvorsen reopened the museum.\n\n'It is intact,' he said.\n")
    assert site.contradicts and site.runner_up is None and math.isinf(site.ratio)


def test_a_matching_pronoun_is_no_contradiction():
    _, (site,) = sites("Museum\n\nMs Ingrid Halvorsen reopened the museum.\n\n'It is intact,' she said.\n")
    assert not site.contradicts and not site.mismatch(1.0)


def test_results_are_kept_per_register_and_word_list():
    doc = parse("Museum\n\nMs Ingrid Halvorsen reopened it.\n\n'Good,' he said.\n", "text")
    names = first_names_for()
    reg = find_people(doc, (), names)
    first = resolve_attributions(doc, reg, WORDS, names)
    assert resolve_attributions(doc, reg, WORDS, names) is first
    assert resolve_attributions(doc, reg, frozenset(), names) is not first


def test_an_organisation_read_as_a_name_is_no_person():
    text = (
        "Ruling\n\nMs Ann Lee lost her appeal on Monday.\n\n"
        "Human Rights Watch said the ruling was a disgrace.\n\n'This is wrong,' he said.\n"
    )
    _, (site,) = sites(text)
    assert "Human Rights Watch" not in [r.name for r, _ in site.ranking]
    # without the word list nothing tells the organisation from a person
    _, (site,) = sites(text, frozenset())
    assert "Human Rights Watch" in [r.name for r, _ in site.ranking]


def test_the_last_speaker_stays_in_mind():
    # a man who did not speak comes between the woman who spoke and "she said"
    _, (site,) = sites(
        "Wards\n\nGrace Okafor, a midwife, said staff were exhausted.\n\n"
        "Health Secretary Owen Prothero has promised more money.\n\n'We cannot go on,' she said.\n"
    )
    assert site.person is not None and site.person.name == "Owen Prothero"
    assert site.runner_up is not None and site.runner_up.name == "Grace Okafor"
    assert 1.0 < site.ratio < 1.5


@pytest.mark.parametrize(
    "text, who",
    [
        ("Airline\n\nA spokeswoman said flights would leave on time.\n\n'We are sorry,' he said.\n", "the spokeswoman"),
        ("Chess\n\nMagnus Arendt won the title.\n\nThe 17-year-old beat three grandmasters.\n\n'Wow,' she said.\n", "Magnus Arendt"),
    ],
)
def test_role_nouns(text, who):
    _, (site,) = sites(text)
    assert site.person is not None and site.person.name == who and site.contradicts


def test_nl201_message_names_the_runner_up():
    text = (
        "Harbour\n\nCouncil engineer Priya Natarajan warned about the cracks in 2019.\n\n"
        "The harbour master, Declan Rowe, said the boats had been moved.\n\n"
        "'We cannot risk another storm,' she said.\n"
    )
    (f,) = check_text(text, "text", {"select": ["pronoun-mismatch"]})
    assert f.message == (
        "'she' refers to Declan Rowe (line 5), a man by first name 'Declan'; "
        "the next candidate, Priya Natarajan (line 3), is far less prominent here"
    )
    assert f.suggestions == ("he",)
    # a higher ratio keeps it quiet
    quiet = {"select": ["pronoun-mismatch"], "rules": {"pronoun-mismatch": {"ratio": 10.0}}}
    assert check_text(text, "text", quiet) == []


def test_ratio_below_one_is_refused():
    from newslint.api import make_settings

    with pytest.raises(Exception, match="ratio"):
        make_settings({"rules": {"pronoun-mismatch": {"ratio": 0.5}}})
