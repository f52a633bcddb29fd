"""Running the cross-story rules (:mod:`newslint.crossstory`) over many stories."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from .crossstory import Article, CrossStoryRule, Executor, LocalExecutor, Row, verdict_finding
from .diagnostics import Finding
from .engine import InputError, Linter, parse_document, read_file
from .rule import Rule, RuleContext

# -- running the rules -------------------------------------------------------------------


def cross_rules(rules: Iterable[Rule]) -> list[CrossStoryRule]:
    """The cross-story rules among instantiated ``rules``."""
    return [r for r in rules if isinstance(r, CrossStoryRule)]


def observe(rules: Sequence[CrossStoryRule], article: Article, ctx: RuleContext) -> list[Row]:
    """Every rule's rows for one story, each tagged with the rule's code."""
    out: list[Row] = []
    for rule in rules:
        for row in rule.observe(article, ctx):
            row["rule"] = rule.code
            out.append(row)
    return out


def run(rules: Sequence[CrossStoryRule], rows: Any, ex: Executor) -> dict[str, Any]:
    """Each rule's verdicts, by code, from the tagged rows of every story."""
    out: dict[str, Any] = {}
    for rule in rules:
        mine = ex.flatmap(rows, _RowsOf(rule.code))
        out[rule.code] = rule.pipeline(mine, ex)
    return out


class _RowsOf:
    """Keeps one rule's rows (a picklable callable for the executors)."""

    def __init__(self, code: str):
        self.code = code

    def __call__(self, row: Row) -> tuple[Row, ...]:
        return (row,) if row["rule"] == self.code else ()


def findings(rules: Sequence[CrossStoryRule], verdicts: dict[str, Iterable[Row]],
             paths: dict[str, str] | None = None) -> list[Finding]:
    """Findings from :func:`run`'s verdicts (on one machine); ``paths`` maps an
    article id to the path to report."""
    by_code = {r.code: r for r in rules}
    out = []
    for code, rows in verdicts.items():
        rule = by_code[code]
        for v in rows:
            out.append(verdict_finding(type(rule), rule.severity, v, (paths or {}).get(v["id"])))
    return out


def check_files(paths: Sequence[str], linter: Linter) -> list[Finding]:
    """Cross-story findings over files on one machine (``check --archive-wide``):
    each file is a story whose id is its path; unreadable files are skipped (the
    per-story check reports them)."""
    rules: dict[str, CrossStoryRule] = {}
    rows: list[Row] = []
    for path in paths:
        if path == "-":
            continue
        settings = linter.resolver.for_path(path)
        mine = cross_rules(linter.ruleset(settings).rules_for(path))
        if not mine:
            continue
        for r in mine:
            rules.setdefault(r.code, r)
        try:
            source, _ = read_file(path, settings.max_file_size)
            doc = parse_document(source, path, linter.registry)
        except (InputError, ValueError):
            continue
        ctx = RuleContext(path=path, settings=settings, enabled=frozenset(r.code for r in mine),
                          registry=linter.registry)
        rows.extend(observe(mine, Article(path, doc), ctx))
    chosen = [rules[c] for c in sorted(rules)]
    verdicts = run(chosen, rows, LocalExecutor())
    return findings(chosen, verdicts)
