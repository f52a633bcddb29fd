"""Baselines: record today's findings so that only new ones are reported.

A finding is matched by file, rule and the flagged text (not by line), so it
survives lines moving.  The file is JSON::

    {"newslint-baseline": 1,
     "findings": [{"path": "stories/a.md", "code": "NL603", "name": "repeated-word",
                   "text": "the the", "count": 1}]}

Paths are stored relative to the baseline file's directory, with ``/``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .diagnostics import Finding
from .safefs import TooLargeError, read_regular

VERSION = 1
MAX_BASELINE_SIZE = 500_000_000  # bytes; a baseline is read only when it is a regular file this small


class BaselineError(Exception):
    pass


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _key_path(path: str, base_dir: Path) -> str:
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), base_dir)).as_posix()
    except ValueError:
        return Path(path).as_posix()


@dataclass
class Baseline:
    entries: Counter = field(default_factory=Counter)  # (path, code, text) -> count
    base_dir: Path = field(default_factory=Path.cwd)

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], base_dir: Path | None = None) -> "Baseline":
        b = cls(base_dir=base_dir or Path.cwd())
        for f in findings:
            b.entries[(f.path, f.code, f.flagged)] += 1
        return b

    def save(self, path: str) -> None:
        base = Path(path).resolve().parent
        rows = []
        for (p, code, text), n in sorted(self.entries.items()):
            rows.append({"path": _key_path(p, base), "code": code, "text": text, "count": n})
        Path(path).write_text(
            json.dumps({"newslint-baseline": VERSION, "findings": rows}, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            data = json.loads(read_regular(path, MAX_BASELINE_SIZE).decode("utf-8"), parse_constant=_no_constant)
        except TooLargeError:
            raise BaselineError(
                f"baseline {path!r} is larger than {MAX_BASELINE_SIZE // 1_000_000} MB; not a newslint baseline"
            ) from None
        except RecursionError:
            raise BaselineError(f"baseline {path!r} cannot be read: nested too deeply") from None
        except FileNotFoundError:
            raise BaselineError(f"baseline {path!r} does not exist (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
            raise BaselineError(f"baseline {path!r} cannot be read: {reason}") from None
        if not isinstance(data, dict) or data.get("newslint-baseline") != VERSION or not isinstance(data.get("findings"), list):
            raise BaselineError(f"baseline {path!r} is not a newslint baseline (version {VERSION})")
        b = cls(base_dir=Path(path).resolve().parent)
        for row in data["findings"]:
            try:
                key = (row["path"], row["code"], row["text"])
                count = row.get("count", 1)
                if not all(isinstance(k, str) for k in key) or not isinstance(count, int) or count < 0:
                    raise TypeError
                b.entries[key] += count
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"baseline {path!r} has a malformed entry: {row!r}") from None
        return b

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings not covered by the baseline (each entry covers ``count`` findings)."""
        remaining = Counter(self.entries)
        out = []
        for f in findings:
            key = (_key_path(f.path, self.base_dir), f.code, f.flagged)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                out.append(f)
        return out
