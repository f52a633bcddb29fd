"""NL202 ambiguous-attribution: a pronoun attribution with two possible speakers."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Diagnostic, Related, Severity
from newslint.rule import Rule

from ..spelling._common import english_words
from ._options import FIRST_NAME_OPTIONS


class AmbiguousAttribution(Rule):
    """Reports a pronoun attribution (``'...,' he said``) when two or more people
    of that gender are about equally prominent at that point, so that a reader
    cannot tell who spoke.

    Prominence is the salience walk NL201 uses (``newslint explain
    pronoun-mismatch``): every mention raises a person's score, most when the
    person speaks, and scores fade sentence by sentence.  The rule reports when
    everyone the pronoun could mean within NL201's ``ratio`` of the most
    prominent of them is of the pronoun's gender, and there are at least two.
    Someone who has just spoken ("Mr Jeffers said he expected...", "'...,'
    said Mr Franca") is far ahead, and the pronoun is taken to mean them.  The
    first-name options and the ratio are NL201's.

    Limits: in each paragraph in reach the pronoun looks back at most 5,000
    characters, and for the last speaker named at most 200 quotations back, so
    that a document of thousands of quotations in one paragraph is read in time
    that grows with its length; news copy never comes near either bound.

    Why: "Mr Lavrov met his counterpart Mr Franca. 'We will respond,' he said"
    leaves the reader guessing which minister threatened a response.

    Example: ``Sergei Lavrov met Carlos Franca in Moscow.`` followed by
    ``"We will respond," he said.`` is reported as "'he' could refer to Sergei
    Lavrov (line 1) or Carlos Franca (line 1)".

    Fix safety: none; name the speaker instead of the pronoun.
    """

    code = "NL202"
    name = "ambiguous-attribution"
    category = "attribution"
    summary = "A pronoun attribution with two possible speakers of that gender"
    severity = Severity.INFO
    default_enabled = False
    fix_safety = None

    def check(self, doc, ctx) -> Iterator[Diagnostic]:
        quotes = doc.quotes
        if not any(q.attribution is not None and q.attribution.speaker.lower() in ("he", "she") for q in quotes):
            return  # no "he said" or "she said": nothing to resolve
        from newslint.analysis.people import find_people, first_names_for
        from newslint.analysis.salience import resolve_attributions

        opts = FIRST_NAME_OPTIONS.values(ctx)
        names = first_names_for(opts["first-names"], opts["use-first-names"], ctx.first_names)
        ratio = float(opts["ratio"])
        reg = find_people(doc, ctx.people, names, ctx.places)
        for site in resolve_attributions(doc, reg, english_words(), names):
            if site.contradicts:
                continue  # NL201's case, or nobody clearly ahead
            compatible = [(r, s) for r, s in site.ranking if r.fits(site.gender) is not False]
            if len(compatible) < 2:
                continue
            best = compatible[0][1]
            close = [(r, s) for r, s in compatible if s * ratio >= best]
            same = [r for r, _ in close if r.fits(site.gender) is True]
            if len(same) < 2 or len(same) != len(close):
                continue
            same.sort(key=lambda r: r.start)
            listed = [f"{r.name} (line {doc.line_of(r.start)})" for r in same]
            who = ", ".join(listed[:-1]) + " or " + listed[-1]
            yield self.report(
                site.start,
                site.end,
                f"'{site.pronoun}' could refer to {who}",
                related=[Related(r.start, r.end, f"{r.name} is introduced here") for r in same],
            )


RULES = [AmbiguousAttribution]
