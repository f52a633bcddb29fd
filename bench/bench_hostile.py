"""Hostile input at full size: how long newslint takes on pathological files.

Each shape of ``bench/hostile_shapes.py`` (a run of spaces, a run of full stops,
paragraphs each holding a quotation, ``"...," he said`` attributions, a live
blog of distinct entries, HTML with many comments, deep nesting, huge single
lines...) is generated at half its full size and at its full size and linted
with the default rule set through the Python API (parsing included, the time
budget off), each run in a child process with a time limit, so a shape that
hangs is reported as such and the others still run.  Printed per shape: the
size in characters, the CPU seconds at half and at full size, and their ratio
(2 for time that grows linearly with the input, 4 for quadratic).

    .venv/bin/python bench/bench_hostile.py [--shapes a,b,...] [--scale 1.0]
        [--timeout 120] [--output FILE]

``--scale`` multiplies every full size (0.1 for a quick look).  The test suite
checks the same shapes at small sizes (``tests/test_hostile.py``).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_shapes import SHAPES  # noqa: E402


def _lint(shape: str, n: int, queue) -> None:  # in a child process
    from newslint.api import check_text

    fmt, source = SHAPES[shape][0](n)
    check_text("Warm up the the rules.\n", fmt)
    try:
        check_text("x", "text", {"time-budget": 0})
        config: dict | None = {"time-budget": 0}
    except Exception:  # noqa: BLE001 - a version without the time budget
        config = None
    t = time.process_time()
    findings = check_text(source, fmt, config)
    queue.put((len(source), time.process_time() - t, len(findings)))


def measure(shape: str, n: int, timeout: float) -> tuple[int, float | None, int]:
    """(characters, CPU seconds or None when over ``timeout``, findings)."""
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    queue = ctx.Queue()
    proc = ctx.Process(target=_lint, args=(shape, n, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        fmt, source = SHAPES[shape][0](n)
        return len(source), None, 0
    if queue.empty():
        fmt, source = SHAPES[shape][0](n)
        return len(source), None, -1
    return queue.get()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shapes", help="comma-separated shape names (default: all)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every full size by this")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds (wall) a run may take")
    ap.add_argument("--output", help="also write the figures as JSON to this file")
    args = ap.parse_args(argv)
    names = args.shapes.split(",") if args.shapes else list(SHAPES)
    unknown = [s for s in names if s not in SHAPES]
    if unknown:
        print(f"bench_hostile: unknown shape(s) {', '.join(unknown)}; known: {', '.join(SHAPES)}", file=sys.stderr)
        return 2
    rows = []
    print(f"{'shape':28s} {'size n':>9s} {'chars':>10s} {'n/2 (s)':>9s} {'n (s)':>9s} {'ratio':>6s} {'findings':>9s}")
    for shape in names:
        n = max(2, int(SHAPES[shape][2] * args.scale))
        chars_half, t_half, _ = measure(shape, n // 2, args.timeout)
        if t_half is not None:
            chars, t_full, found = measure(shape, n, args.timeout)
        else:  # no need to wait twice as long for the full size
            chars, t_full, found = len(SHAPES[shape][0](n)[1]), None, 0
        ratio = t_full / t_half if t_full is not None and t_half else None
        rows.append({"shape": shape, "n": n, "chars": chars, "half": t_half, "full": t_full, "ratio": ratio,
                     "findings": found})

        def fmt(t: float | None) -> str:
            return f"{t:9.2f}" if t is not None else f"{'> ' + format(args.timeout, 'g'):>9s}"

        print(f"{shape:28s} {n:9,d} {chars:10,d} {fmt(t_half)} {fmt(t_full)} "
              f"{(f'{ratio:6.2f}' if ratio is not None else '     -')} {found:9,d}", flush=True)
    if args.output:
        Path(args.output).write_text(json.dumps({"python": sys.version.split()[0], "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
