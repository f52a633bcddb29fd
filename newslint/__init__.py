"""newslint: a pluggable text-quality linter for news copy."""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

import pluggy

hookimpl = pluggy.HookimplMarker("newslint")

if TYPE_CHECKING:  # pragma: no cover
    from .diagnostics import Applicability, Diagnostic, Edit, Fix, Related, Severity
    from .document import Block, Document
    from .rule import Option, Rule, RuleContext

_LAZY = {
    "Applicability": "diagnostics",
    "Diagnostic": "diagnostics",
    "Edit": "diagnostics",
    "Fix": "diagnostics",
    "Related": "diagnostics",
    "Severity": "diagnostics",
    "Block": "document",
    "Document": "document",
    "Option": "rule",
    "Rule": "rule",
    "RuleContext": "rule",
}

__all__ = ["hookimpl", "__version__", *_LAZY]


def __getattr__(name: str):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{mod}", __name__), name)
    globals()[name] = value
    return value
