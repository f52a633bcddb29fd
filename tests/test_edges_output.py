"""Output injection: control characters escaped in every human-facing format, and
file names that are not UTF-8 never crash a format (stdout, -o, strict UTF-8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FORMATS = ["text", "json", "sarif", "github", "gitlab", "junit", "checkstyle"]
EVIL = "x\n::error file=evil.txt::forged\x1b[31m\r.txt"
STORY = b"Headline\n\nThe the council met \x1b[2J here.\n"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict", LC_ALL="C.UTF-8")
    return subprocess.run(check=False, args=[sys.executable, "-m", "newslint", "check", "--isolated", *args], cwd=cwd,
                          capture_output=True, timeout=60, env=env, stdin=subprocess.DEVNULL)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    d.mkdir()
    (d / EVIL).write_bytes(STORY)
    try:
        with open(os.path.join(os.fsencode(d), b"bad\xff\xfename.txt"), "wb") as f:
            f.write(STORY)
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("to_file", [False, True])
def test_every_format_survives_hostile_names(tree: Path, fmt: str, to_file: bool) -> None:
    args = ["-f", fmt, "d"] + (["-o", "report.out"] if to_file else [])
    r = run(tree, *args)
    assert r.returncode == 1, r.stderr
    assert b"Traceback" not in r.stderr
    out = (tree / "report.out").read_bytes() if to_file else r.stdout
    text = out.decode("utf-8")  # valid UTF-8 whatever the names
    assert "\x1b" not in text and "\r" not in text
    # no line of any report can be read by GitHub Actions as a workflow command
    assert not any(line.lstrip().startswith("::error") for line in text.splitlines())
    if fmt in ("json", "gitlab", "sarif"):
        json.loads(text)
    if fmt == "json":
        paths = {d["path"] for d in json.loads(text)}
        assert "d/" + EVIL in paths  # machine formats keep the exact name, JSON-escaped
        assert "d/bad\udcff\udcfename.txt" in paths  # \udcff round-trips to the byte 0xff
    if fmt == "sarif":
        uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for res in json.loads(text)["runs"][0]["results"]}
        assert "d/bad%FF%FEname.txt" in uris
        assert "d/x%0A%3A%3Aerror%20file%3Devil.txt%3A%3Aforged%1B%5B31m%0D.txt" in uris


def test_text_format_escapes_names_and_messages(tree: Path) -> None:
    r = run(tree, "d")
    lines = r.stdout.decode().splitlines()
    assert "d/bad\\xff\\xfename.txt:3:1: NL603 [repeated-word] 'the' twice in a row: 'The the'" in lines
    assert "d/x\\n::error file=evil.txt::forged\\x1b[31m\\r.txt:3:1: NL603 [repeated-word] 'the' twice in a row: 'The the'" in lines


def test_github_format_escapes_esc_and_newlines(tree: Path) -> None:
    r = run(tree, "-f", "github", "d")
    lines = r.stdout.decode().splitlines()
    assert len(lines) == len([ln for ln in lines if ln.startswith("::warning ")]) >= 2
    assert any("file=d/x%0A%3A%3Aerror file=evil.txt%3A%3Aforged\\x1b[31m%0D.txt," in ln for ln in lines)


def test_stderr_messages_are_escaped(tmp_path: Path) -> None:
    r = run(tmp_path, "no\x1b[31msuch\nfile.txt")
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "\x1b" not in err
    assert "newslint: error: no\\x1b[31msuch\\nfile.txt: no such file or directory" in err


def test_diff_with_hostile_names_keeps_headers_on_one_line(tree: Path) -> None:
    r = run(tree, "--diff", "d")
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    headers = [ln for ln in r.stdout.split(b"\n") if ln.startswith((b"--- ", b"+++ "))]
    assert b"--- a/d/bad\xff\xfename.txt" in headers  # the name's own bytes, as patch needs
    assert b"--- a/d/x\\x0a::error file=evil.txt::forged\\x1b[31m\\x0d.txt" in headers
    assert not any(b"\x1b" in h for h in headers)  # the story's own bytes stay in the hunks, for patch
