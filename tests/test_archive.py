"""``newslint archive`` on a real Dask LocalCluster (2 worker processes)."""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from newslint.archive import ArchiveError, ArchiveOptions, run_archive  # noqa: E402

TIMEOUT = 60

STORIES = {
    "s01": "The goverment said on Monday that the the plan would go ahead.\n\nIt was approved.\n",
    "s02": 'Mr Smith said: "We are ready.\n\nCritics disagreed ,saying the plan was rushed.\n',
    "s03": "Ministers met in Kiev on Tuesday.\n\nThe talks  lasted two hours.\n",
    "s04": "A clean short story about the weather, which was mild.\n",
    "s05": "Olena Zelenska spoke first. Later Zelenskaa thanked the crowd.\n\nZelenska left at noon.\n",
    "s06": "The report was recieved by the council on Friday.\n\nIt will be published next week.\n",
    "s07": "Prices rose (  sharply ) in March.\n\nAnalysts had expected a fall.\n",
    "s08": "He said it was 'definately' the right call.\n",
}
MARKDOWN = {"m01": "# Budget\n\nThe council  voted on *Tuesday* to close the the library.\n"}


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=50)
    c = Client(cluster, timeout="30s")
    yield c
    c.close()
    cluster.close()


def _rows(extra: list[dict] | None = None) -> list[dict]:
    rows = [{"id": k, "text": v, "fmt": "text"} for k, v in STORIES.items()]
    rows += [{"id": k, "text": v, "fmt": "markdown"} for k, v in MARKDOWN.items()]
    return rows + (extra or [])


def _write_parquet(path: Path, rows: list[dict], files: int = 2) -> Path:
    path.mkdir()
    step = (len(rows) + files - 1) // files
    for i in range(files):
        chunk = rows[i * step:(i + 1) * step]
        table = pa.Table.from_pylist(chunk, schema=pa.schema([(k, pa.string()) for k in rows[0]]))
        pq.write_table(table, path / f"chunk-{i}.parquet")
    return path


def _check_findings(tmp_path: Path, run_cli) -> list[dict]:
    """What 'newslint check --format json' reports for the same stories as files."""
    d = tmp_path / "files"
    d.mkdir()
    for k, v in STORIES.items():
        (d / f"{k}.txt").write_text(v, encoding="utf-8")
    for k, v in MARKDOWN.items():
        (d / f"{k}.md").write_text(v, encoding="utf-8")
    res = run_cli("check", "--isolated", "--format", "json", str(d))
    assert res.code == 1, res
    out = []
    for f in json.loads(res.out):
        f = dict(f)
        f["id"] = Path(f.pop("path")).stem
        out.append(f)
    return out


_KEYS = ("id", "line", "column", "end_line", "end_column", "code", "name", "category", "severity",
         "message", "suggestions")


def _norm(records: list[dict]) -> list[tuple]:
    return sorted(tuple(json.dumps(r[k]) if k == "suggestions" else r[k] for k in _KEYS) for r in records)


def _read_parts(out: Path) -> list[dict]:
    return pq.read_table(out).to_pylist()


def _opts(inp: Path, out: Path, **kw) -> ArchiveOptions:
    base: dict = {"input": str(inp), "output": str(out), "format_column": "fmt", "partition_size": 3,
                  "config": {"select": ["ALL"], "ignore": ["grammar", "NL104"]}}
    base.update(kw)
    return ArchiveOptions(**base)  # type: ignore[arg-type]


def test_archive_findings_equal_check_findings(client, tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    expected = _check_findings(tmp_path, run_cli)
    inp = _write_parquet(tmp_path / "in", _rows())
    out = tmp_path / "findings.parquet"
    result = run_archive(_opts(inp, out, config={}), client, timeout=TIMEOUT)
    got = _read_parts(out)
    assert _norm(got) == _norm(expected)
    assert result.articles == len(STORIES) + len(MARKDOWN)
    assert result.partitions == 3 and result.failed == 0
    assert result.by_code == {c: sum(1 for f in expected if f["code"] == c) for c in {f["code"] for f in expected}}
    # deterministic order: articles in input order, each article's findings by position
    order = [r["id"] for r in got]
    ids = list(STORIES) + list(MARKDOWN)
    assert order == sorted(order, key=ids.index)
    # offsets point at the flagged text
    texts = {**STORIES, **MARKDOWN}
    misspelt = [texts[r["id"]][r["start_offset"]:r["end_offset"]] for r in got if r["code"] == "NL103"]
    assert "goverment" in misspelt and "recieved" in misspelt


def test_bad_rows_are_isolated(client, tmp_path):
    extra = [{"id": "nul", "text": None, "fmt": "text"}, {"id": "pdf", "text": "Some text.", "fmt": "pdf"}]
    rows = _rows()
    rows[2:2] = extra  # in the middle of a partition
    inp = _write_parquet(tmp_path / "in", rows, files=1)
    good = _write_parquet(tmp_path / "good", _rows(), files=1)
    result = run_archive(_opts(inp, tmp_path / "bad.parquet"), client, timeout=TIMEOUT)
    clean = run_archive(_opts(good, tmp_path / "good.parquet"), client, timeout=TIMEOUT)
    got = _read_parts(tmp_path / "bad.parquet")
    assert [(r["id"], r["code"]) for r in got if r["id"] in ("nul", "pdf")] == [("nul", "NL901"), ("pdf", "NL901")]
    assert _norm([r for r in got if r["id"] not in ("nul", "pdf")]) == _norm(_read_parts(tmp_path / "good.parquet"))
    assert result.failed == 2 and sorted(result.failed_ids) == ["nul", "pdf"]
    assert result.articles == clean.articles + 2


def test_resume_redoes_only_missing_partitions(client, tmp_path):
    rows = [{"id": str(i), "text": STORIES[k], "fmt": "text"} for i, k in enumerate(list(STORIES) * 2)]
    inp = tmp_path / "in.jsonl.gz"
    with gzip.open(inp, "wt", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    out = tmp_path / "out.jsonl"
    first = run_archive(_opts(inp, out), client, timeout=TIMEOUT)
    parts = sorted(p for p in os.listdir(out) if p.startswith("part-"))
    assert parts == [f"part-{i:05d}.jsonl" for i in range(6)]
    before = (out / parts[2]).read_text(encoding="utf-8")
    # an interrupted run: partition 2's findings never written, a stray temporary file left
    (out / parts[2]).unlink()
    (out / ".tmp-x.part").write_text("half", encoding="utf-8")
    stamps = {p: os.stat(out / p).st_mtime_ns for p in parts if p != parts[2]}
    second = run_archive(_opts(inp, out), client, timeout=TIMEOUT)
    assert second.resumed == 5
    assert (out / parts[2]).read_text(encoding="utf-8") == before
    assert {p: os.stat(out / p).st_mtime_ns for p in stamps} == stamps
    assert (second.articles, second.findings, second.by_code) == (first.articles, first.findings, first.by_code)
    summary = json.loads((out / "_summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == len(rows) and summary["findings"] == first.findings
    lines = [json.loads(x) for p in parts for x in (out / p).read_text(encoding="utf-8").splitlines()]
    assert len(lines) == first.findings and all(x["id"] for x in lines)
    # other input into the same folder is refused, then replaced with overwrite
    rows.append({"id": "new", "text": "A new story.", "fmt": "text"})
    with gzip.open(inp, "wt", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    with pytest.raises(ArchiveError, match="different input"):
        run_archive(_opts(inp, out), client, timeout=TIMEOUT)
    third = run_archive(_opts(inp, out, overwrite=True), client, timeout=TIMEOUT)
    assert third.resumed == 0 and third.articles == len(rows)


def test_cli_on_an_existing_scheduler_and_one_line_errors(client, tmp_path, run_cli):
    inp = _write_parquet(tmp_path / "in", _rows())
    out = tmp_path / "out"
    res = run_cli("archive", str(inp), "--output", str(out), "--format-column", "fmt",
                  "--scheduler", client.scheduler.address, "--partition-size", "4")
    assert res.code == 0, res
    assert "Checked 9 articles in 3 partitions" in res.err and "NL103" in res.err
    assert len(_read_parts(out)) > 0
    res = run_cli("archive", str(inp), "--output", str(out), "--text-column", "body",
                  "--scheduler", client.scheduler.address)
    assert res.code == 2 and res.err.count("\n") == 1 and "no column 'body'" in res.err
    res = run_cli("archive", str(tmp_path / "nothing.parquet"), "--output", str(out))
    assert res.code == 2 and "no such file" in res.err and res.err.count("\n") == 1


def test_without_the_extra_one_line_says_how_to_install(run_cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    res = run_cli("archive", str(tmp_path / "in.parquet"), "--output", str(tmp_path / "out"))
    assert res.code == 2
    assert res.err == "newslint: error: newslint archive needs the dask extra: pip install 'newslint[dask]'\n"


def test_archive_wide_on_dask_equals_check_archive_wide(client, tmp_path, run_cli, monkeypatch):
    from support.synthetic_archive import EXPECTED, stories

    texts = stories()
    d = tmp_path / "files"
    d.mkdir()
    for k, v in texts.items():
        (d / f"{k}.txt").write_text(v, encoding="utf-8")
    monkeypatch.chdir(d)
    res = run_cli("check", "--isolated", "--archive-wide", "--select", "NL105,NL305", "--format", "json", ".")
    expected = sorted((Path(f["path"]).stem, f["code"], f["line"], f["column"], f["message"].replace(".txt", ""))
                      for f in json.loads(res.out))
    assert {(i, c) for i, c, *_ in expected} == {(i, c) for i, c, _ in EXPECTED}
    # dates in id order (the earlier copy is the first published); the stories
    # spelling 'Zelenskyy' (s00-s11) and 'Zelensky' (s12, s13) fall on different days
    rows = [{"id": k, "text": v, "fmt": "text", "desk": "news",
             "day": "2026-11-01" if k < "s12" else "2026-11-02" if k < "s18" else "2026-11-03"}
            for k, v in texts.items()]
    inp = _write_parquet(tmp_path / "in", rows, files=3)
    out = tmp_path / "out.parquet"
    result = run_archive(_opts(inp, out, partition_size=5, archive_wide=True, section_column="desk",
                               date_column="day", config={"select": ["NL105", "NL305"]}), client, timeout=TIMEOUT)
    got = sorted((r["id"], r["code"], r["line"], r["column"], r["message"].replace(" (in news)", ""))
                 for r in _read_parts(out))
    assert got == expected
    assert result.by_code == {"NL105": 2, "NL305": 2}
    assert any(n.startswith("cross-NL305-") for n in os.listdir(out))
    # a date window of one day splits the archive: nothing is in the majority any more
    windowed = run_archive(_opts(inp, tmp_path / "w.parquet", partition_size=5, archive_wide=True,
                                 section_column="desk", date_column="day",
                                 config={"select": ["NL105"], "rules": {"cross-story-spelling": {"window-days": 1}}}),
                           client, timeout=TIMEOUT)
    assert "NL105" not in windowed.by_code


def test_cli_archive_wide_jsonl_output(client, tmp_path, run_cli):
    from support.synthetic_archive import stories

    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in stories().items()), encoding="utf-8")
    out = tmp_path / "found.jsonl.gz"
    res = run_cli("archive", str(inp), "-o", str(out), "--scheduler", client.scheduler.address, "--archive-wide",
                  "--select", "NL105,NL305", "--partition-size", "7")
    assert res.code == 0, res
    assert "Checked 24 articles in 4 partitions" in res.err and "NL105 2, NL305 2" in res.err
    lines = [json.loads(x) for p in sorted(out.glob("cross-*.jsonl.gz"))
             for x in gzip.open(p, "rt", encoding="utf-8").read().splitlines()]
    assert sorted((r["id"], r["code"]) for r in lines) == [("s12", "NL105"), ("s13", "NL105"),
                                                           ("s17", "NL305"), ("s21", "NL305")]
