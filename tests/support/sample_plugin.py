"""A small plugin used by the engine tests (registered directly, not installed)."""

from __future__ import annotations

import re

import newslint
from newslint.diagnostics import Applicability, Fix
from newslint.rule import Option, Rule


class Shouting(Rule):
    """Flags words in capitals, such as "URGENT".

    Why: capitals read as shouting.

    Example: ``This is URGENT news.``

    Fix safety: safe; the word is lower-cased.
    """

    code = "XT101"
    name = "shouting"
    category = "house-style"
    summary = "A word in capital letters"
    fix_safety = "safe"
    options = {"min-length": Option(4, "shortest word that counts", int, minimum=2)}

    def check(self, doc, ctx):
        n = self.opts["min-length"]
        for m in re.finditer(r"\b[A-Z]{%d,}\b" % n, doc.text):
            yield self.report(
                m.start(), m.end(), f"'{m.group()}' is in capitals",
                suggestions=[m.group().lower()],
                fix=Fix.replace(m.start(), m.end(), m.group().lower(), Applicability.SAFE),
            )


class Crashes2(Rule):
    """Raises on documents mentioning 'kaboom'.

    Why: test support.
    """

    code = "XT103"
    name = "crashes-on-kaboom"
    category = "typography"
    summary = "Crashes on kaboom"

    def check(self, doc, ctx):
        if "kaboom" in doc.text:
            raise ValueError("kaboom found")
        return ()


@newslint.hookimpl
def newslint_rules():
    return [Shouting, Crashes2]
