"""Throughput and accuracy benchmark of newslint's default rule set.

Run from the repository root:

    .venv/bin/python bench/run.py [--repeat N] [--jobs N] [--cold-runs N] [--findings]

It reads ../shared/corpus/bbc (1,328 BBC News articles; refuses with exit status 2
when the corpus is absent) and measures

* throughput of the default rule set in one process, through the Python API
  (``Linter.lint_source``: parsing included), as articles and words per second;
* the same with the command line, ``newslint check -j N`` on the corpus directory
  (wall time of the whole command, output included);
* peak memory (resident set size) of this process and of the largest CLI process;
* the cold start of ``newslint check`` on one article (median of several runs of
  the console script);
* where the time goes: parsing, each shared analysis, and each rule's ``check``
  on its own over the whole corpus;
* accuracy on edited copy: every finding of the NL1xx, NL2xx and NL3xx families,
  and each family's rate against the budgets in the issues (the corpus is clean,
  professionally edited copy, so findings there are mostly false positives);
* recall on ``seeds/``: which of the problems listed in ``seeds/README.md`` are
  found.

It prints a report and writes every figure to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from functools import cached_property
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from spelling_review import FALSE, GENUINE, REVIEW, UNREVIEWED, count_verdicts, load_review, verdict_of  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
RESULTS = REPO / "bench" / "results" / "latest.json"
SEEDS = REPO / "seeds"

#: Budgets from the issues: family -> (max findings, per this many words).
BUDGETS = {
    "NL1xx": (1, 10_000),
    "NL201": (1, 20_000),
    "NL3xx": (1, 20_000),
}
TARGET_ARTICLES_PER_SECOND = 300
TARGET_COLD_START_S = 0.3
REVIEW_FAMILIES = ("NL1", "NL2", "NL3")
SHOWN_PER_FAMILY = 30


# -- helpers --------------------------------------------------------------------------


def maxrss_mb(who: int) -> float:
    """Peak resident set size in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def newslint_command() -> list[str]:
    """The installed console script beside this Python, else ``python -m newslint``."""
    script = Path(sys.executable).parent / "newslint"
    if script.exists():
        return [str(script)]
    found = shutil.which("newslint")
    if found:
        return [found]
    return [sys.executable, "-m", "newslint"]


def rel(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def family_of(code: str) -> str:
    return code[:3] + "xx" if len(code) == 5 else code


class Timer:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> "Timer":
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


# -- stages ---------------------------------------------------------------------------


def load_corpus(corpus: Path) -> list[tuple[str, str]]:
    files = sorted(corpus.glob("*.txt"))
    return [(str(p), p.read_text(encoding="utf-8")) for p in files]


def throughput(sources, repeat: int):
    """Lint every article ``repeat`` times through the Python API; returns the
    passes' timings and the last pass's findings."""
    from newslint.config import Overrides, SettingsResolver
    from newslint.engine import Linter, LintOptions
    from newslint.registry import default_registry

    registry = default_registry()
    resolver = SettingsResolver(registry, Overrides(isolated=True))
    linter = Linter(registry, resolver, LintOptions())
    settings = resolver.for_path(sources[0][0])
    # warm-up: rules load their data lazily on first use
    for path, source in sources[:50]:
        linter.lint_source(source, path, settings)
    passes = []
    findings = []
    for _ in range(repeat):
        findings = []
        with Timer() as t:
            for path, source in sources:
                findings.extend(linter.lint_source(source, path, settings).findings)
        passes.append({"wall_s": t.wall, "cpu_s": t.cpu})
    rules = [r for r in linter.ruleset(settings).rules_for(sources[0][0]) if r.category != "meta"]
    return passes, findings, rules, settings


def where_time_goes(sources, rules, settings):
    """Parse once, compute each shared analysis once, then run each rule alone."""
    from newslint.document import Document
    from newslint.engine import parse_document
    from newslint.registry import default_registry
    from newslint.rule import RuleContext

    registry = default_registry()
    with Timer() as t:
        docs = [parse_document(source, path, registry) for path, source in sources]
    rows = [{"stage": "parse", "wall_s": t.wall, "cpu_s": t.cpu}]
    analyses = [
        name for name, attr in vars(Document).items()
        if isinstance(attr, (property, cached_property)) and not name.startswith("_")
    ]
    for name in analyses:
        with Timer() as t:
            for doc in docs:
                getattr(doc, name)
        rows.append({"stage": f"analysis: {name}", "wall_s": t.wall, "cpu_s": t.cpu})
    words = sum(doc.word_count for doc in docs)
    rule_rows = []
    for rule in rules:
        ctx = RuleContext(path="corpus", settings=settings)
        n = crashed = 0
        with Timer() as t:
            for doc in docs:
                try:
                    for _ in rule.check(doc, ctx) or ():
                        n += 1
                except Exception:  # noqa: BLE001 - the engine would report NL903
                    crashed += 1
        rule_rows.append({
            "code": rule.code, "name": rule.name, "wall_s": t.wall, "cpu_s": t.cpu,
            "findings": n, "crashed_on": crashed,
        })
    return rows, rule_rows, words


# Runs a command and reports the peak resident set size of its largest process on
# the last line of standard error.  A small wrapper, because a child's ru_maxrss
# also counts the pages it shared with its parent when it was forked: measured
# straight from this (large) benchmark process, the figure would be the
# benchmark's own size.
_PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "status = subprocess.run(sys.argv[1:]).returncode\n"
    "print('peak-rss-kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(status)\n"
)


def cli_run(corpus: Path, jobs: int):
    args = ["check", "--isolated", "--quiet", "-j", str(jobs), "--format", "json", str(corpus)]
    cmd = [sys.executable, "-c", _PEAK_WRAPPER] + newslint_command() + args
    with Timer() as t:
        proc = subprocess.run(cmd, capture_output=True, text=True)
    result = {"command": "newslint " + " ".join(args[:-1] + [rel(str(corpus))]), "jobs": jobs,
              "wall_s": t.wall, "exit_status": proc.returncode}
    stderr = proc.stderr.strip().splitlines()
    if stderr and stderr[-1].startswith("peak-rss-kb "):
        kb = int(stderr.pop().split()[1])
        result["peak_rss_mb_largest_process"] = kb / 1024 / (1024 if sys.platform == "darwin" else 1)
    if proc.returncode in (0, 1):
        try:
            result["findings"] = len(json.loads(proc.stdout or "[]"))
        except json.JSONDecodeError:
            result["error"] = "output is not JSON"
    else:
        result["error"] = (stderr or ["(no message)"])[-1]
    return result


def cold_start(article: str, runs: int):
    """Wall and CPU seconds (user + system, from the kernel's accounting of the
    finished child) of each run of the console script on one article."""
    cmd = newslint_command() + ["check", "--isolated", "--quiet", article]
    walls, cpus = [], []
    status = None
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        dt = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        status = proc.returncode
        if i:  # the first run warms the file system cache
            walls.append(dt)
            cpus.append((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
    return {
        "command": "newslint check --isolated --quiet " + rel(article),
        "runs": runs, "median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
        "median_cpu_s": statistics.median(cpus), "exit_status": status,
    }


def seed_recall():
    """Planted problems listed in seeds/README.md (table rows '| file | line | rule |
    what |'): whether the default rule set reports that rule on that line, and any
    finding on the seeds that no row lists."""
    readme = SEEDS / "README.md"
    if not readme.is_file():
        return None
    from newslint.config import Overrides, SettingsResolver
    from newslint.engine import Linter, LintOptions
    from newslint.registry import default_registry

    registry = default_registry()
    # the seeds' own configuration applies (seeds/newslint.toml), as in the Quick start
    resolver = SettingsResolver(registry, Overrides())
    linter = Linter(registry, resolver, LintOptions())
    planted = []
    for line in readme.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*([\w.-]+\.(?:txt|md|html))\s*\|\s*(\d+)\s*\|\s*([\w-]+)\s*\|(.*)\|\s*$", line)
        if m:
            planted.append((m.group(1), int(m.group(2)), m.group(3), m.group(4).strip()))
    files = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md", ".html"))
    found = {p.name: linter.lint_path(str(p)).findings for p in files}
    rows = []
    listed = set()
    for name, line, rule, what in planted:
        target = registry.lookup(rule)
        code = target.code if target is not None else rule
        listed.add((name, line, code))
        hit = any(f.code == code and f.start.line == line for f in found.get(name, ()))
        rows.append({"file": name, "line": line, "rule": rule, "code": code, "what": what, "found": hit,
                     "rule_exists": target is not None})
    unlisted = [
        {"file": name, "line": f.start.line, "code": f.code, "name": f.name, "message": f.message}
        for name, fs in found.items() for f in fs
        if (name, f.start.line, f.code) not in listed
    ]
    return {"planted": rows, "unlisted": unlisted}


# -- report -----------------------------------------------------------------------------


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark newslint on ../shared/corpus/bbc.")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus in one process (default 3)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the CLI run (default 2)")
    ap.add_argument("--cold-runs", type=int, default=7, help="runs of the console script for the cold start (default 7)")
    ap.add_argument("--skip-cli", action="store_true", help="skip the command-line runs (CLI throughput, cold start)")
    ap.add_argument("--findings", action="store_true",
                    help=f"print every NL1xx/NL2xx/NL3xx finding (default: the first {SHOWN_PER_FAMILY} of each family)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus directory (default: ../shared/corpus/bbc)")
    ap.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    ap.add_argument("--review", type=Path, default=REVIEW,
                    help="the review of NL1xx findings (default: bench/spelling_review.tsv)")
    args = ap.parse_args(argv)

    corpus = args.corpus
    if not corpus.is_dir() or not any(corpus.glob("*.txt")):
        print(f"bench: the corpus {rel(str(corpus))} is not available; nothing to measure", file=sys.stderr)
        return 2
    if args.repeat < 1 or args.jobs < 1 or args.cold_runs < 1:
        print("bench: --repeat, --jobs and --cold-runs must be at least 1", file=sys.stderr)
        return 2

    sources = load_corpus(corpus)
    n_articles = len(sources)
    print(f"newslint benchmark: {n_articles} articles from {rel(str(corpus))}, "
          f"Python {platform.python_version()} on {platform.machine()} ({os.cpu_count()} CPUs)\n", flush=True)

    passes, findings, rules, settings = throughput(sources, args.repeat)
    peak_in_process = maxrss_mb(resource.RUSAGE_SELF)
    stages, rule_rows, words = where_time_goes(sources, rules, settings)

    wall = statistics.median(p["wall_s"] for p in passes)
    cpu = statistics.median(p["cpu_s"] for p in passes)
    in_process = {
        "passes": passes, "median_wall_s": wall, "median_cpu_s": cpu,
        "articles_per_s": n_articles / wall, "words_per_s": words / wall,
        "articles_per_cpu_s": n_articles / cpu,
        "ms_per_article": wall / n_articles * 1000, "findings": len(findings),
        "rules": [r.code for r in rules], "peak_rss_mb": peak_in_process,
    }

    cli = cold = None
    if not args.skip_cli:
        cli = cli_run(corpus, args.jobs)
        if "findings" in cli:
            cli["articles_per_s"] = n_articles / cli["wall_s"]
            cli["words_per_s"] = words / cli["wall_s"]
        cold = cold_start(sources[0][0], args.cold_runs)

    # -- throughput table
    def row(label, value, target=""):
        print(f"  {label:<44} {value:>16}  {target}")

    print("Throughput (default rule set: " + ", ".join(r.code for r in rules) + ")")
    row("one process, Python API (median of %d)" % len(passes),
        f"{in_process['articles_per_s']:,.0f} art/s",
        f"target {TARGET_ARTICLES_PER_SECOND}+: {'ok' if in_process['articles_per_s'] >= TARGET_ARTICLES_PER_SECOND else 'BELOW'}")
    row("", f"{in_process['words_per_s']:,.0f} words/s")
    busy = "; wall well above CPU: other processes shared the machine" if wall > 1.2 * cpu else ""
    row("", f"{in_process['ms_per_article']:.2f} ms/article",
        f"(CPU time {cpu / n_articles * 1000:.2f} ms/article, {in_process['articles_per_cpu_s']:,.0f} art/s{busy})")
    if cli is not None:
        if "findings" in cli:
            row(f"CLI, newslint check -j {args.jobs} (wall, whole command)", f"{cli['articles_per_s']:,.0f} art/s",
                f"{cli['wall_s']:.2f} s; {cli['findings']} findings (API: {len(findings)})")
            row("", f"{cli['words_per_s']:,.0f} words/s")
        else:
            row(f"CLI, newslint check -j {args.jobs}", "failed", cli.get("error", ""))
    row("peak memory, this process", f"{peak_in_process:.0f} MB")
    if cli is not None and "peak_rss_mb_largest_process" in cli:
        row("peak memory, largest process of the CLI run", f"{cli['peak_rss_mb_largest_process']:.0f} MB")
    if cold is not None:
        row(f"cold start, newslint check one article (median of {cold['runs']})", f"{cold['median_s']:.3f} s",
            f"target < {TARGET_COLD_START_S} s: {'ok' if cold['median_s'] < TARGET_COLD_START_S else 'ABOVE'}"
            f" (min {cold['min_s']:.3f}, max {cold['max_s']:.3f}; CPU median {cold['median_cpu_s']:.3f} s)")

    # -- where the time goes
    print(f"\nWhere the time goes ({n_articles} articles, {words:,} words; CPU time, each stage alone)")
    print(f"  {'stage / rule':<44} {'total ms':>10} {'us/article':>11} {'findings':>9}")
    for s in stages:
        print(f"  {s['stage']:<44} {s['cpu_s'] * 1000:>10.1f} {s['cpu_s'] / n_articles * 1e6:>11.1f}")
    for r in sorted(rule_rows, key=lambda r: -r["cpu_s"]):
        label = f"{r['code']} {r['name']}"
        crash = f"  (crashed on {r['crashed_on']} articles)" if r["crashed_on"] else ""
        print(f"  {label:<44} {r['cpu_s'] * 1000:>10.1f} {r['cpu_s'] / n_articles * 1e6:>11.1f} {r['findings']:>9}{crash}")

    # -- accuracy on edited copy
    counts = Counter(f.code for f in findings)
    by_family = Counter(family_of(f.code) for f in findings)
    print(f"\nFindings on edited copy ({len(findings)} in all)")
    print("  " + ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) if counts else "  none")
    # NL1xx findings reviewed as genuine errors in the copy (bench/spelling_review.tsv)
    # are not false findings: the budget counts the false ones and, until they are
    # reviewed, the unreviewed ones
    review_table = load_review(args.review)
    spelling_verdicts = count_verdicts(
        verdict_of(review_table, f.path, f.code, f.flagged) for f in findings if family_of(f.code) == "NL1xx"
    )
    budgets = {}
    for fam, (limit, per) in BUDGETS.items():
        total = counts[fam] if not fam.endswith("xx") else by_family[fam]
        n = spelling_verdicts[FALSE] + spelling_verdicts[UNREVIEWED] if fam == "NL1xx" else total
        allowed = limit * words / per
        rate = n / words * per if words else 0.0
        budgets[fam] = {"findings": total, "counted": n, "per_words": per, "rate": rate, "budget_rate": limit,
                        "allowed_findings": allowed, "within_budget": n <= allowed}
        if fam == "NL1xx":
            budgets[fam]["verdicts"] = spelling_verdicts
            print(f"  {fam}: {total} findings: {spelling_verdicts[GENUINE]} genuine, {spelling_verdicts[FALSE]} false, "
                  f"{spelling_verdicts[UNREVIEWED]} unreviewed (bench/spelling_review.tsv); false and unreviewed: "
                  f"{n}, {rate:.2f} per {per:,} words "
                  f"(budget {limit} per {per:,}, i.e. {allowed:.0f}): {'ok' if n <= allowed else 'OVER BUDGET'}")
            continue
        print(f"  {fam}: {n} findings, {rate:.2f} per {per:,} words "
              f"(budget {limit} per {per:,}, i.e. {allowed:.0f}): {'ok' if n <= allowed else 'OVER BUDGET'}")

    review = [f for f in findings if f.code.startswith(REVIEW_FAMILIES)]
    review.sort(key=lambda f: (f.code[:3], f.sort_key))
    grouped = defaultdict(list)
    for f in review:
        grouped[family_of(f.code)].append(f)
    print("\nNL1xx, NL2xx and NL3xx findings on the corpus, for review")
    if not review:
        print("  none")
    for fam in sorted(grouped):
        items = grouped[fam]
        print(f"  {fam} ({len(items)})")
        shown = items if args.findings else items[:SHOWN_PER_FAMILY]
        for f in shown:
            mark = f"[{verdict_of(review_table, f.path, f.code, f.flagged)}] " if fam == "NL1xx" else ""
            print(f"    {mark}{rel(f.path)}:{f.start.line}:{f.start.column} {f.code} {f.message}")
        if len(shown) < len(items):
            print(f"    ... {len(items) - len(shown)} more (run with --findings to print them all)")

    # -- recall on seeds
    seeds = seed_recall()
    if seeds:
        planted = seeds["planted"]
        hit = sum(r["found"] for r in planted)
        print(f"\nPlanted problems in seeds/ found: {hit} of {len(planted)} (listed in seeds/README.md)")
        for r in planted:
            if not r["found"]:
                why = "" if r["rule_exists"] else " (no such rule)"
                print(f"  missed: seeds/{r['file']}:{r['line']} {r['rule']}{why}: {r['what']}")
        print(f"Findings on seeds/ that seeds/README.md does not list: {len(seeds['unlisted'])}")
        for u in seeds["unlisted"]:
            print(f"  seeds/{u['file']}:{u['line']} {u['code']} {u['message']}")

    results = {
        "corpus": {"path": rel(str(corpus)), "articles": n_articles, "words": words},
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "in_process": in_process,
        "cli": cli,
        "cold_start": cold,
        "stages": stages,
        "rules": rule_rows,
        "findings_by_code": dict(sorted(counts.items())),
        "budgets": budgets,
        "review_findings": [
            {"path": rel(f.path), "line": f.start.line, "column": f.start.column, "code": f.code,
             "name": f.name, "message": f.message, "flagged": f.flagged}
            for f in review
        ],
        "seeds": seeds,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWrote {rel(str(args.output))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
