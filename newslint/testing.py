"""The fixture harness, for newslint's own rules and for plugin authors.

A rule fixture is a small article (``.txt``, ``.md`` or ``.html``) in a directory
named after the rule it tests, with inline expectation markers::

    tests/fixtures/pronoun-mismatch/stoltenberg.md

    NATO chief Jens Stoltenberg warned Moscow on Tuesday.

    "Any aggression would come at a high price," she said. <!-- expect: pronoun-mismatch "she" -->

A marker ``<!-- expect: RULE ["flagged text"] -->`` says that a finding of RULE
(name or code) starts on the marker's line; when the quoted text is given, the
finding must cover exactly that text.  Markers are checked both ways: every
finding needs a marker and every marker a finding.  Put several markers on one
line for several findings.

Only the directory's rule runs, unless the fixture sets configuration in a
comment holding TOML with the keys of ``[tool.newslint]``::

    <!-- newslint-config: extend-select = ["unused-suppression"] -->
    <!-- newslint-config:
    [rules.dialect-mix]
    dialect = "en-GB"
    -->

Use from pytest::

    from newslint.testing import collect_fixtures, check_fixture

    @pytest.mark.parametrize("fixture", collect_fixtures("tests/fixtures"), ids=str)
    def test_fixture(fixture):
        check_fixture(fixture)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from .config import Overrides, SettingsResolver, settings_from_table
from .diagnostics import Finding
from .engine import Linter, LintOptions, decode
from .registry import Registry, default_registry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIXTURE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

_MARKER = re.compile(r"<!--\s*expect:\s*([A-Za-z0-9-]+)\s*(?:\"((?:[^\"\\]|\\.)*)\")?\s*-->")
_CONFIG = re.compile(r"<!--\s*newslint-config:(.*?)-->", re.S)


@dataclass(frozen=True)
class Expectation:
    line: int
    rule: str
    text: str | None

    def __str__(self) -> str:
        quoted = f' "{self.text}"' if self.text is not None else ""
        return f"line {self.line}: {self.rule}{quoted}"


class FixtureMismatch(AssertionError):
    pass


def collect_fixtures(root: str | Path) -> list[Path]:
    """Every fixture file under ``root`` (sorted, for stable test ids)."""
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in FIXTURE_SUFFIXES)


def expectations(source: str) -> list[Expectation]:
    out = []
    for m in _MARKER.finditer(source):
        line = source.count("\n", 0, m.start()) + 1
        text = m.group(2)
        if text is not None:
            text = text.replace('\\"', '"').replace("\\\\", "\\")
        out.append(Expectation(line, m.group(1), text))
    return out


def fixture_config(source: str) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for m in _CONFIG.finditer(source):
        data = tomllib.loads(m.group(1).strip())
        for k, v in data.items():
            if isinstance(v, dict) and isinstance(config.get(k), dict):
                config[k].update(v)
            else:
                config[k] = v
    return config


def lint_fixture(path: str | Path, rule: str | None = None, registry: Registry | None = None) -> tuple[str, list[Finding]]:
    """Lint a fixture with its rule (the directory name unless given) selected."""
    registry = registry or default_registry()
    path = Path(path)
    source, has_bom = decode(path.read_bytes())
    rule = rule or path.parent.name
    if registry.lookup(rule) is None:
        raise FixtureMismatch(f"{path}: no rule named {rule!r} (fixture directories are named after rules)")
    config = fixture_config(source)
    config.setdefault("select", [rule])
    settings = settings_from_table(config, registry, None, path.parent)
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
    result = linter.lint_source(source, str(path), settings, has_bom=has_bom)
    return source, result.findings


def check_fixture(path: str | Path, rule: str | None = None, registry: Registry | None = None) -> list[Finding]:
    """Lint a fixture and compare findings with its markers, both ways.

    Raises :class:`FixtureMismatch` (an ``AssertionError``) listing unexpected
    findings and unmet markers.  Returns the findings.
    """
    registry = registry or default_registry()
    source, findings = lint_fixture(path, rule, registry)
    expected = expectations(source)
    unmatched = list(findings)
    missing: list[Expectation] = []
    for exp in expected:
        target = registry.lookup(exp.rule)
        if target is None:
            raise FixtureMismatch(f"{path}:{exp.line}: marker names unknown rule {exp.rule!r}")
        hit = None
        for f in unmatched:
            if f.code == target.code and f.start.line == exp.line and (exp.text is None or f.flagged == exp.text):
                hit = f
                break
        if hit is None:
            missing.append(exp)
        else:
            unmatched.remove(hit)
    if missing or unmatched:
        lines = [f"{path}: findings do not match the expectation markers"]
        for exp in missing:
            lines.append(f"  expected but not found: {exp}")
        for f in unmatched:
            lines.append(
                f"  found but not expected: line {f.start.line}:{f.start.column} {f.name} "
                f"\"{f.flagged}\" ({f.message})"
            )
        for f in findings:
            lines.append(f"  (all findings) {f.start.line}:{f.start.column} {f.name} \"{f.flagged}\": {f.message}")
        raise FixtureMismatch("\n".join(lines))
    return findings


def check_fixtures(paths: Iterable[str | Path], registry: Registry | None = None) -> None:
    errors = []
    for p in paths:
        try:
            check_fixture(p, registry=registry)
        except FixtureMismatch as exc:
            errors.append(str(exc))
    if errors:
        raise FixtureMismatch("\n\n".join(errors))


__all__: Sequence[str] = [
    "Expectation",
    "FixtureMismatch",
    "check_fixture",
    "check_fixtures",
    "collect_fixtures",
    "expectations",
    "fixture_config",
    "lint_fixture",
]
