from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def test_registry():
    """The real registry plus tests/support/sample_plugin (rules XT101, XT103)."""
    from support import sample_plugin

    from newslint.registry import registry_with

    return registry_with([sample_plugin])


class CLIResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CLIResult(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def run_cli(monkeypatch, test_registry):
    """Run ``newslint`` in-process with the test registry; returns a CLIResult."""

    def run(*argv: str, stdin: bytes = b"") -> CLIResult:
        from newslint.cli import main

        out, err = io.StringIO(), io.StringIO()
        fake_in = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", fake_in)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv), registry=test_registry)
            except SystemExit as exc:  # argparse usage errors
                code = exc.code if isinstance(exc.code, int) else 2
        return CLIResult(code, out.getvalue(), err.getvalue())

    return run
