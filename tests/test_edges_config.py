"""Hostile configuration and baselines: exit 2 with one clear line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def here(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Headline\n\nThe text.\n", encoding="utf-8")
    return tmp_path


def one_error_line(r) -> str:
    lines = r.err.splitlines()
    assert r.code == 2, r
    assert len(lines) == 1 and lines[0].startswith("newslint: error: "), r
    assert "Traceback" not in r.err
    return lines[0]


CASES = [
    ('[rules.duplicate-sentence]\nignore-patterns = ["a(?i)b"]\n', "not a valid regular expression"),
    ('[rules.duplicate-paragraph]\nignore-patterns = ["(?P<x>a)(?P<x>b)"]\n', "redefinition of group name"),
    ('[rules.duplicate-paragraph]\nignore-patterns = [{a = 1}]\n', "ignore-patterns[0] must be a string, not dict"),
    ("ignore = [{a = 1}]\n", "ignore must be a list of strings"),
    ("[rules.repeated-word]\nallow = [{a = 1}]\n", "rules.repeated-word.allow[0] must be a string, not dict"),
    ("[rules.misspelling]\nallow = [[\"x\"]]\n", "rules.misspelling.allow[0] must be a string, not list"),
    ("[rules.hard-to-read]\nmax-grade = nan\n", "max-grade must be a finite number, not nan"),
    ("[rules.hard-to-read]\nmax-grade = -inf\n", "max-grade must be a finite number, not -inf"),
    ('[[people]]\nname = ""\n', "people[0].name must not be empty"),
    ('[[people]]\nname = "   "\n', "people[0].name must not be empty"),
    ('[[people]]\nname = "Ann Lee"\naliases = [""]\n', "people[0].aliases[0] must be a non-empty string"),
    ("[languagetool]\ndisabled-rules = [{a = 1}]\n", "languagetool.disabled-rules must be a list of strings"),
    ("[languagetool]\ntimeout = nan\n", "languagetool.timeout must be a finite number, not nan"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
]


@pytest.mark.parametrize("toml,message", CASES)
def test_bad_configuration_is_one_line(here: Path, run_cli, toml: str, message: str) -> None:
    (here / "newslint.toml").write_text(toml, encoding="utf-8")
    assert message in one_error_line(run_cli("check", "a.txt"))


def test_configuration_not_utf8(here: Path, run_cli) -> None:
    (here / "newslint.toml").write_bytes(b'fail-on = "w\xe9"\n')
    assert "not valid UTF-8: byte 0xe9 on line 1" in one_error_line(run_cli("check", "a.txt"))


def test_pyproject_tool_not_a_table_with_config(here: Path, run_cli) -> None:
    (here / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    assert "'tool' must be a table" in one_error_line(run_cli("check", "--config", "pyproject.toml", "a.txt"))
    (here / "pyproject.toml").write_text("[tool]\nnewslint = 5\n", encoding="utf-8")
    assert "[tool.newslint] must be a table" in one_error_line(run_cli("check", "--config", "pyproject.toml", "a.txt"))


def test_pyproject_tool_not_a_table_discovered_is_not_newslint_config(here: Path, run_cli) -> None:
    (here / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")
    r = run_cli("check", "a.txt")
    assert r.code == 0 and "Traceback" not in r.err


@pytest.mark.parametrize("content,message", [
    ('{"newslint-baseline": 1, "findings": [{"path": "a.txt", "code": "NL101", "text": "x", "count": Infinity}]}',
     "Infinity is not a number JSON allows"),
    ('{"newslint-baseline": 1, "findings": [{"path": "a.txt", "code": "NL101", "text": "x", "count": NaN}]}',
     "NaN is not a number JSON allows"),
    ('{"newslint-baseline": 1, "findings": [{"path": "a.txt", "code": "NL101", "text": "x", "count": 1e400}]}',
     "malformed entry"),
    ('{"newslint-baseline": 1, "findings": [{"path": ["a"], "code": "NL101", "text": "x"}]}', "malformed entry"),
    ('{"newslint-baseline": 1, "findings": [5]}', "malformed entry"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_hostile_baseline_is_one_line(here: Path, run_cli, content: str, message: str) -> None:
    (here / "b.json").write_text(content, encoding="utf-8")
    assert message in one_error_line(run_cli("check", "--baseline", "b.json", "a.txt"))
