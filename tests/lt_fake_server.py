"""A PROTOCOL FAKE of a LanguageTool HTTP server, for tests only.

It is not LanguageTool and knows no grammar: it speaks the documented API
(``GET /v2/languages``; ``POST /v2/check`` with form fields ``text``,
``language``, ``disabledRules``, ``enabledRules``; JSON answers with
``matches`` whose ``offset`` and ``length`` count UTF-16 code units, as the
Java server's do) and reports matches from a small table of regular
expressions, so tests can check how newslint sends text and maps matches back.

Failure modes for tests: ``mode = "500"`` (HTTP 500), ``"badjson"`` (a 200
response that is not JSON), ``"slow"`` (answers after ``delay`` seconds),
``"404"``.  ``requests`` records every /v2/check form received.

Use as a context manager; it listens on 127.0.0.1 on a free port::

    with FakeLanguageTool() as lt:
        url = lt.url
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass(frozen=True)
class FakeRule:
    pattern: str
    rule_id: str
    category_id: str
    category_name: str
    issue_type: str
    message: str
    replacements: tuple[str, ...] = ()
    flags: int = 0


#: The fake's whole "knowledge": one rule of each LanguageTool category newslint maps.
DEFAULT_RULES = (
    FakeRule(r"\b(?:teh|recieve|goverment)\b", "MORFOLOGIK_RULE_EN_GB", "TYPOS",
             "Possible Typo", "misspelling", "Possible spelling mistake found.", ("the",)),
    # capitalised words the fake's "dictionary" lacks, like a real server's
    FakeRule(r"\b(?:Kovalenko|Kovalenco|Zelenskyy|Stoltenberg|Oleksandr|Mykola)\b",
             "MORFOLOGIK_RULE_EN_GB", "TYPOS", "Possible Typo", "misspelling",
             "Possible spelling mistake found."),
    FakeRule(r"\bministers? have been (?=said)|\bThe minister have\b", "HAVE_PART_AGREEMENT",
             "GRAMMAR", "Grammar", "grammar",
             "The verb does not agree with the subject. Did you mean <suggestion>has</suggestion>?",
             ("The minister has",)),
    FakeRule(r"\ba (?=[aeiou]\w)", "EN_A_VS_AN", "MISC", "Miscellaneous", "misspelling",
             "Use <suggestion>an</suggestion> instead of 'a' if the following word starts with a vowel sound.",
             ("an ",)),
    FakeRule(r"\bin order to\b", "IN_ORDER_TO", "STYLE", "Style", "style",
             "Consider a shorter phrase.", ("to",)),
    FakeRule(r",,", "DOUBLE_PUNCTUATION", "PUNCTUATION", "Punctuation", "typographical",
             "Two consecutive commas.", (",",)),
    FakeRule(r"[^.!?\s\"”](?=\n\n|\Z)", "PUNCTUATION_PARAGRAPH_END", "PUNCTUATION", "Punctuation",
             "typographical", "Please add a punctuation mark at the end of paragraph.", ()),
    FakeRule(r'"', "EN_QUOTES", "TYPOGRAPHY", "Typography", "typographical",
             "Use a smart quote here.", ("“",)),
)

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class FakeLanguageTool:
    """A protocol fake of LanguageTool's HTTP API on 127.0.0.1 (see module doc)."""

    def __init__(self, rules=DEFAULT_RULES, mode: str = "ok", delay: float = 0.0):
        self.rules = tuple(rules)
        self.mode = mode
        self.delay = delay
        self.requests: list[dict[str, str]] = []
        self.language_requests = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                if self.path.rstrip("/") == "/v2/languages":
                    fake.language_requests += 1
                    if fake.mode == "404":
                        self._send(404, b"Not found", "text/plain")
                        return
                    self._send(200, json.dumps(LANGUAGES).encode())
                else:
                    self._send(404, b"Not found", "text/plain")

            def do_POST(self) -> None:
                if self.path.rstrip("/") != "/v2/check":
                    self._send(404, b"Not found", "text/plain")
                    return
                length = int(self.headers.get("Content-Length", "0"))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
                fake.requests.append(form)
                if fake.mode == "slow":
                    time.sleep(fake.delay)
                if fake.mode == "500":
                    self._send(500, b"Error: internal error while checking", "text/plain")
                    return
                if fake.mode == "badjson":
                    self._send(200, b"<html>this is a proxy login page</html>", "text/html")
                    return
                if "text" not in form or "language" not in form:
                    self._send(400, b"Error: Missing 'text' or 'language' parameter", "text/plain")
                    return
                if form["language"] not in {lang["longCode"] for lang in LANGUAGES}:
                    self._send(400, f"Error: '{form['language']}' is not a language code known to LanguageTool".encode(),
                               "text/plain")
                    return
                self._send(200, json.dumps(fake.answer(form)).encode())

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def answer(self, form: dict[str, str]) -> dict[str, Any]:
        text = form["text"]
        disabled = set(filter(None, form.get("disabledRules", "").split(",")))
        matches = []
        for rule in self.rules:
            if rule.rule_id in disabled:
                continue
            for m in re.finditer(rule.pattern, text, rule.flags):
                off = utf16_len(text[: m.start()])
                matches.append(
                    {
                        "message": rule.message,
                        "shortMessage": "",
                        "replacements": [{"value": r} for r in rule.replacements],
                        "offset": off,
                        "length": utf16_len(m.group()),
                        "context": {"text": text[max(0, m.start() - 20): m.end() + 20], "offset": 0,
                                    "length": utf16_len(m.group())},
                        "sentence": "",
                        "type": {"typeName": "Other"},
                        "rule": {
                            "id": rule.rule_id,
                            "description": rule.message,
                            "issueType": rule.issue_type,
                            "category": {"id": rule.category_id, "name": rule.category_name},
                        },
                    }
                )
        matches.sort(key=lambda m: m["offset"])
        return {
            "software": {"name": "LanguageTool (protocol fake)", "version": "0", "apiVersion": 1},
            "warnings": {"incompleteResults": False},
            "language": {"name": form["language"], "code": form["language"]},
            "matches": matches,
        }

    def __enter__(self) -> "FakeLanguageTool":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
