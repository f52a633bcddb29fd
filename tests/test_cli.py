"""The command line: checking, exit codes, formats, fixes, baselines, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.md", "# Title\n\nThe council said it was URGENT news.\n")
    return tmp_path / "story.md"


def test_text_format_line_and_exit_code(run_cli, story):
    r = run_cli("check", "story.md")
    assert r.code == 1
    assert r.out == "story.md:3:25: XT101 [shouting] 'URGENT' is in capitals\n"
    assert "Found 1 problem" in r.err


def test_clean_file_exits_zero(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "clean.txt", "Quiet headline\n\nNothing loud here.\n")
    r = run_cli("check", "clean.txt")
    assert (r.code, r.out) == (0, "")
    assert "No problems in 1 file" in r.err


def test_json_keys_are_exact_and_sorted(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "b.txt", "Head\n\nA LOUD word and ANOTHER one.\n")
    write(tmp_path / "a.txt", "Head\n\nSOME text.\n")
    r = run_cli("check", "--format", "json", ".")
    data = json.loads(r.out)
    assert [(d["path"], d["line"], d["column"]) for d in data] == [
        ("a.txt", 3, 1), ("b.txt", 3, 3), ("b.txt", 3, 17)]
    assert list(data[0]) == ["path", "line", "column", "end_line", "end_column", "code", "name",
                             "category", "severity", "message", "suggestions", "fix"]
    assert data[0]["end_column"] == 5 and data[0]["suggestions"] == ["some"]
    assert data[0]["fix"]["applicability"] == "safe"
    assert data[0]["fix"]["edits"] == [{"line": 3, "column": 1, "end_line": 3, "end_column": 5, "replacement": "some"}]


def test_select_ignore_by_name_code_prefix_category(run_cli, story):
    assert run_cli("check", "--ignore", "shouting", "story.md").code == 0
    assert run_cli("check", "--ignore", "XT101", "story.md").code == 0
    assert run_cli("check", "--ignore", "XT1", "story.md").code == 0
    assert run_cli("check", "--ignore", "house-style", "story.md").code == 0
    # longest (most specific) selector wins
    assert run_cli("check", "--ignore", "XT", "--extend-select", "XT101", "story.md").code == 1
    assert run_cli("check", "--select", "typography", "story.md").code == 0


def test_unknown_selector_is_usage_error(run_cli, story):
    r = run_cli("check", "--select", "shoutin", "story.md")
    assert r.code == 2
    assert "unknown rule or selector 'shoutin'" in r.err and "did you mean 'shouting'" in r.err
    assert "Traceback" not in r.err


def test_fail_on(run_cli, story, tmp_path):
    write(tmp_path / "newslint.toml", '[severity]\nshouting = "info"\n')
    assert run_cli("check", "story.md").code == 0
    assert run_cli("check", "--fail-on", "info", "story.md").code == 1


def test_fix_applies_in_place_keeps_crlf_and_bom(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    raw = b"\xef\xbb\xbfHead\r\n\r\nIt is VERY LOUD \xf0\x9f\x98\x80 here.\r\n"
    p = write(tmp_path / "s.txt", raw)
    r = run_cli("check", "--fix", "s.txt")
    assert r.code == 0, r
    assert p.read_bytes() == b"\xef\xbb\xbfHead\r\n\r\nIt is very loud \xf0\x9f\x98\x80 here.\r\n"
    # idempotent
    assert run_cli("check", "--fix", "s.txt").code == 0
    assert p.read_bytes() == b"\xef\xbb\xbfHead\r\n\r\nIt is very loud \xf0\x9f\x98\x80 here.\r\n"
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".newslint-")]


def test_diff_prints_without_writing(run_cli, story):
    before = story.read_bytes()
    r = run_cli("check", "--diff", "story.md")
    assert r.code == 1
    assert "-The council said it was URGENT news." in r.out
    assert "+The council said it was urgent news." in r.out
    assert story.read_bytes() == before


def test_fix_never_touches_markup(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = "<p>Plain SH&#79;UT and <b>BOLD</b> text.</p>\n"
    p = write(tmp_path / "s.html", src)
    run_cli("check", "--fix", "s.html")
    out = p.read_text()
    # the edit inside <b> is verbatim text and applies; the one crossing an entity does not
    assert out == "<p>Plain SH&#79;UT and <b>bold</b> text.</p>\n"


def test_baseline_reports_only_new_findings(run_cli, story, tmp_path):
    r = run_cli("check", "--write-baseline", "baseline.json", "story.md")
    assert r.code == 0
    assert run_cli("check", "--baseline", "baseline.json", "story.md").code == 0
    # lines move: still matched by rule, file and text
    story.write_text("# Title\n\nA new first paragraph.\n\nThe council said it was URGENT news.\n")
    assert run_cli("check", "--baseline", "baseline.json", "story.md").code == 0
    story.write_text(story.read_text() + "\nMORE shouting.\n")
    r = run_cli("check", "--baseline", "baseline.json", "story.md")
    assert r.code == 1 and "'MORE'" in r.out and "URGENT" not in r.out


def test_bad_baseline_is_clear_error(run_cli, story, tmp_path):
    write(tmp_path / "bad.json", "{not json")
    r = run_cli("check", "--baseline", "bad.json", "story.md")
    assert r.code == 2 and "cannot be read" in r.err


def test_bad_inputs_do_not_stop_the_run(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d/good.txt", "Head\n\nA LOUD line.\n")
    write(tmp_path / "d/latin1.txt", "caf\xe9 LOUD".encode("latin-1"))
    write(tmp_path / "d/binary.txt", b"\x00\x01\x02LOUD\x00")
    write(tmp_path / "d/empty.md", b"")
    write(tmp_path / "d/broken.html", "<p>Unclosed <b>LOUD <i>text")
    write(tmp_path / "d/image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    r = run_cli("check", "d", "missing.txt")
    assert r.code == 2
    assert "missing.txt: no such file or directory" in r.err
    lines = r.out.splitlines()
    assert any(l.startswith("d/good.txt:3:3: XT101") for l in lines)
    assert any(l.startswith("d/broken.html:1:") and "XT101" in l for l in lines)
    assert any(l.startswith("d/latin1.txt:1:1: NL901") and "not valid UTF-8" in l for l in lines)
    assert any(l.startswith("d/binary.txt:1:1: NL901") and "binary" in l for l in lines)
    assert any(l.startswith("d/empty.md:1:1: NL906") for l in lines)
    assert not any("image.png" in l for l in lines)
    assert "Traceback" not in r.err + r.out


def test_huge_file_is_skipped_with_one_line(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(b"LOUD words here. " * (50 * 1024 * 1024 // 17 + 1))
    write(tmp_path / "small.txt", "Head\n\nA LOUD line.\n")
    r = run_cli("check", "big.txt", "small.txt")
    assert r.code == 2
    assert "big.txt:1:1: NL907 [file-too-large]" in r.out
    assert "small.txt:3:3: XT101" in r.out


def test_rule_crash_becomes_finding_and_others_run(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "Head\n\nA kaboom and LOUD text.\n")
    write(tmp_path / "b.txt", "Head\n\nMore LOUD text.\n")
    r = run_cli("check", "a.txt", "b.txt")
    assert "a.txt:1:1: NL903 [rule-crash] Rule XT103 (crashes-on-kaboom) crashed" in r.out
    assert "a.txt:3:14: XT101" in r.out and "b.txt:3:6: XT101" in r.out


def test_stdin_with_filename(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_cli("check", "-", "--stdin-filename", "story.md", stdin=b"# Head\n\n**LOUD** text\n")
    assert r.code == 1
    assert r.out.startswith("story.md:3:3: XT101")


def test_jobs_output_identical(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(12):
        write(tmp_path / f"s{i:02}.txt", f"Head {i}\n\n" + "Some LOUD text. " * (i + 1) + "\n")
    one = run_cli("check", "-j", "1", "--format", "json", ".")
    two = run_cli("check", "-j", "2", "--format", "json", ".")
    assert one.out == two.out and json.loads(one.out)


def test_config_discovery_and_unknown_key(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "desk/pyproject.toml", "[tool.newslint]\nignore = ['shouting']\n")
    write(tmp_path / "desk/sub/story.txt", "Head\n\nA LOUD line.\n")
    write(tmp_path / "other/story.txt", "Head\n\nA LOUD line.\n")
    r = run_cli("check", ".")
    assert "other/story.txt:3:3" in r.out and "desk/" not in r.out
    write(tmp_path / "desk/pyproject.toml", "[tool.newslint]\nignroe = ['shouting']\n")
    r = run_cli("check", ".")
    assert r.code == 2 and "unknown key 'ignroe'" in r.err and "did you mean 'ignore'" in r.err


def test_rule_options_validated(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story.txt", "Head\n\nThe BBC and NATO.\n")
    write(tmp_path / "newslint.toml", "[rules.shouting]\nmin-length = 3\n")
    assert run_cli("check", "story.txt").out.count("XT101") == 2
    write(tmp_path / "newslint.toml", "[rules.shouting]\nmin-length = 'three'\n")
    r = run_cli("check", "story.txt")
    assert r.code == 2 and "min-length must be an integer" in r.err
    write(tmp_path / "newslint.toml", "[rules.shouting]\nmax-length = 3\n")
    r = run_cli("check", "story.txt")
    assert r.code == 2 and "unknown option 'max-length'" in r.err


def test_per_file_ignores_and_exclude(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "newslint.toml", "exclude = ['archive']\n[per-file-ignores]\n'wires/*.txt' = ['XT1']\n")
    write(tmp_path / "wires/a.txt", "Head\n\nA LOUD line.\n")
    write(tmp_path / "archive/b.txt", "Head\n\nA LOUD line.\n")
    write(tmp_path / "desk/c.txt", "Head\n\nA LOUD line.\n")
    r = run_cli("check", ".")
    assert r.out.splitlines() == ["desk/c.txt:3:3: XT101 [shouting] 'LOUD' is in capitals"]


def test_rules_and_explain(run_cli):
    r = run_cli("rules")
    assert r.code == 0 and "XT101" in r.out and "shouting" in r.out and "NL902" in r.out
    r = run_cli("explain", "shouting")
    assert r.code == 0 and "XT101 shouting" in r.out and "min-length = 4" in r.out and "## Why" in r.out
    assert run_cli("explain", "XT101").out == r.out
    r = run_cli("explain", "nonsense-rule")
    assert r.code == 2 and "unknown rule" in r.err


def test_version(run_cli):
    r = run_cli("--version")
    assert r.code == 0 and r.out.startswith("newslint ")


def test_lone_cr_line_ends_count_as_lines(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "mac.txt", b"Head\r\rA LOUD line.\r")
    r = run_cli("check", "mac.txt")
    assert r.out.startswith("mac.txt:3:3: XT101")


def test_fix_on_stdin_writes_stdout_never_the_named_file(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    real = write(tmp_path / "story.txt", "Real story.\n\nKeep this.\n")
    r = run_cli("check", "--fix", "-", "--stdin-filename", "story.txt",
                stdin="\ufeffHead\r\n\r\nA LOUD line.\r\n".encode("utf-8"))
    assert real.read_text() == "Real story.\n\nKeep this.\n"
    assert r.out == "\ufeffHead\r\n\r\nA loud line.\r\n"
    # nothing to fix: the input comes back unchanged, so the command works as a filter
    r = run_cli("check", "--fix", "-", stdin=b"Head\n\nQuiet text.\n")
    assert (r.code, r.out) == (0, "Head\n\nQuiet text.\n")


def test_findings_kept_when_fixes_cannot_be_written(run_cli, tmp_path, monkeypatch):
    import newslint.cli

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s.txt", "Head\n\nA LOUD line.\n")

    def refuse(path, text, has_bom, *rest):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(newslint.cli, "write_atomic", refuse)
    r = run_cli("check", "--fix", "s.txt")
    assert r.code == 2
    assert "s.txt: could not write fixes: Permission denied" in r.err
    assert "s.txt:3:3: XT101" in r.out


def test_fix_through_a_symlink_keeps_the_link(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "real.txt", "Head\n\nA LOUD line.\n")
    os.symlink("real.txt", tmp_path / "link.txt")
    run_cli("check", "--fix", "link.txt")
    assert os.path.islink(tmp_path / "link.txt")
    assert (tmp_path / "real.txt").read_text() == "Head\n\nA loud line.\n"


def test_diff_keeps_the_bom_so_patches_apply(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "b.txt", "\ufeffA LOUD head\n\nText.\n".encode("utf-8"))
    r = run_cli("check", "--diff", "b.txt")
    assert "-\ufeffA LOUD head\n+\ufeffA loud head\n" in r.out
    r = run_cli("check", "--diff", "--output", "fix.patch", "b.txt")
    assert r.out == "" and "+\ufeffA loud head" in (tmp_path / "fix.patch").read_text(encoding="utf-8")


def test_unreadable_directory_is_an_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d/a.txt", "Head\n\nA LOUD line.\n")
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "d" / "closed")))
        yield from real_walk(top, **kw)

    monkeypatch.setattr(os, "walk", walk)
    r = run_cli("check", "d")
    assert r.code == 2
    assert "closed: cannot read directory: Permission denied" in r.err
    assert "d/a.txt:3:3: XT101" in r.out


def test_cli_select_replaces_configured_extend_select(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "newslint.toml", "select = ['typography']\nextend-select = ['shouting']\n")
    write(tmp_path / "s.txt", "Head\n\nA LOUD line.\n")
    assert "XT101" in run_cli("check", "s.txt").out
    assert run_cli("check", "--select", "typography", "s.txt").out == ""


@pytest.mark.parametrize("table,message", [
    ('[rules.house-style]\npacks = ["ukrane"]', "unknown pack 'ukrane'"),
    ('[rules.house-style]\nterms = ["e-mail => email"]', "is not 'avoid -> prefer'"),
    ('[rules.house-style]\npack-files = ["style/missing.toml"]', "does not exist"),
    ('[rules.duplicate-paragraph]\nignore-patterns = ["(unclosed"]', "not a valid regular expression"),
    ('[rules.pronoun-mismatch]\nfirst-names = { Zlatko = "x" }', 'use "m", "f" or "u"'),
])
def test_bad_option_values_are_configuration_errors(run_cli, tmp_path, monkeypatch, table, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "newslint.toml", table + "\n")
    write(tmp_path / "s.txt", "Head\n\nA line.\n")
    r = run_cli("check", "s.txt")
    assert r.code == 2 and message in r.err and r.out == ""


def test_utf16_without_bom_and_control_characters(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "u16.txt", "Head\n\nA LOUD line.\n".encode("utf-16-le"))
    write(tmp_path / "esc.txt", "Head\n\nA ( x\x1by ) z.\n")
    r = run_cli("check", "u16.txt", "esc.txt")
    assert "u16.txt:1:1: NL901 [unreadable-input] Cannot check this file: file looks like UTF-16" in r.out
    assert "\x1b" not in r.out and "\\x1b" in r.out  # shown escaped in the quoted text


def test_explain_a_family(run_cli):
    r = run_cli("explain", "XT1")
    assert r.code == 0 and "XT101  shouting" in r.out
