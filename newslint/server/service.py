"""The checking service without the web framework: request validation, the
configuration a request may override, and the check itself.

One :class:`CheckService` is built per process: the registry, the server's
settings and the instantiated rules (with the tables they load) are made once
and reused by every request.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import (
    ConfigError,
    Overrides,
    Settings,
    SettingsResolver,
    settings_from_table,
)
from ..diagnostics import Finding
from ..engine import Linter, LintOptions, apply_fixes, fixable
from ..output.rules import rule_to_dict
from ..registry import Registry
from ..rule import Rule

#: configuration keys a request may set in ``"config"``.
ALLOWED_KEYS = ("select", "extend-select", "ignore", "severity", "rules", "people")

#: rule options a request may not set: they name files on the server or hold
#: regular expressions the server would run.
DENIED_OPTIONS = frozenset({"pack-files", "ignore-patterns"})

#: rule categories a request cannot turn on unless the server's own
#: configuration runs them (grammar rules call a LanguageTool server).
RESTRICTED_CATEGORIES = ("grammar",)

REQUEST_KEYS = ("text", "format", "config")

#: a short story with a quotation, checked once at start so the first request
#: does not pay for loading tables.
WARM_UP = (
    "The harbour reopened on Monday after repairs.\n\n"
    '"We are ready," said Anna Kowal, the port director. She said the the work took a year.\n'
)


class RequestError(Exception):
    """A request the service refuses: an HTTP status and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class ServiceOptions:
    """What the operator chose when starting the service."""

    config_file: str | None = None
    #: largest request body accepted, in bytes (larger: 413).
    max_body_size: int = 1_000_000
    #: seconds a check may take before the request is answered with 503.
    time_limit: float = 10.0
    #: origins allowed to call the API from a browser (none: CORS off).
    cors_origins: tuple[str, ...] = ()


@dataclass
class CheckResult:
    findings: list[Finding]
    fixed_text: str | None = None
    fixes_applied: int = 0
    format: str = "text"
    rules: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "findings": [f.to_dict(offsets=True) for f in self.findings],
            "safe_fixes": {"count": self.fixes_applied, "fixed_text": self.fixed_text},
            "rules_run": self.rules,
        }


def _canonical(config: Mapping[str, Any]) -> str:
    return json.dumps(config, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class CheckService:
    """Checks stories for the HTTP service; built once per process."""

    #: settings built for distinct request overrides, kept for reuse.
    CACHE_SIZE = 64

    def __init__(self, registry: Registry, options: ServiceOptions | None = None):
        self.registry = registry
        self.options = options = options or ServiceOptions()
        if options.config_file is not None:
            resolver = SettingsResolver(registry, Overrides(config_file=options.config_file))
            self.settings = resolver.for_path(options.config_file)
            self.config_dir = Path(options.config_file).resolve().parent
        else:
            self.settings = Settings(root=Path.cwd())
            self.config_dir = Path.cwd()
        self.path = "<request>"
        self.server_rules = {r.code for r in self.settings.enabled_rules(registry, self.path)}
        self._linters: OrderedDict[str, Linter] = OrderedDict()
        self._lock = threading.Lock()
        self._base = Linter(registry, SettingsResolver(registry), LintOptions())
        # load the rules, their tables and the parsers now, not on the first request
        for fmt in self.registry.formats:
            self._base.lint_source(WARM_UP, self.path, self.settings, fmt)

    # -- rules -------------------------------------------------------------------

    def rules(self) -> list[dict[str, Any]]:
        return [self.describe(r) for r in self.registry.all_rules()]

    def describe(self, rule: type[Rule]) -> dict[str, Any]:
        d = rule_to_dict(rule)
        d["enabled"] = rule.code in self.server_rules
        return d

    def rule(self, key: str) -> dict[str, Any]:
        rule = self.registry.lookup(key)
        if rule is None:
            raise RequestError(404, f"unknown rule {key!r}; GET /v1/rules lists every rule by code and name")
        return self.describe(rule)

    # -- requests ----------------------------------------------------------------

    def parse_request(self, body: bytes) -> tuple[str, str, dict[str, Any]]:
        """``(text, format, config)`` from a request body, or a :class:`RequestError`."""
        try:
            data = json.loads(body.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise RequestError(400, "the request body is not UTF-8") from None
        except ValueError as exc:
            raise RequestError(400, f"the request body is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise RequestError(400, 'the request body must be a JSON object such as {"text": "..."}')
        for key in data:
            if key not in REQUEST_KEYS:
                raise RequestError(400, f"unknown key {key!r} in the request (keys: {', '.join(REQUEST_KEYS)})")
        text = data.get("text")
        if not isinstance(text, str):
            raise RequestError(400, '"text" is required and must be a string')
        fmt = data.get("format", "text")
        if not isinstance(fmt, str) or fmt not in self.registry.formats:
            known = ", ".join(sorted(self.registry.formats))
            raise RequestError(422, f"unknown format {fmt!r} (formats: {known})")
        config = data.get("config", {})
        if config is None:
            config = {}
        if not isinstance(config, dict):
            raise RequestError(400, '"config" must be a JSON object of configuration keys')
        return text, fmt, config

    def settings_for(self, config: Mapping[str, Any]) -> Settings:
        """The server's settings with a request's overrides, checked against what it allows."""
        if not config:
            return self.settings
        for key in config:
            if key not in ALLOWED_KEYS:
                raise RequestError(
                    403,
                    f"config key {key!r} cannot be set by a request "
                    f"(allowed: {', '.join(ALLOWED_KEYS)}); set it in the server's configuration",
                )
        rules = config.get("rules", {})
        if isinstance(rules, dict):
            for rule_key, opts in rules.items():
                if isinstance(opts, dict):
                    for opt in opts:
                        if opt in DENIED_OPTIONS:
                            raise RequestError(
                                403,
                                f"rules.{rule_key}.{opt} cannot be set by a request; "
                                "set it in the server's configuration",
                            )
        try:
            req = settings_from_table(config, self.registry, None, self.config_dir)
        except ConfigError as exc:
            raise RequestError(422, f"invalid config: {exc}") from None
        base = self.settings
        options = {code: dict(opts) for code, opts in base.rule_options.items()}
        for code, opts in req.rule_options.items():
            options[code] = {**options.get(code, {}), **opts}
        changes: dict[str, Any] = {
            "rule_options": options,
            "severity": {**base.severity, **req.severity},
            "ignore": base.ignore + req.ignore,
            "people": base.people + req.people,
        }
        if req.select is not None:
            changes["select"] = req.select
            changes["extend_select"] = req.extend_select
        else:
            changes["extend_select"] = base.extend_select + req.extend_select
        merged = replace(base, **changes)
        named = [sel.strip().lower() for sel in (req.select or ()) + req.extend_select]
        left_out: list[str] = []
        for rule in merged.enabled_rules(self.registry, self.path):
            if rule.category not in RESTRICTED_CATEGORIES or rule.code in self.server_rules:
                continue
            if rule.code.lower() in named or rule.name in named or rule.category in named:
                raise RequestError(
                    403,
                    f"rule {rule.code} ({rule.name}) cannot be turned on by a request: "
                    "it calls a LanguageTool server; select it in the server's configuration",
                )
            left_out.append(rule.code)  # reached by ALL or a code prefix: quietly not run
        if left_out:
            merged = replace(merged, ignore=merged.ignore + tuple(left_out))
        return merged

    def _linter_for(self, config: Mapping[str, Any]) -> tuple[Linter, Settings]:
        if not config:
            return self._base, self.settings
        key = _canonical(config)
        with self._lock:
            linter = self._linters.get(key)
            if linter is not None:
                self._linters.move_to_end(key)
                return linter, linter.resolver.for_path(self.path)
        settings = self.settings_for(config)
        linter = Linter(self.registry, _FixedResolver(self.registry, settings), LintOptions())
        with self._lock:
            self._linters[key] = linter
            while len(self._linters) > self.CACHE_SIZE:
                self._linters.popitem(last=False)
        return linter, settings

    def reset_after_fork(self) -> None:
        """In a forked child: a lock another thread of the parent held is held
        for ever in the child, so it gets a new one."""
        self._lock = threading.Lock()

    def prepare(self, body: bytes) -> tuple[str, str, Linter, Settings]:
        """Everything a check needs, validated (cheap: run before the time limit starts)."""
        text, fmt, config = self.parse_request(body)
        linter, settings = self._linter_for(config)
        return text, fmt, linter, settings

    def check(self, text: str, fmt: str, linter: Linter, settings: Settings) -> CheckResult:
        result = linter.lint_source(text, self.path, settings, fmt)
        findings = result.findings
        fixed, n = apply_fixes(text, findings) if any(fixable(f) for f in findings) else (text, 0)
        rules = [r.code for r in settings.enabled_rules(self.registry, self.path)]
        return CheckResult(findings, fixed if n else None, n, fmt, rules)


class _FixedResolver(SettingsResolver):
    """A resolver that always answers with one settings object."""

    def __init__(self, registry: Registry, settings: Settings):
        super().__init__(registry)
        self._fixed = settings
