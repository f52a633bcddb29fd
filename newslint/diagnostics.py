"""Findings, fixes and their positions.

Rules speak only in half-open offsets into :attr:`newslint.document.Document.text`
(a :class:`Diagnostic`).  The engine turns each one into a :class:`Finding`, which
carries the path, 1-based lines and columns in the *source* file (Unicode code
points, end exclusive) and the fix as edits to the source.  Output formats only
ever see :class:`Finding` objects.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Mapping


class Severity(enum.IntEnum):
    """How serious a finding is.  Ordered: ``INFO < WARNING < ERROR``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:  # "warning"
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected one of: info, warning, error)"
            ) from None


class Applicability(str, enum.Enum):
    """How far a fix can be trusted.

    ``safe`` fixes are applied by ``--fix``; ``unsafe`` ones only with
    ``--unsafe-fixes``; ``display-only`` fixes are shown as a suggestion and never
    applied automatically (an editor must check, e.g. who really spoke).
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets into ``Document.text``)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more non-overlapping edits that together resolve a finding."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    description: str = ""

    @classmethod
    def replace(
        cls,
        start: int,
        end: int,
        replacement: str,
        applicability: Applicability = Applicability.SAFE,
        description: str = "",
    ) -> "Fix":
        return cls((Edit(start, end, replacement),), applicability, description)


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (e.g. the first copy of a duplicate)."""

    start: int
    end: int
    message: str


@dataclass(slots=True)
class Diagnostic:
    """A finding as a rule reports it, in ``Document.text`` offsets.

    Build these with :meth:`newslint.rule.Rule.report`, which fills in the rule's
    code, name, category and severity.
    """

    start: int
    end: int
    message: str
    code: str = ""
    name: str = ""
    category: str = ""
    severity: Severity = Severity.WARNING
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    #: Extra machine-readable data for JSON/SARIF output (e.g. a LanguageTool rule id).
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in the source file (column counts code points)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class SourceEdit:
    """An edit to the source file, in source code-point offsets and positions."""

    start: int
    end: int
    replacement: str
    start_pos: Position
    end_pos: Position


@dataclass(frozen=True, slots=True)
class SourceFix:
    edits: tuple[SourceEdit, ...]
    applicability: Applicability
    description: str = ""


@dataclass(frozen=True, slots=True)
class RelatedLocation:
    path: str
    start: Position
    end: Position
    message: str


@dataclass(slots=True)
class Finding:
    """A finding resolved to the source file: what output formats consume."""

    path: str
    start: Position
    end: Position
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    fix: SourceFix | None = None
    related: tuple[RelatedLocation, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    #: The flagged text as it appears in ``Document.text`` (used by baselines).
    flagged: str = ""
    #: Source offsets of the flagged range (used by fixes and the LSP server).
    source_start: int = 0
    source_end: int = 0

    @property
    def sort_key(self) -> tuple:
        return (
            self.path,
            self.start.line,
            self.start.column,
            self.code,
            self.end.line,
            self.end.column,
            self.message,
        )

    def to_dict(self, offsets: bool = False) -> dict[str, Any]:
        """The stable JSON form (see README, "JSON output").

        With ``offsets``, the finding and each fix edit also carry ``start_offset`` and
        ``end_offset``: code-point offsets into the checked source, end exclusive
        (for callers that hold the whole text, such as the HTTP service).
        """
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": str(self.fix.applicability),
                "description": self.fix.description,
                "edits": [
                    {
                        "line": e.start_pos.line,
                        "column": e.start_pos.column,
                        "end_line": e.end_pos.line,
                        "end_column": e.end_pos.column,
                        "replacement": e.replacement,
                        **({"start_offset": e.start, "end_offset": e.end} if offsets else {}),
                    }
                    for e in self.fix.edits
                ],
            }
        out: dict[str, Any] = {
            "path": self.path,
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "suggestions": list(self.suggestions),
            "fix": fix,
        }
        if offsets:
            out["start_offset"] = self.source_start
            out["end_offset"] = self.source_end
        if self.related:
            out["related"] = [
                {
                    "path": r.path,
                    "line": r.start.line,
                    "column": r.start.column,
                    "end_line": r.end.line,
                    "end_column": r.end.column,
                    "message": r.message,
                }
                for r in self.related
            ]
        if self.data:
            out["data"] = dict(self.data)
        return out
