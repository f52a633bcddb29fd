"""Output formats: render the run's findings for people, editors and CI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ..diagnostics import Finding
    from ..registry import Registry


@dataclass
class OutputContext:
    """What a renderer may need besides the findings."""

    registry: "Registry"
    #: every path that was checked (some formats list clean files too).
    paths: Sequence[str] = field(default_factory=list)
    color: bool = False
    #: show fix suggestions / a summary line (text format).
    show_source: bool = False
    sources: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OutputFormat:
    """A ``--format`` choice: ``render(findings, ctx) -> str``."""

    name: str
    render: Callable[[Sequence["Finding"], OutputContext], str]
    description: str = ""
