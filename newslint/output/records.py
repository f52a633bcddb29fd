"""Findings as flat records: one plain dictionary per finding, for tables.

This is the one place that turns a :class:`~newslint.diagnostics.Finding` into a
row with character offsets; the batch API, ``newslint archive`` and anything else
that stores findings in a table use it, so every table has the same columns.

The columns (see README, "Archives and data teams"):

``id``
    the article's id (a string), as given with the text.
``line``, ``column``, ``end_line``, ``end_column``
    1-based, in Unicode code points, end exclusive (as ``--format json``).
``start_offset``, ``end_offset``
    0-based character (code point) offsets into the article's text as given,
    half-open: ``text[start_offset:end_offset]`` is the flagged text.
``code``, ``name``, ``category``, ``severity``, ``message``
    as ``--format json``.
``suggestions``
    a list of strings (may be empty).
``fix``, ``related``, ``data``
    ``--format json``'s objects of the same names, as JSON text, or null.  Each
    edit of ``fix`` also carries ``start_offset`` and ``end_offset`` (code-point
    offsets into the article's text, end exclusive), as the HTTP service's edits
    do: ``text[:start_offset] + replacement + text[end_offset:]`` applies it.

New columns may be added at the end; existing ones keep their name and type.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..diagnostics import Finding

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

#: Column names, in order.
COLUMNS: tuple[str, ...] = (
    "id",
    "line",
    "column",
    "end_line",
    "end_column",
    "start_offset",
    "end_offset",
    "code",
    "name",
    "category",
    "severity",
    "message",
    "suggestions",
    "fix",
    "related",
    "data",
)


def finding_record(article_id: str, finding: Finding) -> dict[str, Any]:
    """One finding as a flat record (the columns in :data:`COLUMNS`)."""
    full = finding.to_dict(offsets=True)  # the fix's edits with their offsets, as the service gives them
    related = full.get("related")
    data = full.get("data")
    return {
        "id": article_id,
        "line": finding.start.line,
        "column": finding.start.column,
        "end_line": finding.end.line,
        "end_column": finding.end.column,
        "start_offset": finding.source_start,
        "end_offset": finding.source_end,
        "code": finding.code,
        "name": finding.name,
        "category": finding.category,
        "severity": str(finding.severity),
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "fix": _json(full["fix"]),
        "related": _json(related),
        "data": _json(data),
    }


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def arrow_schema() -> pyarrow.Schema:
    """The records' Arrow schema (needs pyarrow: ``pip install 'newslint[dask]'``)."""
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("line", pa.int32(), nullable=False),
            pa.field("column", pa.int32(), nullable=False),
            pa.field("end_line", pa.int32(), nullable=False),
            pa.field("end_column", pa.int32(), nullable=False),
            pa.field("start_offset", pa.int64(), nullable=False),
            pa.field("end_offset", pa.int64(), nullable=False),
            pa.field("code", pa.string(), nullable=False),
            pa.field("name", pa.string(), nullable=False),
            pa.field("category", pa.string(), nullable=False),
            pa.field("severity", pa.string(), nullable=False),
            pa.field("message", pa.string(), nullable=False),
            pa.field("suggestions", pa.list_(pa.string()), nullable=False),
            pa.field("fix", pa.string()),
            pa.field("related", pa.string()),
            pa.field("data", pa.string()),
        ]
    )
