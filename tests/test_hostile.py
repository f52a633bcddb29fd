"""Hostile input: run time grows with the size of the input, not faster.

Each shape of ``bench/hostile_shapes.py`` (runs of one character class, deep
nesting, huge single lines, many quotation marks, attributions, comments,
suppressions, live blogs...) is linted at a size ``n`` and at ``4 n``; the
parse and every rule are timed alone (CPU time).  Linear growth makes each
stage four times slower, n log n a little more, quadratic growth sixteen times:
a stage may grow at most ``LIMIT`` times (plus ``FLOOR`` seconds for the
clock's grain).  Times are never compared with fixed figures, and each
measurement is repeated (the least time kept) before a stage is failed, so a
slow or busy machine does not make the test fail.  The full sizes are in
``bench/bench_hostile.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newslint.api import check_text, make_settings
from newslint.budget import Budget, OutOfTime
from newslint.config import Overrides, SettingsResolver
from newslint.engine import Linter, LintOptions, _first_suppression, _Suppression
from newslint.registry import registry_with
from newslint.rule import Rule

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from hostile_shapes import SHAPES, stage_times  # noqa: E402

#: 4 n may take at most this many times as long as n (linear: 4; quadratic: 16)
LIMIT = 6.0
#: seconds of CPU time below which a difference is the clock's grain
FLOOR = 0.02
REPEATS = 3


def _least(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {k: min(a[k], b[k]) for k in a}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_time_grows_linearly(shape):
    make, n, _ = SHAPES[shape]
    large = stage_times(*make(4 * n))  # first: loads what the rules load once
    small = stage_times(*make(n))
    for attempt in range(REPEATS):
        slow = {k: (small[k], large[k]) for k in large if large[k] > LIMIT * small[k] + FLOOR}
        if not slow:
            return
        if attempt < REPEATS - 1:
            large = _least(large, stage_times(*make(4 * n)))
            small = _least(small, stage_times(*make(n)))
    detail = ", ".join(f"{k}: {a:.3f} s -> {b:.3f} s" for k, (a, b) in slow.items())
    pytest.fail(f"{shape}: from n = {n} to 4n, {detail}")


def test_every_shape_is_linted_whole():
    """Each shape at its test size goes through the whole engine without a crash
    or a position outside the source."""
    for shape, (make, n, _) in sorted(SHAPES.items()):
        fmt, source = make(n)
        for f in check_text(source, fmt, {"time-budget": 0}):
            assert f.code != "NL903", (shape, f.message)
            assert 0 <= f.source_start <= f.source_end <= len(source), shape
            assert "\n" not in f.message, shape


# -- suppression matching --------------------------------------------------------------


def _first_suppression_by_trial(diags, sups):
    out = []
    for d in diags:
        hit = None
        for s in sups:
            if d.code in s.codes and s.start <= d.start <= s.end and (s.kind != "ignore" or d.start < s.end):
                hit = s
                break
        out.append(hit)
    return out


def test_suppression_sweep_matches_trying_every_suppression():
    import random

    from newslint.diagnostics import Diagnostic, Severity

    rng = random.Random(12)
    for _ in range(2000):
        sups = []
        for _ in range(rng.randint(0, 8)):
            a = rng.randint(0, 50)
            sups.append(
                _Suppression(set(rng.sample("ABC", rng.randint(1, 2))), [], a, a + rng.randint(0, 30), 0, 0,
                             kind=rng.choice(["disable", "ignore"]))
            )
        diags = [
            Diagnostic(x, x, "m", rng.choice("ABCD"), "n", "c", Severity.WARNING)
            for x in (rng.randint(0, 90) for _ in range(rng.randint(0, 12)))
        ]
        expected = _first_suppression_by_trial(diags, sups)
        got = _first_suppression(diags, sups)
        assert all(a is b for a, b in zip(expected, got))


# -- deep nesting ----------------------------------------------------------------------


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_deeply_nested_markdown_is_one_clear_finding_and_the_run_goes_on(tmp_path):
    deep = tmp_path / "deep.md"
    deep.write_text("# Title\n\nThe the start.\n\n" + "- " * 5000 + "item\n\nAfter it.\n", encoding="utf-8")
    quotes = tmp_path / "quotes.md"
    quotes.write_text("# Title\n\n" + "> " * 5000 + "deep\n\nIt was the the end.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Title\n\nIt was the the end.\n", encoding="utf-8")
    proc = _run("check", "--isolated", "--format", "json", str(deep), str(quotes), str(other))
    assert "Traceback" not in proc.stderr
    findings = json.loads(proc.stdout)
    by_file = {}
    for f in findings:
        by_file.setdefault(Path(f["path"]).name, []).append(f)
    for name, line, last in (("deep.md", 5, 7), ("quotes.md", 3, 3)):
        nested = [f for f in by_file[name] if f["code"] == "NL905"]
        assert len(nested) == 1, by_file[name]
        msg = nested[0]["message"]
        assert "nested too deep" in msg and "\n" not in msg
        assert nested[0]["line"] == line
        assert (f"lines {line} to {last}" if last != line else f"line {line} is") in msg
    # what comes before the nesting, and the files after it, are still checked
    assert any(f["code"] == "NL603" and f["line"] == 3 for f in by_file["deep.md"])
    assert any(f["code"] == "NL603" for f in by_file["quotes.md"])
    assert any(f["code"] == "NL603" for f in by_file["other.txt"])
    assert proc.returncode == 1


# -- the time budget ---------------------------------------------------------------------


class Spins(Rule):
    """Loops forever on a document holding 'spin', in one regular expression.

    Why: a test of the time budget.

    Example: ``spin``

    Fix safety: none.
    """

    code = "XT901"
    name = "spins"
    category = "typography"
    summary = "Never finishes on 'spin'"

    def check(self, doc, ctx):
        import re

        if "spin" in doc.text:
            yield self.report(0, 1, "Before spinning")
            # catastrophic backtracking: one C call that never returns in time
            re.search(r"(x+x+)+y", "x" * 60)
        return


class Drips(Rule):
    """Reports one finding every few milliseconds on a document holding 'drip'.

    Why: a test of the time budget between findings.

    Example: ``drip``

    Fix safety: none.
    """

    code = "XT902"
    name = "drips"
    category = "typography"
    summary = "Slow on 'drip'"

    def check(self, doc, ctx):
        if "drip" in doc.text:
            for _ in range(100_000):
                time.sleep(0.005)
                yield self.report(0, 1, "Drip")


class _Plugin:
    from newslint.registry import hookimpl

    @hookimpl
    def newslint_rules(self):
        return [Spins, Drips]


def _linter(budget: float):
    registry = registry_with([_Plugin()])
    settings = make_settings({"extend-select": ["spins", "drips"], "time-budget": budget}, registry)
    linter = Linter(registry, SettingsResolver(registry, Overrides(isolated=True)), LintOptions())
    return linter, settings


def test_a_rule_out_of_time_is_stopped_and_named_and_the_others_still_report():
    linter, settings = _linter(0.5)
    start = time.monotonic()
    result = linter.lint_source("Title\n\nWe spin the the wheel , today.\n", "a.txt", settings)
    elapsed = time.monotonic() - start
    codes = [f.code for f in result.findings]
    timeouts = [f for f in result.findings if f.code == "NL908"]
    assert len(timeouts) == 1 and "XT901 (spins)" in timeouts[0].message
    assert "time-budget 0.5 s" in timeouts[0].message
    # the rules before and after it, and the finding it made before, come through
    assert "NL603" in codes and "NL601" in codes and "XT901" in codes
    assert elapsed < 10


def test_no_budget_means_no_limit():
    linter, settings = _linter(0)
    assert settings.time_budget is None
    result = linter.lint_source("Title\n\nIt was the the end.\n", "a.txt", settings)
    assert [f.code for f in result.findings] == ["NL603"]


def test_the_budget_holds_between_findings_outside_the_main_thread():
    linter, settings = _linter(0.3)
    out = {}

    def work():
        out["result"] = linter.lint_source("Title\n\nA drip of the the water.\n", "a.txt", settings)

    t = threading.Thread(target=work)
    t.start()
    t.join(30)
    assert not t.is_alive()
    findings = out["result"].findings
    assert any(f.code == "NL908" and "XT902 (drips)" in f.message for f in findings)
    assert any(f.code == "NL603" for f in findings)


def test_budget_restores_the_alarm_handler():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with Budget(5) as b:
        with pytest.raises(OutOfTime):
            with b.rule():
                raise OutOfTime()
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_cli_budget_with_jobs(tmp_path):
    """A file over the budget gets NL908, and the files checked beside it in other
    processes still report."""
    make = SHAPES["liveblog"][0]
    (tmp_path / "big.txt").write_text(make(20_000)[1], encoding="utf-8")
    for i in range(4):
        (tmp_path / f"small{i}.txt").write_text("Title\n\nIt was the the end.\n", encoding="utf-8")
    proc = _run("check", "--isolated", "--format", "json", "-j", "2", "--time-budget", "3", str(tmp_path))
    assert "Traceback" not in proc.stderr
    findings = json.loads(proc.stdout)
    big = [f for f in findings if f["path"].endswith("big.txt")]
    assert any(f["code"] == "NL908" and "ran out of time" in f["message"] for f in big)
    for i in range(4):
        assert any(f["path"].endswith(f"small{i}.txt") and f["code"] == "NL603" for f in findings)
    assert proc.returncode == 1


def test_time_budget_configuration_errors(tmp_path):
    (tmp_path / "newslint.toml").write_text("time-budget = -1\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    proc = _run("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "time-budget must be a number of seconds" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = _run("check", "--time-budget", "-3", "--isolated", str(tmp_path / "a.txt"))
    assert proc.returncode == 2 and "--time-budget" in proc.stderr
