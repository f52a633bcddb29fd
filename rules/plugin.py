"""Registers the built-in rules with newslint (entry point ``builtin``)."""

from __future__ import annotations

import importlib
import pkgutil

import newslint
from newslint.analysis.first_names import builtin_first_name_tables, places

# Families, each a subpackage whose modules define one rule class each and list
# it in ``RULES``.
FAMILIES = tuple(
    f"{__package__}.{family}"
    for family in ("meta", "typography", "spelling", "attribution", "duplication", "readability", "grammar",
                   "archive")
)


def _rules_in(package: str) -> list:
    try:
        pkg = importlib.import_module(package)
    except ModuleNotFoundError as exc:
        if exc.name == package:
            return []
        raise
    found = list(getattr(pkg, "RULES", ()))
    if found:
        return found
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{package}.{info.name}")
        found.extend(getattr(mod, "RULES", ()))
    return found


@newslint.hookimpl(trylast=True)
def newslint_first_names():
    """The first-name tables shipped with newslint (the international table, then
    the US one); plugins' tables override them."""
    return list(builtin_first_name_tables())


@newslint.hookimpl
def newslint_places():
    """The place names shipped with newslint (places.txt beside the people register)."""
    return sorted(places())


@newslint.hookimpl
def newslint_rules():
    out = []
    for family in FAMILIES:
        out.extend(_rules_in(family))
    return out
