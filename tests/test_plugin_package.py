"""A separate plugin package, installed with pip, adds a rule through the
``newslint`` entry-point group: it is listed, runs, is configurable and
suppressible, exactly like a built-in rule."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parent / "plugin_example"


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory):
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(EXAMPLE)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"could not install the example plugin:\n{proc.stderr}")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH", "")]))
    return env


def newslint(env, cwd, *args):
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_plugin_rule_is_listed(plugin_env, tmp_path):
    r = newslint(plugin_env, tmp_path, "rules", "--format", "json")
    rules = {d["name"]: d for d in json.loads(r.stdout)}
    assert rules["exclamation-mark"]["code"] == "EXC101"
    assert rules["exclamation-mark"]["plugin"] == "newslint_exclaim"
    assert "NL902" in {d["code"] for d in rules.values()}
    assert "EXC101" in newslint(plugin_env, tmp_path, "explain", "exclamation-mark").stdout


def test_plugin_rule_runs_and_is_configurable_and_suppressible(plugin_env, tmp_path):
    story = tmp_path / "story.md"
    story.write_text('# Big news!\n\nPrices rose again!\n\n"Wow!" she said.\n', encoding="utf-8")
    r = newslint(plugin_env, tmp_path, "check", "--select", "EXC", "story.md")
    assert r.stdout == "story.md:3:18: EXC101 [exclamation-mark] Exclamation mark '!' in the story's own words\n"
    assert r.returncode == 1

    (tmp_path / "newslint.toml").write_text("select = ['exclamation-mark']\n[rules.exclamation-mark]\nallow-in-headlines = false\n")
    r = newslint(plugin_env, tmp_path, "check", "story.md")
    assert [l.split(":")[1] for l in r.stdout.splitlines()] == ["1", "3"]

    story.write_text("# Big news\n\n<!-- newslint: ignore exclamation-mark -->\nPrices rose again!\n", encoding="utf-8")
    r = newslint(plugin_env, tmp_path, "check", "story.md")
    assert (r.returncode, r.stdout) == (0, "")

    (tmp_path / "newslint.toml").write_text("select = ['exclamation-mark']\n[rules.exclamation-mark]\nallow-in-headline = false\n")
    r = newslint(plugin_env, tmp_path, "check", "story.md")
    assert r.returncode == 2 and "unknown option 'allow-in-headline'" in r.stderr


def test_builtin_rules_register_through_the_entry_point_group():
    from importlib.metadata import entry_points

    eps = {ep.name: ep.value for ep in entry_points(group="newslint")}
    assert eps.get("builtin") == "newslint_rules.plugin"
