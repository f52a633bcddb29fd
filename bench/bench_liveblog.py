"""Scale case for the duplication rules: a generated live blog of 5,000 entries.

Two blogs are generated here, each with a known set of planted repeats:

* ``short``: timestamped entries of one to three short paragraphs of made-up
  words, credit lines every few entries, and planted exact and near repeats
  (a figure changed);
* ``realistic``: entries of the length a live blog really has (one paragraph of
  40 to 120 words, about 85 on average), quotations from a dozen speakers,
  photo captions with labels and credits, credit lines, and planted repeats of
  four kinds: a paragraph word for word, a paragraph with a figure changed, a
  sentence inside a new paragraph, and a caption given again with another
  label or credit.

The realistic text is made by a word-pair (bigram) chain: each word is drawn
among the words that follow the previous one in the BBC articles of
``../shared/corpus/bbc`` when that directory exists (so common word pairs are
as common as in news copy), or among made-up words otherwise.  No text is
copied into the repository; sentences that come out the same twice are drawn
again, so the planted repeats are the only ones.

The script lints each blog with the duplication rules (NL301-NL304), with
each of them alone and with the default rule set, and prints the timings
(parsing included, and parsing excluded) and whether exactly the planted
repeats were found.

    .venv/bin/python bench/bench_liveblog.py [--entries 5000] [--runs 3]
        [--blog short|realistic|both] [--corpus DIR]

The comparison is sub-quadratic (exact keys in a dictionary, near repeats by
prefix filtering), so the duplication rules take a fraction of a second on
5,000 entries.  The exit status is 1 when a planted repeat is missed or an
unplanted one reported.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

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

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"

#: made-up people quoted in the realistic blog
SPEAKERS = [
    "Ana Duarte", "Jonas Weber", "Mira Sato", "Kofi Mensah", "Lena Fischer", "Tomasz Nowak",
    "Priya Raman", "Elif Kaya", "Owen Pryce", "Ines Moreau", "Dara Quinn", "Sipho Ndlovu",
]
AGENCIES = ["Reuters", "AP", "AFP", "EPA", "Getty Images", "PA Media"]
PHOTOGRAPHERS = ["Jane Roe", "Sam Hale", "Noor Aziz", "Karl Lind"]


@dataclass
class LiveBlog:
    text: str
    #: planted repeats as (line of the later copy, line of the first copy, kind)
    planted: list[tuple[int, int, str]] = field(default_factory=list)
    entries: int = 0
    words: int = 0
    #: where the words come from
    source: str = "made-up words"


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random, vocab: list[str], lo: int = 8, hi: int = 22) -> str:
    n = rng.randint(lo, hi)
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


def _lines(paras: list[str], ids: list[str]) -> dict[str, int]:
    """Paragraph ``k`` (one line each, blank lines between) starts on line 2k+1."""
    return {pid: 2 * k + 1 for k, pid in enumerate(ids)}


def _assemble(paras: list[str], plants: list[tuple[int, int, str, str]], entries: int, source: str) -> LiveBlog:
    """Insert the planted copies (dst, src, kind, text) and record where each landed."""
    ids = [f"p{i}" for i in range(len(paras))]
    # insert from the end so that earlier indexes stay valid
    for dst, src, kind, text in sorted(plants, key=lambda p: -p[0]):
        paras.insert(dst, text)
        ids.insert(dst, f"copy-of-p{src}-{kind}")
    line_of = _lines(paras, ids)
    planted = []
    for k, pid in enumerate(ids):
        if pid.startswith("copy-of-"):
            src_id, kind = pid[len("copy-of-") :].rsplit("-", 1)
            planted.append((2 * k + 1, line_of[src_id], kind))
    text = "\n\n".join(paras) + "\n"
    return LiveBlog(text, sorted(planted), entries, len(text.split()), source)


def make_liveblog(entries: int = 5000, seed: int = 1, repeats: int = 20) -> LiveBlog:
    """The ``short`` blog: ``entries`` entries with ``repeats`` exact and
    ``repeats`` near repeats planted (each near repeat is a paragraph of 12+
    words with one figure changed)."""
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
    return _assemble(paras, plants, entries, "made-up words")


# -- the realistic blog ------------------------------------------------------------

_STRIP = "\"'“”‘’()[]{}«»*_#|<>"
_END = ".!?"
_WORDS = re.compile(r"[^\W_]+")


class WordChain:
    """Draws sentences word by word, each word among those seen after the
    previous one (as often as seen), from the ``.txt`` files under ``corpus``;
    from made-up words when there are none."""

    def __init__(self, rng: random.Random, corpus: Path | None = None):
        self.rng = rng
        self.next: dict[str, list[str]] = {}
        self.starts: list[str] = []
        files = sorted(corpus.glob("*.txt")) if corpus is not None and corpus.is_dir() else []
        self.source = f"word pairs of {len(files)} articles in {corpus}" if files else "made-up words"
        if files:
            for path in files:
                body = path.read_text(encoding="utf-8").split("\n\n")[1:]  # not the title
                for para in body:
                    self._learn(para.split())
        else:
            vocab = _vocabulary(rng, 20000)
            for _ in range(6000):
                self._learn(_sentence(rng, vocab, 10, 30).split())

    def _learn(self, tokens: list[str]) -> None:
        prev = None
        for tok in tokens:
            tok = tok.strip(_STRIP)
            if not tok or not _WORDS.search(tok):
                continue
            if prev is None:
                self.starts.append(tok)
            else:
                self.next.setdefault(prev, []).append(tok)
            prev = None if tok[-1] in _END else tok

    def sentence(self, lo: int, hi: int) -> str:
        """A sentence of ``lo`` to ``hi`` words ending with a full stop."""
        rng = self.rng
        out = [rng.choice(self.starts)]
        while True:
            last = out[-1]
            if last[-1] in _END:
                if len(out) >= lo:
                    break
                out[-1] = last.rstrip(_END) or last
            if len(out) >= hi:
                break
            follow = self.next.get(out[-1].rstrip(_END))
            out.append(rng.choice(follow) if follow else rng.choice(self.starts))
        out[-1] = out[-1].rstrip(_END + ",;:-–—") or out[-1]
        out[-1] += "."
        out[0] = out[0][:1].upper() + out[0][1:]
        return " ".join(out)


class _Unique:
    """Sentences and captions made once only (compared by their words, as the
    duplication rules compare them)."""

    def __init__(self):
        self.seen: set[tuple[str, ...]] = set()

    def add(self, text: str) -> bool:
        key = tuple(w.lower() for w in _WORDS.findall(text))
        if len(key) < 5:
            return True
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


def _realistic_figure(rng: random.Random, para: str) -> str | None:
    """``para`` with one digit of one figure changed, or None without a figure."""
    words = para.split(" ")
    idx = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    digits = [k for k, c in enumerate(w) if c.isdigit()]
    k = rng.choice(digits)
    words[i] = w[:k] + str((int(w[k]) + rng.randint(1, 8)) % 10) + w[k + 1 :]
    return " ".join(words)


def _caption_forms(rng: random.Random, core: str) -> str:
    """A caption line: ``core`` with a label in front or a credit after it."""
    agency = rng.choice(AGENCIES)
    who = rng.choice(PHOTOGRAPHERS)
    return rng.choice(
        [
            f"Picture: {core}",
            f"Photo: {core} ({agency})",
            f"{core} ({agency})",
            f"{core}. Photograph: {who}/{agency}",
            f"{core} Photograph: {who}/{agency}",
        ]
    )


def make_realistic_liveblog(
    entries: int = 5000, seed: int = 1, repeats: int = 10, corpus: Path | None = DEFAULT_CORPUS
) -> LiveBlog:
    """The ``realistic`` blog: ``entries`` entries (a stamp and a paragraph of 40
    to 120 words; some a quotation, a caption or a credit line too) with
    ``repeats`` planted repeats of each kind ("exact", "near", "sentence",
    "caption")."""
    rng = random.Random(seed)
    chain = WordChain(random.Random(seed + 1), corpus)
    unique = _Unique()

    def fresh_sentence(lo: int, hi: int) -> str:
        while True:
            s = chain.sentence(lo, hi)
            if unique.add(s):
                return s

    def body(n_words: int) -> str:
        out: list[str] = []
        count = 0
        while count < n_words:
            s = fresh_sentence(8, min(35, max(8, n_words - count + 4)))
            out.append(s)
            count += len(s.split())
        return " ".join(out)

    paras: list[str] = ["Live: rolling coverage of the summit"]
    kinds: list[str] = ["headline"]
    minute = 6 * 60
    for e in range(entries):
        minute += rng.randint(1, 3)
        paras.append(f"Updated {minute // 60 % 24:02d}:{minute % 60:02d}")
        kinds.append("stamp")
        paras.append(body(rng.randint(40, 120)))
        kinds.append("body")
        r = rng.random()
        if r < 0.15:
            words = fresh_sentence(12, 30).rstrip(".")
            who = rng.choice(SPEAKERS)
            paras.append(
                f"\u201c{words},\u201d {who} said."
                if rng.random() < 0.7
                else f"{who} told reporters: \u201c{words}.\u201d"
            )
            kinds.append("quote")
        elif r < 0.20:
            while True:
                core = chain.sentence(8, 16).rstrip(".")
                if unique.add(core):
                    break
            paras.append(_caption_forms(rng, core))
            kinds.append("caption:" + core)
        if e % 9 == 4:
            a, b = rng.sample(PHOTOGRAPHERS, 2)
            paras.append(f"Reporting by {a} and {b}; editing by {rng.choice(SPEAKERS)}")
            kinds.append("credit")
    # plant repeats further down
    plants: list[tuple[int, int, str, str]] = []  # (insert before, source, kind, text)
    half = len(paras) // 2
    bodies = [i for i in range(half) if kinds[i] == "body"]
    captions = [i for i in range(half) if kinds[i].startswith("caption:")]
    multi = [i for i in bodies if paras[i].count(". ") >= 2]
    used: set[int] = set()
    for kind in ("exact", "near", "sentence", "caption"):
        made = 0
        pool = {"caption": captions, "sentence": multi}.get(kind, bodies)
        while made < repeats:
            src = rng.choice(pool)
            if src in used:
                continue
            if kind == "exact":
                text = paras[src]
            elif kind == "near":
                text = _realistic_figure(rng, paras[src])
            elif kind == "sentence":
                sents = [s for s in re.split(r"(?<=\.) (?=[A-Z])", paras[src]) if len(s.split()) >= 10]
                text = body(rng.randint(40, 80)) + " " + rng.choice(sents) if sents else None
            else:
                core = kinds[src][len("caption:") :]
                while True:
                    text = _caption_forms(rng, core)
                    if text != paras[src]:
                        break
            if text is None:
                continue
            used.add(src)
            plants.append((rng.randint(src + 2, len(paras) - 1), src, kind, text))
            made += 1
    return _assemble(paras, plants, entries, chain.source)


# -- timing --------------------------------------------------------------------------


def _linter(select: list[str] | None):
    from newslint.api import make_settings
    from newslint.config import Overrides, SettingsResolver
    from newslint.engine import Linter, LintOptions
    from newslint.registry import default_registry

    registry = default_registry()
    config = {"select": select} if select else {}
    settings = make_settings(config, registry)
    return Linter(registry, SettingsResolver(registry, Overrides()), LintOptions()), settings


def lint(text: str, select: list[str] | None):
    """Lint ``text`` as one plain-text file: (findings, wall seconds, CPU seconds)."""
    linter, settings = _linter(select)
    w0, c0 = time.perf_counter(), time.process_time()
    result = linter.lint_source(text, "liveblog.txt", settings)
    return result.findings, time.perf_counter() - w0, time.process_time() - c0


def stages(text: str, select: list[str]) -> list[tuple[str, float]]:
    """CPU seconds of each stage, the text parsed once and the rules of
    ``select`` run on it in turn: parsing, then the shared analyses the rules
    read, then each rule."""
    from newslint.engine import parse_document
    from newslint.rule import RuleContext

    linter, settings = _linter(select)
    ruleset = linter.ruleset(settings)
    rules = ruleset.rules_for("liveblog.txt")
    out = []
    c0 = time.process_time()
    doc = parse_document(text, "liveblog.txt", linter.registry)
    out.append(("parse", time.process_time() - c0))
    for name in ("sentences", "quotes"):
        c0 = time.process_time()
        getattr(doc, name)
        out.append((f"analysis: {name}", time.process_time() - c0))
    ctx = RuleContext(path="liveblog.txt", settings=settings, shared=ruleset.shared,
                      enabled=frozenset(r.code for r in rules))
    for rule in rules:
        c0 = time.process_time()
        list(rule.check(doc, ctx) or ())
        out.append((f"{rule.code} {rule.name}", time.process_time() - c0))
    return out


def check_planted(findings, blog: LiveBlog) -> bool:
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
    return ok


def run_blog(label: str, blog: LiveBlog, runs: int) -> bool:
    from newslint.engine import parse_document
    from newslint.registry import default_registry

    print(f"\n{label} live blog: {blog.entries:,} entries, {blog.words:,} words "
          f"({blog.words / max(1, blog.entries):.0f} per entry), {len(blog.planted)} planted repeats")
    lint(blog.text, ["NL3"])  # warm up imports
    ok = True
    parse_cpu = min(
        _cpu(lambda: parse_document(blog.text, "liveblog.txt", default_registry())) for _ in range(runs)
    )
    for name, select in (("duplication rules (NL3xx)", ["NL3"]), ("default rule set", None)):
        wall = cpu = float("inf")
        findings = []
        for _ in range(runs):
            findings, w, c = lint(blog.text, select)
            wall, cpu = min(wall, w), min(cpu, c)
        print(f"{name}: {wall:.3f} s wall, {cpu:.3f} s CPU with parsing, "
              f"{cpu - parse_cpu:.3f} s CPU without ({parse_cpu:.3f} s parsing); "
              f"{len(findings)} findings")
        if select:
            ok = check_planted(findings, blog) and ok
            n304 = sum(1 for f in findings if f.code == "NL304")
            print(f"  quote variants (NL304) reported: {n304}")
    best: dict[str, float] = {}
    for _ in range(runs):
        for stage, sec in stages(blog.text, ["NL3"]):
            best[stage] = min(best.get(stage, float("inf")), sec)
    print("  CPU by stage (NL3xx run alone on one parse; the first NL3 rule builds the shared index):")
    for stage, sec in best.items():
        print(f"    {stage:<34} {sec * 1000:8.1f} ms")
    return ok


def _cpu(fn) -> float:
    c0 = time.process_time()
    fn()
    return time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=20,
                    help="repeats planted of each kind (short blog; half as many of each kind in the realistic one)")
    ap.add_argument("--runs", type=int, default=3, help="timing runs (the best is shown)")
    ap.add_argument("--blog", choices=("short", "realistic", "both"), default="both")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="articles whose word pairs the realistic blog is drawn from "
                         "(made-up words when absent)")
    args = ap.parse_args(argv)

    ok = True
    if args.blog in ("short", "both"):
        ok = run_blog("short-entry", make_liveblog(args.entries, repeats=args.repeats), args.runs) and ok
    if args.blog in ("realistic", "both"):
        t0 = time.perf_counter()
        blog = make_realistic_liveblog(args.entries, repeats=max(1, args.repeats // 2), corpus=args.corpus)
        print(f"\n(realistic blog generated in {time.perf_counter() - t0:.1f} s from {blog.source})")
        ok = run_blog("realistic", blog, args.runs) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
