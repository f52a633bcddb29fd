"""NL201 pronoun-mismatch: "she said" after a quotation from a man (or the reverse)."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Related, Severity
from newslint.rule import Rule

from ..spelling._common import english_words
from ._options import FIRST_NAME_OPTIONS

_REPLACEMENT = {"m": "he", "f": "she", "they": "they"}


@FIRST_NAME_OPTIONS.owned_by
class PronounMismatch(Rule):
    """Flags a pronoun attribution (``'...,' she said``) that disagrees with the
    person it most plausibly refers to.

    The rule reads the story the way an editor does, keeping track of how
    prominent each person is (``newslint.analysis.salience``).  Walking the
    story in order, every mention outside quotations raises a person's score:
    most when the person speaks ("Ann Lee said", "said Ann Lee", "Ann Lee, the
    chair of Acme, said", "her lawyer, Perry Wander, said", "according to Ann
    Lee"), less as a sentence's subject, less again as another mention, least
    as a possessive or as someone talked about after "said".  A he or she
    outside quotations raises the person it most plausibly means; a definite
    role noun ("the minister", "the 28-year-old") means the most prominent
    person it fits, unless someone else was just named in the same sentence;
    an indefinite one ("a spokeswoman") or a relation ("his wife") is a new,
    anonymous person.  Scores fade with every sentence outside quotations,
    again with every paragraph, and sharply at a heading; someone who spoke
    stays in mind until somebody else speaks.  Capitalised runs that nothing
    marks as a person and that read as organisations, places, venues,
    competitions or works ("Human Rights Watch", "Centre Court", "Ryder Cup",
    "Universities Scotland", "Rover said") are not people.

    At a "he said"/"she said" the rule reports when the most prominent person's
    evidence (never the attribution pronouns themselves) contradicts the
    pronoun, and everyone the pronoun could mean (the same or an unknown
    gender) is clearly less prominent: by the ``ratio`` option, 1.5 times by
    default.  The message names the person, the evidence and the runner-up.
    Organisations and groups ("the ministry said", "they said") and singular
    "they" are never a mismatch.

    Limits: in each paragraph in reach the pronoun looks back at most 5,000
    characters, and for the last speaker named at most 200 quotations back, so
    that a document of thousands of quotations in one paragraph is read in time
    that grows with its length; news copy never comes near either bound.

    Evidence of the person's gender, strongest first, and named in the message:
    the newsroom's people list (``[[tool.newslint.people]]`` with ``name``,
    ``pronouns`` and ``aliases``); honorifics and titles (Mr, Ms, Dame, King...);
    gendered role nouns and relations next to the name (spokeswoman, actress,
    "his wife Anna"); other pronouns that clearly refer to the same person
    ("Kit Abernethy said he would...", or a he/she earlier in the story that
    could only mean them); the
    first-name table shipped with newslint (names with a clear majority in the
    US Social Security records, without names whose gender differs by country
    such as Andrea, Nicola, Jean, Lindsay or Ashley); last, roles in "-man"
    that copy also gives women (chairman, spokesman).  The strongest evidence
    decides: a first name never outweighs an honorific, a role noun or the
    people list.  Evidence for the pronoun's gender from the copy or the
    people list (anything but the first-name table) keeps the rule silent,
    because the story may name two people the same way.  A person whose
    pronouns are "they/them" in the people list is reported with "he said" or
    "she said": the newsroom has said which pronoun the copy must use.

    Why: "'Any aggression would come at a high price,' she said" after a
    paragraph about Jens Stoltenberg is a factual error that readers notice and
    that no spelling checker catches.

    Example: ``NATO chief Jens Stoltenberg spoke on Tuesday.`` followed by
    ``"Aggression would come at a high price," she said.`` is reported as
    "'she' refers to Jens Stoltenberg (line 1), a man by first name 'Jens'";
    when someone else the pronoun could mean is in the story, the message adds
    "; the next candidate, Ann Lee (line 3), is far less prominent here".

    Fix safety: display-only; the suggested pronoun is shown but never applied,
    because an editor must check who really spoke.

    Options: ``first-names`` adds or overrides first names (a table of name to
    "m", "f", or "u" to take a name out of the table); ``use-first-names`` =
    false ignores the first-name table (plugins add tables through the
    ``newslint_first_names`` hook); ``ratio`` (at least 1) is how many times
    more prominent than anyone the pronoun could mean the contradicted person
    must be: higher is quieter.  NL202 ambiguous-attribution reads the same
    options.
    """

    code = "NL201"
    name = "pronoun-mismatch"
    category = "attribution"
    summary = "An attribution pronoun that disagrees with the person quoted"
    severity = Severity.WARNING
    default_enabled = True
    fix_safety = Applicability.DISPLAY_ONLY
    options = FIRST_NAME_OPTIONS.options

    @classmethod
    def validate_options(cls, options, base) -> None:
        from newslint.analysis.first_names import _norm_gender

        for name, gender in (options.get("first-names") or {}).items():
            if not _norm_gender(gender):
                raise ValueError(
                    f"first-names.{name} = {gender!r}: use \"m\", \"f\" or \"u\" (u takes the name out of the table)"
                )

    def check(self, doc, ctx) -> Iterator[Diagnostic]:
        quotes = doc.quotes
        if not any(q.attribution is not None and q.attribution.speaker.lower() in ("he", "she") for q in quotes):
            return  # no "he said" or "she said": nothing to resolve
        from newslint.analysis.people import find_people, first_names_for
        from newslint.analysis.salience import resolve_attributions

        names = first_names_for(self.opts["first-names"], self.opts["use-first-names"], ctx.first_names)
        reg = find_people(doc, ctx.people, names, ctx.places)
        ratio = self.opts["ratio"]
        for site in resolve_attributions(doc, reg, english_words(), names):
            if not site.mismatch(ratio):
                continue
            person = site.person
            ev = site.evidence
            assert person is not None and ev is not None
            gender = ev.gender
            message = f"'{site.pronoun}' refers to {person.name} (line {doc.line_of(person.start)}), {ev.what}"
            if site.runner_up is not None:
                r = site.runner_up
                message += f"; the next candidate, {r.name} (line {doc.line_of(r.start)}), is far less prominent here"
            repl = _REPLACEMENT[gender]
            if site.pronoun[:1].isupper():
                repl = repl.capitalize()
            related = [Related(person.start, person.end, f"{person.name} is introduced here")]
            if ev.offset >= 0 and not (person.start <= ev.offset < person.end):
                related.append(Related(ev.offset, ev.offset, "The evidence"))
            if site.runner_up is not None:
                r = site.runner_up
                related.append(Related(r.start, r.end, f"{r.name}, the next candidate, is introduced here"))
            yield self.report(
                site.start,
                site.end,
                message,
                suggestions=[repl],
                fix=Fix.replace(site.start, site.end, repl, Applicability.DISPLAY_ONLY, f"Replace with '{repl}'"),
                related=related,
            )


RULES = [PronounMismatch]
