"""bench/run.py: refuses without its corpus, and measures a small one end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "run.py"

ARTICLES = {
    "a.txt": "Ferry fares rise\n\nFerry fares will rise by 5% in May , the operator said.\n",
    "b.txt": "Library to close\n\nThe the library on Hill Street will close in June, the council said.\n",
    "c.txt": "Bridge reopens\n\nThe bridge reopened on Monday after three months of repairs.\n",
}


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCH), *args], capture_output=True, text=True, cwd=cwd)


def test_refuses_without_the_corpus(tmp_path):
    proc = run("--corpus", str(tmp_path / "missing"), "--output", str(tmp_path / "out.json"))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "not available" in lines[0]
    assert not (tmp_path / "out.json").exists()


def test_measures_a_small_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    proc = run("--corpus", str(corpus), "--skip-cli", "--repeat", "1", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "art/s" in proc.stdout and "Where the time goes" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["corpus"]["articles"] == 3
    assert data["corpus"]["words"] > 20
    assert data["in_process"]["articles_per_s"] > 0
    codes = data["in_process"]["rules"]
    assert "NL601" in codes and "NL603" in codes
    assert {r["code"] for r in data["rules"]} == set(codes)
    # the two planted slips are found, by the API run and by each rule alone
    assert data["findings_by_code"].get("NL601") == 1
    assert data["findings_by_code"].get("NL603") == 1
    by_rule = {r["code"]: r["findings"] for r in data["rules"]}
    assert by_rule["NL601"] == 1 and by_rule["NL603"] == 1
    assert set(data["budgets"]) == {"NL1xx", "NL201", "NL3xx"}
