"""Lint batches of articles held as rows (id, text, format), for data pipelines.

:func:`lint_batch` is a plain module-level function: it pickles by reference, so a
Dask, Ray or Spark job can ship it to workers cheaply.  The engine state it needs
(the registry, the settings, the instantiated rules and their tables) is built the
first time a process (and thread) sees a configuration and kept for the life of
the process, so it is neither rebuilt per article nor sent with every task.

Each row gives records in the schema of :mod:`newslint.output.records`.  A row that
cannot be checked (text missing or not text, an unknown format, a failure inside
newslint) becomes one meta finding for that row; the rest of the batch goes on.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Overrides, Settings, SettingsResolver, settings_from_table
from .diagnostics import Finding, Position
from .engine import RULE_CRASH, UNREADABLE, InputError, Linter, LintOptions, decode
from .output.records import finding_record
from .registry import Registry, default_registry

#: Codes that mean an article could not be checked (in whole or in part).
FAILURE_CODES = frozenset({UNREADABLE, RULE_CRASH, "NL907"})

FORMATS = ("text", "markdown", "html")


@dataclass
class BatchEngine:
    """What linting needs, built once per process and configuration."""

    registry: Registry
    settings: Settings
    linter: Linter


_ENGINES: dict[tuple[str, int], BatchEngine] = {}
_LOCK = threading.Lock()


def config_key(config: Mapping[str, Any] | None) -> str:
    """A stable text key for a configuration mapping."""
    return json.dumps(dict(config or {}), sort_keys=True, ensure_ascii=False, default=str)


def engine_for(config: Mapping[str, Any] | None = None) -> BatchEngine:
    """The engine for ``config`` in this process and thread (built on first use)."""
    key = (config_key(config), threading.get_ident())
    engine = _ENGINES.get(key)
    if engine is None:
        with _LOCK:
            engine = _ENGINES.get(key)
            if engine is None:
                registry = default_registry()
                settings = settings_from_table(dict(config or {}), registry, None, Path.cwd())
                linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
                linter.ruleset(settings)  # instantiate the rules now
                engine = _ENGINES[key] = BatchEngine(registry, settings, linter)
    return engine


def _failure(engine: BatchEngine, path: str, code: str, message: str) -> Finding:
    """A meta finding for a row that could not be checked (always reported)."""
    rule = engine.registry.rules[code]
    return Finding(
        path=path,
        start=Position(1, 1),
        end=Position(1, 1),
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=engine.settings.severity_for(engine.registry, rule),
        message=message,
    )


def lint_article(engine: BatchEngine, article_id: str, text: Any, fmt: Any = "text") -> list[Finding]:
    """Findings for one article; never raises for a bad article."""
    fmt = fmt or "text"
    if not isinstance(fmt, str) or fmt not in engine.registry.formats:
        return [_failure(engine, article_id, UNREADABLE,
                         f"Cannot check this article: unknown format {fmt!r} (use text, markdown or html)")]
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text, _ = decode(bytes(text), engine.settings.max_file_size)
        except InputError as exc:
            return [_failure(engine, article_id, UNREADABLE, f"Cannot check this article: {exc}")]
    if not isinstance(text, str):
        what = "missing" if missing(text) else f"not text ({type(text).__name__})"
        return [_failure(engine, article_id, UNREADABLE, f"Cannot check this article: the text is {what}")]
    if "\x00" in text:
        return [_failure(engine, article_id, UNREADABLE,
                         "Cannot check this article: the text contains NUL characters")]
    try:
        return engine.linter.lint_source(text, article_id, engine.settings, fmt).findings
    except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
        return [_failure(engine, article_id, RULE_CRASH,
                         f"Checking this article failed and was skipped: {type(exc).__name__}: {exc}")]


def missing(value: Any) -> bool:
    """None, NaN or a table library's missing-value marker (pandas NA, NaT)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def lint_batch(
    rows: Iterable[Sequence[Any] | Mapping[str, Any]],
    config: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Lint rows of ``(id, text, format)`` and return one record per finding.

    ``rows`` are tuples ``(id, text)`` or ``(id, text, format)``, or mappings with
    the keys ``id``, ``text`` and optionally ``format`` ("text", "markdown",
    "html"; default "text").  ``config`` is shaped like ``[tool.newslint]``.
    Records come in row order, each row's findings in position order; their
    columns are :data:`newslint.output.records.COLUMNS` and their Arrow schema is
    :func:`newslint.output.records.arrow_schema`.
    """
    engine = engine_for(config)
    out: list[dict[str, Any]] = []
    for row in rows:
        if isinstance(row, Mapping):
            rid, text, fmt = row.get("id"), row.get("text"), row.get("format")
        else:
            rid, text = row[0], row[1]
            fmt = row[2] if len(row) > 2 else None
        article_id = "" if rid is None else str(rid)
        for f in lint_article(engine, article_id, text, fmt):
            out.append(finding_record(article_id, f))
    return out
