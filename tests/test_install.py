"""A real (non-editable) install from the wheel carries every built-in rule and
its data; the rules/ folder installs as newslint_rules, in the wheel and in the
editable install alike."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    # copy the project (without the virtual environment) so the build sees a clean tree
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "build", "__pycache__", ".pytest_cache", ".hypothesis", "tests"))
    dist = work / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(src)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"pip wheel . failed:\n{proc.stderr}")
    (wheel,) = dist.glob("newslint-*.whl")
    target = work / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"pip install of the wheel failed:\n{proc.stderr}")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(target)
    return target, env, wheel


def test_wheel_installs_rules_as_newslint_rules(installed):
    _, _, wheel = installed
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        entry_points = next(zf.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    tops = {n.split("/", 1)[0] for n in names if "/" in n and ".dist-info/" not in n}
    assert tops == {"newslint", "newslint_rules"}, tops
    assert "newslint_rules/plugin.py" in names and "newslint_rules/spelling/house_style.py" in names
    assert "builtin = newslint_rules.plugin" in entry_points


def test_editable_install_maps_the_rules_folder():
    import newslint_rules

    if not Path(newslint_rules.__file__).resolve().is_relative_to(ROOT):
        pytest.skip("newslint is not installed in editable mode from this checkout")
    assert Path(newslint_rules.__file__).resolve() == ROOT / "rules" / "__init__.py"
    from newslint.registry import default_registry

    assert default_registry().lookup("NL101").__module__.startswith("newslint_rules.")


def run(env, cwd, *args):
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_installed_copy_is_used_and_lists_every_rule(installed, tmp_path):
    target, env, _ = installed
    where = subprocess.run(
        [sys.executable, "-c", "import newslint_rules, newslint; print(newslint_rules.__file__); print(newslint.__file__)"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    ).stdout.split()
    assert all(p.startswith(str(target)) for p in where), where
    from_wheel = json.loads(run(env, tmp_path, "rules", "--format", "json").stdout)
    from_repo = json.loads(subprocess.run([sys.executable, "-m", "newslint", "rules", "--format", "json"],
                                          capture_output=True, text=True, cwd=ROOT).stdout)
    assert [r["code"] for r in from_wheel] == [r["code"] for r in from_repo]


def test_installed_copy_has_rule_data(installed):
    target, _, _ = installed
    repo_data = sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("rules", "newslint")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in {".toml", ".csv", ".json", ".txt", ".tsv", ".gz"}
    )
    installed_as = {"rules": "newslint_rules", "newslint": "newslint"}
    missing = [p for p in repo_data if not (target / installed_as[p.split("/", 1)[0]] / p.split("/", 1)[1]).exists()]
    assert not missing, f"data files missing from the installed package: {missing}"


def test_installed_copy_checks_seeds(installed, tmp_path):
    _, env, _ = installed
    for seed in sorted((ROOT / "seeds").glob("*.*")):
        if seed.name == "README.md":
            continue
        shutil.copy(seed, tmp_path / seed.name)
    r = run(env, tmp_path, "check", "--format", "json", ".")
    assert r.returncode in (0, 1), r.stderr
    findings = json.loads(r.stdout)
    assert not [f for f in findings if f["category"] == "meta"], findings


def test_installed_copy_serves_the_web_page_files(installed, tmp_path):
    target, env, wheel = installed
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    for name in ("index.html", "app.js", "style.css"):
        assert f"newslint/server/static/{name}" in names, name
        assert (target / "newslint" / "server" / "static" / name).is_file(), name
    pytest.importorskip("starlette")
    r = run(env, tmp_path, "serve", "--print-openapi")
    assert r.returncode == 0, r.stderr
    assert r.stdout == (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")
