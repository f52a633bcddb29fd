"""NL202 ambiguous-attribution: a pronoun attribution with two possible speakers."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Diagnostic, Related, Severity
from newslint.rule import Rule

from ._options import FIRST_NAME_OPTIONS

_GENDER = {"he": "m", "she": "f"}


class AmbiguousAttribution(Rule):
    """Reports a pronoun attribution (``'...,' he said``) with two or more people
    of that gender in reach, so that a reader cannot tell who spoke.

    People in reach are those named in the paragraph before the attribution
    (else in up to three paragraphs back).  When the most recent of them is
    the subject of a speech verb ("Mr Jeffrey said ..."), or the quotation
    continues one attributed by name to one of them, the pronoun is taken to
    mean that speaker and nothing is reported.

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
        if not any(q.attribution is not None and q.attribution.kind == "pronoun" for q in quotes):
            return
        from newslint.analysis.people import (
            find_people,
            first_names_for,
            resolve_pronoun,
        )

        opts = FIRST_NAME_OPTIONS.values(ctx)
        names = first_names_for(opts["first-names"], opts["use-first-names"], ctx.first_names)
        reg = find_people(doc, ctx.people, names)
        seen: set[int] = set()
        for i, q in enumerate(quotes):
            a = q.attribution
            if a is None or a.kind != "pronoun" or a.speaker_start in seen:
                continue
            seen.add(a.speaker_start)
            g = _GENDER.get(a.speaker.lower())
            if g is None:
                continue
            res = resolve_pronoun(doc, reg, q)
            if res is None:
                continue
            same = [p for p in res.candidates if p.gender == g]
            if len(same) < 2:
                continue
            if res.salient is not None and res.salient in same:
                continue  # the most recent person who speaks is the speaker
            if _continues_named_speaker(doc, reg, quotes, i, res, same):
                continue
            same.sort(key=lambda p: p.first_mention.start)
            listed = [f"{p.name} (line {doc.line_of(p.first_mention.name_start)})" for p in same]
            who = ", ".join(listed[:-1]) + " or " + listed[-1]
            yield self.report(
                a.speaker_start,
                a.speaker_end,
                f"'{a.speaker}' could refer to {who}",
                related=[
                    Related(p.first_mention.name_start, p.first_mention.name_end, f"{p.name} is introduced here")
                    for p in same
                ],
            )


def _continues_named_speaker(doc, reg, quotes, i, res, same) -> bool:
    """True when an earlier quotation in reach is attributed by name to one of ``same``."""
    lo = min(s for s, _ in res.scope)
    at = quotes[i].attribution.speaker_start
    for q in reversed(quotes[:i]):
        if q.end <= lo:
            break
        a = q.attribution
        if a is None or q.parent is not None or a.speaker_start >= at:
            continue
        if a.kind == "name":
            for m in reg.mentions_between(a.speaker_start, a.speaker_end):
                if m.person in same:
                    return True
            return False
        return False
    return False


RULES = [AmbiguousAttribution]
