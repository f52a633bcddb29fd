#!/usr/bin/env python3
"""Throughput of ``newslint archive`` on Dask against ``newslint check`` on files.

    nice .venv/bin/python bench/bench_archive.py [--rows 10624] [--partition-size 500]

The articles of ../shared/corpus/bbc are replicated (each copy with its own id) to
at least ``--rows`` rows, written once as a Parquet file and once as one text file
per article.  Then, with the default rule set and no configuration file:

* ``archive`` on a LocalCluster of 1 and of 2 worker processes (one thread each):
  wall time from before the cluster starts to the last partition written, the
  time the tasks spent linting (summed over workers), and so the engine's overhead
  (start-up, reading, serialisation, scheduling, writing: wall time minus linting
  time per worker) as a share of the run; peak memory (maximum resident set) of
  each worker process;
* ``newslint check -j 1`` and ``-j 2`` on the same articles as files, timed as a
  whole.

Needs the dask extra (``pip install -e '.[dask]'``).  Figures go to standard output
and to ``bench/results/archive.json`` (not committed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    u = resource.getrusage(who)
    return u.ru_utime + u.ru_stime


def build(rows: int, where: Path) -> tuple[Path, Path, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    copies = -(-rows // len(texts))
    ids, bodies = [], []
    files = where / "files"
    files.mkdir()
    for c in range(copies):
        for stem, text in texts:
            rid = f"{stem}-{c}"
            ids.append(rid)
            bodies.append(text)
            (files / f"{rid}.txt").write_text(text, encoding="utf-8")
    table = pa.table({"id": ids, "text": bodies})
    parquet = where / "articles.parquet"
    pq.write_table(table, parquet, row_group_size=2000)
    return parquet, files, len(ids)


def run_archive_bench(parquet: Path, out: Path, workers: int, partition_size: int) -> dict:
    from distributed import Client, LocalCluster

    from newslint.archive import ArchiveOptions, run_archive

    t0, c0 = time.perf_counter(), _cpu()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=50)
    client = Client(cluster)
    started = time.perf_counter() - t0
    try:
        opts = ArchiveOptions(input=str(parquet), output=str(out), partition_size=partition_size)
        result = run_archive(opts, client)
        wall = time.perf_counter() - t0
        peaks = sorted(client.run(_peak_rss_mb).values())
        worker_cpu = sum(client.run(_cpu).values())
        driver_cpu = _cpu() - c0  # the client and, in a LocalCluster, the scheduler
    finally:
        client.close()
        cluster.close()
    per_worker_lint = result.lint_seconds / workers
    total_cpu = worker_cpu + driver_cpu
    return {
        "workers": workers,
        "articles": result.articles,
        "findings": result.findings,
        "wall_s": round(wall, 2),
        "cluster_start_s": round(started, 2),
        "lint_s_summed": round(result.lint_seconds, 2),
        "articles_per_s": round(result.articles / wall, 1),
        "articles_per_s_per_worker": round(result.articles / wall / workers, 1),
        "overhead_share": round(max(0.0, wall - per_worker_lint) / wall, 3),
        "lint_cpu_s": round(result.lint_cpu_seconds, 2),
        "worker_cpu_s": round(worker_cpu, 2),
        "driver_cpu_s": round(driver_cpu, 2),
        "overhead_cpu_share": round((total_cpu - result.lint_cpu_seconds) / total_cpu, 3),
        "articles_per_cpu_s": round(result.articles / total_cpu, 1),
        "peak_rss_mb_per_worker": [round(p) for p in peaks],
    }


def run_check_bench(files: Path, jobs: int, n: int) -> dict:
    exe = Path(sys.executable).parent / "newslint"
    t0, c0 = time.perf_counter(), _cpu(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([str(exe), "check", "--isolated", "-q", "-j", str(jobs), "--format", "json", str(files)],
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    cpu = _cpu(resource.RUSAGE_CHILDREN) - c0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newslint check failed: {proc.stderr.strip()[:200]}")
    return {"jobs": jobs, "articles": n, "findings": len(json.loads(proc.stdout)), "wall_s": round(wall, 2),
            "articles_per_s": round(n / wall, 1), "articles_per_s_per_process": round(n / wall / jobs, 1),
            "cpu_s": round(cpu, 2), "articles_per_cpu_s": round(n / cpu, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--partition-size", type=int, default=500)
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "archive.json"))
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"bench_archive: {CORPUS} is not there; nothing to measure", file=sys.stderr)
        return 2
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("bench_archive: needs the dask extra: pip install -e '.[dask]'", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="newslint-bench-archive-"))
    report: dict = {"load_before": os.getloadavg()}
    try:
        parquet, files, n = build(args.rows, tmp)
        report["rows"] = n
        print(f"{n} articles ({n // 1328} copies of the BBC corpus); load average {os.getloadavg()[0]:.2f}")
        for w in (1, 2):
            r = run_archive_bench(parquet, tmp / f"out-{w}", w, args.partition_size)
            report[f"archive_{w}"] = r
            print(f"archive, {w} worker{'s' if w > 1 else ''}: {r['wall_s']} s, {r['articles_per_s']} articles/s "
                  f"({r['articles_per_s_per_worker']} per worker), cluster start {r['cluster_start_s']} s, "
                  f"overhead {r['overhead_share']:.1%} of wall time, {r['overhead_cpu_share']:.1%} of CPU time; "
                  f"{r['articles_per_cpu_s']} articles per CPU second; peak RSS per worker "
                  f"{r['peak_rss_mb_per_worker']} MB")
        for j in (1, 2):
            r = run_check_bench(files, j, n)
            report[f"check_j{j}"] = r
            print(f"check -j {j}: {r['wall_s']} s, {r['articles_per_s']} articles/s, "
                  f"{r['articles_per_cpu_s']} articles per CPU second")
        a1, a2, c1 = report["archive_1"], report["archive_2"], report["check_j1"]
        report["speedup_2_over_1"] = round(a2["articles_per_s"] / a1["articles_per_s"], 2)
        report["per_worker_vs_check_j1"] = round(a1["articles_per_s"] / c1["articles_per_s"], 3)
        # on a machine shared with other work, wall time measures the neighbours too;
        # CPU time does not: the ideal speed-up with two free cores is 2 x the ratio
        # of CPU per article with one worker to CPU per article with two
        report["cpu_speedup_2_over_1"] = round(2 * a2["articles_per_cpu_s"] / a1["articles_per_cpu_s"], 2)
        report["cpu_per_worker_vs_check_j1"] = round(a1["articles_per_cpu_s"] / c1["articles_per_cpu_s"], 3)
        report["findings_agree"] = a1["findings"] == a2["findings"] == c1["findings"] == report["check_j2"]["findings"]
        report["load_after"] = os.getloadavg()
        print(f"2 workers / 1 worker: {report['speedup_2_over_1']}x; 1 worker / check -j 1: "
              f"{report['per_worker_vs_check_j1']:.1%}; by CPU time: {report['cpu_speedup_2_over_1']}x and "
              f"{report['cpu_per_worker_vs_check_j1']:.1%}; same findings everywhere: {report['findings_agree']}; "
              f"load average before {report['load_before'][0]:.2f}, after {report['load_after'][0]:.2f}")
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
