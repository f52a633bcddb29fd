"""House-style packs: loading, validation and matching (used by NL102 and NL101).

The pack format is documented in ``rules/spelling/README.md``.  A pack is a TOML
file (or the same structure as a mapping) with a ``name``, a list of ``terms``
(a preferred spelling and the spellings to avoid) and a list of ``choices``
(spellings on which newsrooms differ; the newsroom picks one).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Optional, Sequence

from newslint.safefs import TooLargeError, read_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
PACK_PREFIX = "pack_"
MAX_PACK_SIZE = 10_000_000  # bytes: a pack file is read only when it is a regular file this small

TERM_KEYS = {"prefer", "avoid", "exceptions", "note", "match-case", "kind"}
CHOICE_KEYS = {"id", "forms", "styles", "note", "avoid", "exceptions", "match-case", "kind"}
PACK_KEYS = {"name", "title", "description", "sources", "terms", "choices", "kind"}
#: "place": not flagged after a first name or an honorific (Mr Nikolaev is a
#: person); "name": a person's name; "word": anything else.
KINDS = ("place", "name", "word")


class PackError(ValueError):
    """A house-style pack or option is invalid (the message says where and why)."""


@dataclass(frozen=True)
class Term:
    """Write ``prefer``, not any of ``avoid`` (except inside ``exceptions``)."""

    prefer: str
    avoid: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    note: str = ""
    match_case: bool = False
    source: str = ""  # pack name, "configuration" ...
    kind: str = "word"


@dataclass(frozen=True)
class Choice:
    """Spellings on which newsrooms differ: the newsroom picks one of ``forms``."""

    id: str
    forms: tuple[str, ...]
    styles: Mapping[str, str]
    note: str = ""
    avoid: tuple[str, ...] = ()  # spellings wrong whatever the choice
    exceptions: tuple[str, ...] = ()
    match_case: bool = False
    source: str = ""
    kind: str = "name"


@dataclass(frozen=True)
class Pack:
    name: str
    title: str = ""
    description: str = ""
    sources: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    choices: tuple[Choice, ...] = ()
    origin: str = ""  # where the pack came from, for messages


# -- parsing ---------------------------------------------------------------------------


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PackError(f"{where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _check_keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PackError(f"{where}: unknown key {unknown[0]!r} (keys: {', '.join(sorted(allowed))})")


def _kind(table: Mapping[str, Any], where: str, default: str) -> str:
    kind = table.get("kind", default)
    if kind not in KINDS:
        raise PackError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def parse_term(table: Any, where: str, source: str, kind: str = "word") -> Term:
    if isinstance(table, str):
        # the short form "avoid -> prefer" (several avoided forms separated by commas)
        if "->" not in table:
            raise PackError(f"{where}: {table!r} is not 'avoid -> prefer' (e.g. 'Kiev -> Kyiv')")
        left, right = table.split("->", 1)
        avoid = tuple(a.strip() for a in left.split(",") if a.strip())
        prefer = right.strip()
        if not avoid or not prefer:
            raise PackError(f"{where}: {table!r} is not 'avoid -> prefer' (e.g. 'Kiev -> Kyiv')")
        return Term(prefer, avoid, source=source, kind=kind)
    if not isinstance(table, Mapping):
        raise PackError(f"{where} must be a table with 'prefer' and 'avoid', or 'avoid -> prefer'")
    _check_keys(table, TERM_KEYS, where)
    prefer = table.get("prefer", "")
    if not isinstance(prefer, str) or not prefer.strip():
        raise PackError(f"{where}: 'prefer' must be a non-empty string")
    if "avoid" not in table:
        raise PackError(f"{where}: 'avoid' is missing (the spellings to replace with {prefer!r})")
    avoid = _strs(table["avoid"], f"{where}.avoid")
    match_case = table.get("match-case", False)
    if not isinstance(match_case, bool):
        raise PackError(f"{where}: 'match-case' must be true or false")
    return Term(
        prefer.strip(),
        avoid,
        _strs(table.get("exceptions", []), f"{where}.exceptions") if table.get("exceptions") else (),
        str(table.get("note", "")),
        match_case,
        source,
        _kind(table, where, kind),
    )


def parse_choice(table: Any, where: str, source: str, kind: str = "name") -> Choice:
    if not isinstance(table, Mapping):
        raise PackError(f"{where} must be a table")
    _check_keys(table, CHOICE_KEYS, where)
    cid = table.get("id")
    if not isinstance(cid, str) or not cid.strip():
        raise PackError(f"{where}: 'id' must be a non-empty string")
    forms = _strs(table.get("forms", []), f"{where}.forms")
    if len(forms) < 2:
        raise PackError(f"{where}: 'forms' needs at least two spellings to choose from")
    styles = table.get("styles", {})
    if not isinstance(styles, Mapping) or not all(isinstance(v, str) for v in styles.values()):
        raise PackError(f"{where}: 'styles' must be a table of style = form")
    for style, form in styles.items():
        if form not in forms:
            raise PackError(f"{where}: styles.{style} = {form!r} is not one of the forms")
    match_case = table.get("match-case", False)
    if not isinstance(match_case, bool):
        raise PackError(f"{where}: 'match-case' must be true or false")
    return Choice(
        cid.strip(),
        forms,
        dict(styles),
        str(table.get("note", "")),
        _strs(table["avoid"], f"{where}.avoid") if table.get("avoid") else (),
        _strs(table["exceptions"], f"{where}.exceptions") if table.get("exceptions") else (),
        match_case,
        source,
        _kind(table, where, kind),
    )


def parse_pack(data: Mapping[str, Any], origin: str) -> Pack:
    if not isinstance(data, Mapping):
        raise PackError(f"house-style pack {origin}: not a table")
    _check_keys(data, PACK_KEYS, f"house-style pack {origin}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise PackError(f"house-style pack {origin}: 'name' must be a non-empty string")
    name = name.strip()
    terms = data.get("terms", [])
    choices = data.get("choices", [])
    if not isinstance(terms, list) or not isinstance(choices, list):
        raise PackError(f"house-style pack {origin}: 'terms' and 'choices' must be arrays of tables")
    kind = _kind(data, f"house-style pack {name}", "word")
    return Pack(
        name,
        str(data.get("title", "")),
        str(data.get("description", "")),
        _strs(data["sources"], f"house-style pack {origin}: sources") if data.get("sources") else (),
        tuple(parse_term(t, f"house-style pack {name}: terms[{i}]", name, kind) for i, t in enumerate(terms)),
        tuple(parse_choice(c, f"house-style pack {name}: choices[{i}]", name) for i, c in enumerate(choices)),
        origin,
    )


@lru_cache(maxsize=64)
def load_pack_file(path: str) -> Pack:
    try:
        data = tomllib.loads(read_regular(path, MAX_PACK_SIZE).decode("utf-8"))
    except FileNotFoundError:
        raise PackError(f"house-style pack file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"house-style pack file {path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise PackError(f"house-style pack file {path}: not UTF-8 (byte 0x{exc.object[exc.start]:02x})") from None
    except RecursionError:
        raise PackError(f"house-style pack file {path}: nested too deeply") from None
    except TooLargeError:
        raise PackError(f"house-style pack file {path}: larger than {MAX_PACK_SIZE // 1_000_000} MB") from None
    except OSError as exc:
        raise PackError(f"house-style pack file {path}: {exc.strerror or exc}") from None
    return parse_pack(data, str(path))


def builtin_pack_files() -> list[Path]:
    return sorted(HERE.glob(f"{PACK_PREFIX}*.toml"))


@lru_cache(maxsize=1)
def builtin_packs() -> dict[str, Pack]:
    out = {}
    for path in builtin_pack_files():
        pack = load_pack_file(str(path))
        out[pack.name] = pack
    return out


#: Calls the ``newslint_house_style_packs`` hook of the engine's plugins
#: (``RuleContext.house_style_packs``); None when there are no plugins.
PackSource = Optional[Callable[[], Sequence[Any]]]


def plugin_packs(source: PackSource) -> dict[str, Pack]:
    """Packs contributed by plugins through ``newslint_house_style_packs``."""
    out: dict[str, Pack] = {}
    if source is None:
        return out
    try:
        results = source()
    except Exception as exc:  # noqa: BLE001 - a broken plugin is reported, not hidden
        raise PackError(f"a plugin's newslint_house_style_packs hook failed: {exc}") from exc
    for contributed in results:
        for item in contributed or ():
            if isinstance(item, (str, Path)):
                pack = load_pack_file(str(item))
            else:
                pack = parse_pack(item, "from a plugin")
            out[pack.name] = pack
    return out


# -- the resolved house style ------------------------------------------------------------------


@dataclass
class Hit:
    start: int
    end: int
    found: str
    term: Term
    choice: Choice | None = None


@dataclass
class HouseStyle:
    """The terms in force for one configuration, with one matcher over them."""

    terms: list[Term] = field(default_factory=list)
    #: every choice of the selected packs (chosen or not), for NL101's variant groups
    choices: list[Choice] = field(default_factory=list)
    #: choice id -> the chosen form
    chosen: dict[str, str] = field(default_factory=dict)
    #: lower-case avoided form -> term
    _by_avoid: dict[str, Term] = field(default_factory=dict)
    _regex: re.Pattern[str] | None = None
    _exceptions: re.Pattern[str] | None = None
    #: lower-case first word of every avoided spelling (a quick test)
    first_words: frozenset[str] = frozenset()
    _group_index: dict[str, tuple[int, str]] | None = None

    def finish(self) -> "HouseStyle":
        forms: list[str] = []
        excepts: list[str] = []
        for term in self.terms:
            for a in term.avoid:
                key = a.lower()
                if key == term.prefer.lower():
                    continue
                self._by_avoid[key] = term  # a later term (configuration) wins
                forms.append(a)
            excepts.extend(term.exceptions)
        self.first_words = frozenset(f.split()[0].lower() for f in forms)
        if forms:
            alts = "|".join(_phrase_pattern(f) for f in sorted(set(forms), key=len, reverse=True))
            self._regex = re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])", re.IGNORECASE)
        if excepts:
            alts = "|".join(_phrase_pattern(e) for e in sorted(set(excepts), key=len, reverse=True))
            self._exceptions = re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])", re.IGNORECASE)
        return self

    @property
    def empty(self) -> bool:
        return self._regex is None

    def preferred(self) -> set[str]:
        """Lower-case preferred spellings (terms and chosen forms)."""
        return {t.prefer.lower() for t in self.terms}

    def avoided(self) -> set[str]:
        return set(self._by_avoid)

    def group_index(self, fold) -> dict[str, tuple[int, str]]:
        """Folded spelling -> (group number, kind), computed once."""
        if self._group_index is None:
            out: dict[str, tuple[int, str]] = {}
            for i, (forms, kind) in enumerate(self.variant_groups_with_kind()):
                for f in forms:
                    out[fold(f)] = (i, kind)
            self._group_index = out
        return self._group_index

    def variant_groups_with_kind(self) -> list[tuple[tuple[str, ...], str]]:
        """Spellings of one name, for NL101: each term's, each choice's (one-word
        spellings only), with the term's kind ("place", "name", "word")."""
        groups = []
        for t in self.terms:
            forms = tuple(f for f in (t.prefer,) + t.avoid if " " not in f)
            if len(forms) > 1:
                groups.append((forms, t.kind))
        for c in self.choices:
            groups.append((c.forms + c.avoid, c.kind))
        return groups

    def exception_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms' exceptions ("chicken Kiev") appear in ``text``."""
        if self._exceptions is None:
            return []
        return [(m.start(), m.end()) for m in self._exceptions.finditer(text)]

    def find(self, text: str) -> Iterator[Hit]:
        if self._regex is None:
            return
        exc_spans: list[tuple[int, int]] | None = None
        for m in self._regex.finditer(text):
            found = m.group()
            term = self._by_avoid.get(_norm_space(found).lower())
            if term is None:
                continue
            if not _case_ok(found, term):
                continue
            if term.exceptions and self._exceptions is not None:
                if exc_spans is None:
                    exc_spans = [(e.start(), e.end()) for e in self._exceptions.finditer(text)]
                if any(s <= m.start() and m.end() <= e for s, e in exc_spans):
                    continue
            yield Hit(m.start(), m.end(), found, term)


def _norm_space(s: str) -> str:
    return " ".join(s.split())


def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _case_ok(found: str, term: Term) -> bool:
    """A capitalised spelling to avoid (a name) only matches capitalised text;
    a lower-case one matches any case.  ``match-case`` demands the exact case."""
    if term.match_case:
        return any(_norm_space(found) == a for a in term.avoid)
    for a in term.avoid:
        if a.lower() == _norm_space(found).lower():
            if a[:1].isupper() and not found[:1].isupper():
                continue
            return True
    return False


def resolve(options: Mapping[str, Any], base: Path | None, packs: PackSource = None) -> HouseStyle:
    """The house style that NL102's ``options`` describe, with the packs that
    ``packs`` contributes (cached by value and source)."""
    key = _freeze(options), str(base or ""), packs
    hit = _RESOLVED.get(key)
    if hit is None:
        hit = _resolve(options, base, packs)
        if len(_RESOLVED) > 64:
            _RESOLVED.clear()
        _RESOLVED[key] = hit
    return hit


_RESOLVED: dict[Any, HouseStyle] = {}


_ATOMS = frozenset({str, int, float, bool, type(None)})


def _freeze(value: Any) -> Any:
    if type(value) in _ATOMS:
        return value  # the common case, without the slower abstract-class checks
    if isinstance(value, Mapping):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _resolve(options: Mapping[str, Any], base: Path | None, source: PackSource) -> HouseStyle:
    names: Sequence[str] = options.get("packs", ["ukraine"])
    available = dict(builtin_packs())
    packs: list[Pack] = []
    plugin: dict[str, Pack] | None = None
    for name in names:
        pack = available.get(name)
        if pack is None:
            if plugin is None:
                plugin = plugin_packs(source)
            pack = plugin.get(name)
        if pack is None:
            known = sorted(set(available) | set(plugin or {}))
            raise PackError(
                f"house-style: unknown pack {name!r} (available: {', '.join(known) or 'none'}; "
                "add your own with pack-files or a plugin)"
            )
        packs.append(pack)
    for path in options.get("pack-files", []):
        p = Path(path)
        if not p.is_absolute() and base is not None:
            p = base / p
        packs.append(load_pack_file(str(p)))

    style = options.get("style", "") or ""
    chosen_opt: Mapping[str, str] = options.get("choices", {}) or {}
    house = HouseStyle()
    all_choice_ids = set()
    style_used = False
    for pack in packs:
        house.terms.extend(pack.terms)
        for choice in pack.choices:
            all_choice_ids.add(choice.id)
            house.choices.append(choice)
            form = chosen_opt.get(choice.id)
            if form is None and style:
                form = _style_form(choice, style)
                style_used = style_used or form is not None
            if form is not None:
                if form not in choice.forms:
                    raise PackError(
                        f"house-style: choices.{choice.id} = {form!r} is not one of "
                        f"{', '.join(map(repr, choice.forms))}"
                    )
                house.chosen[choice.id] = form
                house.terms.append(
                    Term(form, tuple(f for f in choice.forms + choice.avoid if f != form),
                         choice.exceptions, choice.note, choice.match_case, choice.source, choice.kind)
                )
            elif choice.avoid:
                # spellings wrong whatever the choice: point to the forms to choose from
                house.terms.append(
                    Term(choice.forms[0], choice.avoid, choice.exceptions, choice.note,
                         choice.match_case, choice.source, choice.kind)
                )
    for cid in chosen_opt:
        if cid not in all_choice_ids:
            raise PackError(
                f"house-style: choices.{cid}: no selected pack has a choice {cid!r} "
                f"(choices: {', '.join(sorted(all_choice_ids)) or 'none'})"
            )
    if style and not style_used and not any(_style_form(c, style) for c in house.choices):
        styles = sorted(known_styles(packs))
        raise PackError(
            f"house-style: style {style!r} is not known to the selected packs "
            f"(styles: {', '.join(styles) or 'none'})"
        )
    for i, item in enumerate(options.get("terms", [])):
        house.terms.append(parse_term(item, f"house-style: terms[{i}]", "configuration"))
    return house.finish()


def _style_form(choice: Choice, style: str) -> str | None:
    for k, v in choice.styles.items():
        if k.lower() == style.lower():
            return v
    return None


def known_styles(packs: Sequence[Pack]) -> set[str]:
    return {k for p in packs for c in p.choices for k in c.styles}
