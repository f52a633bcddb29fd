"""An example newslint plugin package: one rule, registered by entry point."""

from __future__ import annotations

import newslint
from newslint import Option, Rule


class Exclamation(Rule):
    """Flags exclamation marks in the reporter's own words.

    Why: news copy reports; it does not exclaim. Quotations are left alone.

    Example: ``Prices rose again!``

    Fix safety: none.
    """

    code = "EXC101"
    name = "exclamation-mark"
    category = "house-style"
    summary = "An exclamation mark outside a quotation"
    options = {"allow-in-headlines": Option(True, "leave headlines alone", bool)}

    def check(self, doc, ctx):
        for block in doc.blocks:
            if block.kind == "headline" and self.opts["allow-in-headlines"]:
                continue
            i = doc.text.find("!", block.start, block.end)
            while i != -1:
                if not doc.in_quote(i):
                    yield self.report(i, i + 1, "Exclamation mark '!' in the story's own words")
                i = doc.text.find("!", i + 1, block.end)


@newslint.hookimpl
def newslint_rules():
    return [Exclamation]
