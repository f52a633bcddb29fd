"""The closing summary line, `stats` defaults, and `check --help`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORY = "Head\n\nThe council said it was URGENT and NOISY news.\n"


@pytest.fixture
def desk(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def test_fix_on_standard_input_counts_standard_input(run_cli, desk):
    r = run_cli("check", "--fix", "-", stdin=STORY.encode())
    assert r.out == "Head\n\nThe council said it was urgent and noisy news.\n"
    assert "Fixed 2 problems in 1 file." in r.err
    assert "in 0 files" not in r.err


def test_fix_on_files_counts_files(run_cli, desk):
    (desk / "other.txt").write_text(STORY, encoding="utf-8")
    r = run_cli("check", "--fix", ".")
    assert "Fixed 4 problems in 2 files." in r.err


def test_nonexistent_path_summary_does_not_say_no_problems(run_cli, desk):
    r = run_cli("check", "missing.txt")
    assert r.code == 2
    assert "missing.txt: no such file or directory" in r.err
    assert "No problems" not in r.err
    assert "Nothing was checked. 1 path could not be checked" in r.err


def test_nonexistent_path_beside_a_real_one(run_cli, desk):
    r = run_cli("check", "missing.txt", "story.txt")
    assert r.code == 2
    assert "Found 2 problems (2 warning) in 1 file checked" in r.err
    assert "1 path could not be checked" in r.err


def test_clean_run_summary_unchanged(run_cli, desk):
    (desk / "story.txt").write_text("Head\n\nQuiet news.\n", encoding="utf-8")
    r = run_cli("check", "story.txt")
    assert r.code == 0 and r.err.strip() == "No problems in 1 file checked."


def test_stats_without_a_path_uses_the_current_folder(run_cli, desk):
    r = run_cli("stats", "--format", "json")
    assert r.code == 0, r.err
    assert [f["path"] for f in json.loads(r.out)["files"]] == ["story.txt"]


def test_stats_in_an_empty_folder_says_so(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_cli("stats")
    assert r.code == 2 and "no stories found" in r.err


def test_check_help_lists_every_output_format(run_cli, test_registry):
    r = run_cli("check", "--help")
    assert r.code == 0
    help_text = " ".join(r.out.split())
    assert "..." not in help_text.split("--format")[1].split("--output")[0]
    for name in test_registry.outputs:
        assert name in help_text
