"""NL105 cross-story-spelling: a name spelled one way in most stories, another in a few."""

from __future__ import annotations

from collections import Counter
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

from ..spelling._common import in_non_prose
from ..spelling.inconsistent_spelling import (
    _Context,
    _context,
    _different_people,
    _known,
    _variant_keys,
    collect_forms,
    fill_occurrences,
    skeleton,
)

#: first names, titles and following words kept per spelling (the commonest)
_KEEP = 40


class CrossStorySpelling(CrossStoryRule):
    """Flags a name that most stories in an archive spell one way and a few spell
    another (Zelenskyy in 900 stories, Zelensky in 40), on each of the few.

    Every story's capitalised words that may be names are collected as NL101
    (inconsistent-spelling) collects them, with the first names, titles and
    following words written beside them.  Spellings are counted across the
    archive (stories, not uses), then compared as NL101 compares them within a
    story: one edit apart or the same romanisation skeleton (Zelensky/Zelenskyy,
    Hrytsenko/Gritsenko), an ending added on purpose (Smith/Smiths, Kowalski/Kowalska)
    is not a variant, and two people are told apart by their first names, titles
    and surnames across the archive (Boris Johnson, Ann Johnston).  Unlike NL101, a
    rarer spelling that is itself an established name or an English word (Preston
    beside Peston, Yukon beside Yukos) is never reported: no sentence ties the two
    together; and a changed letter makes a variant only in names of at least
    ``min-substitution-length`` letters (Yuganskneftegaz, Yuganskneftegas), since
    short names a letter apart are so often two names (Davis and Davos, Singh and
    Sindh), while a letter dropped, added or swapped counts from ``min-length``
    (Boing, Bangaldesh).  A spelling is
    reported only when another is used in at least ``min-ratio`` times as many
    stories and in at least ``min-stories`` stories.  Comparisons are made within a
    section and a date window when the archive gives them (``window-days``).
    The grouping runs as shuffles by spelling and by a deletion-neighbourhood key, so
    no machine holds the archive.

    Why: an archive that spells one person two ways is hard to search and looks
    careless; the rarer spelling is usually a slip or an old transliteration.

    Example: ``Mr Zelensky said`` in a story, where 'Zelenskyy' is used in 900
    stories, gives "'Zelensky' here and in 40 stories; 'Zelenskyy' in 900 stories:
    one name spelled two ways across the archive".

    Fix safety: none; which spelling the archive should use is an editor's call.
    """

    code = "NL105"
    name = "cross-story-spelling"
    category = "consistency"
    summary = "A name spelled one way in most stories of an archive and another way in a few"
    severity = Severity.WARNING
    options = {
        "min-length": Option(5, "shortest name (in letters) compared", int, minimum=3),
        "min-substitution-length": Option(
            8, "shortest name (in letters) for which one changed letter makes a variant", int, minimum=3),
        "min-ratio": Option(3.0, "the other spelling must be in this many times as many stories", float, minimum=1.0),
        "min-stories": Option(3, "the other spelling must be in at least this many stories", int, minimum=1),
        "window-days": Option(0, "compare stories only within windows of this many days (0: the whole archive)", int, minimum=0),
        "allow": Option([], "spellings never reported", list),
    }

    # -- map ---------------------------------------------------------------------

    def observe(self, article: Article, ctx: RuleContext) -> Iterable[Row]:
        doc = article.doc
        forms = collect_forms(doc, {})
        if not forms:
            return []
        fill_occurrences(doc, forms, set(forms))
        scope = scope_of(article, self.opts["window-days"])
        allow = set(self.opts["allow"])
        out = []
        for t, f in forms.items():
            f.occ = [o for o in f.occ if not in_non_prose(doc, o.start, o.end)]
            if not f.occ or len(f.key) < self.opts["min-length"] or t in allow:
                continue
            c = _context(doc, f)
            first = f.occ[0]
            out.append({
                "scope": scope, "spelling": t, "key": f.key, "id": article.id, "uses": len(f.occ),
                "firsts": sorted(c.firsts), "titles": sorted(c.titles), "nexts": sorted(c.nexts),
                **position_fields(doc, first.start, first.end),
            })
        return out

    # -- reduce ------------------------------------------------------------------

    def pipeline(self, rows: Any, ex: Executor) -> Any:
        stats = ex.shuffle(rows, _by_spelling, _stat)
        candidates = ex.flatmap(stats, _neighbourhood)
        verdicts = ex.shuffle(candidates, _by_neighbour, self._judge)
        mentions = ex.flatmap(rows, _as_mention)
        return ex.shuffle(ex.concat([mentions, verdicts]), _by_spelling, _emit)

    def _judge(self, key: Hashable, group: list[Row]) -> Iterable[Row]:
        seen: dict[str, Row] = {}
        for r in group:
            seen.setdefault(r["spelling"], r)
        stats = sorted(seen.values(), key=lambda r: r["spelling"])
        ratio, least = self.opts["min-ratio"], self.opts["min-stories"]
        for i, a in enumerate(stats):
            for b in stats[i + 1:]:
                minor, major = (a, b) if a["stories"] < b["stories"] else (b, a)
                if major["stories"] < least or major["stories"] < ratio * minor["stories"]:
                    continue
                if minor["key"] == major["key"]:
                    if minor["spelling"].lower() == major["spelling"].lower():
                        continue  # capitals only (PayPal, Paypal)
                elif skeleton(minor["key"]) == skeleton(major["key"]) and minor["key"][0] == major["key"][0]:
                    pass  # one romanisation skeleton (Hrytsenko, Gritsenko)
                elif not _variant_keys(minor["key"], major["key"]):
                    continue
                elif _substitution(minor["key"], major["key"]) and len(minor["key"]) < self.opts["min-substitution-length"]:
                    # short names a letter apart are often two names (Davis and
                    # Davos, Singh and Sindh, Hawkins and Haskins)
                    continue
                if _known(minor["spelling"]):
                    # an established name or a word in its own right (Yukon and
                    # Yukos, Preston and Peston): across stories,
                    # with no sentence shared, it is taken for another name
                    continue
                if _different_people(minor["spelling"], major["spelling"], _ctx(minor), _ctx(major)):
                    continue
                if _roles_differ(minor, major):
                    continue
                yield {"kind": "verdict", "scope": minor["scope"], "spelling": minor["spelling"],
                       "other": major["spelling"], "stories": minor["stories"], "other_stories": major["stories"]}


def _substitution(a: str, b: str) -> bool:
    """Are two spellings of one length one changed letter apart (not two swapped)?"""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return not (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def _roles_differ(a: Row, b: Row) -> bool:
    """One is written as a surname (after first names) and never before one, the
    other as a first name (before surnames) and never after one: Steven Gerrard,
    Gerard Houllier."""
    def surname(r: Row) -> bool:
        return bool(r["firsts"]) and not r["nexts"]

    def given(r: Row) -> bool:
        return bool(r["nexts"]) and not r["firsts"]

    return (surname(a) and given(b)) or (given(a) and surname(b))


def _by_spelling(r: Row) -> Hashable:
    return (r["scope"], r["spelling"])


def _by_neighbour(r: Row) -> Hashable:
    return (r["scope"], r["nkey"])


def _top(counter: Counter[str]) -> list[str]:
    return sorted(k for k, _ in counter.most_common(_KEEP))


def _stat(key: Hashable, group: list[Row]) -> Iterable[Row]:
    firsts: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    nexts: Counter[str] = Counter()
    ids = set()
    for r in group:
        ids.add(r["id"])
        firsts.update(r["firsts"])
        titles.update(r["titles"])
        nexts.update(r["nexts"])
    first = group[0]
    yield {"scope": first["scope"], "spelling": first["spelling"], "key": first["key"], "stories": len(ids),
           "firsts": _top(firsts), "titles": _top(titles), "nexts": _top(nexts)}


def _neighbourhood(stat: Row) -> Iterable[Row]:
    """The stat under each key a variant of it may share: the folded spelling,
    each spelling with one letter deleted, and the romanisation skeleton."""
    key = stat["key"]
    keys = {key, "~" + skeleton(key)}
    keys.update(key[:i] + key[i + 1:] for i in range(len(key)))
    for k in sorted(keys):
        yield {**stat, "nkey": k}


def _ctx(stat: Row) -> _Context:
    return _Context(frozenset(stat["firsts"]), frozenset(stat["titles"]), frozenset(stat["nexts"]))


def _as_mention(r: Row) -> Iterable[Row]:
    yield {**r, "kind": "mention"}


def _emit(key: Hashable, group: list[Row]) -> Iterable[Row]:
    verdicts = [r for r in group if r["kind"] == "verdict"]
    if not verdicts:
        return
    v = max(verdicts, key=lambda r: (r["other_stories"], r["other"]))
    where = f" (in {v['scope']})" if v["scope"] else ""
    n, m = v["stories"], v["other_stories"]
    for r in sorted((r for r in group if r["kind"] == "mention"), key=lambda r: r["id"]):
        yield {
            "id": r["id"],
            **{k: r[k] for k in ("start_offset", "end_offset", "line", "column", "end_line", "end_column")},
            "message": (f"'{r['spelling']}' here and in {n - 1} other stor{'y' if n == 2 else 'ies'}; "
                        f"'{v['other']}' in {m} stories{where}: one name spelled two ways across the archive"
                        if n > 1 else
                        f"'{r['spelling']}' here only; '{v['other']}' in {m} stories{where}: "
                        "one name spelled two ways across the archive"),
            "suggestions": [v["other"]],
            "data": {"variant_of": v["other"], "stories": n, "other_stories": m},
            "flagged": r["spelling"],
        }


RULES = [CrossStorySpelling]
