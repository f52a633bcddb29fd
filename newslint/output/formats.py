"""Built-in output formats: text, json, sarif, github."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Finding, Severity
from . import OutputContext, OutputFormat
from .escape import printable

# -- text ----------------------------------------------------------------------------


def _printable(s: str) -> str:
    """Control characters from a story (ESC, say) shown escaped, never sent to a terminal."""
    return printable(s.replace("\n", " ").replace("\t", " "))


def render_text(findings: Sequence[Finding], ctx: OutputContext) -> str:
    """``path:line:col: CODE [name] message``, the line editors parse."""
    lines = []
    for f in findings:
        msg = _printable(f.message)
        lines.append(f"{printable(f.path)}:{f.start.line}:{f.start.column}: {f.code} [{f.name}] {msg}\n")
    return "".join(lines)


# -- json ----------------------------------------------------------------------------


def render_json(findings: Sequence[Finding], ctx: OutputContext) -> str:
    """One JSON array, one object per finding (see README: the keys are stable)."""
    return json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False) + "\n"


# -- sarif -----------------------------------------------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A URI for ``path``: its bytes percent-encoded (a name that is not UTF-8 keeps
    its own bytes, as surrogate escapes hold them)."""
    if path == "-":
        return "stdin"
    p = Path(path)
    encoded = quote(os.fsencode(p.as_posix()), safe="/")
    return "file://" + encoded if p.is_absolute() else encoded


def _region(start, end) -> dict[str, int]:
    return {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    }


def render_sarif(findings: Sequence[Finding], ctx: OutputContext) -> str:
    """SARIF 2.1.0, one run; columns count Unicode code points."""
    registry = ctx.registry
    rule_index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    used = sorted({f.code for f in findings})
    for code in used:
        r = registry.rules.get(code)
        rule_index[code] = len(rules)
        if r is None:
            rules.append({"id": code})
            continue
        sections = r.doc_sections()
        full = sections.get("what") or r.summary
        help_text = "\n\n".join(
            f"{title}: {sections[key]}" for title, key in (("Why", "why"), ("Example", "example"), ("Fix safety", "fix safety")) if sections.get(key)
        )
        rules.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary or r.name},
                "fullDescription": {"text": full},
                "help": {"text": help_text or full},
                "defaultConfiguration": {"level": _LEVEL[r.severity], "enabled": r.default_enabled},
                "properties": {"category": r.category, "tags": [r.category]},
            }
        )
    results = []
    for f in findings:
        loc = {
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": _region(f.start, f.end),
            }
        }
        res: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": rule_index[f.code],
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [loc],
            "properties": {"name": f.name, "category": f.category},
        }
        if f.suggestions:
            res["properties"]["suggestions"] = list(f.suggestions)
        if f.data:
            res["properties"].update({k: v for k, v in f.data.items() if k not in res["properties"]})
        if f.related:
            res["relatedLocations"] = [
                {
                    "id": i,
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(r.path)},
                        "region": _region(r.start, r.end),
                    },
                    "message": {"text": r.message},
                }
                for i, r in enumerate(f.related)
            ]
        if f.fix is not None:
            res["fixes"] = [
                {
                    "description": {"text": f.fix.description or f"{f.fix.applicability} fix"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(f.path)},
                            "replacements": [
                                {
                                    "deletedRegion": _region(e.start_pos, e.end_pos),
                                    "insertedContent": {"text": e.replacement},
                                }
                                for e in f.fix.edits
                            ],
                        }
                    ],
                }
            ]
        results.append(res)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://pypi.org/project/newslint/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# -- github ---------------------------------------------------------------------------

_GH_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _gh_data(s: str) -> str:
    # a newline must stay encoded (it would end the command); other controls are escaped
    return printable(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], ctx: OutputContext) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    out = []
    for f in findings:
        props = [f"file={_gh_prop(f.path)}", f"line={f.start.line}", f"col={f.start.column}"]
        if f.end.line == f.start.line:
            props.append(f"endColumn={f.end.column}")
        props.append(f"endLine={f.end.line}")
        props.append(f"title={_gh_prop(f'{f.code} {f.name}')}")
        out.append(f"::{_GH_LEVEL[f.severity]} {','.join(props)}::{_gh_data(f.message)}\n")
    return "".join(out)


ALL = [
    OutputFormat("text", render_text, "path:line:col: CODE [name] message (default)"),
    OutputFormat("json", render_json, "a JSON array, one object per finding"),
    OutputFormat("sarif", render_sarif, "SARIF 2.1.0 for code-scanning services"),
    OutputFormat("github", render_github, "GitHub Actions annotations"),
]
