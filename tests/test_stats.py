"""``newslint stats``: per-story readability figures as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import readability as R
from newslint.api import parse
from newslint.stats import run_stats

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]

SHORT = "Bridge reopens\n\nThe bridge reopened today. Drivers were pleased.\n"
LONGER = (
    "Council sets budget\n\nBy Sam Reid\n\nThe council agreed its budget on Tuesday after a long "
    "debate about libraries. Councillors voted to keep every branch open.\n\n"
    "Opposition members said the plan relied on optimistic assumptions about income.\n"
)


@pytest.fixture
def stories(tmp_path):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    sub = tmp_path / "desk"
    sub.mkdir()
    (sub / "b.txt").write_text(LONGER, encoding="utf-8")
    (sub / "notes.log").write_text("not a story", encoding="utf-8")
    return tmp_path


def test_json_has_the_figures_of_each_story(stories):
    out, status = run_stats([str(stories)], "json")
    assert status == 0
    data = json.loads(out)
    paths = [Path(f["path"]).name for f in data["files"]]
    assert paths == ["a.txt", "b.txt"]  # the .log file is not a story
    a = data["files"][0]
    doc = parse(SHORT)
    fig = R.story_figures(doc)
    assert a["words"] == fig.words == 9
    assert a["sentences"] == fig.sentences == 3  # headline + 2
    assert a["grade"] == round(fig.grade, 1)
    assert a["reading_ease"] == round(fig.reading_ease, 1)
    assert a["reading_time_seconds"] == round(9 * 60 / R.WORDS_PER_MINUTE)
    b = data["files"][1]
    assert b["words"] == 3 + 20 + 11  # the byline is left out
    assert b["paragraphs"] == 2
    total = data["total"]
    assert total["words"] == a["words"] + b["words"]
    assert total["sentences"] == a["sentences"] + b["sentences"]
    if R.textstat_offline() is not None:
        assert set(a["textstat"]) >= {"gunning_fog", "smog_index", "coleman_liau_index"}


def test_table_lists_each_story_and_a_total(stories):
    out, status = run_stats([str(stories / "a.txt"), str(stories / "desk" / "b.txt")], "text")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Story", "Words", "Sentences"]
    assert "Reading time" in lines[0]
    row_a = next(line for line in lines if line.startswith(str(stories / "a.txt")))
    assert row_a.split()[1:3] == ["9", "3"]
    assert row_a.split()[-1] == "0:02"
    assert any(line.startswith("total (2 stories)") and " 43 " in line for line in lines)


def test_single_story_has_no_total_row(stories):
    out, _ = run_stats([str(stories / "a.txt")], "text")
    assert "total (" not in out


def test_unreadable_files_are_reported_and_the_rest_measured(stories, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    out, status = run_stats([str(stories / "a.txt"), str(bad), str(tmp_path / "missing.txt")], "json")
    assert status == 2
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["a.txt"]
    err = capsys.readouterr().err
    assert "bad.txt: not valid UTF-8" in err
    assert "missing.txt: no such file" in err


def test_cli_stats_command(run_cli, stories):
    r = run_cli("stats", "--format", "json", str(stories / "a.txt"))
    assert r.code == 0, r.err
    assert json.loads(r.out)["files"][0]["words"] == 9
    r = run_cli("stats", str(stories / "a.txt"))
    assert r.code == 0 and r.out.startswith("Story")


@pytest.mark.skipif(not (ROOT / "seeds").is_dir() or not any((ROOT / "seeds").iterdir()),
                    reason="no seed articles")
def test_stats_on_the_seed_articles():
    out, status = run_stats([str(ROOT / "seeds")], "json")
    assert status == 0
    files = json.loads(out)["files"]
    assert files and all(f["words"] > 50 and 0 < f["grade"] < 25 for f in files)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is absent")
def test_stats_on_the_shared_seed():
    out, status = run_stats([str(SHARED / "seeds")], "text")
    assert status == 0
    assert "000_93e2d691004df282.txt" in out


def test_directory_without_stories_is_an_error(tmp_path, capsys):
    (tmp_path / "notes.log").write_text("nothing", encoding="utf-8")
    out, status = run_stats([str(tmp_path)], "text")
    assert status == 2 and out == ""
    assert "no stories found" in capsys.readouterr().err


def test_stats_reads_stdin_and_honours_max_file_size(tmp_path, monkeypatch, capsys):
    import io
    import sys as _sys

    from newslint.stats import run_stats

    monkeypatch.setattr(_sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Head\n\nOne short story here.\n")))
    out, status = run_stats(["-"], "json")
    data = __import__("json").loads(out)
    assert status == 0 and data["files"][0]["path"] == "-" and data["files"][0]["words"] == 5
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text("max-file-size = 10\n")
    (tmp_path / "s.txt").write_text("Head\n\nA story longer than ten bytes.\n")
    out, status = run_stats(["s.txt"], "json")
    assert status == 2 and "max-file-size" in capsys.readouterr().err
