"""The CI output formats (junit, gitlab, checkstyle), checked against what their
consumers read: Jenkins/GitLab JUnit readers, GitLab Code Quality, Checkstyle readers."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

import newslint
from newslint.api import check_text
from newslint.diagnostics import Fix, Severity
from newslint.output import OutputContext, ci
from newslint.registry import default_registry, registry_with
from newslint.rule import Rule


class _Teh(Rule):
    """Flags 'teh'.

    Why: a test rule.
    """

    code = "XCI101"
    name = "ci-test-teh"
    category = "spelling"
    summary = "teh"
    severity = Severity.ERROR

    def check(self, doc, ctx):
        for m in re.finditer(r"\bteh\b", doc.text):
            yield self.report(m.start(), m.end(), "'teh' is a typo for 'the'",
                              fix=Fix.replace(m.start(), m.end(), "the"))


class _Long(Rule):
    """Flags paragraphs with a stray control character or an ampersand.

    Why: a test rule whose messages need escaping in XML.
    """

    code = "XCI102"
    name = "ci-test-odd"
    category = "typography"
    summary = "odd characters"
    severity = Severity.INFO

    def check(self, doc, ctx):
        for m in re.finditer(r"[&<\x07]", doc.text):
            yield self.report(m.start(), m.end(), f"Odd character '{m.group()}' & <friends> \"here\"")


class _Plugin:
    @newslint.hookimpl
    def newslint_rules(self):
        return [_Teh, _Long]


@pytest.fixture(scope="module")
def registry():
    return registry_with([_Plugin()])


CONFIG = {"select": ["XCI"]}


def in_xml(text):
    """What XML output can carry of ``text``: control characters spelled as \\uXXXX."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", lambda m: f"\\u{ord(m.group()):04x}", text)

STORY_A = "Council meets\n\nTeh mayor said teh budget was late & over.\n\nA bell \x07 rang. Teh end.\n"
STORY_B = "Fire crews called\n\nCrews were called to teh scene.\n"


def findings_for(registry, stories):
    out = []
    for path, text in stories.items():
        out.extend(check_text(text, "text", CONFIG, path=path, registry=registry))
    out.sort(key=lambda f: f.sort_key)
    return out


@pytest.fixture(scope="module")
def run(registry):
    stories = {"news/a.txt": STORY_A, "news/b.txt": STORY_B}
    findings = findings_for(registry, stories)
    ctx = OutputContext(registry=registry, paths=["news/a.txt", "news/b.txt", "news/clean.txt"])
    return findings, ctx


def test_formats_are_registered_with_the_builtin_plugin():
    outputs = default_registry().outputs
    for name in ("junit", "gitlab", "checkstyle"):
        assert name in outputs, name
        assert outputs[name] is next(f for f in ci.ALL if f.name == name)


def test_findings_exist(run):
    findings, _ = run
    # the test rule matches lower-case 'teh' only; count from the source
    expected_teh = len(re.findall(r"\bteh\b", STORY_A)) + len(re.findall(r"\bteh\b", STORY_B))
    assert sum(f.code == "XCI101" for f in findings) == expected_teh
    assert sum(f.code == "XCI102" for f in findings) == 2


# -- JUnit -----------------------------------------------------------------------------


def test_junit_structure(run):
    findings, ctx = run
    xml = ci.render_junit(findings, ctx)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(xml)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/a.txt", "news/b.txt", "news/clean.txt"]
    total_cases = total_failures = 0
    for suite in suites:
        cases = suite.findall("testcase")
        failures = [c for c in cases if c.find("failure") is not None]
        # the counters Jenkins and GitLab read agree with the content
        assert int(suite.get("tests")) == len(cases) >= 1
        assert int(suite.get("failures")) == len(failures)
        assert int(suite.get("errors")) == 0
        for c in cases:
            assert c.get("classname") == suite.get("name")
            assert c.get("name")
            float(c.get("time"))
        total_cases += len(cases)
        total_failures += len(failures)
    assert int(root.get("tests")) == total_cases
    assert int(root.get("failures")) == total_failures == len(findings)

    clean = suites[2].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None

    # every finding is one failure carrying its code, message and position
    by_suite = {s.get("name"): s for s in suites}
    for f in findings:
        cases = by_suite[f.path].findall("testcase")
        matching = [
            c for c in cases
            if c.find("failure").get("message") == in_xml(f"{f.code} [{f.name}] {f.message}")
            and c.get("line") == str(f.start.line)
        ]
        assert matching, f
        fail = matching[0].find("failure")
        assert fail.get("type") == str(f.severity)
        assert f"{f.path}:{f.start.line}:{f.start.column}:" in fail.text
    # test case names are unique within a suite (JUnit readers key on them)
    for suite in suites:
        names = [(c.get("classname"), c.get("name")) for c in suite.findall("testcase")]
        assert len(names) == len(set(names))


def test_junit_escapes_control_characters_and_markup(run):
    findings, ctx = run
    root = ET.fromstring(ci.render_junit(findings, ctx))  # would raise on a raw \x07
    messages = [f.get("message") for f in root.iter("failure")]
    assert any("& <friends>" in m for m in messages)
    assert any("\\u0007" in m for m in messages)


def test_junit_with_no_findings():
    ctx = OutputContext(registry=None, paths=["x.md"])
    root = ET.fromstring(ci.render_junit([], ctx))
    assert root.get("failures") == "0" and root.get("tests") == "1"
    assert root.find("testsuite/testcase").find("failure") is None


# -- GitLab Code Quality -----------------------------------------------------------------

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
CODECLIMATE_CATEGORIES = {
    "Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication", "Performance", "Security", "Style",
}


def validate_code_quality(report):
    """The keys GitLab documents as required for a Code Quality report, with their types."""
    assert isinstance(report, list)
    for issue in report:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        assert issue["severity"] in GITLAB_SEVERITIES
        loc = issue["location"]
        assert isinstance(loc["path"], str) and loc["path"]
        assert not loc["path"].startswith("/")  # relative to the repository
        begin = loc["lines"]["begin"]
        assert isinstance(begin, int) and not isinstance(begin, bool) and begin >= 1
        if "end" in loc["lines"]:
            assert loc["lines"]["end"] >= begin
        # optional Code Climate keys, when present, use the spec's values
        if "type" in issue:
            assert issue["type"] == "issue"
        if "categories" in issue:
            assert set(issue["categories"]) <= CODECLIMATE_CATEGORIES


def test_gitlab_report_is_valid(run):
    findings, ctx = run
    report = json.loads(ci.render_gitlab(findings, ctx))
    validate_code_quality(report)
    assert len(report) == len(findings)
    for issue, f in zip(report, findings):
        assert issue["location"]["path"] == f.path
        assert issue["location"]["lines"]["begin"] == f.start.line
        assert f.code in issue["check_name"]
        assert issue["description"] == f.message
    sev = {f.code: i["severity"] for i, f in zip(report, findings)}
    assert sev == {"XCI101": "major", "XCI102": "info"}


def test_gitlab_fingerprints_unique_and_stable(registry, run):
    findings, ctx = run
    first = [i["fingerprint"] for i in json.loads(ci.render_gitlab(findings, ctx))]
    assert len(set(first)) == len(first)
    # stable across runs
    again = findings_for(registry, {"news/a.txt": STORY_A, "news/b.txt": STORY_B})
    assert [i["fingerprint"] for i in json.loads(ci.render_gitlab(again, ctx))] == first
    # stable when the findings move down the page: a paragraph added at the top
    shifted_a = STORY_A.replace("\n\n", "\n\nA new first paragraph about the weather.\n\n", 1)
    moved = findings_for(registry, {"news/a.txt": shifted_a, "news/b.txt": STORY_B})
    assert [f.start.line for f in moved] != [f.start.line for f in findings]
    assert [i["fingerprint"] for i in json.loads(ci.render_gitlab(moved, ctx))] == first
    # a new finding gets a new fingerprint; the old ones are kept
    more = findings_for(registry, {"news/a.txt": STORY_A + "\nOne more teh.\n", "news/b.txt": STORY_B})
    more_fps = [i["fingerprint"] for i in json.loads(ci.render_gitlab(more, ctx))]
    assert set(first) < set(more_fps) and len(more_fps) == len(first) + 1
    # the same problem in another file is a different issue
    assert len(set(ci.fingerprints(findings_for(registry, {"x.txt": STORY_B, "y.txt": STORY_B})))) == 2


def test_gitlab_paths_are_relative_to_the_repository(registry, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "news" / "c.txt"
    found = findings_for(registry, {str(story): STORY_B})
    assert found and found[0].path == str(story)
    (issue,) = json.loads(ci.render_gitlab(found, OutputContext(registry=None)))
    assert issue["location"]["path"] == "news/c.txt"


def test_gitlab_empty_report_is_an_empty_array():
    assert json.loads(ci.render_gitlab([], OutputContext(registry=None))) == []


# -- Checkstyle ---------------------------------------------------------------------------


def test_checkstyle_structure(run):
    findings, ctx = run
    root = ET.fromstring(ci.render_checkstyle(findings, ctx))
    assert root.tag == "checkstyle" and root.get("version")
    files = root.findall("file")
    assert [f.get("name") for f in files] == ["news/a.txt", "news/b.txt", "news/clean.txt"]
    errors = [(fe.get("name"), e) for fe in files for e in fe]
    assert all(e.tag == "error" for _, e in errors)
    assert len(errors) == len(findings)
    for (name, e), f in zip(errors, findings):
        assert name == f.path
        assert int(e.get("line")) == f.start.line
        assert int(e.get("column")) == f.start.column
        assert e.get("severity") in {"error", "warning", "info", "ignore"}
        assert e.get("severity") == str(f.severity)
        assert in_xml(f.message) in e.get("message")
        assert e.get("source") == f"newslint.{f.code}.{f.name}"
    assert files[2].findall("error") == []


@pytest.mark.parametrize("fmt", ["junit", "checkstyle"])
def test_xml_formats_survive_odd_paths(fmt):
    from newslint.diagnostics import Finding, Position

    f = Finding("dir/a&b <c>.md", Position(1, 1), Position(1, 2), "XCI101", "ci-test-teh",
                "spelling", Severity.WARNING, "Message with \x0c form feed", flagged="x")
    out = {"junit": ci.render_junit, "checkstyle": ci.render_checkstyle}[fmt]([f], OutputContext(registry=None))
    root = ET.fromstring(out)
    assert "dir/a&b <c>.md" in {el.get("name") for el in root.iter()}


# -- through the command line ------------------------------------------------------------


def test_cli_writes_each_ci_format(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "alert.md").write_text("# Storm\n\nAn URGENT warning was issued.\n", encoding="utf-8")
    (tmp_path / "desk" / "calm.md").write_text("# Calm\n\nThe weather was mild.\n", encoding="utf-8")
    args = ("check", "--isolated", "--select", "shouting", "desk/alert.md", "desk/calm.md")

    junit = run_cli(*args, "--format", "junit", "--output", "report.xml")
    assert junit.code == 1, junit
    root = ET.parse(tmp_path / "report.xml").getroot()
    assert {s.get("name"): s.get("failures") for s in root.iter("testsuite")} == {
        "desk/alert.md": "1", "desk/calm.md": "0"}
    (fail,) = root.iter("failure")
    assert fail.get("message").startswith("XT101 [shouting] ")

    gitlab = run_cli(*args, "--format", "gitlab")
    report = json.loads(gitlab.out)
    validate_code_quality(report)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in report] == [("desk/alert.md", 3)]

    checkstyle = run_cli(*args, "--format", "checkstyle")
    root = ET.fromstring(checkstyle.out)
    errors = [(f.get("name"), e.get("line"), e.get("column"), e.get("source")) for f in root for e in f]
    assert errors == [("desk/alert.md", "3", "4", "newslint.XT101.shouting")]
