#!/usr/bin/env python3
"""Findings and speed of the spelling rules (NL1xx) on a corpus, for review.

    .venv/bin/python bench/bench_spelling.py [CORPUS_DIR] [--live-blog WORDS]

Prints every NL1xx finding on the corpus (default ../shared/corpus/bbc), with every
NL1xx rule selected (dialect-mix, off by default, included), with its
line, then the count per 10,000 words and the time the NL1xx rules take per
article (parsing excluded; the word lists load once, before timing).  With
``--live-blog N`` it also times NL101 on a synthetic live blog of N words.
"""

from __future__ import annotations

import argparse
import gc
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslint.api import make_settings, parse  # noqa: E402
from newslint.engine import RuleSet, lint_document  # noqa: E402
from newslint.registry import default_registry  # noqa: E402
from newslint.rule import RuleContext  # noqa: E402


def live_blog(words: int, seed: int = 7) -> str:
    """A long text with many distinct names (and a few variant spellings)."""
    rng = random.Random(seed)
    names = ["".join([rng.choice(string.ascii_uppercase)] + rng.choices(string.ascii_lowercase, k=rng.randint(5, 10)))
             for _ in range(words // 8)]
    filler = "said the officials on monday that talks would continue after the meeting".split()
    out, n = [], 0
    while n < words:
        sent = [rng.choice(names)] + rng.sample(filler, 6) + [rng.choice(names)]
        out.append(" ".join(sent) + ".")
        n += len(sent)
    return "Live updates\n\n" + "\n\n".join(" ".join(out[i:i + 5]) for i in range(0, len(out), 5))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    ap.add_argument("--live-blog", type=int, default=20000, metavar="WORDS")
    ap.add_argument("--quiet", action="store_true", help="counts and times only")
    args = ap.parse_args()

    registry = default_registry()
    settings = make_settings({"select": ["NL1"]}, registry)
    ruleset = RuleSet(registry, settings)
    paths = sorted(Path(args.corpus).glob("*.txt"))
    if not paths:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    docs = [parse(p.read_text(encoding="utf-8"), "text", str(p), registry) for p in paths]
    rules = ruleset.rules_for(str(paths[0]))

    # warm up: word lists and dictionaries load once per process
    ctx = RuleContext(path=str(paths[0]), settings=settings, shared=ruleset.shared)
    for rule in rules:
        list(rule.check(parse("Warm up. The goverment colour color Kiev.", "text", "w.txt", registry), ctx))

    total_words = 0
    findings = []
    for doc in docs:
        total_words += doc.word_count
        for f in lint_document(doc, registry, settings, ruleset, doc.path):
            findings.append(f)
    if not args.quiet:
        for f in findings:
            print(f"{Path(f.path).name}:{f.start.line}:{f.start.column}: {f.code} {f.message}")
    by_code: dict[str, int] = {}
    for f in findings:
        by_code[f.code] = by_code.get(f.code, 0) + 1
    print(f"\n{len(findings)} NL1xx findings in {len(docs)} articles, {total_words} words: "
          f"{len(findings) / total_words * 10000:.2f} per 10,000 words "
          f"({', '.join(f'{k}: {v}' for k, v in sorted(by_code.items())) or 'none'})")

    # speed: the rules on fresh parses, counting every analysis they trigger
    # (words, quotations); best of three runs, since other processes on the
    # machine only ever add time
    sources = [(p.read_text(encoding="utf-8"), str(p)) for p in paths]
    best: dict[str, float] = {}
    for _ in range(3):
        per_rule = {r.code: 0.0 for r in rules}
        fresh = [parse(src, "text", path, registry) for src, path in sources]
        for doc in fresh:
            ctx = RuleContext(path=doc.path, settings=settings, shared=ruleset.shared)
            for rule in rules:
                t0 = time.perf_counter()
                list(rule.check(doc, ctx))
                per_rule[rule.code] += time.perf_counter() - t0
        for k, v in per_rule.items():
            best[k] = min(best.get(k, v), v)
    total = sum(best.values())
    print(f"NL1xx time per article: {total / len(fresh) * 1000:.3f} ms "
          f"({', '.join(f'{k} {v / len(fresh) * 1000:.3f}' for k, v in best.items())}; "
          "the first rule also builds the family's shared vocabulary)")

    if args.live_blog:
        del docs, fresh  # the corpus's objects would make the collector's passes slow
        gc.collect()
        text = live_blog(args.live_blog)
        doc = parse(text, "text", "live.txt", registry)
        nl101 = next(r for r in rules if r.code == "NL101")
        t0 = time.perf_counter()
        n = len(list(nl101.check(doc, RuleContext(path="live.txt", settings=settings, shared={}))))
        print(f"NL101 on a {doc.word_count}-word live blog: {(time.perf_counter() - t0) * 1000:.1f} ms "
              f"({n} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
