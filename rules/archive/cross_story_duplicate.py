"""NL305 cross-story-duplicate: a paragraph published in two different stories."""

from __future__ import annotations

import hashlib
import random
import re
import zlib
from collections.abc import Hashable, Iterable
from typing import Any

from newslint.crossstory import (
    Article,
    CrossStoryRule,
    Executor,
    Row,
    position_fields,
    scope_of,
)
from newslint.diagnostics import Severity
from newslint.rule import Option, RuleContext

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: MinHash: 30 hashes in 10 bands of 3; two paragraphs sharing 70 % of their
#: three-word shingles meet in some band with a probability of 0.985, 80 % 0.9996
HASHES, BANDS = 30, 10
ROWS = HASHES // BANDS
_PRIME = (1 << 61) - 1
_rng = random.Random(20261204)
_PERM = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(HASHES)]
_KINDS = frozenset({"paragraph", "blockquote", "list-item"})


def words_of(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def signature(words: list[str], width: int = 3) -> list[int]:
    """MinHash signature of the paragraph's ``width``-word shingles (deterministic
    in every process: CRC-32, not Python's salted ``hash``)."""
    shingles = {zlib.crc32(" ".join(words[i:i + width]).encode("utf-8"))
                for i in range(max(1, len(words) - width + 1))}
    return [min((a * x + b) % _PRIME for x in shingles) for a, b in _PERM]


class CrossStoryDuplicate(CrossStoryRule):
    """Flags a paragraph that another story in the archive also published, word for
    word or nearly (a figure changed, a word added), on the later story.

    Paragraphs of at least ``min-words`` words are fingerprinted with MinHash over
    their three-word shingles; fingerprints are grouped by band (a shuffle in the
    engine), and only paragraphs that meet in a band are compared, so the work grows
    with the archive, not its square.  Two paragraphs are the same when they are
    identical once case and punctuation are set aside, and near-identical when the
    share of matching fingerprint values (an estimate of the share of shingles
    they have in common) is at least ``similarity``.  Text that appears in
    ``boilerplate`` or more stories (a standard footer, a recurring background
    paragraph) is boilerplate and never reported.  The later story is the one
    with the later date when dates are given, otherwise the one whose id sorts
    later; comparisons stay within a section and a date window when the archive
    gives them (``window-days``).  A paragraph repeated inside one story is NL301's.

    Why: wire copy published twice, or a paragraph pasted from an old story, are
    the archive's duplicates; a data team wants them out of a training set, and an
    editor wants to know before a reader does.

    Example: the same 40-word paragraph in stories 'a17' and 'b203' gives, on
    'b203', "Paragraph also published in story 'a17' (line 3)".

    Fix safety: none; which copy should go is an editor's call.
    """

    code = "NL305"
    name = "cross-story-duplicate"
    category = "duplication"
    summary = "A paragraph published in two different stories of an archive"
    severity = Severity.WARNING
    options = {
        "min-words": Option(20, "shortest paragraph (in words) compared", int, minimum=5),
        "similarity": Option(0.7, "share of matching fingerprint values for a near-identical paragraph", float,
                             minimum=0.5, maximum=1.0),
        "boilerplate": Option(5, "text in this many stories or more is boilerplate and not reported", int, minimum=3),
        "window-days": Option(0, "compare stories only within windows of this many days (0: the whole archive)", int, minimum=0),
        "whole-story": Option(3, "a story repeating this many paragraphs of another is reported once", int, minimum=2),
    }

    # -- map ---------------------------------------------------------------------

    def observe(self, article: Article, ctx: RuleContext) -> Iterable[Row]:
        doc = article.doc
        scope = scope_of(article, self.opts["window-days"])
        out = []
        for i, b in enumerate(doc.blocks):
            if b.kind not in _KINDS:
                continue
            words = words_of(doc.text[b.start:b.end])
            if len(words) < self.opts["min-words"]:
                continue
            exact = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest()
            out.append({
                "scope": scope, "id": article.id, "date": article.date or "", "para": i, "exact": exact,
                "sig": signature(words), **position_fields(doc, b.start, b.end),
            })
        return out

    # -- reduce ------------------------------------------------------------------

    def pipeline(self, rows: Any, ex: Executor) -> Any:
        banded = ex.flatmap(rows, _bands)
        found = ex.shuffle(banded, _by_band, self._bucket)
        per_paragraph = ex.shuffle(found, _by_target, _emit)
        return ex.shuffle(per_paragraph, _by_story_pair, self._collapse)

    def _collapse(self, key: Hashable, group: list[Row]) -> Iterable[Row]:
        """A story that repeats ``whole-story`` or more paragraphs of another is
        reported once, on its first repeated paragraph; otherwise each paragraph."""
        group = sorted(group, key=lambda r: r["start_offset"])
        if len(group) < self.opts["whole-story"]:
            for r in group:
                yield {k: v for k, v in r.items() if k not in ("scope", "other")}
            return
        first = group[0]
        exact = sum(1 for r in group if r["data"]["exact"])
        lines = ", ".join(str(r["line"]) for r in group)
        near = f", {len(group) - exact} of them nearly" if exact < len(group) else ""
        yield {
            **{k: first[k] for k in ("id", "start_offset", "end_offset", "line", "column", "end_line", "end_column")},
            "message": (f"Story repeats {len(group)} paragraphs of story '{first['other']}' "
                        f"(lines {lines} here{near}); it may be a copy"),
            "data": {"other_story": first["other"], "paragraphs": len(group), "exact": exact,
                     "lines": [r["line"] for r in group]},
        }

    def _bucket(self, key: Hashable, group: list[Row]) -> Iterable[Row]:
        stories = {r["id"] for r in group}
        if len(stories) < 2:
            return
        if len(stories) >= self.opts["boilerplate"]:
            for r in group:
                yield {"kind": "boilerplate", "target": (r["scope"], r["id"], r["para"])}
            return
        need = self.opts["similarity"]
        group = sorted(group, key=lambda r: (r["date"], r["id"], r["para"]))
        for x, a in enumerate(group):
            for b in group[x + 1:]:
                if a["id"] == b["id"]:
                    continue
                exact = a["exact"] == b["exact"]
                sim = 1.0 if exact else sum(p == q for p, q in zip(a["sig"], b["sig"])) / HASHES
                if sim < need:
                    continue
                yield {"kind": "pair", "target": (b["scope"], b["id"], b["para"]), "exact": exact, "sim": sim,
                       "other": a["id"], "other_line": a["line"], "exact_hash": b["exact"],
                       **{k: b[k] for k in ("id", "start_offset", "end_offset", "line", "column",
                                            "end_line", "end_column")}}


def _bands(r: Row) -> Iterable[Row]:
    sig = r["sig"]
    for band in range(BANDS):
        part = sig[band * ROWS:(band + 1) * ROWS]
        yield {**r, "band": f"{band}:{zlib.crc32(repr(part).encode()):08x}"}


def _by_band(r: Row) -> Hashable:
    return (r["scope"], r["band"])


def _by_target(r: Row) -> Hashable:
    return tuple(r["target"])


def _by_story_pair(r: Row) -> Hashable:
    return (r["scope"], r["id"], r["other"])


def _emit(key: Hashable, group: list[Row]) -> Iterable[Row]:
    if any(r["kind"] == "boilerplate" for r in group):
        return
    pairs = [r for r in group if r["kind"] == "pair"]
    if not pairs:
        return
    best = min(pairs, key=lambda r: (not r["exact"], -r["sim"], r["other"]))
    others = sorted({r["other"] for r in pairs} - {best["other"]})
    more = f", and in {len(others)} other stor{'y' if len(others) == 1 else 'ies'}" if others else ""
    if best["exact"]:
        msg = f"Paragraph also published in story '{best['other']}' (line {best['other_line']}){more}"
    else:
        msg = (f"Paragraph nearly the same as one in story '{best['other']}' (line {best['other_line']}; "
               f"about {round(best['sim'] * 100)}% of its wording shared){more}")
    yield {
        **{k: best[k] for k in ("id", "start_offset", "end_offset", "line", "column", "end_line", "end_column")},
        "scope": key[0] if isinstance(key, tuple) else "",
        "other": best["other"],
        "message": msg,
        "data": {"other_story": best["other"], "other_line": best["other_line"], "exact": best["exact"],
                 "similarity": round(best["sim"], 2), "also_in": others},
    }


RULES = [CrossStoryDuplicate]
