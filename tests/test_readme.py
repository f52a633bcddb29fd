"""README stays true: its rules table matches the registry, its Quick start
commands are the ones CI runs."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_updater():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_rules_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if "<!-- rules-table:start -->" not in readme:
        pytest.fail("README.md has no rules table markers")
    assert load_updater().updated(readme) == readme, "run: python scripts/update_readme.py"


def test_ci_runs_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick, re.S)
    assert len(commands) == 2, commands
    assert "newslint check seeds/" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1].strip() in ci.splitlines()


def test_configuration_examples_are_valid(tmp_path):
    """Every TOML example of [tool.newslint] in README is accepted as written
    (in a directory holding the pack file the house-style example names)."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from newslint.config import settings_from_table
    from newslint.registry import default_registry

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "tool.newslint" in b]
    assert len(blocks) >= 5
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "newsroom.toml").write_text(
        'name = "newsroom"\n[[terms]]\nprefer = "email"\navoid = ["e-mail"]\n', encoding="utf-8"
    )
    for block in blocks:
        table = tomllib.loads(block)["tool"]["newslint"]
        settings_from_table(table, default_registry(), None, tmp_path)
