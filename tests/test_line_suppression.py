"""Line-level suppression: `disable-next-line` and the trailing `disable-line`."""

from __future__ import annotations

import pytest

from newslint.api import make_settings
from newslint.config import Overrides, SettingsResolver
from newslint.engine import Linter, LintOptions
from newslint.registry import default_registry


def lint(source: str, fmt: str = "markdown", registry=None, **config):
    registry = registry or default_registry()
    config.setdefault("select", ["repeated-word", "meta"])
    settings = make_settings(config, registry)
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
    return linter.lint_source(source, "story.md", settings, fmt).findings


def found(findings):
    return [(f.name, f.start.line, f.flagged) for f in findings]


def test_block_ignore_hides_a_real_repeat_in_the_same_paragraph():
    """The problem the line forms solve: ignore covers the whole block."""
    src = ("Head\n\n<!-- newslint: ignore repeated-word -->\n"
           "He said it was very very cold.\nThe the council agreed.\n")
    assert found(lint(src)) == []


def test_disable_next_line_covers_only_the_next_line():
    src = ("Head\n\n<!-- newslint: disable-next-line repeated-word -->\n"
           "He said it was very very cold.\nThe the council agreed.\n")
    assert found(lint(src)) == [("repeated-word", 5, "The the")]


def test_disable_line_trailing_comment():
    src = ("Head\n\nHe said it was very very cold. <!-- newslint: disable-line repeated-word -->\n"
           "The the council agreed.\n")
    assert found(lint(src)) == [("repeated-word", 4, "The the")]


def test_disable_line_covers_only_its_own_line_of_a_paragraph():
    src = ("Head\n\nThe the council met.\nHe said it was very very cold. <!-- newslint: disable-line repeated-word -->\n")
    assert found(lint(src)) == [("repeated-word", 3, "The the")]


def test_stacked_next_line_directives_reach_the_same_line():
    src = ("Head\n\n<!-- newslint: disable-next-line repeated-word -->\n"
           "<!-- newslint: disable-next-line multiple-spaces -->\n"
           "It was very very  cold.\nThe the end came at  last.\n")
    got = found(lint(src, select=["repeated-word", "multiple-spaces", "meta"]))
    assert [(n, line) for n, line, _ in got] == [("repeated-word", 6), ("multiple-spaces", 6)]


def test_by_code_and_several_rules():
    src = ("Head\n\n<!-- newslint: disable-next-line NL603, multiple-spaces -->\n"
           "It was very very  cold.\nThe the end came at  last.\n")
    got = found(lint(src, select=["repeated-word", "multiple-spaces", "meta"]))
    assert [(n, line) for n, line, _ in got] == [("repeated-word", 5), ("multiple-spaces", 5)]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_other_formats_with_comments(fmt):
    if fmt == "html":
        src = ("<h1>Head</h1>\n<p>He said it was very very cold. <!-- newslint: disable-line repeated-word -->\n"
               "The the council agreed.</p>\n"
               "<!-- newslint: disable-next-line repeated-word -->\n<p>It was was late.</p>\n")
        expected = [("repeated-word", 3, "The the")]
    else:
        src = ("Head\n\nHe said it was very very cold. <!-- newslint: disable-line repeated-word -->\n"
               "The the council agreed.\n\n<!-- newslint: disable-next-line repeated-word -->\n"
               "It was was late.\n")
        expected = [("repeated-word", 4, "The the")]
    assert found(lint(src, fmt)) == expected


def test_unused_line_suppression_is_reported_exactly():
    src = ("Head\n\n<!-- newslint: disable-next-line repeated-word -->\nNothing repeated here.\n"
           "The the council agreed.\n")
    got = lint(src)
    assert found(got) == [
        ("unused-suppression", 3, "<!-- newslint: disable-next-line repeated-word -->"),
        ("repeated-word", 5, "The the"),
    ]
    assert got[0].message == "Unused suppression: no 'repeated-word' finding here to suppress"


def test_one_rule_of_two_used_reports_the_other():
    src = "Head\n\nIt was very very cold. <!-- newslint: disable-line repeated-word, multiple-spaces -->\n"
    got = found(lint(src, select=["repeated-word", "multiple-spaces", "meta"]))
    assert got == [("unused-suppression", 3, "<!-- newslint: disable-line repeated-word, multiple-spaces -->")]
    msg = lint(src, select=["repeated-word", "multiple-spaces", "meta"])[0].message
    assert "'multiple-spaces'" in msg


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("Head\n\n<!-- newslint: disable-line repeated-word -->\nIt was very very cold.\n",
         "has no text beside it"),
        ("Head\n\nIt was very very cold.\n<!-- newslint: disable-next-line repeated-word -->\n",
         "is not followed by any line"),
        ("Head\n\n<!-- newslint: disable-next-line repeated-word -->\n\nIt was very very cold.\n",
         "is followed by a blank line"),
        ("Head\n\nIt was very very cold. <!-- newslint: disable-lines repeated-word -->\n",
         "Unknown newslint directive 'disable-lines'"),
        ("Head\n\nIt was very very cold. <!-- newslint: disable-line -->\n", "needs the rules"),
    ],
)
def test_misplaced_line_directives_are_reported(src, message):
    got = lint(src)
    invalid = [f for f in got if f.name == "invalid-suppression"]
    assert len(invalid) == 1 and message in invalid[0].message
    assert [f.name for f in got if f.name == "repeated-word"] == ["repeated-word"]


def test_cli_end_to_end(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(
        "# Head\n\nHe said it was very very cold. <!-- newslint: disable-line repeated-word -->\n"
        "The the council agreed.\n", encoding="utf-8")
    r = run_cli("check", "--select", "repeated-word,meta", "story.md")
    assert r.code == 1
    assert r.out.splitlines() == ["story.md:4:1: NL603 [repeated-word] 'the' twice in a row: 'The the'"]
