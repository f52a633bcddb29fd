"""``newslint lsp``: a Language Server over standard input and output.

Editors that speak the Language Server Protocol (Neovim, VS Code, Emacs eglot,
Helix, Sublime LSP, Kate...) start ``newslint lsp`` and get:

* diagnostics published when a story is opened, changed and saved, with the
  rule code (``NL101``), the rule name in the message, the severity and
  related locations; positions are converted from newslint's code points to the
  encoding the client asked for (UTF-16 code units unless it offered another);
* code actions: a quick fix for every finding that carries a fix (safe fixes
  are marked preferred; unsafe and display-only ones say so in their title) and
  ``source.fixAll.newslint``, which applies every safe fix, as ``newslint check
  --fix`` would.

The input format comes from the file name's extension, or from the document's
``languageId`` (``markdown``, ``html``, ``plaintext``) for unsaved buffers.
Configuration is discovered from the story's directory exactly as on the
command line, and re-read when a configuration file changes.

pygls is imported only when the server starts (``pip install 'newslint[lsp]'``).
"""

from __future__ import annotations

import bisect
import logging
import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence
from urllib.parse import unquote

from .lsp_io import FramedReader, protocol_class

if TYPE_CHECKING:  # pragma: no cover
    from .diagnostics import Finding, Position, SourceEdit

log = logging.getLogger("newslint.lsp")

#: languageId -> newslint input format, for documents without a known extension.
LANGUAGE_IDS = {
    "markdown": "markdown",
    "html": "html",
    "plaintext": "text",
    "text": "text",
}

FIX_ALL_KIND = "source.fixAll.newslint"

CONFIG_FILES = ("pyproject.toml", "newslint.toml", ".newslint.toml")


# -- positions -------------------------------------------------------------------------


def _units(text: str, encoding: str) -> int:
    """Length of ``text`` in the client's position encoding."""
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    # utf-16: characters outside the Basic Multilingual Plane take two code units
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    """Converts between source offsets (code points) and LSP positions.

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, for LSP and for newslint's own
    1-based positions alike.
    """

    def __init__(self, source: str, encoding: str = "utf-16"):
        self.source = source
        self.encoding = encoding
        starts = [0]
        i, n = 0, len(source)
        while i < n:
            ch = source[i]
            if ch == "\r":
                if i + 1 < n and source[i + 1] == "\n":
                    i += 1
                starts.append(i + 1)
            elif ch == "\n":
                starts.append(i + 1)
            i += 1
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of a source offset."""
        offset = max(0, min(offset, len(self.source)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        if self.encoding == "utf-32":
            return line, offset - start
        return line, _units(self.source[start:offset], self.encoding)

    def offset_of(self, pos: "Position") -> int:
        """Source offset of a newslint 1-based position (lines end at LF, CRLF or a
        lone CR, as in :class:`newslint.document.Document`; columns in code points)."""
        line = max(1, min(pos.line, len(self._starts)))
        return min(len(self.source), self._starts[line - 1] + pos.column - 1)

    def end(self) -> tuple[int, int]:
        return self.position(len(self.source))


# -- linting ---------------------------------------------------------------------------


@dataclass
class Linted:
    """The last lint of one document version."""

    version: int | None
    source: str
    findings: list["Finding"]
    positions: PositionMap
    diagnostics: list[Any] = field(default_factory=list)


def format_for(registry, path: str | None, language_id: str | None) -> str:
    """The input format: the file's extension first, then the languageId, else text."""
    if path:
        fmt = registry.format_for(path)
        if fmt is not None:
            return fmt.name
    if language_id and language_id.lower() in LANGUAGE_IDS:
        name = LANGUAGE_IDS[language_id.lower()]
        if name in registry.formats:
            return name
    if language_id and language_id.lower() in registry.formats:
        return language_id.lower()
    return "text"


def _edit_title(source: str, e: "SourceEdit") -> str:
    old = source[e.start : e.end]
    if not old:
        return f"Insert '{e.replacement}'"
    if not e.replacement:
        return f"Delete '{old}'"
    return f"Replace '{old}' with '{e.replacement}'"


def _fix_title(f: "Finding", source: str) -> str:
    from .diagnostics import Applicability

    assert f.fix is not None
    if f.fix.description:
        title = f.fix.description
    elif len(f.fix.edits) == 1:
        title = _edit_title(source, f.fix.edits[0])
    else:
        title = f"Apply {len(f.fix.edits)} edits"
    title = f"{f.name}: {title}"
    if f.fix.applicability == Applicability.UNSAFE:
        title += " (unsafe: check the result)"
    elif f.fix.applicability == Applicability.DISPLAY_ONLY:
        title += " (suggestion: check before applying)"
    return title


def build_server():  # noqa: C901 - one closure per LSP feature reads best here
    """The pygls server with newslint's features registered (not yet started)."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path, uri_scheme

    from . import __version__
    from .config import DEFAULT_MAX_FILE_SIZE, ConfigError, Overrides, SettingsResolver
    from .diagnostics import Applicability, Severity
    from .engine import InputError, Linter, LintOptions, read_file
    from .registry import PluginError, default_registry

    server = LanguageServer("newslint", __version__, protocol_cls=protocol_class())
    state: dict[str, Any] = {"resolver": None, "registry": None, "shown": set()}
    cache: dict[str, Linted] = {}

    severity_map = {
        Severity.ERROR: types.DiagnosticSeverity.Error,
        Severity.WARNING: types.DiagnosticSeverity.Warning,
        Severity.INFO: types.DiagnosticSeverity.Information,
    }

    def show_once(message: str, kind=types.MessageType.Error) -> None:
        if message in state["shown"]:
            return
        state["shown"].add(message)
        server.window_show_message(types.ShowMessageParams(type=kind, message=f"newslint: {message}"))

    def registry():
        if state["registry"] is None:
            state["registry"] = default_registry()
        return state["registry"]

    def resolver():
        if state["resolver"] is None:
            state["resolver"] = SettingsResolver(registry(), Overrides())
        return state["resolver"]

    def encoding() -> str:
        enc = server.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16")

    def path_of(uri: str) -> str | None:
        if uri_scheme(uri) == "file":
            return to_fs_path(uri)
        return None

    def lsp_range(pm: PositionMap, start: int, end: int):
        sl, sc = pm.position(start)
        el, ec = pm.position(end)
        return types.Range(types.Position(sl, sc), types.Position(el, ec))

    def text_edits(pm: PositionMap, f: "Finding"):
        assert f.fix is not None
        return [types.TextEdit(lsp_range(pm, e.start, e.end), e.replacement) for e in f.fix.edits]

    def to_diagnostic(uri: str, pm: PositionMap, f: "Finding"):
        rng = lsp_range(pm, f.source_start, f.source_end)
        related = []
        for r in f.related:
            rs, re_ = pm.offset_of(r.start), pm.offset_of(r.end)
            related.append(
                types.DiagnosticRelatedInformation(
                    types.Location(uri if r.path == f.path else _uri_for(r.path), lsp_range(pm, rs, re_)),
                    r.message,
                )
            )
        data: dict[str, Any] = {"name": f.name, "category": f.category}
        if f.suggestions:
            data["suggestions"] = list(f.suggestions)
        if f.fix is not None:
            data["fix"] = {
                "applicability": str(f.fix.applicability),
                "title": _fix_title(f, pm.source),
                "edits": [
                    {
                        "range": {
                            "start": {"line": t.range.start.line, "character": t.range.start.character},
                            "end": {"line": t.range.end.line, "character": t.range.end.character},
                        },
                        "newText": t.new_text,
                    }
                    for t in text_edits(pm, f)
                ],
            }
        return types.Diagnostic(
            range=rng,
            message=f"{f.message} [{f.name}]",
            severity=severity_map.get(f.severity, types.DiagnosticSeverity.Warning),
            code=f.code,
            source="newslint",
            related_information=related or None,
            data=data,
        )

    def _uri_for(path: str) -> str:
        from pygls.uris import from_fs_path

        return from_fs_path(os.path.abspath(path)) or path

    def document(uri: str) -> tuple[str, int | None, str | None] | None:
        """(source, version, languageId) of an open document; an unopened one is
        read from disk only when it is a regular file under the size limit."""
        opened = server.workspace.text_documents.get(unquote(uri))
        if opened is not None:
            return opened.source, opened.version, opened.language_id
        path = path_of(uri)
        if path is None:
            log.warning("newslint lsp: %s is not open and not a file; not checked", uri)
            return None
        try:
            source, _ = read_file(path, DEFAULT_MAX_FILE_SIZE)
        except InputError as exc:
            log.warning("newslint lsp: %s is not open and cannot be read: %s", uri, exc)
            return None
        return source, None, None

    def lint(uri: str, fix: bool = False) -> Linted | None:
        opened = document(uri)
        if opened is None:
            return None
        source, version, language_id = opened
        path = path_of(uri)
        try:
            reg = registry()
            res = resolver()
            settings = res.for_path(path or os.path.join(os.getcwd(), "untitled"))
        except (ConfigError, PluginError) as exc:
            show_once(str(exc))
            state["resolver"] = None
            return None
        fmt = format_for(reg, path, language_id)
        linter = Linter(reg, res, LintOptions(fix=fix))
        result = linter.lint_source(source, path or uri, settings, fmt)
        if fix:
            return Linted(version, result.fixed_source or source, result.findings, PositionMap(source, encoding()))
        pm = PositionMap(source, encoding())
        linted = Linted(version, source, result.findings, pm)
        linted.diagnostics = [to_diagnostic(uri, pm, f) for f in result.findings]
        return linted

    def publish(uri: str) -> None:
        try:
            linted = lint(uri)
        except Exception as exc:  # noqa: BLE001 - the server must keep running
            log.exception("linting %s failed", uri)
            show_once(f"checking {uri} failed: {type(exc).__name__}: {exc}")
            return
        if linted is None:
            diagnostics: list = []
            cache.pop(uri, None)
        else:
            cache[uri] = linted
            diagnostics = linted.diagnostics
        version = linted.version if linted is not None else None
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def current(uri: str) -> Linted | None:
        opened = server.workspace.text_documents.get(unquote(uri))
        linted = cache.get(uri)
        if linted is None or opened is None or linted.version != opened.version or linted.source != opened.source:
            linted = lint(uri)
            if linted is not None:
                cache[uri] = linted
        return linted

    def config_changed() -> None:
        state["resolver"] = None
        state["shown"].clear()
        for uri in list(server.workspace.text_documents):
            publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: types.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls, params: types.DidSaveTextDocumentParams) -> None:
        path = path_of(params.text_document.uri)
        if path and os.path.basename(path) in CONFIG_FILES:
            config_changed()
            return
        # configuration may have changed on disk since the last check
        state["resolver"] = None
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        cache.pop(uri, None)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls, params: types.DidChangeWatchedFilesParams) -> None:
        if any(os.path.basename(path_of(c.uri) or "") in CONFIG_FILES for c in params.changes):
            config_changed()

    def wants(only: Sequence[str] | None, kind: str) -> bool:
        if not only:
            return True
        return any(kind == k or kind.startswith(k + ".") for k in only)

    def overlaps(a, b) -> bool:
        """Do two LSP ranges touch (a zero-width request range at a finding counts)?"""
        def key(p):
            return (p.line, p.character)
        return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    def code_action(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        linted = current(uri)
        if linted is None:
            return []
        only = params.context.only
        actions = []
        if wants(only, types.CodeActionKind.QuickFix):
            for f, diag in zip(linted.findings, linted.diagnostics):
                if f.fix is None or not overlaps(diag.range, params.range):
                    continue
                actions.append(
                    types.CodeAction(
                        title=_fix_title(f, linted.source),
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=f.fix.applicability == Applicability.SAFE,
                        edit=types.WorkspaceEdit(changes={uri: text_edits(linted.positions, f)}),
                    )
                )
        if wants(only, FIX_ALL_KIND) and any(
            f.fix is not None and f.fix.applicability == Applicability.SAFE for f in linted.findings
        ):
            fixed = lint(uri, fix=True)
            if fixed is not None and fixed.source != linted.source:
                edit = _minimal_edit(linted.positions, linted.source, fixed.source)
                actions.append(
                    types.CodeAction(
                        title="newslint: fix all safe problems",
                        kind=FIX_ALL_KIND,
                        edit=types.WorkspaceEdit(changes={uri: [edit]}),
                    )
                )
        return actions

    def _minimal_edit(pm: PositionMap, old: str, new: str):
        """One TextEdit turning ``old`` into ``new``, trimmed to what changed."""
        p = 0
        limit = min(len(old), len(new))
        while p < limit and old[p] == new[p]:
            p += 1
        s = 0
        while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
            s += 1
        return types.TextEdit(lsp_range(pm, p, len(old) - s), new[p : len(new) - s])

    return server


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server over stdio until the client exits; 2 when pygls is missing."""
    try:
        server = build_server()
    except ImportError as exc:
        print(
            f"newslint: error: the language server needs pygls ({exc.name or exc} is missing); "
            "install it with: pip install 'newslint[lsp]'",
            file=sys.stderr,
        )
        return 2
    if os.environ.get("NEWSLINT_LSP_LOG"):
        logging.basicConfig(filename=os.environ["NEWSLINT_LSP_LOG"], level=logging.DEBUG)
    server.start_io(stdin=FramedReader(sys.stdin.buffer))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
