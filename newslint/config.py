"""Configuration: discovery, validation and rule selection.

Configuration lives in ``[tool.newslint]`` of ``pyproject.toml``, or at the top
level of ``newslint.toml`` / ``.newslint.toml``.  For each file checked, the
nearest configuration file found by walking up from the file's directory
applies (in one directory ``.newslint.toml`` wins over ``newslint.toml``, which
wins over ``pyproject.toml``); ``--config FILE`` makes one file apply to all.
``extend = "../newslint.toml"`` starts from another file's settings (relative to
the file that says it; chains are followed, cycles are an error).

Every key is validated: an unknown key, rule, selector or option is a
:class:`ConfigError` (exit status 2), never silently ignored.
"""

from __future__ import annotations

import difflib
import inspect
import math
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from .budget import DEFAULT_TIME_BUDGET
from .diagnostics import Severity
from .globs import GlobError, check_glob, glob_match, name_match
from .registry import Registry
from .rule import Rule
from .safefs import TooLargeError, read_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    """A problem with configuration or command-line selection (exit status 2)."""


CONFIG_FILES = (".newslint.toml", "newslint.toml", "pyproject.toml")

DEFAULT_MAX_FILE_SIZE = 10_000_000  # bytes: 10 MB
MAX_CONFIG_SIZE = 10_000_000  # a configuration file is read only when it is a regular file this small

#: top-level keys and what they hold (for validation and docs).
TOP_LEVEL_KEYS = {
    "extend": "another configuration file to start from (relative to this one)",
    "select": "rules to run (codes, code prefixes, names, categories or ALL)",
    "extend-select": "rules to run in addition to the default selection",
    "ignore": "rules not to run",
    "per-file-ignores": "table of glob -> rules not to run for matching files",
    "severity": "table of selector -> severity (error, warning, info)",
    "rules": "per-rule option tables, keyed by rule name or code",
    "include": "globs of files to check when walking directories",
    "exclude": "globs of files and directories to skip",
    "extend-exclude": "globs to skip in addition to exclude",
    "people": "the newsroom's people list: [{name, pronouns, aliases}]",
    "languagetool": "LanguageTool settings for grammar rules (url, local, language, timeout)",
    "fail-on": "lowest severity that makes the run fail (error, warning, info)",
    "max-file-size": "files larger than this many bytes are not checked",
    "time-budget": "seconds a file's rules may take before the one running is stopped (0: no limit)",
}

DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".tox",
    ".nox",
    "build",
    "dist",
    "_build",
    "site-packages",
)

LANGUAGETOOL_KEYS: dict[str, type | tuple[type, ...]] = {
    "url": str,
    "local": bool,
    "language": str,
    "timeout": (int, float),
    "disabled-rules": list,
    "enabled-rules": list,
    "max-text-length": int,
    "required": bool,
}

PEOPLE_KEYS = {"name": str, "pronouns": str, "aliases": list, "gender": str}


@dataclass(frozen=True)
class Overrides:
    """Command-line selection, which beats configuration files."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_file: str | None = None
    isolated: bool = False
    fail_on: str | None = None
    #: ``--require-grammar``: an unreachable LanguageTool is an error.
    require_grammar: bool = False
    time_budget: float | None = None


@dataclass
class Settings:
    """Resolved settings from one configuration file (or the defaults)."""

    path: Path | None = None  # the configuration file
    root: Path = field(default_factory=Path.cwd)  # directory globs are relative to
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # by code
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    people: tuple[Mapping[str, Any], ...] = ()
    languagetool: dict[str, Any] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    #: seconds a file's rules may take (None: no limit); see newslint.budget
    time_budget: float | None = DEFAULT_TIME_BUDGET
    #: the registry these settings were resolved against (None: built by hand)
    registry: Registry | None = field(default=None, repr=False, compare=False)

    # -- selection -----------------------------------------------------------

    def enabled_rules(self, registry: Registry, path: str | None = None) -> list[type[Rule]]:
        """The rules that run on ``path`` (longest, most specific selector wins)."""
        key = (registry, self._per_file_ignores_for(path))
        cache = self.__dict__.setdefault("_enabled_cache", {})
        hit = cache.get(key)
        if hit is not None:
            return hit
        extra_ignores = key[1]
        out = []
        for rule in registry.all_rules():
            best_on = 0 if (self.select is None and rule.default_enabled) else -1
            for sel in (self.select or ()) + self.extend_select:
                if _matches(registry, sel, rule):
                    best_on = max(best_on, registry.selector_specificity(sel))
            best_off = -1
            for sel in self.ignore + extra_ignores:
                if _matches(registry, sel, rule):
                    best_off = max(best_off, registry.selector_specificity(sel))
            if best_on >= 0 and best_on > best_off:
                out.append(rule)
        cache[key] = out
        return out

    def _per_file_ignores_for(self, path: str | None) -> tuple[str, ...]:
        if not path or not self.per_file_ignores:
            return ()
        rel = self.relative(path)
        out: list[str] = []
        for pattern, sels in self.per_file_ignores.items():
            if glob_match(rel, pattern):
                out.extend(sels)
        return tuple(out)

    def severity_for(self, registry: Registry, rule: type[Rule]) -> Severity:
        best, best_spec = rule.severity, -1
        for sel, sev in self.severity.items():
            if _matches(registry, sel, rule):
                spec = registry.selector_specificity(sel)
                if spec > best_spec:
                    best, best_spec = sev, spec
        return best

    def options_for(self, rule: type[Rule]) -> dict[str, Any]:
        return self.rule_options.get(rule.code, {})

    def relative(self, path: str) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def is_excluded(self, path: str) -> bool:
        rel = self.relative(path)
        parts = rel.split("/")
        for pattern in self.exclude:
            if glob_match(rel, pattern) or any(name_match(p, pattern) for p in parts):
                return True
        return False

    def is_included(self, path: str, registry: Registry) -> bool:
        if self.include:
            rel = self.relative(path)
            return any(glob_match(rel, p) or name_match(os.path.basename(path), p) for p in self.include)
        return registry.format_for(path) is not None


def _matches(registry: Registry, selector: str, rule: type[Rule]) -> bool:
    sel = selector.strip()
    if sel.upper() == "ALL":
        return True
    low = sel.lower()
    if low == rule.name or sel.upper() == rule.code:
        return True
    if low == rule.category:
        return True
    return rule.code.startswith(sel.upper()) and registry.lookup(sel) is None and sel[:1].isalpha()


# -- loading -------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_regular(str(path), MAX_CONFIG_SIZE).decode("utf-8"))
    except TooLargeError:
        raise ConfigError(f"{path}: larger than {MAX_CONFIG_SIZE // 1_000_000} MB; not a configuration file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{path}: not valid UTF-8: byte 0x{exc.object[exc.start]:02x} on line {line} (TOML files are UTF-8)"
        ) from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None


#: rule options holding file paths, relative to the configuration file that sets them
_PATH_OPTIONS = ("pack-files",)


def _merge_tables(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``: a key's value replaces the base's, except that
    tables are merged key by key."""
    out = dict(base)
    for key, value in over.items():
        old = out.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            out[key] = _merge_tables(old, value)
        else:
            out[key] = value
    return out


def _anchor_paths(table: dict[str, Any], directory: Path) -> dict[str, Any]:
    """Make the path options of an extended file absolute, so they stay relative
    to the file that set them."""
    rules = table.get("rules")
    if not isinstance(rules, dict):
        return table
    anchored = {}
    for name, opts in rules.items():
        if isinstance(opts, dict):
            opts = dict(opts)
            for key in _PATH_OPTIONS:
                paths = opts.get(key)
                if isinstance(paths, list):
                    opts[key] = [
                        str(directory / p) if isinstance(p, str) and not os.path.isabs(p) else p
                        for p in paths
                    ]
        anchored[name] = opts
    return {**table, "rules": anchored}


def newslint_table(path: Path, data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The newslint settings in a parsed configuration file (None: a pyproject.toml
    without ``[tool.newslint]``)."""
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "newslint" not in tool:
            return None
        table = tool["newslint"]
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.newslint] must be a table")
    return dict(table)


def resolve_extends(path: Path, table: dict[str, Any], chain: tuple[Path, ...] = ()) -> tuple[dict[str, Any], list[Path]]:
    """``table`` with the files it extends (``extend = "..."``) merged under it, and
    the extended files (for cache checks)."""
    if "extend" not in table:
        return table, []
    here = path.resolve()
    chain = chain or (here,)
    target = table["extend"]
    if not isinstance(target, str) or not target.strip():
        raise ConfigError(f"{path}: extend must be the path of another configuration file")
    parent = (here.parent / os.path.expanduser(target)).resolve()
    if parent in chain:
        loop = " -> ".join(str(p) for p in (*chain, parent))
        raise ConfigError(f"{path}: extend makes a cycle: {loop}")
    if not parent.exists():
        raise ConfigError(f"{path}: extend = {target!r}: {parent} does not exist")
    if not parent.is_file():
        raise ConfigError(f"{path}: extend = {target!r}: {parent} is not a configuration file")
    parent_table = newslint_table(parent, _read_toml(parent))
    if parent_table is None:
        raise ConfigError(f"{path}: extend = {target!r}: {parent} has no [tool.newslint] table")
    parent_table, deps = resolve_extends(parent, parent_table, (*chain, parent))
    merged = _merge_tables(_anchor_paths(parent_table, parent.parent), table)
    merged.pop("extend", None)
    return merged, [parent, *deps]


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def find_config_file(directory: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration at or above ``directory`` and its newslint table."""
    d = directory.resolve()
    while True:
        found = _config_in(d)
        if found is not None:
            return found
        if d.parent == d:
            return None
        d = d.parent


_CONFIG_CACHE: dict[tuple, tuple[tuple[Path, dict[str, Any]] | None, list[tuple[Path, Any]]]] = {}


def _config_in(d: Path) -> tuple[Path, dict[str, Any]] | None:
    """The configuration in directory ``d`` (cached until a file there changes)."""
    stamps: list[tuple[int, int] | None] = []
    for name in CONFIG_FILES:
        try:
            st = os.stat(d / name)
            stamps.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append(None)
    key = (d, tuple(stamps))
    hit = _CONFIG_CACHE.get(key)
    if hit is None or any(_stamp(p) != stamp for p, stamp in hit[1]):
        found = _load_config_in(d, stamps)
        deps: list[tuple[Path, Any]] = []
        if found is not None:
            table, extended = resolve_extends(found[0], found[1])
            found = (found[0], table)
            deps = [(p, _stamp(p)) for p in extended]
        hit = _CONFIG_CACHE[key] = (found, deps)
    return hit[0]


def _load_config_in(d: Path, stamps: list) -> tuple[Path, dict[str, Any]] | None:
    for name, stamp in zip(CONFIG_FILES, stamps):
        p = d / name
        if stamp is None or not p.is_file():
            continue
        table = newslint_table(p, _read_toml(p))
        if table is None:
            continue
        return p, table
    return None


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def _check_globs(globs: Sequence[str], where: str) -> None:
    for g in globs:
        try:
            check_glob(g)
        except GlobError as exc:
            raise ConfigError(f"{where}: {exc}") from None


def check_selectors(registry: Registry, selectors: Sequence[str], where: str) -> None:
    for sel in selectors:
        try:
            registry.resolve_selector(sel)
        except KeyError:
            names = [r.name for r in registry.all_rules()] + [r.code for r in registry.all_rules()]
            raise ConfigError(
                f"{where}: unknown rule or selector {sel!r}{_did_you_mean(sel, names)}"
            ) from None


def _validate_options(rule: type[Rule], options: Mapping[str, Any], root: Path, registry: Registry) -> None:
    """``rule.validate_options``, given the registry when the method takes it
    (a plugin's method may take only the options and the base directory)."""
    if "registry" in inspect.signature(rule.validate_options).parameters:
        validate: Callable[..., None] = rule.validate_options
        validate(options, root, registry=registry)
    else:
        rule.validate_options(options, root)


def settings_from_table(
    table: Mapping[str, Any], registry: Registry, path: Path | None, root: Path
) -> Settings:
    where = str(path) if path else "configuration"
    if "extend" in table:  # callers that read a file resolve it first; this is the rest
        if path is None:
            raise ConfigError(f"{where}: extend is read only from a configuration file")
        table, _ = resolve_extends(path, dict(table))
    s = Settings(path=path, root=root, registry=registry)
    for key in table:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(
                f"{where}: unknown key {key!r}{_did_you_mean(key, list(TOP_LEVEL_KEYS))}"
            )
    if "select" in table:
        s.select = _str_list(table["select"], f"{where}: select")
        check_selectors(registry, s.select, f"{where}: select")
    if "extend-select" in table:
        s.extend_select = _str_list(table["extend-select"], f"{where}: extend-select")
        check_selectors(registry, s.extend_select, f"{where}: extend-select")
    if "ignore" in table:
        s.ignore = _str_list(table["ignore"], f"{where}: ignore")
        check_selectors(registry, s.ignore, f"{where}: ignore")
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [rules]")
    for glob, sels in pfi.items():
        _check_globs([glob], f"{where}: per-file-ignores")
        sels = _str_list(sels, f"{where}: per-file-ignores.{glob!r}")
        check_selectors(registry, sels, f"{where}: per-file-ignores.{glob!r}")
        s.per_file_ignores[glob] = sels
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(f"{where}: severity must be a table of rule = level")
    for sel, level in sev.items():
        check_selectors(registry, [sel], f"{where}: severity")
        if not isinstance(level, str):
            raise ConfigError(f"{where}: severity.{sel} must be a string")
        try:
            s.severity[sel] = Severity.parse(level)
        except ValueError as exc:
            raise ConfigError(f"{where}: severity.{sel}: {exc}") from None
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{where}: rules must be a table of per-rule option tables")
    for key, opts in rules.items():
        rule = registry.lookup(key)
        if rule is None:
            names = [r.name for r in registry.all_rules()]
            raise ConfigError(f"{where}: rules.{key}: unknown rule{_did_you_mean(key, names)}")
        if not isinstance(opts, dict):
            raise ConfigError(f"{where}: rules.{key} must be a table of options")
        resolved = dict(s.rule_options.get(rule.code, {}))
        for opt, value in opts.items():
            spec = rule.options.get(opt)
            if spec is None:
                known = ", ".join(rule.options) or "none"
                raise ConfigError(
                    f"{where}: rules.{key}: unknown option {opt!r}"
                    f"{_did_you_mean(opt, list(rule.options))} (options: {known})"
                )
            try:
                resolved[opt] = spec.validate(value, f"rules.{key}.{opt}")
            except ValueError as exc:
                raise ConfigError(f"{where}: {exc}") from None
        try:
            _validate_options(rule, {**{k: o.default for k, o in rule.options.items()}, **resolved}, root, registry)
        except ValueError as exc:
            raise ConfigError(f"{where}: rules.{key}: {exc}") from None
        s.rule_options[rule.code] = resolved
    for key in ("include", "exclude", "extend-exclude"):
        if key in table:
            globs = _str_list(table[key], f"{where}: {key}")
            _check_globs(globs, f"{where}: {key}")
            if key == "include":
                s.include = globs
            elif key == "exclude":
                s.exclude = globs
            else:
                s.exclude = s.exclude + globs
    if "people" in table:
        people = table["people"]
        if not isinstance(people, list) or not all(isinstance(p, dict) for p in people):
            raise ConfigError(f"{where}: people must be an array of tables ([[tool.newslint.people]])")
        for i, person in enumerate(people):
            for k, v in person.items():
                if k not in PEOPLE_KEYS:
                    raise ConfigError(f"{where}: people[{i}]: unknown key {k!r} (keys: name, pronouns, aliases)")
                if not isinstance(v, PEOPLE_KEYS[k]):
                    raise ConfigError(f"{where}: people[{i}].{k} has the wrong type")
            if "name" not in person:
                raise ConfigError(f"{where}: people[{i}] needs a name")
            if not person["name"].strip():
                raise ConfigError(f"{where}: people[{i}].name must not be empty")
            for j, alias in enumerate(person.get("aliases", [])):
                if not isinstance(alias, str) or not alias.strip():
                    raise ConfigError(f"{where}: people[{i}].aliases[{j}] must be a non-empty string")
            pron = person.get("pronouns", "")
            if pron and pron.split("/")[0].strip().lower() not in ("he", "she", "they"):
                raise ConfigError(
                    f"{where}: people[{i}].pronouns must start with he, she or they (e.g. 'she/her')"
                )
        s.people = tuple(people)
    if "languagetool" in table:
        lt = table["languagetool"]
        if not isinstance(lt, dict):
            raise ConfigError(f"{where}: languagetool must be a table")
        for k, v in lt.items():
            if k not in LANGUAGETOOL_KEYS:
                raise ConfigError(
                    f"{where}: languagetool: unknown key {k!r}{_did_you_mean(k, list(LANGUAGETOOL_KEYS))}"
                )
            if not isinstance(v, LANGUAGETOOL_KEYS[k]) or isinstance(v, bool) and LANGUAGETOOL_KEYS[k] is not bool:
                raise ConfigError(f"{where}: languagetool.{k} has the wrong type")
            if isinstance(v, list) and not all(isinstance(x, str) for x in v):
                raise ConfigError(f"{where}: languagetool.{k} must be a list of strings")
            if isinstance(v, float) and not math.isfinite(v):
                raise ConfigError(f"{where}: languagetool.{k} must be a finite number, not {v!r}")
        s.languagetool = dict(lt)
    if "fail-on" in table:
        try:
            s.fail_on = Severity.parse(str(table["fail-on"]))
        except ValueError as exc:
            raise ConfigError(f"{where}: fail-on: {exc}") from None
    if "max-file-size" in table:
        v = table["max-file-size"]
        if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
            raise ConfigError(f"{where}: max-file-size must be a positive number of bytes")
        s.max_file_size = v
    if "time-budget" in table:
        v = table["time-budget"]
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v) or v < 0:
            raise ConfigError(f"{where}: time-budget must be a number of seconds (0 for no limit)")
        s.time_budget = float(v) or None
    return s


class SettingsResolver:
    """Finds and caches the settings that apply to each file."""

    def __init__(self, registry: Registry, overrides: Overrides = Overrides()):
        self.registry = registry
        self.overrides = overrides
        self._by_config: dict[Path | None, Settings] = {}
        self._fixed: Settings | None = None
        if overrides.config_file:
            p = Path(overrides.config_file)
            if not p.exists():
                raise ConfigError(f"configuration file {overrides.config_file!r} does not exist")
            data = _read_toml(p)
            if p.name == "pyproject.toml":
                tool = data.get("tool", {})
                if not isinstance(tool, dict):
                    raise ConfigError(f"{p}: 'tool' must be a table ([tool.newslint])")
                table = tool.get("newslint", {})
                if not isinstance(table, dict):
                    raise ConfigError(f"{p}: [tool.newslint] must be a table")
            else:
                table = data
            table, _ = resolve_extends(p, dict(table))
            self._fixed = self._apply(settings_from_table(table, registry, p, p.resolve().parent))
        elif overrides.isolated:
            self._fixed = self._apply(Settings(root=Path.cwd(), registry=registry))
        # validate command-line selectors once
        for name, sels in (
            ("--select", overrides.select or ()),
            ("--extend-select", overrides.extend_select),
            ("--ignore", overrides.ignore),
        ):
            check_selectors(registry, sels, name)

    def _apply(self, s: Settings) -> Settings:
        o = self.overrides
        changes: dict[str, Any] = {}
        if o.select is not None:
            # --select runs only these rules: it replaces the file's select and extend-select
            changes["select"] = o.select
            changes["extend_select"] = o.extend_select
        elif o.extend_select:
            changes["extend_select"] = s.extend_select + o.extend_select
        if o.ignore:
            changes["ignore"] = s.ignore + o.ignore
        if o.fail_on:
            changes["fail_on"] = Severity.parse(o.fail_on)
        if o.require_grammar:
            changes["languagetool"] = {**s.languagetool, "required": True}
        if o.time_budget is not None:
            changes["time_budget"] = o.time_budget or None
        return replace(s, **changes) if changes else s

    def for_path(self, path: str) -> Settings:
        if self._fixed is not None:
            return self._fixed
        directory = Path(path).parent if path not in ("-", "") else Path.cwd()
        found = find_config_file(directory if str(directory) else Path("."))
        key = found[0] if found else None
        s = self._by_config.get(key)
        if s is None:
            if found is None:
                s = self._apply(Settings(root=Path.cwd(), registry=self.registry))
            else:
                cfg, table = found
                s = self._apply(settings_from_table(table, self.registry, cfg, cfg.parent))
            self._by_config[key] = s
        return s
