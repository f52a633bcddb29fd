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
    person it refers to.

    The pronoun is resolved to the one person in reach: the current paragraph
    before the attribution, else up to three paragraphs back (the speaker of the
    quotation being continued, the subject of the paragraph before).  The rule
    reports only when that reference is unambiguous, and stays silent when
    anyone within reach could be the pronoun's person: two people in reach, a
    role noun such as "the minister" that could be the speaker, a surname
    shared by two people, and anywhere in the three paragraphs before the
    attribution a person of the pronoun's gender, someone of unknown gender
    who speaks, or a "she", "her" or "his wife" that says such a person is
    there; the speaker of the last quotation attributed by name counts as in
    reach.  Organisations and groups ("the ministry said", "they said") and
    singular "they" are never a mismatch.

    Evidence of the person's gender, strongest first, and named in the message:
    the newsroom's people list (``[[tool.newslint.people]]`` with ``name``,
    ``pronouns`` and ``aliases``); honorifics and titles (Mr, Ms, Dame, King...);
    gendered role nouns and relations next to the name (spokeswoman, actress,
    "his wife Anna"); other pronouns that clearly refer to the same person; the
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
    "'she' refers to Jens Stoltenberg (line 1), a man by first name 'Jens'".

    Fix safety: display-only; the suggested pronoun is shown but never applied,
    because an editor must check who really spoke.

    Options: ``first-names`` adds or overrides first names (a table of name to
    "m", "f", or "u" to take a name out of the table); ``use-first-names`` =
    false ignores the first-name table (plugins add tables through the
    ``newslint_first_names`` hook).
    """

    code = "NL201"
    name = "pronoun-mismatch"
    category = "attribution"
    summary = "An attribution pronoun that disagrees with the person quoted"
    severity = Severity.WARNING
    default_enabled = True
    fix_safety = "display-only"
    options = FIRST_NAME_OPTIONS.options

    @classmethod
    def validate_options(cls, options, base) -> None:
        from newslint.analysis.people.names import _norm_gender

        for name, gender in (options.get("first-names") or {}).items():
            if not _norm_gender(gender):
                raise ValueError(
                    f"first-names.{name} = {gender!r}: use \"m\", \"f\" or \"u\" (u takes the name out of the table)"
                )

    def check(self, doc, ctx) -> Iterator[Diagnostic]:
        quotes = doc.quotes
        if not any(q.attribution is not None and q.attribution.kind == "pronoun" for q in quotes):
            return
        from newslint.analysis.people import find_people, first_names_for
        from newslint.analysis.salience import resolve_attributions

        names = first_names_for(self.opts["first-names"], self.opts["use-first-names"], ctx.first_names)
        reg = find_people(doc, ctx.people, names)
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
