"""A LanguageTool client for the grammar rules (NL501-NL504).

newslint talks to a LanguageTool HTTP server through its documented API
(``GET /v2/languages``, ``POST /v2/check``): a newsroom's own server, a
container, or a local server that language-tool-python starts and manages.
Configuration lives in ``[tool.newslint.languagetool]``::

    [tool.newslint.languagetool]
    url = "http://localhost:8081"   # or: local = true
    language = "en-GB"
    timeout = 10                    # seconds, for every request
    disabled-rules = ["EN_QUOTES"]  # LanguageTool rule ids
    enabled-rules = []
    max-text-length = 20000         # characters per request

Nothing here runs unless a grammar rule is selected: the rules import this
module inside ``check()`` and connect on first use.  One request is sent per
document (or per batch of whole blocks when the document is longer than
``max-text-length``), results are cached by text and settings for the run, and
every request has a time-out.  When the server is missing or unreachable, one
line on standard error says what to configure and the run goes on without
grammar findings.

LanguageTool counts offsets in UTF-16 code units (it is written in Java);
:func:`utf16_to_codepoints` maps them to Python string indices.

Run ``python -m newslint.languagetool download`` once to fetch the LanguageTool
release that ``local = true`` uses (newslint never downloads it while linting).
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from .stash import StashKey

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .rule import RuleContext

#: Environment variable naming a server when configuration has no ``url``.
URL_ENV = "NEWSLINT_LANGUAGETOOL_URL"

DEFAULTS: dict[str, Any] = {
    "url": "",
    "local": False,
    "language": "en-GB",
    "timeout": 10.0,
    # curly-versus-straight quotes belong to newslint's typography rules
    "disabled-rules": ["EN_QUOTES"],
    "enabled-rules": [],
    "max-text-length": 20000,
}

CONFIG_HINT = (
    'set url = "http://HOST:8081" (a LanguageTool server) or local = true under '
    "[tool.newslint.languagetool]"
)

RULE_CODES = "lt-grammar, lt-spelling, lt-style and lt-punctuation (NL501-NL504)"

# Rule ids that only make sense for running prose.
_PROSE_ONLY_RULES = frozenset({"PUNCTUATION_PARAGRAPH_END", "UPPERCASE_SENTENCE_START"})
_PROSE_KINDS = frozenset({"paragraph", "blockquote"})


class LanguageToolError(Exception):
    """A LanguageTool server problem, as one line for the user.

    ``fatal`` errors (no server, connection refused, time-out) stop grammar
    checking for the rest of the run; others skip one request.
    """

    def __init__(self, message: str, fatal: bool = True):
        super().__init__(message)
        self.fatal = fatal


@dataclass(frozen=True)
class LTSettings:
    url: str
    local: bool
    language: str
    timeout: float
    disabled_rules: tuple[str, ...]
    enabled_rules: tuple[str, ...]
    max_text_length: int

    @classmethod
    def from_config(cls, table: Mapping[str, Any] | None, environ: Mapping[str, str] | None = None) -> "LTSettings":
        env = os.environ if environ is None else environ
        v = dict(DEFAULTS)
        v.update(table or {})
        url = str(v["url"] or "") or (env.get(URL_ENV, "") if not v["local"] else "")
        return cls(
            url=url.strip(),
            local=bool(v["local"]),
            language=str(v["language"]),
            timeout=float(v["timeout"]),
            disabled_rules=tuple(str(r) for r in v["disabled-rules"]),
            enabled_rules=tuple(str(r) for r in v["enabled-rules"]),
            max_text_length=max(100, int(v["max-text-length"])),
        )


@dataclass(frozen=True)
class Match:
    """One LanguageTool match; ``start``/``end`` are code-point offsets into the
    text that was checked (or into ``Document.text`` after :func:`document_matches`)."""

    start: int
    end: int
    message: str
    rule_id: str
    category_id: str = ""
    category_name: str = ""
    issue_type: str = ""
    sub_id: str = ""
    replacements: tuple[str, ...] = ()
    short_message: str = ""

    def shifted(self, delta: int) -> "Match":
        return Match(self.start + delta, self.end + delta, self.message, self.rule_id,
                     self.category_id, self.category_name, self.issue_type, self.sub_id,
                     self.replacements, self.short_message)


# -- offsets --------------------------------------------------------------------------------


def utf16_to_codepoints(text: str) -> Callable[[int], int]:
    """A function mapping a UTF-16 code-unit offset in ``text`` to a code-point
    offset.  An offset inside a surrogate pair maps to the character's start."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        n = len(text)
        return lambda off: min(max(off, 0), n)
    # table[u] = code-point index for UTF-16 offset u
    table: list[int] = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) >= 0x10000:
            table.append(i)
    table.append(len(text))
    last = len(table) - 1
    return lambda off: table[min(max(off, 0), last)]


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for c in text if ord(c) >= 0x10000) if not text.isascii() else len(text)


# -- HTTP --------------------------------------------------------------------------------------


def _opener(url: str) -> Any:
    import urllib.parse
    import urllib.request

    host = urllib.parse.urlsplit(url).hostname or ""
    if host in ("localhost", "::1") or host.startswith("127."):
        # never send loopback traffic through a configured proxy
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


class Client:
    """Speaks LanguageTool's HTTP API (``/v2/languages``, ``/v2/check``)."""

    def __init__(self, url: str, timeout: float = 10.0):
        url = url.strip()
        if not re.match(r"^https?://", url):
            url = "http://" + url
        url = url.rstrip("/")
        if url.endswith("/v2"):
            url = url[:-3]
        self.base = url
        self.timeout = timeout
        self._open = _opener(url).open

    def _request(self, path: str, form: Mapping[str, str] | None = None) -> Any:
        import http.client
        import socket
        import urllib.error
        import urllib.parse
        import urllib.request

        url = f"{self.base}/v2/{path}"
        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        req = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
        if data is not None:
            req.add_header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        try:
            with self._open(req, timeout=self.timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            detail = ""
            try:
                detail = exc.read().decode("utf-8", "replace").strip().splitlines()[0][:200]
            except Exception:  # noqa: BLE001
                pass
            fatal = exc.code in (401, 403, 404)
            raise LanguageToolError(
                f"LanguageTool server at {self.base} answered HTTP {exc.code}"
                + (f" ({detail})" if detail else "")
                + ("; check url under [tool.newslint.languagetool]" if fatal else ""),
                fatal=fatal,
            ) from None
        except (socket.timeout, TimeoutError):
            raise LanguageToolError(
                f"LanguageTool server at {self.base} did not answer within {self.timeout:g} s; "
                "raise timeout under [tool.newslint.languagetool] or check the server"
            ) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise LanguageToolError(
                    f"LanguageTool server at {self.base} did not answer within {self.timeout:g} s; "
                    "raise timeout under [tool.newslint.languagetool] or check the server"
                ) from None
            why = getattr(reason, "strerror", None) or str(reason)
            raise LanguageToolError(
                f"cannot reach the LanguageTool server at {self.base} ({why}); start it, or "
                + CONFIG_HINT
            ) from None
        except (OSError, http.client.HTTPException) as exc:
            raise LanguageToolError(
                f"cannot reach the LanguageTool server at {self.base} ({type(exc).__name__}: {exc}); "
                "start it, or " + CONFIG_HINT
            ) from None
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise LanguageToolError(
                f"LanguageTool server at {self.base} sent a response that is not JSON "
                f"(is {self.base} a LanguageTool server?)",
                fatal=False,
            ) from None

    def languages(self) -> list[dict[str, str]]:
        data = self._request("languages")
        if not isinstance(data, list):
            raise LanguageToolError(
                f"LanguageTool server at {self.base} sent an unexpected /v2/languages response",
                fatal=False,
            )
        return [d for d in data if isinstance(d, dict)]

    def check(
        self,
        text: str,
        language: str,
        disabled_rules: Sequence[str] = (),
        enabled_rules: Sequence[str] = (),
    ) -> list[Match]:
        """Matches for ``text``, with offsets mapped to code points."""
        form = {"text": text, "language": language}
        if disabled_rules:
            form["disabledRules"] = ",".join(disabled_rules)
        if enabled_rules:
            form["enabledRules"] = ",".join(enabled_rules)
        data = self._request("check", form)
        raw = data.get("matches") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise LanguageToolError(
                f"LanguageTool server at {self.base} sent a /v2/check response without matches",
                fatal=False,
            )
        to_cp = utf16_to_codepoints(text)
        units = utf16_length(text)
        out = []
        for m in raw:
            parsed = _parse_match(m, to_cp, units)
            if parsed is not None:
                out.append(parsed)
        return out


def _parse_match(m: Any, to_cp: Callable[[int], int], units: int) -> Match | None:
    """A :class:`Match` from one JSON match, or None when it is malformed or
    lies outside the text (``units``: the text's length in UTF-16 code units)."""
    if not isinstance(m, dict):
        return None
    try:
        off = int(m["offset"])
        length = int(m["length"])
    except (KeyError, TypeError, ValueError):
        return None
    if off < 0 or length < 0 or off + length > units:
        return None
    start, end = to_cp(off), to_cp(off + length)
    rule_value = m.get("rule")
    rule: dict[str, Any] = rule_value if isinstance(rule_value, dict) else {}
    cat_value = rule.get("category")
    cat: dict[str, Any] = cat_value if isinstance(cat_value, dict) else {}
    reps = tuple(
        str(r["value"]) for r in m.get("replacements") or () if isinstance(r, dict) and "value" in r
    )
    return Match(
        start,
        end,
        str(m.get("message") or m.get("shortMessage") or rule.get("description") or "LanguageTool match"),
        str(rule.get("id") or "UNKNOWN"),
        str(cat.get("id") or ""),
        str(cat.get("name") or ""),
        str(rule.get("issueType") or ""),
        str(rule.get("subId") or ""),
        reps,
        str(m.get("shortMessage") or ""),
    )


# -- local server ---------------------------------------------------------------------------------


def _local_url(settings: LTSettings) -> tuple[str, Any]:
    """Start language-tool-python's managed server; returns (url, handle).

    Never downloads: when no LanguageTool release is installed, raises with the
    command that installs one.
    """
    import shutil

    try:
        import language_tool_python
        from language_tool_python.download_lt import LocalLanguageTool
    except ImportError:
        raise LanguageToolError(
            "local = true needs language-tool-python (pip install 'newslint[languagetool]'); "
            'or set url = "http://HOST:8081" under [tool.newslint.languagetool]'
        ) from None
    if shutil.which("java") is None:
        raise LanguageToolError(
            "local = true needs Java 17 or later on PATH to run LanguageTool; install it, or "
            'set url = "http://HOST:8081" under [tool.newslint.languagetool]'
        )
    version = None
    if not os.environ.get("LTP_JAR_DIR_PATH"):
        try:
            installed = LocalLanguageTool.get_latest_installed_version()
        except Exception:  # noqa: BLE001 - an unreadable download folder
            installed = None
        if installed is None:
            raise LanguageToolError(
                "local = true but no LanguageTool release is installed; run "
                "'python -m newslint.languagetool download' once (about 250 MB), or "
                'set url = "http://HOST:8081" under [tool.newslint.languagetool]'
            )
        version = installed.version_name
    try:
        kwargs: dict[str, Any] = {}
        if version is not None:
            kwargs["language_tool_download_version"] = version
        tool = language_tool_python.LanguageTool(settings.language, **kwargs)
    except Exception as exc:  # noqa: BLE001 - requests errors, Java errors, ServerError...
        raise LanguageToolError(
            f"could not start the local LanguageTool server ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:200] if str(exc) else 'no detail'}); "
            'set url = "http://HOST:8081" under [tool.newslint.languagetool] instead'
        ) from None
    import atexit

    atexit.register(_close_quietly, tool)
    return str(tool.url), tool


def _close_quietly(tool: Any) -> None:
    try:
        tool.close()
    except Exception:  # noqa: BLE001
        pass


# -- a run's session --------------------------------------------------------------------------------


class Session:
    """One run's connection to LanguageTool for one set of settings."""

    def __init__(self, settings: LTSettings):
        self.settings = settings
        self.client: Client | None = None
        self.failed = False
        self.cache: dict[str, list[Match]] = {}
        self._local: Any = None
        self._lock = threading.Lock()
        self.requests = 0

    def _connect(self) -> Client:
        s = self.settings
        if s.local:
            url, self._local = _local_url(s)
        elif s.url:
            url = s.url
        else:
            raise LanguageToolError(
                f"{RULE_CODES} need a LanguageTool server: " + CONFIG_HINT
                + f" (or set {URL_ENV})"
            )
        client = Client(url, s.timeout)
        langs = client.languages()
        codes = {str(d.get("longCode", "")) for d in langs} | {str(d.get("code", "")) for d in langs}
        if s.language != "auto" and s.language not in codes:
            known = ", ".join(sorted(c for c in codes if c.startswith(s.language.split("-")[0]))[:8])
            raise LanguageToolError(
                f"the LanguageTool server at {client.base} does not know language {s.language!r}"
                + (f" (it has {known})" if known else "")
                + "; set language under [tool.newslint.languagetool]"
            )
        return client

    def check(self, text: str) -> list[Match]:
        """Matches for ``text`` (cached); raises :class:`LanguageToolError`."""
        hit = self.cache.get(text)
        if hit is not None:
            return hit
        with self._lock:
            if self.failed:
                raise LanguageToolError("", fatal=True)
            try:
                if self.client is None:
                    self.client = self._connect()
                s = self.settings
                self.requests += 1
                matches = self.client.check(text, s.language, s.disabled_rules, s.enabled_rules)
            except LanguageToolError as exc:
                if exc.fatal:
                    self.failed = True
                raise
        self.cache[text] = matches
        return matches


_SHARED_KEY = "newslint.languagetool"


def session_for(ctx: "RuleContext") -> Session:
    settings = LTSettings.from_config(getattr(ctx.settings, "languagetool", None))
    sessions = ctx.shared.setdefault(_SHARED_KEY, {})
    s = sessions.get(settings)
    if s is None:
        s = sessions[settings] = Session(settings)
    return s


def warn_once(ctx: "RuleContext", message: str) -> None:
    """Print ``message`` to standard error once per run."""
    if not message:
        return
    seen = ctx.shared.setdefault(_SHARED_KEY + ".warned", set())
    if message in seen:
        return
    seen.add(message)
    print(f"newslint: warning: {message}; grammar checks skipped", file=sys.stderr)


def _chunks(doc: "Document", limit: int) -> list[tuple[int, int]]:
    """(start, end) ranges of ``doc.text`` made of whole blocks, each at most
    ``limit`` characters where possible (a longer block is cut at sentence ends)."""
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for b in doc.blocks:
        if b.end - b.start > limit:
            if cur is not None:
                out.append(cur)
                cur = None
            start = b.start
            last = b.start
            for s in doc.sentences:
                if s.block != b.index:
                    continue
                if s.end - start > limit and last > start:
                    out.append((start, last))
                    start = s.start
                last = s.end
            out.append((start, b.end))
            continue
        if cur is None:
            cur = (b.start, b.end)
        elif b.end - cur[0] <= limit:
            cur = (cur[0], b.end)
        else:
            out.append(cur)
            cur = (b.start, b.end)
    if cur is not None:
        out.append(cur)
    return out


_MATCHES: StashKey[list[Match] | None] = StashKey("languagetool.matches")


def document_matches(doc: "Document", ctx: "RuleContext") -> list[Match] | None:
    """LanguageTool's matches for ``doc`` in ``Document.text`` offsets, shared by
    the grammar rules; None when LanguageTool is not available (already reported)."""
    if _MATCHES in doc.stash:
        return doc.stash[_MATCHES]
    session = session_for(ctx)
    result: list[Match] | None = []
    if session.failed:
        result = None
    else:
        text = doc.text
        n = len(text)
        for start, end in _chunks(doc, session.settings.max_text_length):
            try:
                matches = session.check(text[start:end])
            except LanguageToolError as exc:
                warn_once(ctx, str(exc))
                if exc.fatal:
                    result = None
                    break
                continue
            for m in matches:
                m2 = m.shifted(start)
                if m2.end > n:
                    continue
                if m2.rule_id in _PROSE_ONLY_RULES:
                    block = doc.block_at(m2.start)
                    if block is not None and block.kind not in _PROSE_KINDS:
                        continue
                result.append(m2)  # type: ignore[union-attr]
    doc.stash[_MATCHES] = result
    return result


# -- which rule a match belongs to ------------------------------------------------------------

_STYLE_CATEGORIES = frozenset({
    "STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "REPETITIONS_STYLE", "WIKIPEDIA",
    "GENDER_NEUTRALITY", "CREATIVE_WRITING", "TEXT_ANALYSIS", "AMERICAN_ENGLISH_STYLE",
    "BRITISH_ENGLISH",
})
_STYLE_ISSUES = frozenset({"style", "register", "locale-violation"})


def kind_of(m: Match) -> str:
    """"spelling", "punctuation", "style" or "grammar", by LanguageTool category
    (or issue type when the category is unknown)."""
    cat = m.category_id.upper()
    if cat == "TYPOS":
        return "spelling"
    if cat in ("PUNCTUATION", "TYPOGRAPHY"):
        return "punctuation"
    if cat in _STYLE_CATEGORIES:
        return "style"
    if not cat:
        issue = m.issue_type.lower()
        if issue == "misspelling":
            return "spelling"
        if issue in ("typographical", "whitespace"):
            return "punctuation"
        if issue in _STYLE_ISSUES:
            return "style"
    return "grammar"


_SUGGESTION_TAG = re.compile(r"</?suggestion>")


def clean_message(message: str) -> str:
    """LanguageTool's message as a newslint message: quotes for its
    ``<suggestion>`` tags, no trailing full stop."""
    msg = _SUGGESTION_TAG.sub("'", message).strip()
    msg = re.sub(r"\s+", " ", msg)
    while msg.endswith("."):
        msg = msg[:-1].rstrip()
    return msg[:1].upper() + msg[1:] if msg else msg


# -- setup ---------------------------------------------------------------------------------------


def download(version: str | None = None) -> str:
    """Download a LanguageTool release for ``local = true`` (the explicit setup step)."""
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

    lt = LocalLanguageTool.from_version_name(version or LTP_DOWNLOAD_VERSION)
    lt.download()
    return str(lt.get_directory_path())


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(
        prog="python -m newslint.languagetool",
        description="Set up LanguageTool for newslint's grammar rules.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    d = sub.add_parser("download", help="download the LanguageTool release that local = true runs")
    d.add_argument("--version", help="LanguageTool version (default: language-tool-python's)")
    c = sub.add_parser("check", help="check that the configured server answers")
    c.add_argument("--url", help="server URL (default: $" + URL_ENV + ")")
    c.add_argument("--language", default="en-GB")
    args = p.parse_args(argv)
    if args.command == "download":
        try:
            path = download(args.version)
        except ImportError:
            print("newslint: error: install language-tool-python first: pip install 'newslint[languagetool]'",
                  file=sys.stderr)
            return 2
        except Exception as exc:  # noqa: BLE001
            print(f"newslint: error: download failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2
        print(f"LanguageTool installed in {path}")
        return 0
    if args.command == "check":
        url = args.url or os.environ.get(URL_ENV, "")
        if not url:
            print(f"newslint: error: give --url or set {URL_ENV}", file=sys.stderr)
            return 2
        try:
            client = Client(url)
            langs = client.languages()
            matches = client.check("This are a test.", args.language)
        except LanguageToolError as exc:
            print(f"newslint: error: {exc}", file=sys.stderr)
            return 2
        print(f"LanguageTool at {client.base}: {len(langs)} languages, "
              f"{len(matches)} match(es) in a test sentence")
        return 0
    p.print_help()
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
