"""bench/bench_spelling_recall.py: the re-spelling generator and the corpus check."""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "bench_spelling_recall.py"

spec = importlib.util.spec_from_file_location("bench_spelling_recall", BENCH)
assert spec is not None and spec.loader is not None
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

STORY = (
    "Ferry operator expands\n\n"
    "The ferry operator Brightwater said on Monday it would add two routes. "
    "Chief executive Mira Osterlund said the new ships were ready.\n\n"
    "Ms Osterlund added that Brightwater had hired 40 crew. However, fares will rise.\n"
)


def test_names_used_twice_skip_sentence_openers_days_and_one_off_words():
    names = bench.names_used_twice(STORY)
    assert set(names) == {"Brightwater", "Osterlund"}
    assert all(STORY[o: o + len(n)] == n for n, offs in names.items() for o in offs)


@pytest.mark.parametrize("kind", bench.KINDS)
def test_one_edit_of_each_kind_after_the_first_letter(kind):
    from rapidfuzz.distance import OSA

    for seed in range(50):
        new = bench.respell("Osterlund", kind, random.Random(seed))
        assert new is not None and new != "Osterlund" and new[0] == "O"
        assert OSA.distance(new.lower(), "osterlund") == 1
        if kind == "doubled":
            assert len(new) == 10 and any(new[i] == new[i + 1] for i in range(1, 9))
        elif kind == "dropped":
            assert len(new) == 8
        elif kind == "swapped":
            assert len(new) == 9 and sorted(new) == sorted("Osterlund")
        else:
            assert len(new) == 9 and sum(x != y for x, y in zip(new, "Osterlund")) == 1


def test_planting_is_reproducible_and_replaces_one_use():
    a, _ = bench.plant(STORY, "swapped", random.Random("13:x.txt:swapped"))
    b, _ = bench.plant(STORY, "swapped", random.Random("13:x.txt:swapped"))
    assert a == b and a is not None
    assert a.text[a.start: a.end] == a.respelled
    assert a.text[: a.start] == STORY[: a.start]
    assert a.text.count(a.name) == STORY.count(a.name) - 1


def test_refuses_without_the_corpus(tmp_path):
    proc = subprocess.run([sys.executable, str(BENCH), "--corpus", str(tmp_path / "missing")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "not available" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
