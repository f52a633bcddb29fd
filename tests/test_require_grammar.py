"""`--require-grammar` / `required = true`: an unreachable LanguageTool fails the run.

The server that answers is tests/lt_fake_server.py, a PROTOCOL FAKE of LanguageTool
on 127.0.0.1 (see test_languagetool.py); the unreachable one is a loopback port
nobody listens on.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from lt_fake_server import FakeLanguageTool

from newslint import languagetool as lt

STORY = "Title\n\nThey saw teh car.\n"


@pytest.fixture(autouse=True)
def no_url_from_environment(monkeypatch):
    monkeypatch.delenv(lt.URL_ENV, raising=False)


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture
def desk(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def _config(desk: Path, url: str, extra: str = "") -> None:
    (desk / "newslint.toml").write_text(
        f"select = ['grammar', 'meta']\n[languagetool]\nurl = '{url}'\ntimeout = 5\n{extra}",
        encoding="utf-8",
    )


def test_unreachable_server_is_only_a_warning_by_default(run_cli, desk):
    _config(desk, f"http://127.0.0.1:{_closed_port()}")
    r = run_cli("check", ".")
    assert r.code == 0
    assert "newslint: warning:" in r.err and "grammar checks skipped" in r.err


def test_require_grammar_makes_an_unreachable_server_an_error(run_cli, desk):
    url = f"http://127.0.0.1:{_closed_port()}"
    _config(desk, url)
    r = run_cli("check", "--require-grammar", "--format", "json", ".")
    assert r.code == 2
    errors = [line for line in r.err.splitlines() if line.startswith("newslint: error:")]
    assert len(errors) == 1, r.err
    assert "grammar checks are required" in errors[0] and url in errors[0]
    found = json.loads(r.out)
    assert sorted((f["path"], f["code"]) for f in found) == [("a.txt", "NL901"), ("b.txt", "NL901")]
    assert "grammar checks skipped" not in r.err


def test_required_key_in_configuration(run_cli, desk):
    _config(desk, f"http://127.0.0.1:{_closed_port()}", "required = true\n")
    r = run_cli("check", "a.txt")
    assert r.code == 2
    assert "a.txt:1:1: NL901 [unreadable-input] Cannot check this file: grammar checks are required" in r.out


def test_required_without_any_server_configured(run_cli, desk):
    (desk / "newslint.toml").write_text("select = ['grammar', 'meta']\n", encoding="utf-8")
    r = run_cli("check", "--require-grammar", "a.txt")
    assert r.code == 2 and "need a LanguageTool server" in r.err


def test_required_with_a_server_that_answers(run_cli, desk):
    with FakeLanguageTool() as server:
        _config(desk, server.url, "required = true\n")
        r = run_cli("check", "--format", "json", ".")
    assert r.code == 1, r.err
    assert sorted((f["path"], f["name"], f["line"]) for f in json.loads(r.out)) == [
        ("a.txt", "lt-spelling", 3), ("b.txt", "lt-spelling", 3)]


def test_required_without_grammar_rules_selected_changes_nothing(run_cli, desk):
    r = run_cli("check", "--require-grammar", "a.txt")
    assert r.code == 1 and r.out == "a.txt:3:10: NL103 [misspelling] 'teh' is a misspelling of 'the'\n"
    assert "LanguageTool" not in r.err


def test_required_in_worker_processes(desk):
    _config(desk, f"http://127.0.0.1:{_closed_port()}")
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "-j", "2", "--require-grammar", "."],
        cwd=desk, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout.count("grammar checks are required") == 2
