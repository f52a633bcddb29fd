"""bench/run.py: refuses without its corpus, and measures a small one end to end."""

from __future__ import annotations

import importlib.util
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


def test_spelling_budget_counts_only_findings_not_reviewed_as_genuine(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    stories = {
        "a.txt": "Ferry fares rise\n\nThe operator said it would recieve the new ferry in May.\n",
        "b.txt": "Library to close\n\nThe council said the libary would close in June.\n",
        "c.txt": "Bridge reopens\n\nThe bridge reopened after an arguement over the cost of repairs.\n",
    }
    for name, text in stories.items():
        (corpus / name).write_text(text, encoding="utf-8")
    review = tmp_path / "review.tsv"
    review.write_text(
        "# file\tcode\tflagged text\tverdict\tnote\n"
        "a.txt\tNL103\trecieve\tgenuine\tmisspelt word\n"
        "b.txt\tNL103\tlibary\tfalse\tfor the test\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    proc = run("--corpus", str(corpus), "--skip-cli", "--repeat", "1", "--output", str(out), "--review", str(review))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["findings_by_code"].get("NL103") == 3
    nl1 = data["budgets"]["NL1xx"]
    assert nl1["findings"] == 3
    assert nl1["verdicts"] == {"genuine": 1, "false": 1, "unreviewed": 1}
    assert nl1["counted"] == 2  # the false one and the unreviewed one
    assert "1 genuine, 1 false, 1 unreviewed" in proc.stdout
    assert "[genuine] " in proc.stdout and "[unreviewed] " in proc.stdout


def test_review_table_is_read_in_one_place(tmp_path):
    spec = importlib.util.spec_from_file_location("spelling_review", REPO / "bench" / "spelling_review.py")
    review_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(review_module)
    table = tmp_path / "review.tsv"
    table.write_text("# comment\nx.txt\tNL101\tKiev\tgenuine\tnote\ny.txt\tNL103\tteh\tfalse\n", encoding="utf-8")
    review = review_module.load_review(table)
    assert review == {("x.txt", "NL101", "Kiev"): "genuine", ("y.txt", "NL103", "teh"): "false"}
    assert review_module.verdict_of(review, "/some/dir/x.txt", "NL101", "Kiev") == "genuine"
    assert review_module.verdict_of(review, "x.txt", "NL102", "Kiev") == "unreviewed"
    verdicts = [review_module.verdict_of(review, p, c, t) for p, c, t in
                [("x.txt", "NL101", "Kiev"), ("y.txt", "NL103", "teh"), ("z.txt", "NL103", "teh")]]
    assert review_module.count_verdicts(verdicts) == {"genuine": 1, "false": 1, "unreviewed": 1}
    # both benches use it rather than reading the table themselves
    for bench in ("run.py", "bench_spelling_recall.py"):
        source = (REPO / "bench" / bench).read_text(encoding="utf-8")
        assert "from spelling_review import" in source and "spelling_review.tsv\"" not in source
