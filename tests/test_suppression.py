"""Inline suppression comments, applied by the engine."""

from __future__ import annotations

from newslint.api import make_settings
from newslint.config import Overrides, SettingsResolver
from newslint.engine import Linter, LintOptions


def lint(registry, source: str, fmt: str = "markdown", **config):
    settings = make_settings(config, registry)
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
    return linter.lint_source(source, "story.md", settings, fmt).findings


def codes(findings):
    return [(f.code, f.start.line) for f in findings]


def test_disable_enable_range(test_registry):
    src = (
        "LOUD one.\n\n"
        "<!-- newslint: disable shouting -->\n\n"
        "LOUD two.\n\n"
        "LOUD three.\n\n"
        "<!-- newslint: enable shouting -->\n\n"
        "LOUD four.\n"
    )
    assert codes(lint(test_registry, src)) == [("XT101", 1), ("XT101", 11)]


def test_disable_by_code_and_until_end(test_registry):
    src = "LOUD one.\n\n<!-- newslint: disable XT101 -->\n\nLOUD two.\n"
    assert codes(lint(test_registry, src)) == [("XT101", 1)]


def test_ignore_applies_to_next_block_only(test_registry):
    src = "<!-- newslint: ignore shouting -->\nLOUD one.\n\nLOUD two.\n"
    assert codes(lint(test_registry, src)) == [("XT101", 4)]


def test_ignore_on_same_line_applies_to_that_block(test_registry):
    src = "LOUD one. <!-- newslint: ignore shouting -->\n\nLOUD two.\n"
    assert codes(lint(test_registry, src)) == [("XT101", 3)]


def test_plain_text_comments_work_too(test_registry):
    src = "Head\n\n<!-- newslint: ignore shouting -->\nLOUD one.\n"
    assert codes(lint(test_registry, src, "text")) == []


def test_unused_suppression_reported(test_registry):
    src = "Quiet.\n\n<!-- newslint: ignore shouting -->\nNothing here.\n"
    f = lint(test_registry, src)
    assert codes(f) == [("NL902", 3)]
    assert f[0].message == "Unused suppression: no 'shouting' finding here to suppress"
    assert (f[0].start.column, f[0].end.column) == (1, 35)


def test_unused_suppression_not_reported_for_rule_not_running(test_registry):
    src = "Quiet.\n\n<!-- newslint: ignore shouting -->\nNothing here.\n"
    assert codes(lint(test_registry, src, ignore=["shouting"])) == []


def test_blanket_suppression_is_refused(test_registry):
    src = "<!-- newslint: disable -->\nLOUD one.\n"
    f = lint(test_registry, src)
    assert codes(f) == [("NL904", 1), ("XT101", 2)]
    assert "blanket suppression is not allowed" in f[0].message


def test_unknown_rule_in_suppression(test_registry):
    f = lint(test_registry, "<!-- newslint: ignore shoutting -->\nLOUD.\n")
    assert [x.code for x in f] == ["NL904", "XT101"]
    assert "Unknown rule 'shoutting'" in f[0].message


def test_enable_without_disable(test_registry):
    f = lint(test_registry, "Text.\n\n<!-- newslint: enable shouting -->\n")
    assert codes(f) == [("NL904", 3)]


def test_unused_suppression_can_itself_be_ignored(test_registry):
    src = "Quiet.\n\n<!-- newslint: ignore shouting -->\nNothing here.\n"
    assert codes(lint(test_registry, src, ignore=["unused-suppression"])) == []
