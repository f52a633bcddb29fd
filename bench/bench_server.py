"""Latency and throughput of ``newslint serve`` under a bounded local load.

Starts ``newslint serve --port 0`` as a child process on the loopback address,
sends the same ~1,000-word story to ``POST /v1/check`` from N client threads
(each with its own keep-alive connection) for a fixed number of requests, and
prints p50/p99 latency and requests per second for each level of concurrency.
Nothing leaves the machine; the server is stopped at the end.

The story is the BBC article of ``../shared/corpus/bbc`` whose length is
nearest 1,000 words (several joined when none is long enough), or, when the
corpus is not there, the sample stories ``seeds/grain-corridor.txt`` and
``seeds/clean.md`` joined.

    nice .venv/bin/python bench/bench_server.py [--requests 300] [--concurrency 1,4]
        [--words 1000] [--corpus DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
START_TIMEOUT = 60.0
#: the client sends each request at once, as the service sends its answers
#: (Nagle's algorithm with delayed ACKs would add about 40 ms to a request whose
#: headers and body go out in separate writes)
NODELAY = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]


def story(corpus: Path, words: int) -> tuple[str, str]:
    """``(text, where it came from)``: one story of about ``words`` words."""
    if corpus.is_dir():
        texts = sorted((p.name, p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt"))
        if texts:
            name, best = min(texts, key=lambda t: abs(len(t[1].split()) - words))
            if len(best.split()) >= words * 0.9:
                return best, f"{corpus.name}/{name}"
            joined: list[str] = []
            for _, text in texts:
                joined.append(text.strip())
                if sum(len(t.split()) for t in joined) >= words:
                    break
            return "\n\n".join(joined) + "\n", f"{len(joined)} articles of {corpus.name} joined"
    seeds = [(ROOT / "seeds" / n).read_text(encoding="utf-8").strip() for n in ("grain-corridor.txt", "clean.md")]
    return "\n\n".join(seeds) + "\n", "seeds/grain-corridor.txt and seeds/clean.md joined"


def start_server() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "serve", "--port", "0", "--log-level", "warning"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:  # in a thread, so the wait for the address is bounded
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        m = re.search(r"serving on (http://127\.0\.0\.1:\d+)", line)
        if m:
            return proc, m.group(1)
    proc.kill()
    proc.wait(5)
    raise SystemExit("bench_server: newslint serve did not start")


def run_level(url: str, body: bytes, concurrency: int, total: int) -> dict[str, float]:
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def worker() -> None:
        with httpx.Client(
            base_url=url,
            timeout=60.0,
            headers={"Content-Type": "application/json"},
            transport=httpx.HTTPTransport(socket_options=NODELAY),
        ) as client:
            for _ in range(3):  # warm the connection
                client.post("/v1/check", content=body)
            while True:
                with lock:
                    if next(counter, None) is None:
                        return
                t0 = time.perf_counter()
                r = client.post("/v1/check", content=body)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    if r.status_code != 200:
                        failures.append(f"{r.status_code} {r.text[:200]}")

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if failures:
        raise SystemExit(f"bench_server: {len(failures)} requests failed, e.g. {failures[0]}")
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, round(p / 100 * (len(latencies) - 1)))] * 1000

    return {
        "concurrency": concurrency,
        "requests": len(latencies),
        "p50_ms": round(pct(50), 2),
        "p99_ms": round(pct(99), 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
        "requests_per_s": round(len(latencies) / wall, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=300, help="requests per concurrency level (default 300)")
    ap.add_argument("--concurrency", default="1,4", help="comma-separated client threads (default 1,4)")
    ap.add_argument("--words", type=int, default=1000, help="length of the story in words (default 1000)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    levels = [int(c) for c in args.concurrency.split(",") if c.strip()]
    if args.requests < 1 or not levels or min(levels) < 1 or max(levels) > 32:
        ap.error("--requests must be positive and --concurrency between 1 and 32")
    text, source = story(args.corpus, args.words)
    body = json.dumps({"text": text, "format": "text"}).encode()
    proc, url = start_server()
    try:
        first = httpx.post(url + "/v1/check", content=body, headers={"Content-Type": "application/json"}, timeout=60)
        findings = len(first.json()["findings"])
        results = [run_level(url, body, c, args.requests) for c in levels]
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    print(f"story: {source}, {len(text.split())} words, {len(body)} bytes, {findings} findings")
    print(f"{'clients':>7}  {'requests':>8}  {'p50 ms':>8}  {'p99 ms':>8}  {'mean ms':>8}  {'req/s':>7}")
    for r in results:
        print(
            f"{r['concurrency']:>7}  {r['requests']:>8}  {r['p50_ms']:>8.2f}  {r['p99_ms']:>8.2f}  "
            f"{r['mean_ms']:>8.2f}  {r['requests_per_s']:>7.1f}"
        )
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(
            json.dumps({"story": source, "words": len(text.split()), "findings": findings, "levels": results}, indent=2)
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
