"""NL102 house-style: spellings the house style guide replaces (Kiev -> Kyiv)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from newslint.diagnostics import Applicability, Diagnostic, Fix, Related, Severity
from newslint.document import Document
from newslint.rule import Option, Rule, RuleContext

from . import _house
from ._common import (
    CALENDAR,
    QUOTES_OPTION,
    english_words,
    first_names,
    fold,
    in_non_prose,
    match_case,
    quoted_note,
    skip_quoted,
    vocabulary,
)

if TYPE_CHECKING:  # pragma: no cover
    from newslint.registry import Registry

HONORIFICS = frozenset(
    "Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Rev Gen General Col Colonel "
    "Capt Captain Lt Sgt Maj Major Cdr Adm Admiral Judge Justice Sen Senator Rep".split()
)
_PREV_WORD = re.compile(r"([^\W\d_](?:[\w'’-]|\.(?=\w))*)(\.?)[ \t]+$")


class HouseStyle(Rule):
    """Flags spellings that the newsroom's house style replaces: "Kiev" where the style
    guide says "Kyiv", "Odessa" for "Odesa", or any term the newsroom adds.

    The preferred spellings come from house-style packs, TOML files that live beside
    the rule (the built-in ``ukraine`` pack is on by default), from pack files and
    single terms in configuration, and from plugins.  Some spellings differ between
    outlets (AP writes Zelenskyy, BBC News Zelensky, Reuters Zelenskiy): a pack lists
    them as a *choice*, and the newsroom picks its form with ``style`` or
    ``choices``; until it does, NL101 still keeps each story consistent.  Fixed
    expressions listed as exceptions keep the old spelling ("chicken Kiev",
    "Kievan Rus").  A place name right after a first name or an honorific is a
    person's surname (Mr Nikolaev, Ivan Nikolaev) and is left alone, and so is every
    other use of that spelling in the story: a bare "Nikolaev" then refers back to
    the person, and rewriting a name as a city would damage the copy.  A full stop
    breaks a name, except after an honorific or an initial (Mr. Lvov, A. Lvov): in
    ``Russia blamed Nato. Kiev denied it.`` "Kiev" opens a sentence and is flagged.

    Why: style guides settle spellings so that readers see one name for one place;
    mixing them looks careless and, for Ukrainian places since 2019, political.

    Example: ``Talks resumed in Kiev on Monday.`` gives "'Kiev': house style is
    'Kyiv'" with the fix ``Kyiv``.

    Fix safety: safe; the preferred spelling replaces the flagged one, keeping its case
    (``KIEV`` becomes ``KYIV``, ``Kiev's`` becomes ``Kyiv's``).

    Options: ``packs`` (list of pack names, default ``["ukraine"]``), ``pack-files``
    (TOML packs, relative to the configuration file), ``terms`` (``"Kiev -> Kyiv"``
    or tables with ``prefer``, ``avoid``, ``exceptions``), ``style`` (``"AP"``,
    ``"BBC"``, ``"Reuters"``: picks every choice that style has made), ``choices``
    (a table of choice id to form, e.g. ``{ zelensky = "Zelenskyy" }``) and
    ``quotes`` (``"flag"`` or ``"ignore"`` text inside quotation marks).
    """

    code = "NL102"
    name = "house-style"
    category = "house-style"
    summary = "A spelling the house style replaces (Kiev -> Kyiv)"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    options = {
        "packs": Option(["ukraine"], "house-style packs to use, by name (built-in or from plugins)", list),
        "pack-files": Option([], "house-style pack files (TOML) to use, relative to the configuration file", list),
        "terms": Option(
            [], "single terms: \"avoid -> prefer\" strings or tables with prefer, avoid, exceptions", list,
            items=(str, dict),
        ),
        "style": Option("", "an outlet's choices to apply to every pack choice (AP, BBC, Reuters)", str),
        "choices": Option({}, "choice id -> the form this newsroom uses (e.g. zelensky = \"Zelenskyy\")", dict),
        "quotes": QUOTES_OPTION,
    }

    @classmethod
    def validate_options(cls, options: Mapping[str, Any], base: Path, registry: Registry | None = None) -> None:
        packs = registry.house_style_packs if registry is not None else None
        _house.resolve(options, base, packs)  # raises PackError (a ValueError) with the reason

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        house = house_for(self.opts, ctx)
        if house.empty or vocabulary(doc)[1].isdisjoint(house.first_words):
            return
        text = doc.text
        hits = list(house.find(text))
        surnames = person_surnames(text, hits)
        preferred_at: dict[str, tuple[int, int] | None] = {}
        for hit in hits:
            term = hit.term
            if term.kind == "place" and hit.found.lower() in surnames:
                continue  # Mr Nikolaev, and every later "Nikolaev" that refers back to him
            if in_non_prose(doc, hit.start, hit.end) or skip_quoted(self.opts, doc, hit.start):
                continue
            replacement = match_case(hit.found, term.prefer)
            where = preferred_at.get(term.prefer)
            if term.prefer not in preferred_at:
                where = preferred_at[term.prefer] = _first_use(text, term.prefer)
            related: tuple[Related, ...] = ()
            evidence = ""
            if where is not None:
                evidence = f"; '{term.prefer}' is used on line {doc.line_of(where[0])}"
                related = (Related(where[0], where[1], f"'{term.prefer}' here"),)
            source = f" ({term.source} pack)" if term.source and term.source != "configuration" else ""
            yield self.report(
                hit.start,
                hit.end,
                f"'{hit.found}': house style is '{term.prefer}'{source}{evidence}{quoted_note(doc, hit.start)}",
                suggestions=(replacement,),
                fix=Fix.replace(hit.start, hit.end, replacement, Applicability.SAFE,
                                f"Replace with '{replacement}'"),
                related=related,
                data={"pack": term.source, "note": term.note} if term.note else {"pack": term.source},
            )


def house_for(options: Mapping[str, Any], ctx: RuleContext) -> _house.HouseStyle:
    """The house style for NL102's resolved ``options`` (with defaults filled in).
    Kept for the run in ``ctx.shared``, by settings object, while the options
    stay equal: NL101 and NL102 ask for it on every story."""
    settings = ctx.settings
    key = ("spelling.house", id(settings))
    hit = ctx.shared.get(key)
    if hit is not None and hit[0] is settings and hit[1] == options and hit[2] == ctx.house_style_packs:
        return hit[3]
    base: Path | None = settings.path.parent if settings.path is not None else settings.root
    house = _house.resolve(options, base, ctx.house_style_packs)
    ctx.shared[key] = (settings, dict(options), ctx.house_style_packs, house)
    return house


def house_options(ctx: RuleContext) -> dict[str, Any]:
    """NL102's options as configured for this run (defaults filled in)."""
    values = {k: o.default for k, o in HouseStyle.options.items()}
    values.update(ctx.settings.options_for(HouseStyle))
    return values


def given_name(word: str) -> bool:
    """A capitalised word that can stand before a surname: a common first name, or
    a capitalised word that is neither an English word nor a title (Andrian,
    Ruhollah, Volodymyr).  Days and months never are ("On Friday Kelleher said")."""
    if not word[:1].isupper() or word in HONORIFICS or "'" in word or "’" in word or word in CALENDAR:
        return False
    return word in first_names() or fold(word) not in english_words()


def person_word(word: str, full_stop: bool = False) -> bool:
    """Can ``word``, written right before a capitalised word, make that word a
    surname?  An honorific (Mr, Dr.) or a given name can; after a full stop only an
    honorific or an initial can (``A. Nikolaev``): otherwise the stop ends a sentence
    and the next word opens a new one (``... blamed Nato. Kiev denied it``)."""
    if full_stop:
        return word in HONORIFICS or (len(word) == 1 and word.isupper())
    return word in HONORIFICS or given_name(word)


def after_person_word(text: str, start: int) -> bool:
    """Is the place name at ``start`` used as a surname (Mr Nikolaev, Andrian Nikolayev)?"""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if m is None:
        return False
    return person_word(m.group(1), bool(m.group(2)))


def person_surnames(text: str, hits: list[_house.Hit]) -> set[str]:
    """Lower-case spellings of place terms that the story uses as a person's
    surname: written after a first name or an honorific at least once (Ivan
    Nikolaev, Mr Lvov).  Every use of such a spelling in the story is taken for the
    person (a bare "Nikolaev" refers back to Ivan Nikolaev; a headline may name him
    before the story introduces him): rewriting a person's name as a city would
    damage the copy, while leaving a city's old spelling alone only misses a finding."""
    out: set[str] = set()
    for hit in hits:
        if hit.term.kind == "place":
            key = hit.found.lower()
            if key not in out and after_person_word(text, hit.start):
                out.add(key)
    return out


def _first_use(text: str, form: str) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(w) for w in form.split())
    m = re.search(rf"(?<![^\W_]){pattern}(?![^\W_])", text)
    return (m.start(), m.end()) if m else None


RULES = [HouseStyle]
