"""`newslint check --changed-since REV` in a real git repository made in tmp_path."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ORIGINAL = (
    "Head\n\n"
    "The the council met on Tuesday.\n\n"
    "It was was a long meeting.\n\n"
    "Nothing else happened.\n"
)


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org",
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, capture_output=True, text=True, timeout=60, check=True,
    )
    return proc.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "story.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "old.txt").write_text("Head\n\nSo so old.\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def lines(run_cli, *args: str) -> tuple[int, list[tuple[str, int]]]:
    r = run_cli("check", "--select", "repeated-word", "--format", "json", *args)
    assert r.code in (0, 1), r
    return r.code, [(f["path"], f["line"]) for f in json.loads(r.out)]


def test_without_changes_nothing_is_reported(run_cli, repo):
    assert lines(run_cli, "--changed-since", "HEAD", ".") == (0, [])
    assert lines(run_cli, ".")[1] == [("old.txt", 3), ("story.txt", 3), ("story.txt", 5)]


def test_uncommitted_edit_keeps_only_findings_on_changed_lines(run_cli, repo):
    text = ORIGINAL.replace("Nothing else happened.", "Then then it ended.")
    (repo / "story.txt").write_text(text, encoding="utf-8")
    assert lines(run_cli, "--changed-since", "HEAD", ".") == (1, [("story.txt", 7)])


def test_staged_and_committed_changes_count_since_an_older_revision(run_cli, repo):
    first = git(repo, "rev-parse", "HEAD")
    text = ORIGINAL.replace("It was was a long meeting.", "It is is a long meeting.")
    (repo / "story.txt").write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    text = text.replace("Nothing else happened.", "Then then it ended.")
    (repo / "story.txt").write_text(text, encoding="utf-8")
    git(repo, "add", "story.txt")  # staged, not committed
    assert lines(run_cli, "--changed-since", first, ".")[1] == [("story.txt", 5), ("story.txt", 7)]
    assert lines(run_cli, "--changed-since", "HEAD", ".")[1] == [("story.txt", 7)]
    assert lines(run_cli, "--changed-since", "main~1", "story.txt")[1] == [("story.txt", 5), ("story.txt", 7)]


def test_a_branch_that_moved_on_counts_from_where_they_parted(run_cli, repo):
    """Under a pull request `--changed-since main` means the branch's own changes,
    not lines main changed after the branch left it."""
    git(repo, "checkout", "-q", "-b", "feature")
    text = ORIGINAL.replace("Nothing else happened.", "Then then it ended.")
    (repo / "story.txt").write_text(text, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "feature edit")
    git(repo, "checkout", "-q", "main")
    on_main = ORIGINAL.replace("It was was a long meeting.", "It is is a long meeting.")
    (repo / "story.txt").write_text(on_main, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main edit")
    git(repo, "checkout", "-q", "feature")
    assert lines(run_cli, "--changed-since", "main", ".")[1] == [("story.txt", 7)]


def test_unrelated_history_is_one_clear_line(run_cli, repo):
    git(repo, "checkout", "-q", "--orphan", "other")
    git(repo, "commit", "-q", "-m", "unrelated")
    r = run_cli("check", "--changed-since", "main", ".")
    assert r.code == 2 and "'main' and the current commit have no common history" in r.err


def test_new_files_are_wholly_changed(run_cli, repo):
    (repo / "desk").mkdir()
    (repo / "desk" / "new story.md").write_text("# Head\n\nA a new one.\n\nAnd and more.\n", encoding="utf-8")
    (repo / "added.txt").write_text("Head\n\nOn on it goes.\n", encoding="utf-8")
    git(repo, "add", "added.txt")
    assert lines(run_cli, "--changed-since", "HEAD", ".")[1] == [
        ("added.txt", 3), ("desk/new story.md", 3), ("desk/new story.md", 5)]


def test_ignored_untracked_files_are_not_new(run_cli, repo):
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "x.txt").write_text("Head\n\nA a draft.\n", encoding="utf-8")
    assert lines(run_cli, "--changed-since", "HEAD", "drafts/x.txt")[1] == []


def test_a_deleted_line_alone_reports_nothing(run_cli, repo):
    (repo / "story.txt").write_text(ORIGINAL.replace("Nothing else happened.\n", ""), encoding="utf-8")
    assert lines(run_cli, "--changed-since", "HEAD", ".") == (0, [])


def test_from_a_subfolder_and_with_non_ascii_names(run_cli, repo, monkeypatch):
    sub = repo / "desk"
    sub.mkdir()
    (sub / "café.txt").write_text("Head\n\nQuiet.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "café")
    (sub / "café.txt").write_text("Head\n\nQuiet quiet.\n\nAnd and more.\n", encoding="utf-8")
    monkeypatch.chdir(sub)
    assert lines(run_cli, "--changed-since", "HEAD", ".")[1] == [("café.txt", 3), ("café.txt", 5)]
    assert lines(run_cli, "--changed-since", "HEAD", "../story.txt")[1] == []


def test_unknown_revision_is_one_clear_line(run_cli, repo):
    r = run_cli("check", "--changed-since", "no-such-branch", ".")
    assert r.code == 2 and r.out == ""
    assert r.err.strip() == "newslint: error: --changed-since: unknown git revision 'no-such-branch'"


def test_option_like_revision_is_refused(run_cli, repo):
    r = run_cli("check", "--changed-since=--output=x", ".")
    assert r.code == 2 and "is not a git revision" in r.err
    assert not (repo / "x").exists()


def test_outside_a_git_repository(run_cli, tmp_path, monkeypatch):
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "story.txt").write_text(ORIGINAL, encoding="utf-8")
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    r = run_cli("check", "--changed-since", "HEAD", ".")
    assert r.code == 2 and r.out == ""
    lines_ = r.err.strip().splitlines()
    assert lines_ == [f"newslint: error: --changed-since needs a git repository, and {outside} is not inside one"]


def test_fix_with_changed_since_is_refused(run_cli, repo):
    r = run_cli("check", "--fix", "--changed-since", "HEAD", ".")
    assert r.code == 2 and "cannot be used with --fix" in r.err
    assert (repo / "story.txt").read_text(encoding="utf-8") == ORIGINAL


def test_a_finding_spanning_lines_is_kept_when_any_of_them_changed(run_cli, repo):
    (repo / "story.txt").write_text(ORIGINAL.replace("It was was a long meeting.", "It was\nwas a long meeting."),
                                    encoding="utf-8")
    assert lines(run_cli, "--changed-since", "HEAD", ".")[1] == [("story.txt", 5)]
