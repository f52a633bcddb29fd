"""Rules described as JSON-ready dictionaries (``newslint rules --format json``, the HTTP service)."""

from __future__ import annotations

from typing import Any

from ..rule import Rule


def rule_to_dict(rule: type[Rule]) -> dict[str, Any]:
    """A rule's metadata, documentation sections and options."""
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": str(rule.severity),
        "default_enabled": rule.default_enabled,
        "fix_safety": rule.fix_label(),
        "summary": rule.summary,
        "docs": rule.doc_sections(),
        "options": {
            k: {
                "default": o.default,
                "type": o.type.__name__,
                "help": o.help,
                **({"choices": list(o.choices)} if o.choices else {}),
            }
            for k, o in rule.options.items()
        },
        "plugin": rule.__module__.split(".")[0],
    }
