"""The first-name table and the places list."""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

_TABLE_PATH = Path(__file__).resolve().parents[3] / "rules" / "attribution" / "first_names.txt.gz"


@lru_cache(maxsize=1)
def base_first_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The shipped table: (men's names, women's names, names of unclear gender)."""
    path = _table_path()
    if path is None:
        return frozenset(), frozenset(), frozenset()
    data = gzip.decompress(path.read_bytes()).decode("utf-8")
    sets: dict[str, frozenset[str]] = {}
    for line in data.splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        key, _, names = line.partition(":")
        sets[key.strip()] = frozenset(names.split())
    return sets.get("m", frozenset()), sets.get("f", frozenset()), sets.get("u", frozenset())


def _table_path() -> Path | None:
    try:
        from importlib.resources import files

        p = files("rules.attribution").joinpath("first_names.txt.gz")
        if p.is_file():
            return Path(str(p))
    except (ModuleNotFoundError, TypeError, FileNotFoundError):  # pragma: no cover
        pass
    return _TABLE_PATH if _TABLE_PATH.exists() else None


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries and cities that are often the subject of "said" (rules/attribution/places.txt)."""
    path = _TABLE_PATH.with_name("places.txt")
    try:
        from importlib.resources import files

        data = files("rules.attribution").joinpath("places.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, TypeError):  # pragma: no cover
        data = path.read_text(encoding="utf-8") if path.exists() else ""
    return frozenset(
        line.strip().lower() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def plugin_first_names() -> tuple[tuple[str, str], ...]:
    """Names contributed by plugins through the ``newslint_first_names`` hook."""
    from ...registry import default_registry

    out: list[tuple[str, str]] = []
    try:
        results = default_registry().pm.hook.newslint_first_names()
    except Exception:  # pragma: no cover - a broken plugin must not stop linting
        return ()
    for table in results or ():
        for mapping in table or ():
            for name, gender in dict(mapping).items():
                out.append((str(name).lower(), _norm_gender(gender)))
    return tuple(out)


class FirstNames:
    """Looks up the gender of a first name: ``"m"``, ``"f"``, ``"u"`` or None."""

    def __init__(self, overrides: Mapping[str, str] | None = None, use_table: bool = True):
        self.use_table = use_table
        m, f, u = base_first_names() if use_table else (frozenset(), frozenset(), frozenset())
        self._m, self._f, self._u = m, f, u
        self.overrides: dict[str, str] = dict(plugin_first_names()) if use_table else {}
        for k, v in (overrides or {}).items():
            self.overrides[_fold(k)] = _norm_gender(v)

    def gender(self, name: str) -> str | None:
        key = _fold(name)
        g = self.overrides.get(key)
        if g is not None:
            return g or None
        if key in self._m:
            return "m"
        if key in self._f:
            return "f"
        if key in self._u:
            return "u"
        return None


@lru_cache(maxsize=32)
def _first_names_cached(overrides: tuple[tuple[str, str], ...], use_table: bool) -> FirstNames:
    return FirstNames(dict(overrides), use_table)


def first_names_for(overrides: Mapping[str, str] | None = None, use_table: bool = True) -> FirstNames:
    """A shared :class:`FirstNames` for these settings (one per configuration)."""
    items = tuple(sorted((str(k), str(v)) for k, v in (overrides or {}).items()))
    return _first_names_cached(items, use_table)


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

