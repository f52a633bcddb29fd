"""bench/bench_attribution.py: refuses without its corpus, and measures a small one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "bench_attribution.py"

STORIES = {
    # flipped to "she", the attribution contradicts Declan Rowe, who is far more
    # prominent than Priya Natarajan two paragraphs up (but not 100 times more)
    "a.txt": "Harbour wall\n\nCouncil engineer Priya Natarajan warned about the cracks in 2019.\n\n"
    "The harbour master, Declan Rowe, said the boats had been moved.\n\n"
    "'We cannot risk another storm,' he said.\n",
    # a group: "they" is never flipped, nothing to report
    "b.txt": "Strike ends\n\nDrivers voted to accept the offer.\n\n'We have been listened to,' they said.\n",
    # a slip in the unmodified copy: reported, with its context (and flipping it
    # makes it right, so that flip is not caught)
    "c.txt": "Museum reopens\n\nMs Ingrid Halvorsen reopened the museum on Monday.\n\n"
    "'The collection is intact,' he said.\n",
}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH), *args], capture_output=True, text=True, cwd=REPO)


def test_refuses_without_the_corpus(tmp_path):
    proc = run("--corpus", str(tmp_path / "missing"))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no corpus" in lines[0]


def test_measures_a_small_corpus(tmp_path):
    for name, text in STORIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run("--corpus", str(tmp_path), "--ratios", "1.5,100", "--misses", "5")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    # two he/she attributions flipped: the one in a.txt is caught at the default
    # ratio, not at 100; the one in c.txt is correct once flipped
    assert "2 pronoun attributions flipped" in out
    assert "recall 50.0% (1/2 flips caught); 1 findings on the unmodified corpus" in out
    assert "   1.50    50.0%     1/2          1" in out
    assert " 100.00     0.0%     0/2          1" in out
    assert "c.txt: 'he' refers to Ingrid Halvorsen (line 3), a woman, called 'Ms Ingrid Halvorsen' on line 3" in out
    assert "intact,' [[he]] said" in out
    # the misses are listed with the flipped pronoun
    assert "flips not caught (first 1)" in out and "intact,' [[she]] said" in out
