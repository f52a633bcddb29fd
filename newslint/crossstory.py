"""Checks across stories: a map over each story, then shuffles by key and reduces.

A cross-story rule (:class:`CrossStoryRule`) reads one story at a time in
:meth:`~CrossStoryRule.observe`, returning small plain rows (a name and where it
is written, a paragraph's fingerprint); its :meth:`~CrossStoryRule.pipeline` then
says how to group those rows by key and what to make of each group.  The same
pipeline runs on one machine (:class:`LocalExecutor`, ``newslint check
--archive-wide``) and on Dask (``newslint archive --archive-wide``, where each
grouping is a shuffle between workers), so no machine ever holds the whole
archive.  The last step yields *verdicts*: rows that say what to report where,
turned into findings by :func:`verdict_finding`.

This module is what rules see; :mod:`newslint.crossstory_run` runs the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, Protocol

from .diagnostics import Finding, Position, Severity
from .document import Document
from .rule import Rule, RuleContext

Row = dict[str, Any]
KeyFn = Callable[[Row], Hashable]
ReduceFn = Callable[[Hashable, list[Row]], Iterable[Row]]


class Executor(Protocol):
    """Runs the grouping steps of a pipeline over some collection of rows."""

    def flatmap(self, rows: Any, fn: Callable[[Row], Iterable[Row]]) -> Any: ...

    def shuffle(self, rows: Any, key: KeyFn, reduce: ReduceFn) -> Any: ...

    def concat(self, parts: Sequence[Any]) -> Any: ...


class LocalExecutor:
    """The pipeline on one machine, on lists, in a deterministic order."""

    def flatmap(self, rows: list[Row], fn: Callable[[Row], Iterable[Row]]) -> list[Row]:
        return [out for r in rows for out in fn(r)]

    def shuffle(self, rows: list[Row], key: KeyFn, reduce: ReduceFn) -> list[Row]:
        groups: dict[Hashable, list[Row]] = {}
        for r in rows:
            groups.setdefault(key(r), []).append(r)
        return [out for k in sorted(groups, key=repr) for out in reduce(k, groups[k])]

    def concat(self, parts: Sequence[list[Row]]) -> list[Row]:
        return [r for p in parts for r in p]


class Article:
    """One story as cross-story rules see it: id, parsed document, and the optional
    fields that restrict comparisons (a section, a date as ``YYYY-MM-DD``)."""

    __slots__ = ("date", "doc", "id", "section")

    def __init__(self, id: str, doc: Document, section: str | None = None, date: str | None = None):
        self.id = id
        self.doc = doc
        self.section = section
        self.date = date


class CrossStoryRule(Rule):
    """A rule that compares stories with each other.

    Per story it reports nothing (:meth:`check` yields nothing); the engine calls
    :meth:`observe` on every story and runs :meth:`pipeline` over the rows.
    """

    #: marks cross-story rules for the engine
    cross_story = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Any]:
        return iter(())

    def observe(self, article: Article, ctx: RuleContext) -> Iterable[Row]:
        raise NotImplementedError

    def pipeline(self, rows: Any, ex: Executor) -> Any:
        """Group ``rows`` (what :meth:`observe` returned, for every story) with
        ``ex`` and return verdict rows (see :func:`verdict_finding`)."""
        raise NotImplementedError


def position_fields(doc: Document, start: int, end: int) -> Row:
    """Where ``doc.text[start:end]`` is in the source: offsets, lines and columns."""
    s, e = doc.source_span(start, end)
    line, col = doc.source_position(s)
    end_line, end_col = doc.source_position(e)
    return {"start_offset": s, "end_offset": e, "line": line, "column": col,
            "end_line": end_line, "end_column": end_col}


def verdict_finding(rule: type[Rule], severity: Severity, v: Row, path: str | None = None) -> Finding:
    """A verdict row (``id``, the :func:`position_fields`, ``message``, optional
    ``suggestions`` and ``data``) as a finding of ``rule``."""
    return Finding(
        path=path if path is not None else v["id"],
        start=Position(v["line"], v["column"]),
        end=Position(v["end_line"], v["end_column"]),
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=severity,
        message=v["message"],
        suggestions=tuple(v.get("suggestions", ())),
        data=dict(v.get("data") or {}),
        flagged=v.get("flagged", ""),
        source_start=v["start_offset"],
        source_end=v["end_offset"],
    )


def scope_of(article: Article, window_days: int | None) -> str:
    """The part of the archive a story is compared within: its section (when
    given) and, with a date window, the window its date falls in."""
    parts = []
    if article.section:
        parts.append(article.section)
    if window_days and article.date:
        try:
            day = date.fromisoformat(article.date[:10]).toordinal()
        except ValueError:
            day = None
        if day is not None:
            parts.append(f"w{day // window_days}")
    return "/".join(parts)
