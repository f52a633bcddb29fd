"""The people register (newslint.analysis.people)."""

from __future__ import annotations

import pytest

from newslint.analysis.people import (
    FirstNames,
    base_first_names,
    builtin_first_name_table,
    find_people,
    first_name_tables,
    first_names_for,
)
from newslint.analysis.people.patterns import _SPEECH_AFTER
from newslint.api import parse


def register(text: str, config=(), names=None):
    doc = parse("Headline\n\n" + text, "text")
    return doc, find_people(doc, config, names)


def by_name(reg, name):
    for p in reg.persons:
        if p.name == name:
            return p
    raise AssertionError(f"{name!r} not in {[p.name for p in reg.persons]}")


def test_mentions_merge_by_surname():
    doc, reg = register(
        "NATO Secretary General Jens Stoltenberg spoke on Monday. Stoltenberg's aides "
        "said Mr Stoltenberg would travel. Stoltenberg said he was ready."
    )
    p = by_name(reg, "Jens Stoltenberg")
    assert [m.name for m in p.mentions] == ["Jens Stoltenberg", "Stoltenberg", "Stoltenberg", "Stoltenberg"]
    assert p.first == "Jens" and p.surname == "Stoltenberg"
    assert p.mentions[0].titles == ("secretary", "general")
    assert len(reg.persons) == 1


def test_surname_before_full_name_links():
    doc, reg = register("Blinken warns Moscow.\n\nSecretary of State Antony Blinken spoke on Tuesday.")
    p = by_name(reg, "Antony Blinken")
    assert len(p.mentions) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Carlos Baez Silva leads the savers. Baez Silva said they would go to court.",
        "Baez Silva said the savers would go to court. Carlos Baez Silva leads them.",
    ],
)
def test_a_double_surname_without_the_first_name_is_the_same_person(text):
    _, reg = register(text)
    p = by_name(reg, "Carlos Baez Silva")
    assert [m.name for m in p.mentions] == sorted((m.name for m in p.mentions), key=text.index)
    assert len(p.mentions) == 2 and len(reg.persons) == 1


def test_places_and_organisations_are_not_people():
    doc, reg = register(
        "Russia said the White House and Downing Street were wrong. Smolensk Oblast and "
        "the Bank of England agreed. Russia denied it."
    )
    assert reg.persons == []


def test_party_and_acronym_before_a_name():
    doc, reg = register("Labour MSP Christine May said it was clever.")
    p = by_name(reg, "Christine May")
    assert p.gender == "f"


@pytest.mark.parametrize(
    "text, name, gender, level",
    [
        ("Mr Okonkwo left early.", "Mr Okonkwo", "m", 2),
        ("Ms Okonkwo left early.", "Ms Okonkwo", "f", 2),
        ("Dame Ottoline Vance cut the ribbon.", "Ottoline Vance", "f", 2),
        ("Queen Ingrid opened the yard.", "Queen Ingrid", "f", 2),
        ("The news came from spokeswoman Adaeze Nwosu on Monday.", "Adaeze Nwosu", "f", 3),
        ("Olamide Bakare, the club's chairwoman, signed it.", "Olamide Bakare", "f", 3),
        ("Grandmaster Vuković announced his retirement.", "Grandmaster Vuković", "m", 4),
        ("Jens Stoltenberg spoke.", "Jens Stoltenberg", "m", 5),
        ("Christine Lagarde spoke.", "Christine Lagarde", "f", 5),
    ],
)
def test_gender_evidence(text, name, gender, level):
    doc, reg = register(text)
    p = by_name(reg, name)
    assert p.gender == gender
    assert min(e.level for e in p.evidence) == level


def test_pronoun_evidence_needs_a_single_person():
    doc, reg = register("Abara Okoye met Grandmaster Vuković and his wife.")
    assert len(reg.persons) == 2
    assert not any(e.level == 4 for p in reg.persons for e in p.evidence)
    # another person noun in the sentence: "his" could be someone else's
    doc, reg = register("Grandmaster Vuković met the coach and his wife.")
    assert reg.persons[0].evidence == []
    doc, reg = register("Grandmaster Vuković announced his retirement.")
    assert [e.level for e in reg.persons[0].evidence] == [4]


def test_country_dependent_names_give_no_gender():
    for first in ("Andrea", "Nicola", "Jean", "Sasha"):
        doc, reg = register(f"{first} Rossi spoke on Monday.")
        p = by_name(reg, f"{first} Rossi")
        assert p.gender is None, first


def test_config_people_list_is_strongest():
    config = ({"name": "Jens Olsen", "pronouns": "she/her"},)
    doc, reg = register("Jens Olsen takes over in September.", config)
    p = by_name(reg, "Jens Olsen")
    assert p.gender == "f"
    assert p.strongest()[0].level == 1
    assert "newsroom's people list" in p.strongest()[0].what


def test_config_alias_matches_a_surname():
    config = ({"name": "Sam Okafor", "pronouns": "they/them", "aliases": ["Okafor"]},)
    doc, reg = register("Okafor won the prize. Okafor said it was a surprise.", config)
    p = reg.persons[0]
    assert p.gender == "they"


def test_shared_surname_is_ambiguous():
    doc, reg = register("Ann Marsh and John Marsh run the bakery. Marsh said it was busy.")
    single = [m for m in reg.mentions if m.name == "Marsh"]
    assert single and all(m.ambiguous and m.person is None for m in single)


def test_first_name_table():
    m, f, u = base_first_names()
    assert "jens" in m and "christine" in f
    for name in ("andrea", "nicola", "jean", "sasha"):
        assert name in u and name not in m and name not in f
    assert len(m) > 5000 and len(f) > 5000


def test_first_name_overrides_and_accents():
    names = FirstNames({"Jens": "u", "Zlatko": "m"})
    assert names.gender("Jens") == "u"
    assert names.gender("Zlatko") == "m"
    assert names.gender("José") == FirstNames().gender("Jose") == "m"
    assert FirstNames(use_table=False).gender("John") is None
    assert first_names_for({"a": "m"}) is first_names_for({"a": "m"})


def test_plugin_first_names_are_used():
    tables = first_name_tables([[{"Zorblax": "f", "John": "u"}], [builtin_first_name_table()]])
    names = FirstNames(tables=tables)
    assert names.gender("Zorblax") == "f" and names.gender("John") == "u"
    assert names.gender("Jens") == "m"  # the shipped table, under the plugin's
    assert FirstNames().gender("Zorblax") is None
    assert FirstNames(use_table=False, tables=tables).gender("Zorblax") is None


def test_register_is_cached():
    doc = parse("Headline\n\nMr Okonkwo left.", "text")
    assert find_people(doc) is find_people(doc)


def test_committed_table_matches_the_build_script():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    csv_path = root.parent / "shared" / "data" / "us_ssa_first_names_1880_2023.csv"
    if not csv_path.exists():
        pytest.skip("../shared is absent")
    spec = importlib.util.spec_from_file_location("build_first_names", root / "scripts" / "build_first_names.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    table = mod.build(csv_path)
    m, f, u = base_first_names()
    assert (set(table["m"]), set(table["f"]), set(table["u"])) == (m, f, u)


def test_gendered_role_with_the_name_in_apposition():
    doc, reg = register("The club's chairwoman, Olamide Bakare, signed the sale on Friday.")
    p = by_name(reg, "Olamide Bakare")
    assert p.gender == "f"
    assert min(e.level for e in p.evidence) == 3
    assert "chairwoman" in p.strongest()[0].what
    # a role that says nothing of gender
    doc, reg = register("The bill was passed by its sponsor, Ikenna Obi.")
    assert not any(e.level == 3 for e in by_name(reg, "Ikenna Obi").evidence)
    doc, reg = register("It was read out by her husband, Olamide Bakare.")
    assert by_name(reg, "Olamide Bakare").gender == "m"


def test_name_after_a_role_and_a_comma_that_is_not_in_apposition():
    # "Olamide Bakare said": the subject of the next clause, not the chairwoman
    doc, reg = register("The result upset the chairwoman, Olamide Bakare said on Friday.")
    assert by_name(reg, "Olamide Bakare").evidence == []


def test_names_whose_gender_differs_by_country_are_unknown():
    m, f, u = base_first_names()
    for name in ("lindsay", "lindsey", "ashley", "marian", "jocelyn", "ola", "nika", "carol", "joan", "maria"):
        assert name in u and name not in m and name not in f, name
    # names with a clear majority everywhere stay in the table
    assert "christine" in f and "jens" in m and "alex" in m


def test_a_name_never_runs_over_a_sentence_end():
    doc, reg = register(
        "The car was shown by chief executive Ulrich Vey. Halden will build it. "
        "Mr Vey said it was cheap."
    )
    p = by_name(reg, "Ulrich Vey")
    assert [m.name for m in p.mentions] == ["Ulrich Vey", "Vey"]
    assert len(reg.persons) == 1
    # initials and abbreviated titles still join
    doc, reg = register("J. K. Pell met Mr. Okonkwo and Dr. Lee.")
    assert {p.name for p in reg.persons} == {"J. K. Pell", "Mr. Okonkwo", "Dr. Lee"}


def test_qualifying_words_alone_are_no_title():
    doc, reg = register("Former Globexcorp boss Arnold Pike was in court. Senior Globexcorp staff sat behind him.")
    assert [p.name for p in reg.persons] == ["Arnold Pike"]
    # a real title still makes a single word a person
    doc, reg = register("Former Minister Okonkwo was in court.")
    assert [p.name for p in reg.persons] == ["Minister Okonkwo"]


def test_saint_and_place_words_start_places():
    doc, reg = register("His father preached at the St Bryce Kirk church and at Saint Anne Hall.")
    assert reg.persons == []


def test_role_noun_before_a_clause_is_not_the_names():
    doc, reg = register("Mr Pike, a businessman who hired Ann Lee in May, spoke.")
    assert by_name(reg, "Ann Lee").gender == "f"
    assert not any(e.level == 3 for e in by_name(reg, "Ann Lee").evidence)
    doc, reg = register("The businessman Ann Lee spoke.")
    assert by_name(reg, "Ann Lee").gender == "m"


def test_generic_masculine_role_is_weaker_than_a_first_name():
    doc, reg = register("Party chairman Petrina Oakes wrote to members.")
    p = by_name(reg, "Petrina Oakes")
    assert p.gender == "f"
    assert sorted((e.level, e.gender) for e in p.evidence) == [(5, "f"), (6, "m")]
    doc, reg = register("Party chairman Okonkwo wrote to members.")
    assert reg.persons[0].gender == "m"


def test_speech_after_a_dash_aside_or_has_said():
    doc = parse(
        "Headline\n\nMr Vey met Mr Lund. Mr Lund - himself an engineer - said it was cheap.\n\n'It is,' he said.",
        "text",
    )
    reg = find_people(doc)
    speakers = {m.name for m in reg.mentions if _SPEECH_AFTER.match(doc.text, m.name_end)}
    assert speakers == {"Lund"}
    doc = parse(
        "Headline\n\nMr Vey met Ann's leader, Roger Lund, has said it was cheap.\n\n'It is,' he said.",
        "text",
    )
    reg = find_people(doc)
    speakers = {m.name for m in reg.mentions if _SPEECH_AFTER.match(doc.text, m.name_end)}
    assert speakers == {"Roger Lund"}


def test_a_title_of_the_other_gender_is_another_person():
    doc, reg = register(
        "Michael Howard spoke first. Mrs Howard sat beside him. Mr Howard thanked her. Howard left."
    )
    michael = by_name(reg, "Michael Howard")
    wife = by_name(reg, "Mrs Howard")
    assert [m.name for m in michael.mentions] == ["Michael Howard", "Howard"]
    assert wife.gender == "f" and michael.gender == "m"
    assert [m.ambiguous for m in reg.mentions if m.name == "Howard" and not m.titles] == [True]
    # a title that fits merges as before
    doc, reg = register("Ulrich Vey spoke. Mr Vey left.")
    assert len(reg.persons) == 1


def test_a_verb_between_role_and_name_is_no_evidence():
    doc, reg = register("But an executive spokeswoman insisted Mr Okonkwo had been joking.")
    assert by_name(reg, "Mr Okonkwo").gender == "m"
    assert all(e.level != 3 for e in by_name(reg, "Mr Okonkwo").evidence)


def test_pronoun_evidence_needs_the_person_as_subject():
    doc, reg = register("The watchdog will look at the decision to give Ann Quinn free tickets. He is also under investigation.")
    assert not any(e.level == 4 for e in by_name(reg, "Ann Quinn").evidence)
    doc, reg = register("But Grandmaster Vuković announced his retirement.")
    assert any(e.level == 4 for e in reg.persons[0].evidence)


