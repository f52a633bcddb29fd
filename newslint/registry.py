"""Collects rules, input formats and output formats from plugins.

Plugins load from the ``newslint`` entry-point group; built-in rules are one such
plugin (``newslint_rules.plugin``, the rules/ folder).  The registry is built once per process and is cheap:
rule modules must not do expensive work at import time.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Any, Iterable, Mapping, Sequence

import pluggy

from . import hookspecs
from .analysis.first_names import (
    FirstNameTables,
    builtin_first_name_tables,
    first_name_tables,
    fold_places,
    places,
)
from .formats import InputFormat
from .output import OutputFormat
from .rule import CATEGORIES, Rule

hookimpl = pluggy.HookimplMarker("newslint")


class PluginError(Exception):
    """A plugin is broken (bad metadata, a code or name collision, an import error)."""


class Registry:
    def __init__(self, pm: pluggy.PluginManager):
        self.pm = pm
        self.rules: dict[str, type[Rule]] = {}  # by code
        self.by_name: dict[str, type[Rule]] = {}
        self.formats: dict[str, InputFormat] = {}
        self.extensions: dict[str, InputFormat] = {}
        self.outputs: dict[str, OutputFormat] = {}
        self._collect()

    def _collect(self) -> None:
        hook = self.pm.hook
        for impl_rules in hook.newslint_rules():
            for rule in impl_rules or ():
                self._add_rule(rule)
        for fmts in hook.newslint_input_formats():
            for fmt in fmts or ():
                if fmt.name in self.formats:
                    raise PluginError(f"input format {fmt.name!r} is registered twice")
                self.formats[fmt.name] = fmt
                for ext in fmt.extensions:
                    ext = ext.lower()
                    if ext in self.extensions:
                        raise PluginError(
                            f"extension {ext!r} is claimed by both "
                            f"{self.extensions[ext].name!r} and {fmt.name!r}"
                        )
                    self.extensions[ext] = fmt
        for outs in hook.newslint_output_formats():
            for out in outs or ():
                if out.name in self.outputs:
                    raise PluginError(f"output format {out.name!r} is registered twice")
                self.outputs[out.name] = out

    def _add_rule(self, rule: type[Rule]) -> None:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise PluginError(f"{rule!r} is not a newslint.Rule subclass")
        problems = rule.validate_metadata()
        if problems:
            raise PluginError(f"rule {rule.__module__}.{rule.__qualname__}: " + "; ".join(problems))
        for key, table, what in ((rule.code, self.rules, "code"), (rule.name, self.by_name, "name")):
            other = table.get(key)
            if other is not None and other is not rule:
                raise PluginError(
                    f"rule {what} {key!r} is used by both {other.__module__}.{other.__qualname__} "
                    f"and {rule.__module__}.{rule.__qualname__}"
                )
        # a rule may be named after its own category (NL102 house-style); any
        # other category name would make a selector ambiguous
        if rule.name in CATEGORIES and rule.name != rule.category:
            raise PluginError(f"rule name {rule.name!r} collides with a category")
        self.rules[rule.code] = rule
        self.by_name[rule.name] = rule

    # -- data contributed by plugins -----------------------------------------

    @cached_property
    def first_name_tables(self) -> FirstNameTables:
        """The tables plugins contribute through ``newslint_first_names`` (the
        built-in rules contribute the table shipped with newslint)."""
        try:
            return first_name_tables(self.pm.hook.newslint_first_names())
        except Exception:  # pragma: no cover - a broken plugin must not stop linting
            return builtin_first_name_tables()

    @cached_property
    def places(self) -> frozenset[str]:
        """The place names plugins contribute through ``newslint_places`` (the
        built-in rules contribute the list shipped with newslint), folded."""
        try:
            return fold_places(name for names in self.pm.hook.newslint_places() for name in names)
        except Exception:  # pragma: no cover - a broken plugin must not stop linting
            return places()

    def house_style_packs(self) -> Sequence[Any]:
        """What plugins contribute through ``newslint_house_style_packs`` (a broken
        plugin's exception propagates)."""
        return list(self.pm.hook.newslint_house_style_packs())

    # -- lookup ------------------------------------------------------------

    def all_rules(self) -> list[type[Rule]]:
        return sorted(self.rules.values(), key=lambda r: r.code)

    def lookup(self, key: str) -> type[Rule] | None:
        """A rule by code (any case) or name."""
        return self.rules.get(key.upper()) or self.by_name.get(key.lower())

    def resolve_selector(self, selector: str) -> list[type[Rule]]:
        """Rules matched by a code, code prefix, name, category or ``ALL``.

        Raises ``KeyError`` when nothing matches.
        """
        sel = selector.strip()
        if sel.upper() == "ALL":
            return self.all_rules()
        rule = self.lookup(sel)
        if rule is not None:
            return [rule]
        if sel.lower() in CATEGORIES:
            matched = [r for r in self.all_rules() if r.category == sel.lower()]
            if matched:
                return matched
            return []
        up = sel.upper()
        matched = [r for r in self.all_rules() if r.code.startswith(up)]
        if matched and up[:1].isalpha():
            return matched
        raise KeyError(selector)

    def selector_specificity(self, selector: str) -> int:
        """Longer, more specific selectors win (flake8's longest-prefix rule)."""
        sel = selector.strip()
        if sel.upper() == "ALL":
            return 0
        if sel.lower() in CATEGORIES:
            return 1
        if self.lookup(sel) is not None:
            return 100
        return 1 + len(sel)

    def format_for(self, path: str) -> InputFormat | None:
        dot = path.rfind(".")
        if dot == -1 or "/" in path[dot:]:
            return None
        return self.extensions.get(path[dot:].lower())


def make_plugin_manager(extra_plugins: Iterable[object] = ()) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    from . import builtin_plugin

    pm.register(builtin_plugin, name="newslint.core")
    try:
        pm.load_setuptools_entrypoints("newslint")
    except Exception as exc:  # a broken third-party plugin
        raise PluginError(f"could not load a plugin from the 'newslint' entry-point group: {exc}") from exc
    for plugin in extra_plugins:
        pm.register(plugin)
    return pm


@lru_cache(maxsize=None)
def default_registry() -> Registry:
    return Registry(make_plugin_manager())


def registry_with(plugins: Sequence[object]) -> Registry:
    """A registry with extra plugin objects registered (tests, embedding)."""
    return Registry(make_plugin_manager(plugins))


def rule_table(registry: Registry) -> Mapping[str, type[Rule]]:
    return registry.rules
