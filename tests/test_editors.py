"""The default text output parsed with the patterns editors use.

``newslint check`` prints ``path:line:col: CODE [name] message``.  This runs the
real CLI on a few stories and reads every line back with

* Vim's ``errorformat`` (``%f:%l:%c: %m`` and ``%f:%l:%v: %m``), translated the
  way Vim does it: ``%f`` followed by a literal becomes ``.\\{-1,}`` (shortest
  match, so a path may hold spaces), ``%l``/``%c``/``%v`` ``\\d\\+``, ``%m``
  ``.\\+``, anchored at both ends;
* Emacs compilation mode's ``gnu`` entry of ``compilation-error-regexp-alist-alist``
  (file, line, optional column, then a colon), transcribed to Python ``re``;
* the VS Code problem matcher README gives for ``tasks.json``.

Each must recover the file, line, column and message of every finding, checked
against the JSON output of the same run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata

import pytest

# Vim: errorformat -> regular expression (quickfix.c's translation, in Python syntax)
_VIM_SPECS = {"l": r"(\d+)", "c": r"(\d+)", "v": r"(\d+)", "m": r"(.+)"}


def vim_errorformat_regex(efm: str) -> tuple[re.Pattern[str], list[str]]:
    """Translate one errorformat entry the way Vim does; returns (regex, field order)."""
    out, fields, i = ["^"], [], 0
    while i < len(efm):
        ch = efm[i]
        if ch == "%" and i + 1 < len(efm):
            kind = efm[i + 1]
            i += 2
            if kind == "f":
                nxt = efm[i] if i < len(efm) else ""
                # "%f" followed by a literal: ".\{-1,}" (shortest match, spaces allowed);
                # at the end or before "%" / "\\": a run of file-name characters.
                out.append(r"(.+?)" if nxt and nxt not in "%\\" else r"(\S+)")
            elif kind in _VIM_SPECS:
                out.append(_VIM_SPECS[kind])
            elif kind == "%":
                out.append("%")
                continue
            else:  # pragma: no cover - not used by the patterns below
                raise ValueError(f"unsupported errorformat item %{kind}")
            fields.append(kind)
        else:
            out.append(re.escape(ch))
            i += 1
    out.append("$")
    return re.compile("".join(out)), fields


def vim_parse(efm: str, line: str) -> dict | None:
    rx, fields = vim_errorformat_regex(efm)
    m = rx.match(line)
    if m is None:
        return None
    got = dict(zip(fields, m.groups()))
    return {"file": got["f"], "line": int(got["l"]), "column": int(got.get("c") or got["v"]), "message": got["m"]}


# Emacs: the `gnu' entry of compilation-error-regexp-alist-alist (compile.el,
# Emacs 29/30), transcribed from its compiled form to Python: an optional
# program-name prefix, the file (group 1), ": ?", the line (2), an optional
# column (3) or end line/column (4, 5), ":", then a check that what follows is a
# severity word or not a time stamp.  [[:alpha:]] is [^\W\d_]; [[:alnum:]] is close to \w.
EMACS_GNU = re.compile(
    r"^(?:[^\W\d_][.\w-]+: ?| +\|)?"
    r"(?P<file>(?:[^\t\n 0-9]|[0-9]+[^\n0-9])(?:[^\n :]| [^\n/-]|:[^\n ])*?)"
    r": ?"
    r"(?P<line>[0-9]+)"
    r"(?:-(?P<end_line>[0-9]+)(?:\.(?P<end_col>[0-9]+))?"
    r"|[.:](?P<col>[0-9]+)(?:-(?:(?P<end_line2>[0-9]+)\.)?(?P<end_col2>[0-9]+))?)?"
    r":"
    r"(?: *(?P<warning>FutureWarning|RuntimeWarning|W(?::|arning)|warning)"
    r"| *(?P<info>(?:I(?::|nfo(?:rmation(?:al)?)?)|Note|in(?:fo(?:rmation(?:al)?)?|stantiated from)"
    r"|note|required from)|\[ skipping .+ \])"
    r"| *(?:[Ee]rror)"
    r"|[0-9]?(?:[^\n0-9]|$)"
    r"|[0-9][0-9][0-9])"
)


def emacs_parse(line: str) -> dict | None:
    m = EMACS_GNU.match(line)
    if m is None or m.group("col") is None:
        return None
    # compilation mode shows the whole line; the message is what follows "col:"
    rest = line[m.end("col") + 1:]
    return {"file": m.group("file"), "line": int(m.group("line")), "column": int(m.group("col")),
            "message": rest.strip()}


# VS Code: the problem matcher README gives for .vscode/tasks.json (kept verbatim here).
VSCODE_PROBLEM_MATCHER = json.loads(r"""
{
  "owner": "newslint",
  "fileLocation": ["relative", "${workspaceFolder}"],
  "pattern": {
    "regexp": "^(.+?):(\\d+):(\\d+): ([A-Z]{1,4}\\d{3}) \\[([a-z0-9-]+)\\] (.*)$",
    "file": 1,
    "line": 2,
    "column": 3,
    "code": 4,
    "message": 6
  }
}
""")


def vscode_parse(line: str) -> dict | None:
    pat = VSCODE_PROBLEM_MATCHER["pattern"]
    m = re.match(pat["regexp"], line)  # JavaScript regex syntax; this one is also valid Python
    if m is None:
        return None
    return {"file": m.group(pat["file"]), "line": int(m.group(pat["line"])),
            "column": int(m.group(pat["column"])), "code": m.group(pat["code"]),
            "message": m.group(pat["message"])}


# Stories with problems after accented letters, curly quotes and an emoji, in a
# directory and a file whose names hold spaces and a colon-free dot.
STORIES = {
    "desk one/market day.md": (
        "# Market day\n\n"
        "Stall holders said the the rain kept buyers away.\n\n"
        "The café’s owner, Zoë Hart, said “it was was a quiet morning” .\n\n"
        "Prices rose 🎉 and and fell again.\n"
    ),
    "notes.txt": (
        "Council vote\n\n"
        "Councillors voted to to keep the library open.\n\n"
        "“Naïve” plans were were dropped , officials said.\n"
    ),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("editors")
    for rel, text in STORIES.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    paths = sorted(STORIES)
    env = dict(os.environ, NO_COLOR="1")

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "newslint", "check", "--isolated", *args, *paths],
                              cwd=root, env=env, capture_output=True, text=True, timeout=120)

    text = cli()
    js = cli("--format", "json")
    assert text.returncode == 1, text.stderr
    findings = json.loads(js.stdout)
    lines = text.stdout.splitlines()
    assert lines and len(lines) == len(findings)
    return root, lines, findings


def _check(parsed, f):
    assert parsed is not None
    assert parsed["file"] == f["path"]
    assert parsed["line"] == f["line"]
    assert parsed["column"] == f["column"]


@pytest.mark.parametrize("efm", ["%f:%l:%c: %m", "%f:%l:%v: %m"])
def test_vim_errorformat(run, efm):
    _, lines, findings = run
    for line, f in zip(lines, findings):
        parsed = vim_parse(efm, line)
        _check(parsed, f)
        assert parsed["message"] == f"{f['code']} [{f['name']}] {f['message']}"


def test_emacs_compilation_gnu(run):
    _, lines, findings = run
    for line, f in zip(lines, findings):
        parsed = emacs_parse(line)
        _check(parsed, f)
        assert parsed["message"] == f"{f['code']} [{f['name']}] {f['message']}"


def test_vscode_problem_matcher(run):
    _, lines, findings = run
    for line, f in zip(lines, findings):
        parsed = vscode_parse(line)
        _check(parsed, f)
        assert parsed["code"] == f["code"]
        assert parsed["message"] == f"[{f['name']}] {f['message']}".split("] ", 1)[1]


def test_columns_count_characters_as_vims_v_and_emacs_do(run):
    """The column counts characters, not bytes.

    On a line with accents and curly quotes that is the screen column, which Vim's
    ``%v`` and Emacs (``compilation-error-screen-columns``, on by default) read;
    Vim's ``%c`` reads a byte index and lands late after non-ASCII text, which is
    why README recommends ``%v``.  Only double-width characters (emoji, CJK)
    before a finding make the screen column differ.
    """
    root, lines, findings = run
    checked = 0
    for f in findings:
        p = root / f["path"]
        assert p.is_file()  # the parsed path opens the story
        if f["end_line"] != f["line"]:
            continue
        src_line = p.read_text(encoding="utf-8").split("\n")[f["line"] - 1]
        before = src_line[: f["column"] - 1]
        if all(ord(ch) < 128 for ch in before) or any(unicodedata.east_asian_width(ch) in "WF" for ch in before):
            continue
        flagged = src_line[f["column"] - 1 : f["end_column"] - 1]
        # the message quotes the flagged text (house convention): the character
        # column points at it ...
        if not flagged.strip() or flagged.lower() not in f["message"].lower():
            continue
        # ... and it is the screen column, while the byte column is further right
        assert len(before.encode("utf-8")) + 1 > f["column"]
        checked += 1
    assert checked >= 2, "the stories should have findings after non-ASCII text"


def test_patterns_reject_the_summary_and_other_lines():
    for line in ("Found 3 problems (3 warning) in 1 file checked", "", "newslint: error: no such file"):
        assert vim_parse("%f:%l:%c: %m", line) is None
        assert vscode_parse(line) is None
        assert emacs_parse(line) is None
