"""`extend = "../newslint.toml"`: a desk's configuration built on the newsroom's, and
which file wins when several sit in one folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

LOUD = "Head\n\nThe BBC said it was LOUD  news, and the the end.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(run_cli, *args: str) -> list[tuple[str, str, str]]:
    r = run_cli("check", "--format", "json", *args)
    assert r.code in (0, 1), r
    return [(d["path"], d["code"], d["severity"]) for d in json.loads(r.out)]


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "newslint.toml",
          "ignore = ['multiple-spaces']\n[rules.shouting]\nmin-length = 3\n")
    write(tmp_path / "story.txt", LOUD)
    write(tmp_path / "desk/story.txt", LOUD)
    return tmp_path


def test_without_extend_a_desk_file_drops_the_root_settings(run_cli, newsroom):
    write(newsroom / "desk/newslint.toml", "[severity]\nrepeated-word = 'error'\n")
    found = codes(run_cli, "desk/story.txt")
    assert ("desk/story.txt", "NL602", "warning") in found  # multiple-spaces back on
    assert [c for _, c, _ in found].count("XT101") == 1  # min-length back to 4


def test_extend_keeps_the_root_settings_and_adds_the_desks(run_cli, newsroom):
    write(newsroom / "desk/newslint.toml",
          "extend = '../newslint.toml'\n[severity]\nrepeated-word = 'error'\n")
    root = codes(run_cli, "story.txt")
    desk = codes(run_cli, "desk/story.txt")
    assert "NL602" not in [c for _, c, _ in desk]
    assert [c for _, c, _ in desk].count("XT101") == 2  # BBC and LOUD: min-length 3 kept
    assert ("desk/story.txt", "NL603", "error") in desk
    assert ("story.txt", "NL603", "warning") in root


def test_the_extending_file_wins_and_tables_merge(run_cli, newsroom):
    write(newsroom / "newslint.toml",
          "ignore = ['multiple-spaces']\n[rules.shouting]\nmin-length = 3\n"
          "[severity]\nshouting = 'info'\nrepeated-word = 'info'\n")
    write(newsroom / "desk/newslint.toml",
          "extend = '../newslint.toml'\nignore = []\n[severity]\nrepeated-word = 'error'\n")
    desk = codes(run_cli, "desk/story.txt")
    assert ("desk/story.txt", "NL602", "warning") in desk  # ignore replaced by []
    assert ("desk/story.txt", "NL603", "error") in desk  # the desk's severity
    assert ("desk/story.txt", "XT101", "info") in desk  # the newsroom's severity kept


def test_chains_are_followed(run_cli, newsroom):
    write(newsroom / "desk/newslint.toml",
          "extend = '../newslint.toml'\n[severity]\nrepeated-word = 'error'\n")
    write(newsroom / "desk/sport/.newslint.toml", "extend = '../newslint.toml'\nfail-on = 'error'\n")
    write(newsroom / "desk/sport/story.txt", LOUD)
    found = codes(run_cli, "desk/sport/story.txt")
    assert "NL602" not in [c for _, c, _ in found]
    assert ("desk/sport/story.txt", "NL603", "error") in found
    assert [c for _, c, _ in found].count("XT101") == 2


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"newslint.toml": "extend = 'newslint.toml'\n"}, "extend makes a cycle"),
        ({"newslint.toml": "extend = 'b/newslint.toml'\n",
          "b/newslint.toml": "extend = '../c.toml'\n",
          "c.toml": "extend = 'newslint.toml'\n"}, "extend makes a cycle"),
        ({"newslint.toml": "extend = 'missing.toml'\n"}, "does not exist"),
        ({"newslint.toml": "extend = 'pyproject.toml'\n", "pyproject.toml": "[project]\nname = 'x'\n"},
         "has no [tool.newslint] table"),
        ({"newslint.toml": "extend = 5\n"}, "extend must be the path"),
        ({"newslint.toml": "extend = 'desk'\n", "desk/x.txt": ""}, "is not a configuration file"),
        ({"newslint.toml": "extend = 'base.toml'\n", "base.toml": "selcet = ['ALL']\n"},
         "unknown key 'selcet'"),
    ],
)
def test_bad_extends_are_one_clear_line(run_cli, tmp_path, monkeypatch, files, expected):
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        write(tmp_path / name, text)
    write(tmp_path / "story.txt", LOUD)
    r = run_cli("check", "story.txt")
    assert r.code == 2 and r.out == ""
    assert len(r.err.strip().splitlines()) == 1, r.err
    assert expected in r.err and "Traceback" not in r.err


def test_cycle_message_names_the_files(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "newslint.toml", "extend = 'b/newslint.toml'\n")
    write(tmp_path / "b/newslint.toml", "extend = '../newslint.toml'\n")
    write(tmp_path / "story.txt", LOUD)
    r = run_cli("check", "story.txt")
    a, b = str(tmp_path / "newslint.toml"), str(tmp_path / "b" / "newslint.toml")
    assert f"{a} -> {b} -> {a}" in r.err


def test_extend_with_config_option_and_pyproject(run_cli, newsroom):
    write(newsroom / "pyproject.toml", "[tool.newslint]\nignore = ['repeated-word']\n")
    write(newsroom / "ci.toml", "extend = 'pyproject.toml'\nextend-select = []\n")
    found = codes(run_cli, "--config", "ci.toml", "desk/story.txt")
    assert "NL603" not in [c for _, c, _ in found] and "NL602" in [c for _, c, _ in found]


def test_pack_files_stay_relative_to_the_file_that_names_them(run_cli, newsroom):
    write(newsroom / "style/newsroom.toml", 'name = "newsroom"\nterms = ["e-mail -> email"]\n')
    write(newsroom / "newslint.toml", "[rules.house-style]\npack-files = ['style/newsroom.toml']\n")
    write(newsroom / "desk/newslint.toml", "extend = '../newslint.toml'\n")
    write(newsroom / "desk/story.txt", "Head\n\nSend an e-mail today.\n")
    found = codes(run_cli, "desk/story.txt")
    assert ("desk/story.txt", "NL102", "warning") in found


def test_a_changed_extended_file_is_read_again(run_cli, newsroom):
    write(newsroom / "desk/newslint.toml", "extend = '../newslint.toml'\n")
    assert "NL602" not in [c for _, c, _ in codes(run_cli, "desk/story.txt")]
    write(newsroom / "newslint.toml", "ignore = ['repeated-word']\n")
    found = [c for _, c, _ in codes(run_cli, "desk/story.txt")]
    assert "NL602" in found and "NL603" not in found


def test_extend_through_the_api(tmp_path):
    from newslint.api import make_settings
    from newslint.config import ConfigError, settings_from_table
    from newslint.registry import default_registry

    with pytest.raises(ConfigError, match="extend is read only from a configuration file"):
        make_settings({"extend": "../newslint.toml"}, default_registry())
    write(tmp_path / "base.toml", "ignore = ['repeated-word']\n")
    desk = tmp_path / "desk" / "newslint.toml"
    write(desk, "extend = '../base.toml'\n")
    s = settings_from_table({"extend": "../base.toml", "fail-on": "error"}, default_registry(), desk, desk.parent)
    assert s.ignore == ("repeated-word",) and str(s.fail_on) == "error"


def test_which_file_wins_in_one_folder(run_cli, tmp_path, monkeypatch):
    """.newslint.toml beats newslint.toml, which beats [tool.newslint] in pyproject.toml;
    only the winner is read (the others are not merged)."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.txt", LOUD)
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nignore = ['repeated-word']\n")
    assert "NL603" not in [c for _, c, _ in codes(run_cli, "story.txt")]
    write(tmp_path / "newslint.toml", "ignore = ['multiple-spaces']\n")
    found = [c for _, c, _ in codes(run_cli, "story.txt")]
    assert "NL603" in found and "NL602" not in found
    write(tmp_path / ".newslint.toml", "ignore = ['shouting']\n")
    found = [c for _, c, _ in codes(run_cli, "story.txt")]
    assert "NL603" in found and "NL602" in found and "XT101" not in found
