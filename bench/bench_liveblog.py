"""Scale case for the duplication rules: a synthetic live blog of 5,000 entries.

The blog is generated here (no text from anywhere else): timestamped entries of
one to three paragraphs, credit lines repeated every few entries, and a known
number of planted repeats, exact and near (a figure changed).  The script lints
it with the duplication rules (NL301-NL304) and with the default rule set, and
prints the timings and whether exactly the planted repeats were found.

    .venv/bin/python bench/bench_liveblog.py [--entries 5000] [--runs 3]

The comparison is sub-quadratic (exact keys in a dictionary, near repeats by
prefix filtering), so the duplication rules take a small fraction of a second
on 5,000 entries.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field

FUNCTION_WORDS = (
    "the the the the a a of of to to in in and and on for with at by from as that "
    "it was is were has have had will would said after before over into about than "
    "their its his her this these which who when while more most"
).split()

SYLLABLES = (
    "ba be bi bo bu ca co cu da de di do du fa fe fi fo ga ge gi go ha he hi ho ka "
    "ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro "
    "ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo"
).split()


@dataclass
class LiveBlog:
    text: str
    #: planted repeats as (line of the later copy, line of the first copy, "exact"|"near")
    planted: list[tuple[int, int, str]] = field(default_factory=list)
    entries: int = 0
    words: int = 0


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    n = rng.randint(8, 22)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            out.append(rng.choice(FUNCTION_WORDS))
        elif r < 0.5:
            out.append(str(rng.randint(2, 990)))
        else:
            # Zipf-like: low indices are much more frequent
            out.append(vocab[int(len(vocab) * rng.random() ** 2.5)])
    out[0] = out[0].capitalize()
    return " ".join(out) + "."


def _paragraph(rng: random.Random, vocab: list[str]) -> str:
    return " ".join(_sentence(rng, vocab) for _ in range(rng.randint(1, 3)))


def _change_a_figure(rng: random.Random, para: str) -> str | None:
    """The paragraph with one number changed (digits swapped or bumped), or None."""
    words = para.split(" ")
    idx = [i for i, w in enumerate(words) if w.rstrip(".").isdigit()]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    stop = "." if w.endswith(".") else ""
    num = w.rstrip(".")
    new = num[::-1] if len(num) > 1 and num[::-1] != num and not num.endswith("0") else str(int(num) + 7)
    words[i] = new + stop
    return " ".join(words)


def make_liveblog(entries: int = 5000, seed: int = 1, repeats: int = 20) -> LiveBlog:
    """A live blog of ``entries`` entries with ``repeats`` exact and ``repeats``
    near repeats planted (each near repeat is a paragraph of 12+ words with one
    figure changed)."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, 6000)
    paras: list[str] = ["Live: rolling coverage of the summit"]
    bodies: list[int] = []  # indexes into paras of body paragraphs
    reporters = ["Ana Duarte", "Jonas Weber", "Mira Sato", "Kofi Mensah"]
    minute = 6 * 60
    for e in range(entries):
        minute += rng.randint(1, 4)
        paras.append(f"Updated {minute // 60 % 24:02d}:{minute % 60:02d}")
        for _ in range(rng.randint(1, 3)):
            bodies.append(len(paras))
            paras.append(_paragraph(rng, vocab))
        if e % 7 == 3:
            a, b = rng.sample(reporters, 2)
            paras.append(f"Reporting by {a} and {b} at the summit centre; editing by {rng.choice(reporters)}")
    # plant repeats: copies of earlier paragraphs inserted further down
    plants: list[tuple[int, int, str, str]] = []  # (insert before, source, kind, text)
    candidates = [i for i in bodies if len(paras[i].split()) >= 14]
    for kind in ("exact", "near"):
        made = 0
        while made < repeats:
            src = rng.choice(candidates[: len(candidates) // 2])
            text = paras[src] if kind == "exact" else _change_a_figure(rng, paras[src])
            if text is None:
                continue
            plants.append((rng.randint(src + 2, len(paras) - 1), src, kind, text))
            candidates.remove(src)
            made += 1
    ids = [f"p{i}" for i in range(len(paras))]
    # insert from the end so that earlier indexes stay valid
    for dst, src, kind, text in sorted(plants, key=lambda p: -p[0]):
        paras.insert(dst, text)
        ids.insert(dst, f"copy-of-p{src}-{kind}")
    # line numbers: paragraph k starts on line 2k+1
    line_of = {pid: 2 * k + 1 for k, pid in enumerate(ids)}
    planted = []
    for k, pid in enumerate(ids):
        if pid.startswith("copy-of-"):
            src_id, kind = pid[len("copy-of-") :].rsplit("-", 1)
            planted.append((2 * k + 1, line_of[src_id], kind))
    text = "\n\n".join(paras) + "\n"
    return LiveBlog(text, sorted(planted), entries, len(text.split()))


def lint(text: str, select: list[str] | None):
    """Lint ``text`` as one plain-text file: (findings, wall seconds, CPU seconds)."""
    from newslint.api import make_settings
    from newslint.config import Overrides, SettingsResolver
    from newslint.engine import Linter, LintOptions
    from newslint.registry import default_registry

    registry = default_registry()
    config = {"select": select} if select else {}
    settings = make_settings(config, registry)
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
    w0, c0 = time.perf_counter(), time.process_time()
    result = linter.lint_source(text, "liveblog.txt", settings)
    return result.findings, time.perf_counter() - w0, time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=20, help="exact and near repeats planted (each)")
    ap.add_argument("--runs", type=int, default=3, help="timing runs (the best is shown)")
    args = ap.parse_args(argv)

    blog = make_liveblog(args.entries, repeats=args.repeats)
    print(f"live blog: {blog.entries:,} entries, {blog.words:,} words, "
          f"{len(blog.planted)} planted repeats")
    lint(blog.text, ["NL3"])  # warm up imports
    status = 0
    for label, select in (("duplication rules (NL3xx)", ["NL3"]), ("default rule set", None)):
        wall = cpu = float("inf")
        findings = []
        for _ in range(args.runs):
            findings, w, c = lint(blog.text, select)
            wall, cpu = min(wall, w), min(cpu, c)
        print(f"{label}: {wall:.3f} s wall, {cpu:.3f} s CPU (parsing included), "
              f"{len(findings)} findings")
        if select:
            found = sorted(
                (f.start.line, f.related[0].start.line if f.related else 0)
                for f in findings
                if f.code in ("NL301", "NL302", "NL303")
            )
            expected = sorted((a, b) for a, b, _ in blog.planted)
            ok = found == expected
            print(f"  planted repeats found exactly: {'yes' if ok else 'NO'}"
                  f" ({len(found)} reported, {len(expected)} planted)")
            if not ok:
                print("  missed:", sorted(set(expected) - set(found))[:10])
                print("  unexpected:", sorted(set(found) - set(expected))[:10])
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
