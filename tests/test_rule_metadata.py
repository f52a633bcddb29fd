"""Every registered rule's metadata, checked in one place."""

from __future__ import annotations

import re

import pytest

from newslint.diagnostics import Applicability, Severity
from newslint.registry import default_registry, registry_with
from newslint.rule import CATEGORIES, Option, Rule

RULES = default_registry().all_rules()

#: The family each category's codes belong to (NL + three digits by family).
FAMILY = {
    "spelling": "NL1",
    "consistency": "NL1",
    "house-style": "NL1",
    "attribution": "NL2",
    "duplication": "NL3",
    "readability": "NL4",
    "grammar": "NL5",
    "typography": "NL6",
    "structure": "NL7",
    "meta": "NL9",
}


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_metadata(rule: type[Rule]):
    assert rule.validate_metadata() == []
    assert re.fullmatch(r"NL\d{3}", rule.code), rule.code
    assert rule.category in CATEGORIES and rule.code.startswith(FAMILY[rule.category])
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    # fix safety is typed: an Applicability, or None for a rule without a fix
    assert rule.fix_safety is None or isinstance(rule.fix_safety, Applicability)
    assert rule.fix_label() in {"none", *(a.value for a in Applicability)}
    # the summary: sentence case, no trailing period
    assert rule.summary and rule.summary[0].isupper() and not rule.summary.endswith(".")
    # documentation: what, why, example and a fix-safety section that agrees
    docs = rule.doc_sections()
    for section in ("what", "why", "example", "fix safety"):
        assert docs[section], f"{rule.code} has no {section!r} section"
    assert rule.fix_label() in docs["fix safety"].lower()
    for key, option in rule.options.items():
        assert isinstance(option, Option) and option.help
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", key)
        option.validate(option.default, f"rules.{rule.name}.{key}")


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_fix_safety_given_as_a_string_by_a_plugin_is_typed():
    class Loud(Rule):
        """Flags nothing.

        Why: a test.

        Example: none.

        Fix safety: safe.
        """

        code = "XT901"
        name = "loud"
        category = "typography"
        summary = "Nothing"
        fix_safety = "safe"  # type: ignore[assignment]

    assert Loud.fix_safety is Applicability.SAFE and Loud.fix_label() == "safe"

    class Bad(Loud):
        code = "XT902"
        name = "bad"
        fix_safety = "sometimes"  # type: ignore[assignment]

    assert any("fix_safety" in p for p in Bad.validate_metadata())

    class Plugin:
        from newslint.registry import hookimpl

        @hookimpl
        def newslint_rules(self):
            return [Bad]

    from newslint.registry import PluginError

    with pytest.raises(PluginError, match="fix_safety"):
        registry_with([Plugin()])
