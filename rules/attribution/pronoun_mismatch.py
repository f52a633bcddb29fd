"""NL201 pronoun-mismatch: "she said" after a quotation from a man (or the reverse)."""

from __future__ import annotations

from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Related, Severity
from newslint.rule import Rule

from ._options import FIRST_NAME_OPTIONS

_GENDER = {"he": "m", "she": "f"}
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

    Limits: in each paragraph in reach the pronoun looks back at most 5,000
    characters, and for the last speaker named at most 200 quotations back, so
    that a document of thousands of quotations in one paragraph is read in time
    that grows with its length; news copy never comes near either bound.

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
        if not any(q.attribution is not None and q.attribution.kind == "pronoun" for q in quotes):
            return
        from newslint.analysis.people import (
            find_people,
            first_names_for,
            resolve_pronoun,
        )

        names = first_names_for(self.opts["first-names"], self.opts["use-first-names"], ctx.first_names)
        reg = find_people(doc, ctx.people, names)
        seen: set[int] = set()
        for q in quotes:
            a = q.attribution
            if a is None or a.kind != "pronoun" or a.speaker_start in seen:
                continue
            seen.add(a.speaker_start)
            pronoun = a.speaker.lower()
            g = _GENDER.get(pronoun)
            if g is None:
                continue  # they, it, we, I, you: never a mismatch
            res = resolve_pronoun(doc, reg, q)
            if res is None:
                continue
            person = _referent(res, g)
            if person is None:
                continue
            best = person.strongest()
            genders = {e.gender for e in best}
            if len(genders) != 1:
                continue
            gender = genders.pop()
            ev = best[0]
            first = person.first_mention
            message = (
                f"'{a.speaker}' refers to {person.name} (line {doc.line_of(first.name_start)}), {ev.what}"
            )
            repl = _REPLACEMENT[gender]
            if a.speaker[:1].isupper():
                repl = repl.capitalize()
            related = [Related(first.name_start, first.name_end, f"{person.name} is introduced here")]
            if ev.offset >= 0 and not (first.start <= ev.offset < first.end):
                related.append(Related(ev.offset, ev.offset, "The evidence"))
            yield self.report(
                a.speaker_start,
                a.speaker_end,
                message,
                suggestions=[repl],
                fix=Fix.replace(a.speaker_start, a.speaker_end, repl, Applicability.DISPLAY_ONLY, f"Replace with '{repl}'"),
                related=related,
            )


def _fits(person, g: str) -> bool | None:
    """Whether ``person`` can be ``g``: True when the strongest evidence says so,
    False when it says otherwise, None when nothing (or nothing clear) is known.

    The strongest evidence decides, so the first-name table never outweighs the
    people list, an honorific or a role noun.  Other evidence for ``g`` still
    keeps the answer open when it comes from the copy or the people list (the
    register may have merged two people: "Mr Tulloch and his wife Morag
    Tulloch"), and a first name for ``g`` does when the strongest evidence is
    a pronoun elsewhere in the story: two inferences that disagree prove
    nothing.
    """
    best = person.strongest()
    if not best:
        return None
    genders = {e.gender for e in best}
    if len(genders) != 1:
        return None
    if g in genders:
        return True
    level = best[0].level
    for e in person.evidence:
        if e.gender == g and (e.level < _FIRST_NAME or (e.level == _FIRST_NAME and level == _PRONOUN)):
            return None
    return False


_PRONOUN = 4
_FIRST_NAME = 5


def _referent(res, g: str):
    """The person the pronoun refers to when the copy clearly gets it wrong.

    One person in reach and nothing else that could be the speaker; or several,
    none of whom can be ``g`` (then the salient one, else the most recent).  In
    both cases nobody else within reach (the paragraphs before, the last named
    speaker) may be ``g``, no one who speaks there may be of unknown gender,
    and nothing there may say that someone of the pronoun's gender is around
    ("she", "his wife").
    """
    if res.cues or any(_fits(p, g) for p in res.others):
        return None
    if any(_fits(p, g) is not False for p in res.speakers):
        return None
    if res.person is not None:
        if res.doubts or _fits(res.person, g) is not False:
            return None
        return res.person
    if len(res.candidates) < 2:
        return None
    if any(not d.startswith("more than one person") for d in res.doubts):
        return None
    if any(_fits(p, g) is not False for p in res.candidates):
        return None
    return res.salient or res.candidates[0]


RULES = [PronounMismatch]
