"""Built-in output formats."""
from __future__ import annotations

import json

from . import OutputFormat


def render_text(findings, ctx) -> str:
    return "".join(
        f"{f.path}:{f.start.line}:{f.start.column}: {f.code} [{f.name}] {f.message}\n" for f in findings
    )


def render_json(findings, ctx) -> str:
    return json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False) + "\n"


ALL = [
    OutputFormat("text", render_text, "path:line:col: CODE [name] message (default)"),
    OutputFormat("json", render_json, "a JSON array of findings"),
]
