#!/usr/bin/env python3
"""Review table of the spelling family (NL1xx): false findings and recall.

    .venv/bin/python bench/bench_spelling_recall.py [--corpus DIR] [--seed N] [--quiet]

Two measures on the corpus (default ../shared/corpus/bbc; exit status 2 when it
is absent):

1. **Findings on untouched copy.**  Every rule of the family is selected
   (dialect-mix, off by default, included) and every finding is listed as
   ``[verdict] file:line:col CODE message`` for review, then each rule's count
   and rate per 10,000 words, all findings and those not reviewed as genuine.
   The corpus is professionally edited, so a finding there is a false one
   unless review shows a genuine slip in the copy; verdicts are kept in
   ``bench/spelling_review.tsv`` (file, code, flagged text, verdict, note), and
   a finding not listed there is "unreviewed".

2. **Recall on re-spelled names.**  For each story and each kind of edit
   (``doubled``, ``dropped``, ``swapped``, ``substituted`` letter), one use of a
   name that the story uses at least twice is re-spelled, and the default
   spelling rules (NL101, NL102, NL103) run on the result.  A name is a
   capitalised word of at least four letters (not in capitals, not an
   acronym's plural such as NGOs), written
   capitalised at least twice, at least once in mid-sentence, never in lower
   case, and not a day or a month.  The edit never touches the first letter (a
   name with another initial is usually another name: Mills and Hills), and an
   edit that makes an English word, an established name or a word the story
   already uses is replaced by another draw (a linter cannot tell that "Baler"
   was meant to be "Baker").  The choices come from a generator seeded with the
   seed, the file name and the edit kind, so runs are reproducible and a story's
   draws do not depend on the rest of the corpus.

   *Found* means a finding covers the re-spelled word; *paired* means NL101
   instead flagged the name's other uses with the re-spelled form as the
   suggestion (the pair is shown to the editor, the wrong way round).  Recall is
   found / planted.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from spelling_review import load_review  # noqa: E402  (the review table, shared with bench/run.py)

from newslint.api import parse  # noqa: E402
from newslint.config import Overrides, SettingsResolver  # noqa: E402
from newslint.engine import Linter, LintOptions  # noqa: E402
from newslint.registry import default_registry  # noqa: E402

try:  # the built-in rules, installed or from the checkout
    from newslint_rules.spelling._common import english_words, first_names, known_names  # type: ignore
except ImportError:  # pragma: no cover - depends on the layout
    from rules.spelling._common import english_words, first_names, known_names  # noqa: E402

KINDS = ("doubled", "dropped", "swapped", "substituted")
RECALL_RULES = ("NL101", "NL102", "NL103")
DEFAULT_SEED = 13

#: Days and months: capitalised, but no names
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december".split()
)

_LETTERS = re.compile(r"[^\W\d_]+")
_OPENERS = "\"'“‘([«—–-"
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


class Planted(NamedTuple):
    """One re-spelled use: ``text[start:end]`` is ``respelled`` (was ``name``)."""

    text: str
    start: int
    end: int
    name: str
    respelled: str
    kind: str


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in _OPENERS or text[i] in " \t"):
        i -= 1
    return i < 0 or text[i] in ".!?:\n…"


def names_used_twice(text: str) -> dict[str, list[int]]:
    """Names of the story (see the module's documentation) -> offsets of their uses."""
    uses: dict[str, list[int]] = defaultdict(list)
    lower: set[str] = set()
    mid: set[str] = set()
    for m in _LETTERS.finditer(text):
        w = m.group()
        if w[0].isupper():
            if len(w) >= 4 and not w.isupper() and not (w[-1] == "s" and w[:-1].isupper()):
                uses[w].append(m.start())
                if not _sentence_initial(text, m.start()):
                    mid.add(w)
        else:
            lower.add(w)
    return {
        w: offs for w, offs in uses.items()
        if len(offs) >= 2 and w in mid and w.lower() not in lower and w.lower() not in CALENDAR
    }


def respell(word: str, kind: str, rng: random.Random) -> str | None:
    """``word`` with one edit of ``kind`` after its first letter (None when the
    word allows none: no two different neighbours to swap)."""
    n = len(word)
    if kind == "doubled":
        # no tripled letters: "Bakker" is not made "Bakkker"
        spots = [i for i in range(1, n) if word[i].isalpha() and (i + 1 == n or word[i + 1] != word[i])
                 and word[i - 1] != word[i]]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[: i + 1] + word[i] + word[i + 1:]
    if kind == "dropped":
        i = rng.randrange(1, n)
        return word[:i] + word[i + 1:]
    if kind == "swapped":
        spots = [i for i in range(1, n - 1) if word[i] != word[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "substituted":
        i = rng.randrange(1, n)
        c = rng.choice([c for c in _ALPHABET if c != word[i].lower()])
        return word[:i] + (c.upper() if word[i].isupper() else c) + word[i + 1:]
    raise ValueError(f"unknown edit kind {kind!r}")


def plant(text: str, kind: str, rng: random.Random, tries: int = 30) -> tuple[Planted | None, int]:
    """Re-spell one use of one name of ``text``; returns the result (None when the
    story has no name used twice, or no draw gave a non-word) and the number of
    draws rejected because they made a word."""
    names = names_used_twice(text)
    if not names:
        return None, 0
    story_words = {w.lower() for w in _LETTERS.findall(text)}
    words, known, firsts = english_words(), known_names(), first_names()
    order = sorted(names)
    rejected = 0
    for _ in range(tries):
        name = rng.choice(order)
        new = respell(name, kind, rng)
        if new is None:
            continue
        low = new.lower()
        if low in words or new in known or new in firsts or low in story_words:
            rejected += 1
            continue
        at = rng.choice(names[name])
        return Planted(text[:at] + new + text[at + len(name):], at, at + len(new), name, new, kind), rejected
    return None, rejected


def _linter(select: tuple[str, ...]):
    registry = default_registry()
    resolver = SettingsResolver(registry, Overrides(select=select, isolated=True))
    return Linter(registry, resolver, LintOptions()), resolver


class Reviewed(NamedTuple):
    line: str  # file:line:col CODE message
    code: str
    verdict: str  # genuine, false or unreviewed


def findings_on_copy(sources: list[tuple[str, str]]) -> tuple[list[Reviewed], list[str], int]:
    """Every NL1xx finding on the untouched stories with its verdict, the codes of
    the family and the number of words."""
    linter, resolver = _linter(("NL1",))
    settings = resolver.for_path(sources[0][0])
    review = load_review()
    words = 0
    out = []
    for path, source in sources:
        result = linter.lint_source(source, path, settings)
        words += parse(source, "text", path).word_count
        name = Path(path).name
        for f in result.findings:
            verdict = review.get((name, f.code, f.flagged), "unreviewed")
            out.append(Reviewed(f"{name}:{f.start.line}:{f.start.column}: {f.code} {f.message}", f.code, verdict))
    codes = sorted(r.code for r in linter.ruleset(settings).rules_for(sources[0][0]) if r.code.startswith("NL1"))
    return out, codes, words


def recall(sources: list[tuple[str, str]], seed: int) -> dict[str, dict]:
    linter, resolver = _linter(RECALL_RULES)
    settings = resolver.for_path(sources[0][0])
    out: dict[str, dict] = {}
    for kind in KINDS:
        planted = found = paired = rejected = 0
        by_rule: Counter = Counter()
        missed: list[str] = []
        for path, source in sources:
            rng = random.Random(f"{seed}:{Path(path).name}:{kind}")
            p, r = plant(source, kind, rng)
            rejected += r
            if p is None:
                continue
            planted += 1
            fs = linter.lint_source(p.text, path, settings).findings
            hit = [f for f in fs if f.source_start < p.end and p.start < f.source_end]
            if hit:
                found += 1
                by_rule[hit[0].code] += 1
            elif any(f.code == "NL101" and p.respelled in f.suggestions for f in fs):
                paired += 1
            else:
                missed.append(f"{Path(path).name}: {p.name} -> {p.respelled}")
        out[kind] = {"planted": planted, "found": found, "paired": paired, "rejected": rejected,
                     "by_rule": dict(by_rule), "missed": missed}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--quiet", action="store_true", help="figures only: no findings, no misses")
    ap.add_argument("--misses", action="store_true", help="list every re-spelled name that was missed")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    paths = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not paths:
        print(f"bench_spelling_recall: corpus {corpus} not available (no .txt files)", file=sys.stderr)
        return 2
    sources = [(str(p), p.read_text(encoding="utf-8")) for p in paths]
    t0 = time.perf_counter()

    found, codes, words = findings_on_copy(sources)
    if not args.quiet:
        print("Findings on untouched copy (every NL1xx rule selected), with the verdict of review:")
        for r in found:
            print(f"  [{r.verdict}] {r.line}")
    print(f"\n{len(sources)} articles, {words} words")
    print("| rule | findings | per 10,000 words | false or unreviewed | per 10,000 words |")
    print("| --- | --- | --- | --- | --- |")
    for code in codes + ["all"]:
        mine = [r for r in found if code in ("all", r.code)]
        bad = [r for r in mine if r.verdict != "genuine"]
        print(f"| {code} | {len(mine)} | {len(mine) / words * 10000:.2f} | {len(bad)} | {len(bad) / words * 10000:.2f} |")

    res = recall(sources, args.seed)
    print(f"\nRecall on one re-spelled name per story (seed {args.seed}; rules {', '.join(RECALL_RULES)}):")
    print("| edit | planted | found | recall | paired the other way | by rule | draws rejected (made a word) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    tp = tf = 0
    for kind, row in res.items():
        tp += row["planted"]
        tf += row["found"]
        rules = ", ".join(f"{k} {v}" for k, v in sorted(row["by_rule"].items())) or "-"
        rate = row["found"] / row["planted"] * 100 if row["planted"] else 0.0
        print(f"| {kind} | {row['planted']} | {row['found']} | {rate:.1f} % | {row['paired']} | {rules} | {row['rejected']} |")
    print(f"| all | {tp} | {tf} | {tf / tp * 100 if tp else 0:.1f} % | "
          f"{sum(row['paired'] for row in res.values())} | | {sum(row['rejected'] for row in res.values())} |")
    if args.misses:
        for kind, row in res.items():
            print(f"\nMissed, {kind}:")
            for m in row["missed"]:
                print("  " + m)
    print(f"\n({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
