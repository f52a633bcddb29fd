"""Include/exclude/per-file-ignores globs: matching, bad patterns, patterns that would backtrack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newslint.globs import GlobError, check_glob, glob_match


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("a.txt", "[!b].txt", True),
        ("b.txt", "[!b].txt", False),
        ("desk/a.txt", "[!b].txt", True),
        ("desk/b.txt", "[!b].txt", False),
        ("c.txt", "[a-c].txt", True),
        ("d.txt", "[a-c].txt", False),
        ("archive/2020/x.md", "archive/**", True),
        ("archive/2020/x.md", "archive/*.md", False),
        ("archive/x.md", "archive/*.md", True),
        ("x.md", "**/x.md", True),
        ("a/b/x.md", "**/x.md", True),
        ("a/b/x.md", "./a/*/x.md", True),
        ("a/b/x.md", "a/?/x.md", True),
        ("a/bb/x.md", "a/?/x.md", False),
        (".drafts/x.md", "**/*.md", True),
    ],
)
def test_glob_semantics(path, pattern, expected):
    assert glob_match(path, pattern) is expected


@pytest.mark.parametrize("pattern", ["[z-a]", "drafts/[9-0]*.md", "[!z-a].txt"])
def test_reversed_range_is_rejected(pattern):
    with pytest.raises(GlobError, match="runs backwards"):
        check_glob(pattern)


@pytest.mark.parametrize("pattern", ["[a-z]", "[]-]x", "[!]]", "[a-]", "a[", r"\[z-a\]"])
def test_valid_classes_are_accepted(pattern):
    check_glob(pattern)


def _tree(tmp_path: Path, config: str) -> None:
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nSOME text.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Head\n\nMORE text.\n", encoding="utf-8")


@pytest.mark.parametrize(
    "config",
    ["include = ['[z-a]']\n", "exclude = ['[z-a]']\n", "extend-exclude = ['x/[z-a]']\n",
     "[per-file-ignores]\n'[z-a].txt' = ['XT101']\n"],
)
def test_bad_glob_in_configuration_is_one_line_exit_2(run_cli, tmp_path, monkeypatch, config):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, config)
    r = run_cli("check", ".")
    assert r.code == 2
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert "[z-a]" in lines[0] and "runs backwards" in lines[0] and "Traceback" not in r.err


def test_negated_class_in_exclude(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, "exclude = ['[!b].txt']\n")
    r = run_cli("check", "--format", "json", ".")
    assert '"path": "b.txt"' in r.out and '"path": "a.txt"' not in r.out


def test_backtracking_glob_answers_promptly(tmp_path):
    """A glob that a naive translation to a regular expression would backtrack on
    for hours, against a long file name: the run must finish (bounded by a timeout)."""
    long_name = "a" * 200
    (tmp_path / long_name).write_text("Head\n\nSOME text.\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Head\n\nQuiet text.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        "include = ['*a*a*a*a*a*ab', '*.txt']\nexclude = ['*a*a*a*a*a*ab']\n"
        "[per-file-ignores]\n'*a*a*a*a*a*ab' = ['ALL']\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "."],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "No problems in 1 file checked" in proc.stderr
