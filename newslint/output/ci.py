"""Output formats for CI servers: JUnit XML, GitLab Code Quality and Checkstyle XML.

* ``junit``: one ``<testsuite>`` per checked file, one failing ``<testcase>`` per
  finding (a clean file gets one passing test case), as read by Jenkins' JUnit
  plugin, GitLab's ``artifacts:reports:junit`` and most CI dashboards.
* ``gitlab``: the Code Quality report GitLab shows in merge requests
  (``artifacts:reports:codequality``): a JSON array of issues with
  ``description``, ``check_name``, ``fingerprint``, ``severity`` and
  ``location.path`` / ``location.lines.begin``.  Fingerprints do not depend on
  line numbers, so a finding that only moved is not reported as new.
* ``checkstyle``: Checkstyle's XML report (``<checkstyle><file><error .../>``),
  read by Jenkins' Warnings plugin, reviewdog, SonarQube importers and others.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Sequence

from ..diagnostics import Finding, Severity
from . import OutputContext, OutputFormat
from .escape import printable

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

# hashlib and ElementTree are imported by the renderers that use them, keeping
# them out of the CLI's start-up.

# Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
# U+FFFE/U+FFFF); a message quoting a stray control character must not make the
# report unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def _files(findings: Sequence[Finding], ctx: OutputContext) -> list[tuple[str, list[Finding]]]:
    """(path, findings) for every checked path and every path with findings, in order."""
    by_path: dict[str, list[Finding]] = {}
    for p in ctx.paths:
        by_path.setdefault(p, [])
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    return sorted(by_path.items(), key=lambda kv: kv[0])


def _serialize(root: "ET.Element") -> str:
    import xml.etree.ElementTree as ET

    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _one_line(f: Finding) -> str:
    return f"{printable(f.path)}:{f.start.line}:{f.start.column}: {f.code} [{f.name}] {printable(f.message)}"


# -- JUnit ---------------------------------------------------------------------


def render_junit(findings: Sequence[Finding], ctx: OutputContext) -> str:
    import xml.etree.ElementTree as ET

    files = _files(findings, ctx)
    total = sum(max(1, len(fs)) for _, fs in files)
    failures = len(findings)
    root = ET.Element(
        "testsuites",
        {"name": "newslint", "tests": str(total), "failures": str(failures), "errors": "0", "time": "0"},
    )
    for path, fs in files:
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": _xml_safe(path),
                "tests": str(max(1, len(fs))),
                "failures": str(len(fs)),
                "errors": "0",
                "skipped": "0",
                "time": "0",
            },
        )
        if not fs:
            ET.SubElement(suite, "testcase", {"classname": _xml_safe(path), "name": "newslint", "time": "0"})
            continue
        for f in fs:
            case = ET.SubElement(
                suite,
                "testcase",
                {
                    "classname": _xml_safe(path),
                    "name": _xml_safe(f"{f.code} [{f.name}] at line {f.start.line}, column {f.start.column}"),
                    "file": _xml_safe(path),
                    "line": str(f.start.line),
                    "time": "0",
                },
            )
            failure = ET.SubElement(
                case,
                "failure",
                {"message": _xml_safe(f"{f.code} [{f.name}] {f.message}"), "type": str(f.severity)},
            )
            body = [_one_line(f)]
            if f.suggestions:
                body.append("Suggestions: " + ", ".join(f.suggestions))
            for r in f.related:
                body.append(f"{printable(r.path)}:{r.start.line}:{r.start.column}: note: {printable(r.message)}")
            failure.text = _xml_safe("\n".join(body))
    return _serialize(root)


# -- GitLab Code Quality ------------------------------------------------------------

#: newslint severity -> GitLab Code Quality severity (info/minor/major/critical/blocker)
GITLAB_SEVERITY = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}

#: newslint category -> Code Climate category (the fixed list GitLab accepts)
_CODECLIMATE_CATEGORY = {
    "spelling": "Style",
    "consistency": "Style",
    "house-style": "Style",
    "typography": "Style",
    "grammar": "Clarity",
    "readability": "Clarity",
    "structure": "Clarity",
    "duplication": "Duplication",
    "attribution": "Bug Risk",
    "meta": "Bug Risk",
}


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A stable, unique fingerprint per finding.

    Built from the path, the rule and the flagged text (the message for a finding
    that flags nothing), plus how many identical findings came before it in the
    file; never from line numbers, so editing an earlier paragraph does not make
    every later finding look new.
    """
    import hashlib

    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.path, f.code, f.flagged or f.message)
        n = seen[key]
        seen[key] += 1
        raw = "\x1f".join((key[0], key[1], key[2], str(n)))
        out.append(hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32])
    return out


def _relative(path: str) -> str:
    """GitLab wants paths relative to the repository: make absolute ones relative
    to the working directory (where the CI job runs) when they lie inside it."""
    if not os.path.isabs(path):
        return path.replace(os.sep, "/")
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def render_gitlab(findings: Sequence[Finding], ctx: OutputContext) -> str:
    issues = []
    for f, fp in zip(findings, fingerprints(findings)):
        issues.append(
            {
                "type": "issue",
                "check_name": f"{f.code} [{f.name}]",
                "description": f.message,
                "categories": [_CODECLIMATE_CATEGORY.get(f.category, "Style")],
                "fingerprint": fp,
                "severity": GITLAB_SEVERITY[f.severity],
                "location": {
                    "path": _relative(f.path),
                    "lines": {"begin": f.start.line, "end": max(f.start.line, f.end.line)},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


# -- Checkstyle ---------------------------------------------------------------------


def render_checkstyle(findings: Sequence[Finding], ctx: OutputContext) -> str:
    import xml.etree.ElementTree as ET

    root = ET.Element("checkstyle", {"version": "4.3"})
    for path, fs in _files(findings, ctx):
        file_el = ET.SubElement(root, "file", {"name": _xml_safe(path)})
        for f in fs:
            ET.SubElement(
                file_el,
                "error",
                {
                    "line": str(f.start.line),
                    "column": str(f.start.column),
                    "severity": str(f.severity),
                    "message": _xml_safe(f"{f.message} [{f.name}]"),
                    "source": f"newslint.{f.code}.{f.name}",
                },
            )
    return _serialize(root)


ALL = [
    OutputFormat("junit", render_junit, "JUnit XML: a test suite per file, a failing test case per finding"),
    OutputFormat("gitlab", render_gitlab, "GitLab Code Quality JSON (artifacts:reports:codequality)"),
    OutputFormat("checkstyle", render_checkstyle, "Checkstyle XML (Jenkins Warnings, reviewdog, ...)"),
]
