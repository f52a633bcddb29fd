"""User regular expressions (ignore-patterns) cannot hang the run on backtracking."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint.userregex import PatternTimeout, compile_user_patterns

CATASTROPHIC = r"^(\w+\s?)+$"


def test_catastrophic_pattern_on_a_long_non_matching_text_returns() -> None:
    pats = compile_user_patterns([CATASTROPHIC], "ignore-patterns")
    assert pats is not None
    text = "word " * 20_000 + "!"
    t0 = time.monotonic()
    try:
        found = pats.search(text)
    except PatternTimeout:
        found = None  # given up in bounded time is fine too
    assert found is None
    assert time.monotonic() - t0 < 30  # Python's re takes longer than the age of the universe here
    assert pats.search("word " * 20_000) is not None  # and it still matches what it should


def test_a_search_that_runs_out_of_time_raises_a_clear_error() -> None:
    pats = compile_user_patterns([r"(a|aa)+b"], "ignore-patterns")
    assert pats is not None
    t0 = time.monotonic()
    with pytest.raises(PatternTimeout, match=r"ignore-patterns: '\(a\|aa\)\+b' took over 1 s"):
        pats.search("a" * 200)
    assert time.monotonic() - t0 < 20


def test_invalid_and_mid_pattern_flags_are_rejected_as_before() -> None:
    with pytest.raises(ValueError, match="not a valid regular expression"):
        compile_user_patterns(["a(?i)b"], "ignore-patterns")
    with pytest.raises(ValueError, match="redefinition of group name"):
        compile_user_patterns(["(?P<x>a)(?P<x>b)"], "ignore-patterns")
    # a leading flag is fine even when several patterns are given
    pats = compile_user_patterns(["x", "(?i)ABC"], "ignore-patterns")
    assert pats is not None and pats.search("abc") is not None


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(check=False, args=[sys.executable, "-m", "newslint", "check", *args], cwd=cwd,
                          capture_output=True, timeout=120, stdin=subprocess.DEVNULL)


def test_cli_with_a_backtracking_ignore_pattern_on_long_paragraphs(tmp_path: Path) -> None:
    para = " ".join(["council"] * 3000) + "!"
    (tmp_path / "a.txt").write_text(f"Headline\n\n{para}\n\n{para}\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        '[rules.duplicate-paragraph]\nignore-patterns = ["^(\\\\w+\\\\s?)+$"]\n'
        '[rules.duplicate-sentence]\nignore-patterns = ["^(\\\\w+\\\\s?)+$"]\n', encoding="utf-8")
    r = _run(tmp_path, "--select", "duplicate-paragraph,duplicate-sentence,rule-crash", "a.txt")
    out = r.stdout.decode()
    # the pattern does not match ("!"), so the repeat is still reported, in bounded time
    assert "a.txt:5:1: NL301 [duplicate-paragraph]" in out, (out, r.stderr)
    # and without the "!" it matches, so the repeat is ignored
    para = " ".join(["council"] * 3000)
    (tmp_path / "a.txt").write_text(f"Headline\n\n{para}\n\n{para}\n", encoding="utf-8")
    r = _run(tmp_path, "--select", "duplicate-paragraph,rule-crash", "a.txt")
    assert r.returncode == 0, r.stdout


def test_cli_pattern_timeout_is_reported_and_other_rules_still_run(tmp_path: Path) -> None:
    para = ("The council met on Tuesday to discuss the new budget for the town and its "
            "schools, and then the the meeting ended.")
    (tmp_path / "a.txt").write_text(f"Headline\n\n{para}\n\n{para}\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        '[rules.duplicate-paragraph]\nignore-patterns = ["(?:[a-z ]|[a-z ][a-z ])+\\\\d"]\n', encoding="utf-8")
    t0 = time.monotonic()
    r = _run(tmp_path, "--select", "duplicate-paragraph,repeated-word,rule-crash", "a.txt")
    out = r.stdout.decode()
    assert "NL903 [rule-crash]" in out and "took over 1 s" in out and "simplify the pattern" in out, out
    assert "a.txt:3:93: NL603 [repeated-word]" in out
    assert time.monotonic() - t0 < 60
