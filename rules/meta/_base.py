"""The base of the meta rules: the engine reports their findings itself."""

from __future__ import annotations

from newslint.rule import Rule


class MetaRule(Rule):
    """A finding about the run (reading, suppression, rule isolation), made by the engine."""

    category = "meta"

    def check(self, doc, ctx):
        # Reported by the engine, which owns reading, suppression and rule isolation.
        return ()
