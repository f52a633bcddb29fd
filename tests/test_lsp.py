"""``newslint lsp`` driven end to end by a real LSP client (pygls's) over stdio.

The server runs as a subprocess (``python -m newslint lsp``).  Most tests give it
a small plugin, installed for the subprocess only through a ``.dist-info`` on
PYTHONPATH, whose rules have known positions and every kind of fix; one test
runs the built-in rules and compares the server with the engine.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls")
from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 30

PLUGIN = '''
import re

import newslint
from newslint.diagnostics import Applicability, Fix, Related
from newslint.rule import Rule
from newslint.diagnostics import Severity


class Teh(Rule):
    """Flags 'teh'.

    Why: test rule with a safe fix.
    """
    code, name, category, summary = "XLS101", "lsp-test-teh", "spelling", "teh"
    severity = Severity.ERROR

    def check(self, doc, ctx):
        for m in re.finditer(r"\\bteh\\b", doc.text):
            yield self.report(m.start(), m.end(), "'teh' is a typo for 'the'",
                              fix=Fix.replace(m.start(), m.end(), "the"))


class Colour(Rule):
    """Flags 'colour'.

    Why: test rule with an unsafe fix.
    """
    code, name, category, summary = "XLS102", "lsp-test-colour", "house-style", "colour"

    def check(self, doc, ctx):
        for m in re.finditer(r"\\bcolour\\b", doc.text):
            yield self.report(m.start(), m.end(), "'colour': house style is 'color'",
                              fix=Fix.replace(m.start(), m.end(), "color", Applicability.UNSAFE))


class Said(Rule):
    """Flags 'she said' after a quote, pointing at the first 'Jones'.

    Why: test rule with a display-only fix and a related location.
    """
    code, name, category, summary = "XLS103", "lsp-test-said", "attribution", "said"
    severity = Severity.INFO

    def check(self, doc, ctx):
        first = doc.text.find("Jones")
        for m in re.finditer(r"\\bshe said\\b", doc.text):
            related = [Related(first, first + 5, "Jones is named here")] if first >= 0 else []
            yield self.report(m.start(), m.start() + 3, "'she' for Jones, named as a man",
                              fix=Fix.replace(m.start(), m.start() + 3, "he", Applicability.DISPLAY_ONLY),
                              related=related)


class Format(Rule):
    """Reports the input format of a document that says 'which format'.

    Why: lets the tests see which parser the server chose.
    """
    code, name, category, summary = "XLS104", "lsp-test-format", "meta", "format"
    category = "structure"

    def check(self, doc, ctx):
        i = doc.text.find("which format")
        if i >= 0:
            yield self.report(i, i + 12, f"format is {doc.format}")


@newslint.hookimpl
def newslint_rules():
    return [Teh, Colour, Said, Format]
'''


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def lsp_pos(text: str, offset: int) -> tuple[int, int]:
    """0-based line and UTF-16 character of a code-point offset (test's own version)."""
    before = text[:offset]
    line = before.count("\n")
    return line, utf16(before[before.rfind("\n") + 1:])


def apply_edits(text: str, edits) -> str:
    """Apply LSP TextEdits (UTF-16 positions) to ``text``, as an editor would."""
    lines = text.split("\n")

    def offset(pos):
        base = sum(len(l) + 1 for l in lines[: pos.line])
        line = lines[pos.line] if pos.line < len(lines) else ""
        units = 0
        for i, ch in enumerate(line):
            if units >= pos.character:
                return base + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return base + len(line)

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for s, e, new in spans:
        text = text[:s] + new + text[e:]
    return text


@pytest.fixture
def workspace(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "nl_lsp_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / "nl_lsp_test_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: nl-lsp-test-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[newslint]\nlsptest = nl_lsp_test_plugin\n")
    work = tmp_path / "newsroom"
    work.mkdir()
    (work / "newslint.toml").write_text('select = ["XLS"]\n', encoding="utf-8")
    return work, site


class Session:
    """A pygls LanguageClient talking to ``python -m newslint lsp`` over stdio."""

    def __init__(self, cwd: Path, pythonpath: Path | None, encodings=None, args=()):
        self.cwd = cwd
        self.args = tuple(args)
        self.pythonpath = pythonpath
        self.encodings = encodings
        self.client = LanguageClient("newslint-tests", "1")
        self.queue: asyncio.Queue = asyncio.Queue()
        self.messages: list[types.ShowMessageParams] = []
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _diagnostics(params: types.PublishDiagnosticsParams):
            self.queue.put_nowait(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def _message(params: types.ShowMessageParams):
            self.messages.append(params)

    async def __aenter__(self):
        env = dict(os.environ)
        if self.pythonpath is not None:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(self.pythonpath), env.get("PYTHONPATH")]))
        await self.client.start_io(sys.executable, "-m", "newslint", "lsp", *self.args, cwd=str(self.cwd), env=env)
        general = None
        if self.encodings is not None:
            general = types.GeneralClientCapabilities(position_encodings=self.encodings)
        self.init = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    process_id=os.getpid(),
                    root_uri=self.cwd.as_uri(),
                    capabilities=types.ClientCapabilities(
                        general=general,
                        text_document=types.TextDocumentClientCapabilities(
                            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                                related_information=True, version_support=True, data_support=True,
                            ),
                            code_action=types.CodeActionClientCapabilities(data_support=True),
                        ),
                    ),
                )
            ),
            TIMEOUT,
        )
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc):
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
        finally:
            await self.client.stop()

    async def diagnostics(self, uri: str) -> types.PublishDiagnosticsParams:
        """The next diagnostics published for ``uri``."""
        while True:
            params = await asyncio.wait_for(self.queue.get(), TIMEOUT)
            if params.uri == uri:
                return params

    async def open(self, uri: str, text: str, language_id: str = "markdown"):
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language_id, 1, text))
        )
        return await self.diagnostics(uri)

    async def change(self, uri: str, changes):
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(self.versions[uri], uri), changes
            )
        )
        return await self.diagnostics(uri)

    async def save(self, uri: str):
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
        return await self.diagnostics(uri)

    async def code_actions(self, uri: str, rng: types.Range, diagnostics=(), only=None):
        return await asyncio.wait_for(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    types.TextDocumentIdentifier(uri), rng,
                    types.CodeActionContext(diagnostics=list(diagnostics), only=only),
                )
            ),
            TIMEOUT,
        )


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))


STORY = (
    "# Parade 🎉 day\n"
    "\n"
    "🎉🎉 teh parade passed teh 👍 town hall.\n"
    "\n"
    "Mayor Jones liked the colour. \"Lovely,\" she said.\n"
)


def by_code(diags):
    out: dict[str, list[types.Diagnostic]] = {}
    for d in diags:
        out.setdefault(d.code, []).append(d)
    return out


def expected_range(text: str, needle: str, nth: int = 0, length: int | None = None) -> tuple:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    start = lsp_pos(text, i)
    end = lsp_pos(text, i + (len(needle) if length is None else length))
    return start, end


def rng_tuple(r: types.Range) -> tuple:
    return (r.start.line, r.start.character), (r.end.line, r.end.character)


def test_diagnostics_on_open_with_utf16_positions(workspace):
    work, site = workspace
    uri = (work / "story.md").as_uri()

    async def go():
        async with Session(work, site) as s:
            enc = s.init.capabilities.position_encoding
            assert enc in (None, types.PositionEncodingKind.Utf16, "utf-16")
            return await s.open(uri, STORY)

    pub = run(go())
    assert pub.version == 1
    found = by_code(pub.diagnostics)
    assert sorted(found) == ["XLS101", "XLS102", "XLS103"]

    teh = found["XLS101"]
    assert [rng_tuple(d.range) for d in teh] == [expected_range(STORY, "teh", 0), expected_range(STORY, "teh", 1)]
    # two emoji (two UTF-16 code units each) and a space come before the first 'teh'
    assert rng_tuple(teh[0].range) == ((2, 5), (2, 8))
    # the second 'teh' is preceded on its line by the same two emoji: 2 more UTF-16 units
    assert teh[1].range.start.character == STORY.split("\n")[2].index("teh", 5) + 2
    for d in teh:
        assert d.severity == types.DiagnosticSeverity.Error
        assert d.source == "newslint"
        assert d.message == "'teh' is a typo for 'the' [lsp-test-teh]"
        assert d.data["fix"]["applicability"] == "safe"
        assert d.data["fix"]["edits"][0]["newText"] == "the"

    (colour,) = found["XLS102"]
    assert colour.severity == types.DiagnosticSeverity.Warning
    assert rng_tuple(colour.range) == expected_range(STORY, "colour")

    (said,) = found["XLS103"]
    assert said.severity == types.DiagnosticSeverity.Information
    assert rng_tuple(said.range) == expected_range(STORY, "she said", length=3)
    (rel,) = said.related_information
    assert rel.location.uri == uri
    assert rng_tuple(rel.location.range) == expected_range(STORY, "Jones")
    assert rel.message == "Jones is named here"


def test_change_and_save_republish(workspace):
    work, site = workspace
    path = work / "story.md"
    path.write_text(STORY, encoding="utf-8")
    uri = path.as_uri()

    async def go():
        async with Session(work, site) as s:
            first = await s.open(uri, STORY)
            # an incremental edit: the first 'teh' (after two emoji) becomes 'the'
            (start, end) = expected_range(STORY, "teh", 0)
            changed = await s.change(uri, [types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(*start), types.Position(*end)), text="the")])
            # a whole-document edit adds an emoji before the remaining 'teh'
            text2 = STORY.replace("teh", "the", 1).replace("passed", "passed 🎺")
            full = await s.change(uri, [types.TextDocumentContentChangeWholeDocument(text=text2)])
            # save re-checks, with the configuration as it is on disk now
            (work / "newslint.toml").write_text('select = ["XLS101"]\n', encoding="utf-8")
            saved = await s.save(uri)
            return first, changed, full, saved, text2

    first, changed, full, saved, text2 = run(go())
    assert len(by_code(first.diagnostics)["XLS101"]) == 2
    assert changed.version == 2
    teh = by_code(changed.diagnostics)["XLS101"]
    assert [rng_tuple(d.range) for d in teh] == [expected_range(STORY, "teh", 1)]
    assert full.version == 3
    (teh,) = by_code(full.diagnostics)["XLS101"]
    assert rng_tuple(teh.range) == expected_range(text2, "teh")
    assert teh.range.start.character == expected_range(STORY, "teh", 1)[0][1] + utf16(" 🎺")
    assert sorted(by_code(saved.diagnostics)) == ["XLS101"]


def test_code_actions_apply_fixes(workspace):
    work, site = workspace
    uri = (work / "story.md").as_uri()

    async def go():
        async with Session(work, site) as s:
            pub = await s.open(uri, STORY)
            found = by_code(pub.diagnostics)
            out = {}
            for code in ("XLS101", "XLS102", "XLS103"):
                d = found[code][0]
                out[code] = await s.code_actions(uri, d.range, [d])
            # a cursor (empty range) inside the second 'teh' offers its fix too
            second = found["XLS101"][1].range
            cursor = types.Range(second.end, second.end)
            out["cursor"] = await s.code_actions(uri, cursor)
            out["fixall"] = await s.code_actions(uri, types.Range(types.Position(0, 0), types.Position(0, 0)),
                                                 only=[types.CodeActionKind.SourceFixAll])
            out["quickfix-only"] = await s.code_actions(uri, types.Range(types.Position(0, 0), types.Position(6, 0)),
                                                        only=[types.CodeActionKind.QuickFix])
            return out

    out = run(go())

    def quick(actions):
        return [a for a in actions if a.kind == types.CodeActionKind.QuickFix]

    # without 'only', the fix-all action is offered beside the finding's own fix
    assert [a.kind for a in out["XLS101"] if a.kind != types.CodeActionKind.QuickFix] == [
        "source.fixAll.newslint"
    ]
    (teh,) = quick(out["XLS101"])
    assert teh.kind == types.CodeActionKind.QuickFix
    assert teh.is_preferred is True
    assert "Replace 'teh' with 'the'" in teh.title
    assert [d.code for d in teh.diagnostics] == ["XLS101"]
    fixed = apply_edits(STORY, teh.edit.changes[uri])
    assert fixed == STORY.replace("teh", "the", 1)

    (colour,) = quick(out["XLS102"])
    assert not colour.is_preferred and "unsafe" in colour.title
    assert apply_edits(STORY, colour.edit.changes[uri]) == STORY.replace("colour", "color")

    (said,) = quick(out["XLS103"])
    assert not said.is_preferred and "check" in said.title
    assert apply_edits(STORY, said.edit.changes[uri]) == STORY.replace("she said", "he said")

    (cursor,) = quick(out["cursor"])
    second = STORY.index("teh", STORY.index("teh") + 1)
    assert apply_edits(STORY, cursor.edit.changes[uri]) == STORY[:second] + "the" + STORY[second + 3:]

    # fix all: every safe fix, nothing else (the unsafe and display-only ones stay)
    (fixall,) = out["fixall"]
    assert fixall.kind == "source.fixAll.newslint"
    assert apply_edits(STORY, fixall.edit.changes[uri]) == STORY.replace("teh", "the")

    kinds = {a.kind for a in out["quickfix-only"]}
    assert kinds == {types.CodeActionKind.QuickFix}
    assert len(out["quickfix-only"]) == 4


def test_format_from_extension_then_language_id(workspace):
    work, site = workspace
    doc = "which format is this\n"

    async def go():
        async with Session(work, site) as s:
            out = {}
            for key, uri, lang in (
                ("html-ext", (work / "a.html").as_uri(), "plaintext"),
                ("txt-ext", (work / "b.txt").as_uri(), "markdown"),
                ("untitled-md", "untitled:Untitled-1", "markdown"),
                ("untitled-html", "untitled:Untitled-2", "html"),
                ("untitled-plain", "untitled:Untitled-3", "plaintext"),
            ):
                pub = await s.open(uri, doc, lang)
                out[key] = [d.message for d in pub.diagnostics if d.code == "XLS104"]
            return out

    out = run(go())
    assert out == {
        "html-ext": ["format is html [lsp-test-format]"],
        "txt-ext": ["format is text [lsp-test-format]"],
        "untitled-md": ["format is markdown [lsp-test-format]"],
        "untitled-html": ["format is html [lsp-test-format]"],
        "untitled-plain": ["format is text [lsp-test-format]"],
    }


def test_utf32_when_the_client_asks_for_it(workspace):
    work, site = workspace
    uri = (work / "story.md").as_uri()

    async def go():
        # (started with --stdio, as VS Code's generic client does)
        async with Session(work, site, encodings=[types.PositionEncodingKind.Utf32], args=["--stdio"]) as s:
            assert s.init.capabilities.position_encoding == types.PositionEncodingKind.Utf32
            return await s.open(uri, STORY)

    pub = run(go())
    teh = by_code(pub.diagnostics)["XLS101"][0]
    assert rng_tuple(teh.range) == ((2, 3), (2, 6))  # code points: two emoji and a space


def test_configuration_error_is_shown(workspace):
    work, site = workspace
    (work / "newslint.toml").write_text('select = ["no-such-rule"]\n', encoding="utf-8")
    uri = (work / "story.md").as_uri()

    async def go():
        async with Session(work, site) as s:
            pub = await s.open(uri, STORY)
            return pub, list(s.messages)

    pub, messages = run(go())
    assert list(pub.diagnostics) == []
    assert any("no-such-rule" in m.message and m.type == types.MessageType.Error for m in messages)


def test_builtin_rules_match_the_engine(tmp_path):
    """With the built-in rules, the server reports what the engine finds, in UTF-16."""
    from newslint.api import check_text

    text = (
        "# A headline 🎉\n\n"
        "First 🎉 paragraph. <!-- newslint: disable no-such-rule -->\n\n"
        "Second   paragraph , with teh  spacing.\n"
    )
    path = tmp_path / "story.md"
    uri = path.as_uri()

    async def go():
        async with Session(tmp_path, None) as s:
            return await s.open(uri, text)

    pub = run(go())
    findings = check_text(text, "markdown", path=str(path))
    assert findings, "the built-in meta rules flag the unknown rule in the suppression comment"
    expected = sorted((f.code, lsp_pos(text, f.source_start), lsp_pos(text, f.source_end)) for f in findings)
    got = sorted((d.code, *rng_tuple(d.range)) for d in pub.diagnostics)
    assert got == expected
    assert all(d.source == "newslint" for d in pub.diagnostics)


def test_position_map_line_endings():
    from newslint.diagnostics import Position
    from newslint.lsp import PositionMap

    src = "a🎉b\r\nc\rd\ne"
    pm = PositionMap(src)
    assert pm.position(src.index("b")) == (0, 3)
    assert pm.position(src.index("c")) == (1, 0)
    assert pm.position(src.index("d")) == (2, 0)  # a lone CR ends a line for LSP
    assert pm.position(src.index("e")) == (3, 0)
    assert PositionMap(src, "utf-8").position(src.index("b")) == (0, 5)
    assert PositionMap(src, "utf-32").position(src.index("b")) == (0, 2)
    # newslint's own 1-based positions end lines at LF, CRLF and a lone CR too
    assert pm.offset_of(Position(3, 1)) == src.index("d")
    assert pm.offset_of(Position(4, 1)) == src.index("e")


def test_lsp_without_pygls_explains_the_extra(tmp_path):
    fake = tmp_path / "pygls"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('pygls hidden for this test', name='pygls')\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "newslint", "lsp"], env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 2
    assert "pip install 'newslint[lsp]'" in proc.stderr


def test_cli_does_not_import_pygls_until_lsp_runs():
    code = textwrap.dedent("""
        import sys
        import newslint.cli
        newslint.cli.build_parser()
        print("pygls" in sys.modules, "lsprotocol" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]
