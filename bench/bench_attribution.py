"""Recall and false findings of NL201 pronoun-mismatch on real copy.

Run from the repository root:

    nice .venv/bin/python bench/bench_attribution.py [--corpus DIR] [--ratios 1.5,2,3]
                                                    [--misses N] [--quiet]

It reads ../shared/corpus/bbc (exit status 2, with a message, when it is absent)
and measures

* **recall**: every pronoun attribution of the corpus (``'...,' he said``,
  ``she told``, ``He added: '...'``: a quotation attributed to "he" or "she") is
  flipped to the other pronoun, one at a time, and only NL201 runs on that one
  story; a flip is caught when NL201 reports the flipped pronoun;
* **false findings**: NL201 on the unmodified corpus, per 10,000 words, each
  finding listed with its context so that it can be reviewed;
* the recall / false-finding pair for several values of the rule's ``ratio``
  option (how much more salient the person the pronoun contradicts must be than
  anyone it could refer to).

Only NL201 runs, on one story at a time: the story is parsed once per flip and
the rule runs once per ratio on the same parsed document, so the shared
analyses are computed once.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
DEFAULT_RATIOS = (1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
FLIP = {"he": "she", "she": "he", "He": "She", "She": "He", "HE": "SHE", "SHE": "HE"}


def _setup() -> tuple[Any, Any, Any, Any]:
    from newslint.api import make_settings, parse
    from newslint.registry import default_registry
    from newslint.rule import RuleContext

    registry = default_registry()
    rule_cls = registry.lookup("pronoun-mismatch")
    settings = make_settings({})
    ctx = RuleContext("-", settings)
    return parse, rule_cls, ctx, settings


def _rule(rule_cls: Any, ratio: float | None) -> Any:
    opts = {} if ratio is None or "ratio" not in rule_cls.options else {"ratio": ratio}
    return rule_cls(opts)


def sites(doc: Any) -> list[tuple[int, int, str]]:
    """Pronoun attributions of ``doc``: (start, end, pronoun) in text offsets."""
    out: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for q in doc.quotes:
        a = q.attribution
        if a is None or a.kind != "pronoun" or a.speaker not in FLIP or a.speaker_start in seen:
            continue
        seen.add(a.speaker_start)
        out.append((a.speaker_start, a.speaker_end, a.speaker))
    return out


def context(text: str, start: int, end: int, width: int = 260) -> str:
    lo = max(0, start - width)
    return (text[lo:start] + "[[" + text[start:end] + "]]" + text[end : end + 60]).replace("\n", " ¶ ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS), help="directory of .txt stories (default ../shared/corpus/bbc)")
    ap.add_argument("--ratios", default=",".join(str(r) for r in DEFAULT_RATIOS), help="ratio values to compare")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="print the first N flips that were not caught")
    ap.add_argument("--quiet", action="store_true", help="figures only, no list of findings")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    paths = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not paths:
        print(f"bench_attribution: no corpus at {corpus} (it is not part of the repository); skipped", file=sys.stderr)
        return 2
    ratios = [float(r) for r in args.ratios.split(",") if r.strip()]
    parse, rule_cls, ctx, _settings = _setup()
    has_ratio = "ratio" in rule_cls.options
    default_ratio = rule_cls.options["ratio"].default if has_ratio else None
    if not has_ratio:
        ratios = []
    rules = {r: _rule(rule_cls, r) for r in ratios}
    default_rule = _rule(rule_cls, None)

    t0 = time.perf_counter()
    words = 0
    n_sites = 0
    caught_default = 0
    caught = {r: 0 for r in ratios}
    false_default: list[tuple[str, Any, str]] = []
    false_by_ratio = {r: 0 for r in ratios}
    misses: list[tuple[str, str]] = []
    flip_time = 0.0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        doc = parse(text, "text", str(p))
        words += doc.word_count
        for d in default_rule.check(doc, ctx):
            false_default.append((p.name, d, context(doc.text, d.start, d.end)))
        for r, rule in rules.items():
            false_by_ratio[r] += sum(1 for _ in rule.check(doc, ctx))
        found = sites(doc)
        f0 = time.perf_counter()
        for start, end, pronoun in found:
            s0, s1 = doc.source_span(start, end)
            flipped = text[:s0] + FLIP[pronoun] + text[s1:]
            fdoc = parse(flipped, "text", str(p))
            n_sites += 1
            hit = any(d.start == start for d in default_rule.check(fdoc, ctx))
            caught_default += hit
            if not hit and len(misses) < args.misses:
                misses.append((p.name, context(fdoc.text, start, start + len(FLIP[pronoun]))))
            for r, rule in rules.items():
                caught[r] += any(d.start == start for d in rule.check(fdoc, ctx))
        flip_time += time.perf_counter() - f0
    elapsed = time.perf_counter() - t0

    def per10k(n: int) -> float:
        return n * 10_000 / words if words else 0.0

    print(f"corpus: {len(paths)} stories, {words:,} words; {n_sites} pronoun attributions flipped one at a time")
    print(f"time: {elapsed:.1f} s in all, {flip_time:.1f} s for the flips (NL201 only, one story each)")
    label = f"ratio {default_ratio:g} (default)" if has_ratio else "default options"
    rec = caught_default / n_sites if n_sites else 0.0
    print(
        f"\nNL201 with {label}: recall {rec:.1%} ({caught_default}/{n_sites} flips caught); "
        f"{len(false_default)} findings on the unmodified corpus = {per10k(len(false_default)):.2f} per 10,000 words"
    )
    if ratios:
        print("\n  ratio   recall            false findings   per 10,000 words")
        for r in ratios:
            rr = caught[r] / n_sites if n_sites else 0.0
            mark = "  <- default" if default_ratio is not None and abs(r - default_ratio) < 1e-9 else ""
            print(f"  {r:5.2f}   {rr:6.1%} {caught[r]:5d}/{n_sites:<5d}  {false_by_ratio[r]:5d}            {per10k(false_by_ratio[r]):5.2f}{mark}")
    if not args.quiet:
        print(f"\nfindings on the unmodified corpus ({len(false_default)}), for review:")
        for name, d, ctxt in false_default:
            print(f"\n- {name}: {d.message}\n  ...{ctxt}...")
        if misses:
            print(f"\nflips not caught (first {len(misses)}):")
            for name, ctxt in misses:
                print(f"\n- {name}: ...{ctxt}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
