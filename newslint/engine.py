"""The engine: read, parse, run the selected rules in a plain loop, suppress, resolve.

Nothing here knows about any particular rule; meta findings (unreadable input,
rule crashes, suppression problems) are made under the meta rules' codes, and
only when those rules are selected.
"""

from __future__ import annotations

import bisect
import heapq
import os
import re
import traceback
from dataclasses import dataclass, field
from typing import AbstractSet, Any, BinaryIO, Iterable, Sequence

from . import analysis  # noqa: F401  (provides the analyses a Document offers)
from .budget import Budget, OutOfTime
from .config import Settings, SettingsResolver
from .diagnostics import (
    Applicability,
    Diagnostic,
    Finding,
    Position,
    RelatedLocation,
    RequiredCheckUnavailable,
    Severity,
    SourceEdit,
    SourceFix,
)
from .document import Document
from .registry import Registry
from .rule import Rule, RuleContext
from .safefs import SpecialFileError, TooLargeError, read_limited, read_regular

# Meta rule codes (the rules themselves live in rules/meta and document these).
UNREADABLE = "NL901"
UNUSED_SUPPRESSION = "NL902"
RULE_CRASH = "NL903"
INVALID_SUPPRESSION = "NL904"
MARKUP_PROBLEM = "NL905"
EMPTY_INPUT = "NL906"
TOO_LARGE = "NL907"
RULE_TIMEOUT = "NL908"


class InputError(Exception):
    """A file cannot be read as text (the message is one clear line)."""


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    #: True when the file could not be read or parsed (exit status 2).
    unreadable: bool = False
    #: the fixed source, when fixes were applied (``--fix`` / ``--diff``).
    fixed_source: str | None = None
    original_source: str | None = None
    has_bom: bool = False
    fixes_applied: int = 0
    #: the findings before fixes were applied (reported if the fixes cannot be written).
    original_findings: list[Finding] | None = None


# -- reading ---------------------------------------------------------------------


def decode(data: bytes, max_size: int | None = None) -> tuple[str, bool]:
    """Decode UTF-8 (with or without a byte-order mark); raise :class:`InputError`."""
    if max_size is not None and len(data) > max_size:
        raise InputError(
            f"file is {len(data) / 1e6:.1f} MB, over the {max_size / 1e6:g} MB "
            "limit (max-file-size); not checked"
        )
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _looks_utf32(data[:8192]):
        raise InputError("file is UTF-32; newslint reads UTF-8 only (re-save the file as UTF-8)")
    head = data[:8192]
    if b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 without a byte-order mark: NUL in every other byte of ASCII text
        if len(head) >= 4 and (head[1::2].count(0) > len(head) * 0.4 or head[0::2].count(0) > len(head) * 0.4):
            raise InputError("file looks like UTF-16; newslint reads UTF-8 only (re-save the file as UTF-8)")
        raise InputError("binary file (contains NUL bytes); not checked")
    has_bom = data.startswith(b"\xef\xbb\xbf")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16; newslint reads UTF-8 only (re-save the file as UTF-8)")
    try:
        text = data[3:].decode("utf-8") if has_bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} on line {line} "
            "(re-save the file as UTF-8)"
        ) from None
    return text, has_bom


def _looks_utf32(head: bytes) -> bool:
    """UTF-32 without a byte-order mark: three NUL bytes in every four of ASCII text."""
    n = len(head) - len(head) % 4
    if n < 8:
        return False
    quads = [head[i : i + 4] for i in range(0, n, 4)]
    le = sum(1 for q in quads if q[1:] == b"\x00\x00\x00" and q[0])
    be = sum(1 for q in quads if q[:3] == b"\x00\x00\x00" and q[3])
    return max(le, be) > len(quads) * 0.6


def read_file(path: str, max_size: int | None = None) -> tuple[str, bool]:
    try:
        data = read_regular(path, max_size)
    except TooLargeError as exc:
        raise InputError(str(exc)) from None
    except SpecialFileError as exc:
        raise InputError(f"{exc.strerror or exc}; not checked") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return decode(data, max_size)


def read_stream(stream: BinaryIO, max_size: int | None = None) -> tuple[str, bool]:
    """Read and decode a stream (standard input), stopping past ``max_size`` bytes."""
    try:
        data = read_limited(stream, max_size)
    except TooLargeError as exc:
        raise InputError(str(exc)) from None
    return decode(data, max_size)


def parse_document(source: str, path: str, registry: Registry, fmt_name: str | None = None) -> Document:
    """Parse ``source`` with the format named, or the one ``path``'s extension selects
    (plain text when none does)."""
    if fmt_name is not None:
        fmt = registry.formats.get(fmt_name)
        if fmt is None:
            raise InputError(f"unknown input format {fmt_name!r}")
    else:
        fmt = registry.format_for(path) or registry.formats["text"]
    result = fmt.parse(source)
    return Document(
        source,
        result.text,
        result.source_map,
        result.blocks,
        path=path,
        format=fmt.name,
        comments=result.comments,
        warnings=result.warnings,
    )


# -- rules -----------------------------------------------------------------------


class RuleSet:
    """Instantiated rules for one settings object, reused across files."""

    def __init__(self, registry: Registry, settings: Settings):
        self.registry = registry
        self.settings = settings
        self._instances: dict[tuple[str, ...], list[Rule]] = {}
        self.shared: dict[str, Any] = {}

    def rules_for(self, path: str) -> list[Rule]:
        classes = self.settings.enabled_rules(self.registry, path)
        key = tuple(c.code for c in classes)
        inst = self._instances.get(key)
        if inst is None:
            inst = []
            for cls in classes:
                rule = cls(self.settings.options_for(cls))
                rule.severity = self.settings.severity_for(self.registry, cls)  # type: ignore[misc]
                inst.append(rule)
            self._instances[key] = inst
        return inst

    def enabled_codes(self, path: str) -> set[str]:
        return {r.code for r in self.rules_for(path)}


def run_rules(
    doc: Document, rules: Sequence[Rule], ctx: RuleContext, time_budget: float | None = None
) -> list[Diagnostic]:
    """Run each rule; a rule that raises becomes an NL903 finding, one that runs
    out of the file's ``time_budget`` (seconds; see :mod:`newslint.budget`) an
    NL908 finding."""
    out: list[Diagnostic] = []
    n = len(doc.text)
    with Budget(time_budget) as budget:
        for rule in rules:
            if rule.category == "meta":
                continue
            _run_rule(doc, rule, ctx, budget, n, out)
    return out


def _run_rule(doc: Document, rule: Rule, ctx: RuleContext, budget: Budget, n: int, out: list[Diagnostic]) -> None:
    try:
        with budget.rule():
            for d in rule.check(doc, ctx) or ():
                if not (0 <= d.start <= d.end <= n):
                    raise ValueError(
                        f"reported an out-of-range span {d.start}..{d.end} (text length {n})"
                    )
                out.append(d)
                budget.check()
    except RequiredCheckUnavailable:
        raise  # the file cannot be checked as configured: the caller reports it
    except OutOfTime:
        out.append(
            Diagnostic(
                0,
                0,
                f"Rule {rule.code} ({rule.name}) ran out of time on this file and was stopped "
                f"(the rules had run {budget.elapsed():.1f} s; time-budget {budget.seconds:g} s); "
                "its findings here may be incomplete",
                RULE_TIMEOUT,
                "rule-timeout",
                "meta",
                Severity.ERROR,
                data={"rule": rule.code},
            )
        )
    except Exception as exc:  # noqa: BLE001 - a broken rule must not stop the run
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" at {os.path.basename(tb[-1].filename)}:{tb[-1].lineno}" if tb else ""
        out.append(
            Diagnostic(
                0,
                0,
                f"Rule {rule.code} ({rule.name}) crashed on this file and was skipped: "
                f"{type(exc).__name__}: {exc}{where}",
                RULE_CRASH,
                "rule-crash",
                "meta",
                Severity.ERROR,
                data={"rule": rule.code},
            )
        )


# -- suppression -------------------------------------------------------------------

_DIRECTIVE = re.compile(r"^\s*newslint\s*:\s*(\S+)\s*(.*?)\s*$", re.S)


@dataclass
class _Suppression:
    codes: set[str]
    names: list[str]  # as written, for messages
    start: int  # text offsets the suppression covers
    end: int
    source_start: int
    source_end: int
    used: set[str] = field(default_factory=set)
    kind: str = "disable"
    #: for ``disable-line`` / ``disable-next-line``: the source line (start, end)
    #: a finding must start on to be suppressed
    line_start: int = -1
    line_end: int = -1


#: the directives a comment may give after ``newslint:``
_ACTIONS = ("disable", "enable", "ignore", "disable-line", "disable-next-line")


def _parse_suppressions(
    doc: Document, registry: Registry
) -> tuple[list[_Suppression], list[tuple[int, int, str, str]]]:
    """Suppressions from comments, and problems as (src_start, src_end, code, message)."""
    sups: list[_Suppression] = []
    problems: list[tuple[int, int, str, str]] = []
    open_: dict[str, _Suppression] = {}
    bounds: tuple[list[int], list[int]] | None = None  # block starts and ends, for 'ignore'
    for c in doc.comments:
        m = _DIRECTIVE.match(c.body)
        if not m:
            continue
        action, rest = m.group(1).lower(), m.group(2)
        names = [n for n in re.split(r"[\s,]+", rest) if n]
        if action not in _ACTIONS:
            message = (f"Unknown newslint directive '{m.group(1)}' (use disable, enable, ignore, "
                       "disable-line or disable-next-line)")
            problems.append((c.source_start, c.source_end, INVALID_SUPPRESSION, message))
            continue
        if not names:
            problems.append(
                (c.source_start, c.source_end, INVALID_SUPPRESSION,
                 f"'newslint: {action}' needs the rules it applies to, e.g. "
                 f"'newslint: {action} repeated-word'; blanket suppression is not allowed")
            )
            continue
        codes: set[str] = set()
        shown: list[str] = []
        for n in names:
            rule = registry.lookup(n)
            if rule is None:
                problems.append(
                    (c.source_start, c.source_end, INVALID_SUPPRESSION,
                     f"Unknown rule '{n}' in suppression comment")
                )
                continue
            codes.add(rule.code)
            shown.append(n)
        if not codes:
            continue
        if action == "disable":
            s = _Suppression(codes, shown, c.text_offset, len(doc.text), c.source_start, c.source_end)
            sups.append(s)
            for code in codes:
                open_[code] = s
        elif action == "enable":
            for code in codes:
                closing = open_.pop(code) if code in open_ else None
                if closing is None:
                    problems.append(
                        (c.source_start, c.source_end, INVALID_SUPPRESSION,
                         f"'newslint: enable {registry.rules[code].name}' without a matching disable")
                    )
                    continue
                if len(closing.codes) == 1:
                    closing.end = c.text_offset
                else:  # split a multi-rule disable so each rule ends independently
                    closing.codes.discard(code)
                    part = _Suppression({code}, [registry.rules[code].name], closing.start, c.text_offset,
                                        closing.source_start, closing.source_end)
                    sups.append(part)
        elif action in ("disable-line", "disable-next-line"):
            span = _line_for_comment(doc, c, action == "disable-next-line")
            if isinstance(span, str):
                problems.append((c.source_start, c.source_end, INVALID_SUPPRESSION, span))
                continue
            sups.append(
                _Suppression(codes, shown, 0, 0, c.source_start, c.source_end, kind="line",
                             line_start=span[0], line_end=span[1])
            )
        else:  # ignore: the block the comment sits in, or the next block
            if bounds is None:
                bounds = ([b.start for b in doc.blocks], [b.end for b in doc.blocks])
            block = _block_for_comment(doc, c, *bounds)
            if block is None:
                problems.append(
                    (c.source_start, c.source_end, INVALID_SUPPRESSION,
                     "'newslint: ignore' is not followed by any text")
                )
                continue
            sups.append(
                _Suppression(codes, shown, block.start, block.end, c.source_start, c.source_end, kind="ignore")
            )
    return sups, problems


def _line_for_comment(doc: Document, c: Any, next_line: bool) -> tuple[int, int] | str:
    """The source line (start, end offsets) a line directive applies to, or the
    problem with it: ``disable-line`` needs text beside the comment on its line;
    ``disable-next-line`` applies to the line after the comment's last line."""
    src = doc.source
    if next_line:
        line_start = src.find("\n", c.source_end)
        while line_start != -1:
            # further comment lines (another directive) are stepped over
            following = src.find("\n", line_start + 1)
            text = src[line_start + 1 : following if following != -1 else len(src)].strip()
            if not (text.startswith("<!--") and text.endswith("-->")):
                break
            line_start = following
        if line_start == -1 or not src[line_start + 1:].strip():
            return "'newslint: disable-next-line' is not followed by any line"
        line_start += 1
    else:
        line_start = src.rfind("\n", 0, c.source_start) + 1
    line_end = src.find("\n", line_start)
    if line_end == -1:
        line_end = len(src)
    if not next_line:
        beside = src[line_start:c.source_start] + src[c.source_end:line_end]
        if not beside.strip():
            return ("'newslint: disable-line' has no text beside it on its line "
                    "(use disable-next-line on the line before)")
    elif not src[line_start:line_end].strip():
        return "'newslint: disable-next-line' is followed by a blank line"
    return line_start, line_end


def _block_for_comment(doc: Document, c, block_starts: list[int], block_ends: list[int]) -> Any:
    """The block an 'ignore' comment applies to (blocks are in text order, so
    their starts and ends are sorted: bisection finds the first that fits)."""
    src = doc.source
    line_start = src.rfind("\n", 0, c.source_start) + 1
    line_end = src.find("\n", c.source_end)
    if line_end == -1:
        line_end = len(src)
    own_line = not src[line_start:c.source_start].strip() and not src[c.source_end:line_end].strip()
    blocks = doc.blocks
    if not own_line:
        # the comment shares a line with text: it applies to that text's block
        # (the first block with start <= offset <= end + 1)
        i = bisect.bisect_left(block_ends, c.text_offset - 1)
        if i < len(blocks) and blocks[i].start <= c.text_offset:
            return blocks[i]
    i = bisect.bisect_left(block_starts, c.text_offset)
    return blocks[i] if i < len(blocks) else None


def apply_suppressions(
    doc: Document,
    diags: list[Diagnostic],
    registry: Registry,
    enabled: AbstractSet[str],
) -> tuple[list[Diagnostic], list[tuple[int, int, str, str]]]:
    if not doc.comments:
        return diags, []
    sups, problems = _parse_suppressions(doc, registry)
    if not sups:
        return diags, problems
    hits = _first_suppression(diags, sups, doc)
    kept = []
    for d, hit in zip(diags, hits):
        if hit is None:
            kept.append(d)
        else:
            hit.used.add(d.code)
    for s in sups:
        # a suppression for a rule that is not running cannot be judged unused
        for code in sorted(s.codes & enabled - s.used):
            name = registry.rules[code].name
            problems.append(
                (s.source_start, s.source_end, UNUSED_SUPPRESSION,
                 f"Unused suppression: no '{name}' finding here to suppress")
            )
    return kept, problems


def _first_suppression(
    diags: list[Diagnostic], sups: list[_Suppression], doc: Document | None = None
) -> list[_Suppression | None]:
    """For each diagnostic, the first suppression (in ``sups`` order) of its code
    that covers it, or None. A block suppression covers a diagnostic whose text
    start lies in its range; a line suppression (``disable-line``,
    ``disable-next-line``) one whose source start lies on its line.

    One sweep per code over the diagnostics in order of their start, with the
    suppressions that have begun in a heap by their place in ``sups``; one that
    has ended stays ended for every later start, so it leaves the heap for good.
    Time grows as (diagnostics + suppressions) x log(suppressions), where trying
    every suppression for every diagnostic would grow as their product. Block and
    line suppressions are swept apart (they measure in different offsets) and
    the earlier of the two hits wins; line suppressions need the document."""
    text_at = [d.start for d in diags]
    text_ranges: dict[str, list[tuple[int, int, int]]] = {}  # code -> (start, last, place)
    line_ranges: dict[str, list[tuple[int, int, int]]] = {}
    for k, s in enumerate(sups):
        if s.kind == "line":
            for code in s.codes:
                line_ranges.setdefault(code, []).append((s.line_start, s.line_end, k))
        else:
            last = s.end - 1 if s.kind == "ignore" else s.end
            for code in s.codes:
                text_ranges.setdefault(code, []).append((s.start, last, k))
    places = _sweep(diags, text_at, text_ranges)
    if line_ranges:
        assert doc is not None, "line suppressions are placed in a document's source"
        source_at = [doc.source_span(d.start, d.end)[0] for d in diags]
        for i, place in enumerate(_sweep(diags, source_at, line_ranges)):
            current = places[i]
            if place is not None and (current is None or place < current):
                places[i] = place
    return [None if p is None else sups[p] for p in places]


def _sweep(
    diags: list[Diagnostic], at: list[int], by_code: dict[str, list[tuple[int, int, int]]]
) -> list[int | None]:
    """For each diagnostic, the least place among the ranges of its code that hold
    ``at[i]`` (ranges are (start, last, place), both ends inclusive), or None."""
    out: list[int | None] = [None] * len(diags)
    wanted: dict[str, list[int]] = {}
    for i, d in enumerate(diags):
        if d.code in by_code:
            wanted.setdefault(d.code, []).append(i)
    for code, idx in wanted.items():
        ranges = sorted(by_code[code])
        idx.sort(key=lambda i: at[i])
        heap: list[tuple[int, int]] = []  # (place in sups, last offset covered)
        r = 0
        for i in idx:
            pos = at[i]
            while r < len(ranges) and ranges[r][0] <= pos:
                heapq.heappush(heap, (ranges[r][2], ranges[r][1]))
                r += 1
            while heap and heap[0][1] < pos:
                heapq.heappop(heap)
            if heap:
                out[i] = heap[0][0]
    return out


# -- resolution ----------------------------------------------------------------------


def _pos(doc: Document, source_offset: int) -> Position:
    line, col = doc.source_position(source_offset)
    return Position(line, col)


def resolve(doc: Document, d: Diagnostic, path: str) -> Finding:
    s, e = doc.source_span(d.start, d.end)
    fix = None
    if d.fix is not None:
        edits = []
        ok = True
        for edit in d.fix.edits:
            if not doc.source_map.is_verbatim(edit.start, edit.end):
                ok = False  # the edit would cross markup or an entity: offer no fix
                break
            es, ee = doc.source_span(edit.start, edit.end)
            if edit.start == edit.end:
                es = ee = doc.source_map.to_source_start(edit.start)
            edits.append(SourceEdit(es, ee, edit.replacement, _pos(doc, es), _pos(doc, ee)))
        if ok and edits:
            fix = SourceFix(tuple(edits), d.fix.applicability, d.fix.description)
    related = tuple(
        RelatedLocation(path, _pos(doc, rs), _pos(doc, re_), r.message)
        for r in d.related
        for rs, re_ in [doc.source_span(r.start, r.end)]
    )
    return Finding(
        path=path,
        start=_pos(doc, s),
        end=_pos(doc, e),
        code=d.code,
        name=d.name,
        category=d.category,
        severity=d.severity,
        message=d.message,
        suggestions=d.suggestions,
        fix=fix,
        related=related,
        data=d.data,
        flagged=doc.text[d.start : d.end],
        source_start=s,
        source_end=e,
    )


def meta_finding(
    registry: Registry,
    settings: Settings,
    path: str,
    code: str,
    message: str,
    doc: Document | None = None,
    source_start: int = 0,
    source_end: int = 0,
    flagged: str = "",
) -> Finding | None:
    """A meta finding, or None when that meta rule is not selected."""
    rule = registry.rules.get(code)
    if rule is None or rule not in settings.enabled_rules(registry, path):
        return None
    if doc is not None:
        start, end = _pos(doc, source_start), _pos(doc, source_end)
    else:
        start = end = Position(1, 1)
    return Finding(
        path=path,
        start=start,
        end=end,
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=settings.severity_for(registry, rule),
        message=message,
        flagged=flagged,
        source_start=source_start,
        source_end=source_end,
    )


# -- one document ----------------------------------------------------------------------


def lint_document(
    doc: Document,
    registry: Registry,
    settings: Settings,
    ruleset: RuleSet | None = None,
    path: str | None = None,
) -> list[Finding]:
    """All findings for a parsed document, suppression applied, sorted."""
    path = path or doc.path
    ruleset = ruleset or RuleSet(registry, settings)
    rules = ruleset.rules_for(path)
    enabled = frozenset(r.code for r in rules)
    ctx = RuleContext(path=path, settings=settings, shared=ruleset.shared, enabled=enabled, registry=registry)
    diags = run_rules(doc, rules, ctx, settings.time_budget)
    diags, problems = apply_suppressions(doc, diags, registry, enabled)
    findings = []
    for d in diags:
        if d.code == RULE_CRASH or d.code == RULE_TIMEOUT:
            f = meta_finding(registry, settings, path, d.code, d.message, doc)
            if f is not None:
                findings.append(f)
            continue
        findings.append(resolve(doc, d, path))
    for s, e, code, msg in problems:
        f = meta_finding(registry, settings, path, code, msg, doc, s, e, doc.source[s:e])
        if f is not None:
            findings.append(f)
    for offset, msg in doc.warnings:
        f = meta_finding(registry, settings, path, MARKUP_PROBLEM, msg, doc, offset, offset)
        if f is not None:
            findings.append(f)
    findings.sort(key=lambda f: f.sort_key)
    return findings


# -- fixes -------------------------------------------------------------------------------


def fixable(f: Finding, unsafe: bool = False) -> bool:
    if f.fix is None:
        return False
    if f.fix.applicability == Applicability.SAFE:
        return True
    return unsafe and f.fix.applicability == Applicability.UNSAFE


def apply_fixes(source: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, int]:
    """Apply non-overlapping fixes to ``source``; returns (new source, fixes applied)."""
    chosen: list[SourceFix] = []
    taken: list[tuple[int, int]] = []
    for f in sorted((f for f in findings if fixable(f, unsafe)), key=lambda f: f.sort_key):
        assert f.fix is not None
        spans = [(e.start, e.end) for e in f.fix.edits]
        if any(_overlaps(a, b) for a in spans for b in taken):
            continue
        taken.extend(spans)
        chosen.append(f.fix)
    edits = sorted((e for fx in chosen for e in fx.edits), key=lambda e: (e.start, e.end), reverse=True)
    out = source
    for e in edits:
        out = out[: e.start] + e.replacement + out[e.end :]
    return out, len(chosen)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two edits clash when their ranges overlap, or when both start at one offset
    and either is an insertion (their order would be undefined)."""
    return (a[0] < b[1] and b[0] < a[1]) or (a[0] == b[0] and (a[0] == a[1] or b[0] == b[1]))


# -- one file ----------------------------------------------------------------------------


@dataclass
class LintOptions:
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    stdin_format: str | None = None
    #: keep the original and fixed sources in the result (diff, LSP).
    keep_sources: bool = False


MAX_FIX_PASSES = 10


class Linter:
    """Lints files with settings discovered per file; one per process."""

    def __init__(self, registry: Registry, resolver: SettingsResolver, options: LintOptions | None = None):
        self.registry = registry
        self.resolver = resolver
        self.options = options if options is not None else LintOptions()
        self._rulesets: dict[int, RuleSet] = {}

    def ruleset(self, settings: Settings) -> RuleSet:
        rs = self._rulesets.get(id(settings))
        if rs is None:
            rs = self._rulesets[id(settings)] = RuleSet(self.registry, settings)
        return rs

    def lint_source(self, source: str, path: str, settings: Settings, fmt: str | None = None,
                    has_bom: bool = False) -> FileResult:
        result = FileResult(path, has_bom=has_bom)
        if not source.strip():
            f = meta_finding(self.registry, settings, path, EMPTY_INPUT,
                             "File is empty" if not source else "File contains only whitespace")
            if f is not None:
                result.findings.append(f)
            return result
        ruleset = self.ruleset(settings)
        try:
            doc = parse_document(source, path, self.registry, fmt)
        except InputError as exc:
            return self._unreadable(path, settings, str(exc))
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
            return self._unreadable(path, settings, f"could not be parsed: {type(exc).__name__}: {exc}")
        doc.has_bom = has_bom
        try:
            findings = lint_document(doc, self.registry, settings, ruleset, path)
        except RequiredCheckUnavailable as exc:
            return self._unreadable(path, settings, str(exc))
        if self.options.fix or self.options.diff:
            original = source
            first_findings = findings
            total = 0
            for _ in range(MAX_FIX_PASSES):
                new, n = apply_fixes(source, findings, self.options.unsafe_fixes)
                if n == 0 or new == source:
                    break
                total += n
                source = new
                doc = parse_document(source, path, self.registry, fmt)
                findings = lint_document(doc, self.registry, settings, ruleset, path)
            if total:
                result.fixed_source = source
                result.original_source = original
                result.fixes_applied = total
                result.original_findings = first_findings
        elif self.options.keep_sources:
            result.original_source = source
        result.findings = findings
        return result

    def _unreadable(self, path: str, settings: Settings, message: str) -> FileResult:
        result = FileResult(path, unreadable=True)
        code = TOO_LARGE if "max-file-size" in message else UNREADABLE
        f = meta_finding(self.registry, settings, path, code, f"Cannot check this file: {message}")
        if f is not None:
            result.findings.append(f)
        return result

    def lint_path(self, path: str) -> FileResult:
        settings = self.resolver.for_path(path)  # a ConfigError is the caller's to report
        try:
            source, has_bom = read_file(path, settings.max_file_size)
        except InputError as exc:
            return self._unreadable(path, settings, str(exc))
        return self.lint_source(source, path, settings, has_bom=has_bom)
