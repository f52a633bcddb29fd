"""A small programmatic interface: lint a string or a file from Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .batch import lint_batch  # batches of articles for data pipelines (Dask, Ray, Spark)
from .config import Overrides, Settings, SettingsResolver, settings_from_table
from .diagnostics import Finding
from .document import Document
from .engine import Linter, LintOptions, parse_document
from .output.records import COLUMNS as RECORD_COLUMNS
from .output.records import arrow_schema as record_schema
from .registry import Registry, default_registry

__all__ = ["make_settings", "parse", "check_text", "lint_batch", "RECORD_COLUMNS", "record_schema"]


def make_settings(config: Mapping[str, Any] | None = None, registry: Registry | None = None) -> Settings:
    """Settings from a mapping shaped like ``[tool.newslint]``."""
    registry = registry or default_registry()
    return settings_from_table(dict(config or {}), registry, None, Path.cwd())


def parse(source: str, format: str = "text", path: str | None = None, registry: Registry | None = None) -> Document:
    """Parse ``source`` as ``format`` ("text", "markdown", "html")."""
    registry = registry or default_registry()
    return parse_document(source, path or f"<string>.{format}", registry, format)


def check_text(
    source: str,
    format: str = "text",
    config: Mapping[str, Any] | None = None,
    path: str | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Lint a string; ``config`` is shaped like ``[tool.newslint]``."""
    registry = registry or default_registry()
    settings = make_settings(config, registry)
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
    return linter.lint_source(source, path or "<string>", settings, format).findings

