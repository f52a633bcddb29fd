"""The service's OpenAPI 3.1 document (served at ``/openapi.json``; a copy is
committed as ``docs/openapi.json``, regenerated with ``newslint serve --print-openapi``)."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from .service import ALLOWED_KEYS

_STR_LIST = {"type": "array", "items": {"type": "string"}}
_INT = {"type": "integer"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


SCHEMAS: dict[str, Any] = {
    "CheckRequest": {
        "type": "object",
        "required": ["text"],
        "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "description": "The story to check, as it is in the CMS."},
            "format": {
                "type": "string",
                "default": "text",
                "description": "Input format: text, markdown or html (or one a plugin adds).",
                "examples": ["text", "markdown", "html"],
            },
            "config": _ref("ConfigOverrides"),
        },
    },
    "ConfigOverrides": {
        "type": "object",
        "additionalProperties": False,
        "description": (
            "Overrides of the server's configuration for this request, shaped like "
            "[tool.newslint]. Only these keys are allowed (others: 403). Rule options that "
            "name files or hold regular expressions (pack-files, ignore-patterns) cannot be "
            "set, and grammar rules (LanguageTool) cannot be turned on unless the server's "
            "configuration runs them (naming one: 403; ALL or a code prefix leaves them out)."
        ),
        "properties": {
            "select": {**_STR_LIST, "description": "Run only these rules (codes, prefixes, names, categories, ALL)."},
            "extend-select": {**_STR_LIST, "description": "Run these rules as well."},
            "ignore": {**_STR_LIST, "description": "Do not run these rules."},
            "severity": {
                "type": "object",
                "additionalProperties": {"type": "string", "enum": ["error", "warning", "info"]},
            },
            "rules": {
                "type": "object",
                "description": "Per-rule option tables, keyed by rule name or code.",
                "additionalProperties": {"type": "object"},
            },
            "people": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "pronouns": {"type": "string"},
                        "aliases": _STR_LIST,
                    },
                },
            },
        },
    },
    "Edit": {
        "type": "object",
        "required": ["line", "column", "end_line", "end_column", "replacement", "start_offset", "end_offset"],
        "properties": {
            "line": _INT,
            "column": _INT,
            "end_line": _INT,
            "end_column": _INT,
            "replacement": {"type": "string"},
            "start_offset": {**_INT, "description": "Code-point offset into the submitted text."},
            "end_offset": {**_INT, "description": "Code-point offset, exclusive."},
        },
    },
    "Fix": {
        "type": "object",
        "required": ["applicability", "description", "edits"],
        "properties": {
            "applicability": {"type": "string", "enum": ["safe", "unsafe", "display-only"]},
            "description": {"type": "string"},
            "edits": {"type": "array", "items": _ref("Edit")},
        },
    },
    "Related": {
        "type": "object",
        "required": ["path", "line", "column", "end_line", "end_column", "message"],
        "properties": {
            "path": {"type": "string"},
            "line": _INT,
            "column": _INT,
            "end_line": _INT,
            "end_column": _INT,
            "message": {"type": "string"},
        },
    },
    "Finding": {
        "type": "object",
        "description": (
            "The object newslint check --format json prints, plus start_offset and end_offset: "
            "code-point offsets into the submitted text (end exclusive). Lines and columns "
            "are 1-based and count code points."
        ),
        "required": [
            "path", "line", "column", "end_line", "end_column", "code", "name", "category",
            "severity", "message", "suggestions", "fix", "start_offset", "end_offset",
        ],
        "properties": {
            "path": {"type": "string"},
            "line": _INT,
            "column": _INT,
            "end_line": _INT,
            "end_column": _INT,
            "code": {"type": "string", "pattern": "^[A-Z]{1,4}[0-9]{3}$"},
            "name": {"type": "string"},
            "category": {"type": "string"},
            "severity": {"type": "string", "enum": ["error", "warning", "info"]},
            "message": {"type": "string"},
            "suggestions": _STR_LIST,
            "fix": {"oneOf": [_ref("Fix"), {"type": "null"}]},
            "start_offset": _INT,
            "end_offset": _INT,
            "related": {"type": "array", "items": _ref("Related")},
            "data": {"type": "object"},
        },
    },
    "CheckResponse": {
        "type": "object",
        "required": ["format", "findings", "safe_fixes", "rules_run"],
        "properties": {
            "format": {"type": "string"},
            "findings": {"type": "array", "items": _ref("Finding")},
            "safe_fixes": {
                "type": "object",
                "required": ["count", "fixed_text"],
                "description": "Every safe fix applied at once (null text when there is none).",
                "properties": {"count": _INT, "fixed_text": {"type": ["string", "null"]}},
            },
            "rules_run": {**_STR_LIST, "description": "Codes of the rules that checked this text."},
        },
    },
    "Rule": {
        "type": "object",
        "required": [
            "code", "name", "category", "severity", "default_enabled", "fix_safety", "summary",
            "docs", "options", "plugin", "enabled",
        ],
        "properties": {
            "code": {"type": "string"},
            "name": {"type": "string"},
            "category": {"type": "string"},
            "severity": {"type": "string", "enum": ["error", "warning", "info"]},
            "default_enabled": {"type": "boolean"},
            "fix_safety": {"type": "string"},
            "summary": {"type": "string"},
            "docs": {"type": "object", "additionalProperties": {"type": "string"}},
            "options": {"type": "object", "additionalProperties": {"type": "object"}},
            "plugin": {"type": "string"},
            "enabled": {"type": "boolean", "description": "Whether this server runs the rule by default."},
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "version", "rules"],
        "properties": {"status": {"const": "ok"}, "version": {"type": "string"}, "rules": _INT},
    },
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "One line saying what was wrong."}},
    },
}


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document for this version of newslint."""
    check_errors = {
        "400": _error_response("The body is not JSON, not an object, or misses \"text\""),
        "403": _error_response(f"A config override the server does not allow (allowed keys: {', '.join(ALLOWED_KEYS)})"),
        "413": _error_response("The body is larger than the server's limit"),
        "415": _error_response("The body is not sent as application/json"),
        "422": _error_response("An unknown format, or an invalid config override"),
        "503": _error_response("The check took longer than the server's time limit"),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newslint checking service",
            "version": __version__,
            "description": (
                "Check news copy from a CMS or a browser. Started with newslint serve; "
                "every error is a JSON object with one line under \"error\"."
            ),
        },
        "paths": {
            "/v1/check": {
                "post": {
                    "operationId": "check",
                    "summary": "Check a story",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("CheckRequest")}},
                    },
                    "responses": {"200": _json("The findings", _ref("CheckResponse")), **check_errors},
                }
            },
            "/v1/rules": {
                "get": {
                    "operationId": "listRules",
                    "summary": "Every rule, with its documentation and options",
                    "responses": {"200": _json("The rules, by code", {"type": "array", "items": _ref("Rule")})},
                }
            },
            "/v1/rules/{key}": {
                "get": {
                    "operationId": "explainRule",
                    "summary": "One rule, by code (NL603) or name (repeated-word)",
                    "parameters": [
                        {"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": _json("The rule", _ref("Rule")),
                        "404": _error_response("No rule has that code or name"),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Whether the service is up",
                    "responses": {"200": _json("Up, with its version", _ref("Health"))},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }


def openapi_json() -> str:
    """The document as committed: indented, keys in a stable order, a final newline."""
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n"
