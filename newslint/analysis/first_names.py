"""The first-name tables and the places list (data for the people register, kept
out of its package so that loading plugins does not import the register)."""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

#: the data files sit beside the people register that reads them
_HERE = Path(__file__).resolve().parent / "people"


def _read_table(path: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A shipped table file: (men's names, women's names, names of unclear gender)."""
    if not path.exists():  # pragma: no cover - a broken installation
        return frozenset(), frozenset(), frozenset()
    data = gzip.decompress(path.read_bytes()).decode("utf-8")
    sets: dict[str, frozenset[str]] = {}
    for line in data.splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, _, names = line.partition(":")
        sets[key.strip()] = frozenset(names.split())
    return sets.get("m", frozenset()), sets.get("f", frozenset()), sets.get("u", frozenset())


@lru_cache(maxsize=1)
def base_first_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The shipped US table (SSA counts): (men's names, women's names, names of
    unclear gender)."""
    return _read_table(_HERE / "first_names.txt.gz")


@lru_cache(maxsize=1)
def intl_first_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The shipped international table (official statistics of thirteen countries,
    ``scripts/build_intl_first_names.py``): only the names where those counts
    change the US table's answer, so it is looked up before it."""
    return _read_table(_HERE / "first_names_intl.txt.gz")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries and cities that are often the subject of "said" (places.txt beside
    this module): the list the built-in rules contribute through ``newslint_places``."""
    path = _HERE / "places.txt"
    data = path.read_text(encoding="utf-8") if path.exists() else ""
    return fold_places(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def fold_places(names: Iterable[str]) -> frozenset[str]:
    """Place names as the people register compares them (folded to lower case)."""
    return frozenset(_fold(n.strip()) for n in names if n.strip())


class FirstNameTable(Mapping[str, str]):
    """A large first-name table kept as three sets (men's, women's and unclear
    names), read on first use.  The tables shipped with newslint are two
    (:func:`builtin_first_name_tables`), contributed through the
    ``newslint_first_names`` hook like a plugin's."""

    __slots__ = ("_load", "_sets")

    def __init__(self, load: Callable[[], tuple[frozenset[str], frozenset[str], frozenset[str]]]):
        self._load = load
        self._sets: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None

    def _loaded(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        if self._sets is None:
            self._sets = self._load()
        return self._sets

    def get(self, key: str, default: Any = None) -> Any:
        m, f, u = self._loaded()
        if key in m:
            return "m"
        if key in f:
            return "f"
        if key in u:
            return "u"
        return default

    def __getitem__(self, key: str) -> str:
        g = self.get(key)
        if g is None:
            raise KeyError(key)
        return str(g)

    def __iter__(self) -> Iterator[str]:
        for names in self._loaded():
            yield from names

    def __len__(self) -> int:
        return sum(len(names) for names in self._loaded())

    def __hash__(self) -> int:
        return object.__hash__(self)

    def __eq__(self, other: object) -> bool:
        return self is other


@lru_cache(maxsize=1)
def builtin_first_name_table() -> FirstNameTable:
    """The US first-name table shipped with newslint (read on first use)."""
    return FirstNameTable(base_first_names)


@lru_cache(maxsize=1)
def builtin_intl_first_name_table() -> FirstNameTable:
    """The international first-name table shipped with newslint (read on first use)."""
    return FirstNameTable(intl_first_names)


def builtin_first_name_tables() -> tuple[FirstNameTable, FirstNameTable]:
    """The tables shipped with newslint in the order they are looked up: the
    international one (names where other countries' counts change the answer),
    then the US one."""
    return builtin_intl_first_name_table(), builtin_first_name_table()


#: First-name tables as plugins contribute them, in the order of the hook's results:
#: a :class:`FirstNameTable`, or (lower-case name, gender) pairs from a mapping.
FirstNameTables = tuple["FirstNameTable | tuple[tuple[str, str], ...]", ...]


def first_name_tables(results: Iterable[Iterable[Mapping[str, Any]] | None]) -> FirstNameTables:
    """The ``newslint_first_names`` hook's results as hashable tables."""
    out: list[FirstNameTable | tuple[tuple[str, str], ...]] = []
    for table in results or ():
        for mapping in table or ():
            if isinstance(mapping, FirstNameTable):
                out.append(mapping)
            else:
                out.append(tuple((str(name).lower(), _norm_gender(gender)) for name, gender in dict(mapping).items()))
    return tuple(out)


class FirstNames:
    """Looks up the gender of a first name: ``"m"``, ``"f"``, ``"u"`` or None.

    ``tables`` are the first-name tables in force (from the registry's plugins,
    :func:`first_name_tables`); None stands for the tables shipped with newslint
    alone.  Names from plugins' mappings override the large tables, and
    ``overrides`` (configuration) override everything."""

    def __init__(
        self,
        overrides: Mapping[str, str] | None = None,
        use_table: bool = True,
        tables: FirstNameTables | None = None,
    ):
        self.use_table = use_table
        if tables is None:
            tables = builtin_first_name_tables()
        self._tables: list[FirstNameTable] = []
        self.overrides: dict[str, str] = {}
        if use_table:
            for table in tables:
                if isinstance(table, FirstNameTable):
                    self._tables.append(table)
                else:
                    self.overrides.update(table)
        for k, v in (overrides or {}).items():
            self.overrides[_fold(k)] = _norm_gender(v)

    def gender(self, name: str) -> str | None:
        key = _fold(name)
        g = self.overrides.get(key)
        if g is not None:
            return g or None
        for table in self._tables:
            g = table.get(key)
            if g is not None:
                return g
        return None


@lru_cache(maxsize=32)
def _first_names_cached(
    overrides: tuple[tuple[str, str], ...], use_table: bool, tables: FirstNameTables | None
) -> FirstNames:
    return FirstNames(dict(overrides), use_table, tables)


def first_names_for(
    overrides: Mapping[str, str] | None = None, use_table: bool = True, tables: FirstNameTables | None = None
) -> FirstNames:
    """A shared :class:`FirstNames` for these settings and tables (one per configuration)."""
    items = tuple(sorted((str(k), str(v)) for k, v in (overrides or {}).items()))
    return _first_names_cached(items, use_table, tables)


def _norm_gender(value: Any) -> str:
    v = str(value).strip().lower()
    if v in ("m", "male", "man", "he", "he/him"):
        return "m"
    if v in ("f", "female", "woman", "she", "she/her"):
        return "f"
    if v in ("u", "?", "unknown", "either", "unisex"):
        return "u"
    return ""


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    name = name.lower()
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

