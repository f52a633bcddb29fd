"""Cross-story rules (NL105, NL305) on a synthetic archive with planted cases,
on one machine (check --archive-wide); the Dask run is in test_archive.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.synthetic_archive import EXACT, EXPECTED, stories

from newslint.crossstory import LocalExecutor

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def _write(d: Path, texts: dict[str, str]) -> Path:
    d.mkdir(exist_ok=True)
    for k, v in texts.items():
        (d / f"{k}.txt").write_text(v, encoding="utf-8")
    return d


def _found(res) -> set[tuple[str, str, str]]:
    texts = stories()
    out = set()
    for f in json.loads(res.out):
        sid = Path(f["path"]).stem
        line = texts[sid].splitlines()[f["line"] - 1]
        out.add((sid, f["code"], line[f["column"] - 1:][: 8 if f["code"] == "NL105" else 20]))
    return out


def test_planted_cases_are_found_and_nothing_else(run_cli, tmp_path):
    d = _write(tmp_path / "archive", stories())
    res = run_cli("check", "--isolated", "--archive-wide", "--select", "NL105,NL305", "--format", "json", str(d))
    assert res.code == 1, res
    assert _found(res) == EXPECTED
    msgs = {Path(f["path"]).stem: f["message"] for f in json.loads(res.out)}
    assert msgs["s12"] == ("'Zelensky' here and in 1 other story; 'Zelenskyy' in 12 stories: "
                           "one name spelled two ways across the archive")
    assert "Paragraph also published in story" in msgs["s17"] and "s05.txt' (line 13)" in msgs["s17"]
    assert "nearly the same" in msgs["s21"] and "% of its wording shared" in msgs["s21"]


def test_without_archive_wide_the_rules_say_nothing(run_cli, tmp_path):
    d = _write(tmp_path / "archive", stories())
    res = run_cli("check", "--isolated", "--select", "NL105,NL305", "--format", "json", str(d))
    assert res.code == 0 and json.loads(res.out) == []


def test_boilerplate_threshold_and_minority_ratio_are_options(run_cli, tmp_path):
    d = _write(tmp_path / "archive", stories())
    (tmp_path / "newslint.toml").write_text(
        "select = ['NL105', 'NL305']\n"
        "[rules.cross-story-duplicate]\nboilerplate = 20\n"
        "[rules.cross-story-spelling]\nmin-ratio = 7.0\n", encoding="utf-8")
    res = run_cli("check", "--config", str(tmp_path / "newslint.toml"), "--archive-wide", "--format", "json", str(d))
    found = _found(res)
    # the footer in 10 stories is no longer boilerplate: reported on all but the first
    assert sum(1 for s, c, t in found if c == "NL305" and t.startswith("This story was")) == 9
    # 12 against 2 is under a ratio of 7: the spelling is not reported
    assert not any(c == "NL105" for _, c, _ in found)
    assert ("s17", "NL305", EXACT[:20]) in found


def test_two_copies_in_one_story_are_not_cross_story(run_cli, tmp_path):
    texts = {"a": f"Headline\n\n{EXACT}\n\n{EXACT}\n", "b": "Another story about the weather.\n"}
    d = _write(tmp_path / "archive", texts)
    res = run_cli("check", "--isolated", "--archive-wide", "--select", "NL305", "--format", "json", str(d))
    assert json.loads(res.out) == []


def test_local_executor_groups_by_key_in_a_stable_order():
    ex = LocalExecutor()
    rows = [{"k": "b", "v": 1}, {"k": "a", "v": 2}, {"k": "b", "v": 3}]
    out = ex.shuffle(rows, lambda r: r["k"], lambda k, g: [{"k": k, "sum": sum(r["v"] for r in g)}])
    assert out == [{"k": "a", "sum": 2}, {"k": "b", "sum": 4}]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus/bbc is not present")
def test_corpus_seeded_archive_finds_a_planted_copy(run_cli, tmp_path):
    """Real stories, with a paragraph of one pasted into another."""
    files = sorted(SHARED.glob("*.txt"))[:60]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in files}
    donor = next(k for k, v in texts.items() if any(len(par.split()) >= 30 for par in v.split("\n\n")))
    para = next(par for par in texts[donor].split("\n\n") if len(par.split()) >= 30)
    target = next(k for k in texts if k > donor)
    texts[target] = texts[target].rstrip("\n") + "\n\n" + para + "\n"
    d = _write(tmp_path / "bbc", texts)
    res = run_cli("check", "--isolated", "--archive-wide", "--select", "NL305", "--format", "json", str(d))
    found = [(Path(f["path"]).stem, f["data"]["other_story"]) for f in json.loads(res.out)]
    assert (target, str(d / f"{donor}.txt")) in found


def test_short_names_a_letter_apart_and_known_names_are_two_names(run_cli, tmp_path):
    texts = {}
    for i in range(6):
        texts[f"a{i}"] = (f"Story {i}\n\nJohn Davis met Robert Peston at the Boeing plant on day {i}.\n")
    texts["b0"] = "Story b\n\nThe forum in Davos heard Mr Preston speak about the Boing jets.\n"
    d = _write(tmp_path / "archive", texts)
    res = run_cli("check", "--isolated", "--archive-wide", "--select", "NL105", "--format", "json", str(d))
    found = [(Path(f["path"]).stem, f["message"].split("'")[1], f["suggestions"]) for f in json.loads(res.out)]
    assert found == [("b0", "Boing", ["Boeing"])]
