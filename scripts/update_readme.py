"""Regenerate README.md's rules table from the registered rules.

    python scripts/update_readme.py          # rewrite README.md
    python scripts/update_readme.py --check  # exit 1 when README.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def rules_table() -> str:
    from newslint.registry import default_registry

    rows = [
        "| Code | Name | Category | Severity | Default | Fix | What it flags |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in default_registry().all_rules():
        if not r.__module__.startswith("newslint_rules."):
            continue
        rows.append(
            f"| {r.code} | `{r.name}` | {r.category} | {r.severity} | "
            f"{'on' if r.default_enabled else 'off'} | {r.fix_label()} | {r.summary} |"
        )
    return "\n".join(rows)


def updated(text: str) -> str:
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{rules_table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in argv:
        if new != text:
            print("README.md's rules table is stale: run python scripts/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
