"""README's set-up snippets work as written.

The pre-commit snippet is copied verbatim into a newsroom repository made in
tmp_path, beside a local clone of this repository at the path the snippet names,
and run by the real pre-commit framework (which builds the hook environment from
the pinned commit with pip).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Newsroom",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Newsroom",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def section(title: str) -> str:
    return README.split(f"\n{title}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def precommit_snippet() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", section("### pre-commit"), re.DOTALL)
    assert blocks, "README's pre-commit section has no YAML snippet"
    return blocks[0]


def pip_install_commands() -> list[list[str]]:
    """Every `pip install ...` in README, as words (up to a shell operator or a quote's end)."""
    found = []
    for m in re.finditer(r"pip install ([^`\n&|;]+)", README):
        words = [w for w in shlex.split(m.group(1), comments=True) if not w.startswith("-")]
        found.append(words)
    return found


def test_readme_installs_newslint_from_a_path_never_from_an_index():
    commands = pip_install_commands()
    assert len(commands) >= 6
    for words in commands:
        for target in words:
            if target in ("pre-commit",):
                continue  # published on PyPI
            assert target.startswith((".", "/", "git+")), (
                f"'pip install {target}' would look for newslint on a package index, where it is not"
            )


def test_ci_recipes_check_out_the_submodule_they_install():
    github = section("### GitHub Actions")
    assert "submodules: true" in github and "pip install ./tools/newslint" in github
    gitlab = section("### GitLab CI")
    assert "GIT_SUBMODULE_STRATEGY: recursive" in gitlab and "pip install ./tools/newslint" in gitlab


def test_precommit_rev_is_a_commit_of_this_repository():
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    rev = re.search(r"^\s*rev:\s*(\S+)", precommit_snippet(), re.MULTILINE)
    assert rev and re.fullmatch(r"[0-9a-f]{40}", rev.group(1)), "rev must be a full commit hash"
    probe = subprocess.run(["git", "cat-file", "-e", f"{rev.group(1)}^{{commit}}"], cwd=ROOT,
                           capture_output=True, timeout=60, check=False)
    if probe.returncode != 0 and not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout")
    assert probe.returncode == 0, f"README's pre-commit rev {rev.group(1)} is not a commit of this repository"
    hooks = subprocess.run(["git", "show", f"{rev.group(1)}:.pre-commit-hooks.yaml"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60, check=False)
    assert hooks.returncode == 0 and "id: newslint\n" in hooks.stdout


MESSY = "# Bridge reopens\n\nThe bridge reopened on Monday after six months of of repairs.\n"
CLEAN = "# Library hours\n\nThe central library will stay open until eight from next week.\n"


def _git(*args: str, cwd: Path, env: dict) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                         timeout=300, check=False)
    assert out.returncode == 0, f"git {' '.join(args)}: {out.stderr}"
    return out.stdout


def test_precommit_snippet_as_written_against_a_local_clone(tmp_path):
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_ENV)
    env["HOME"] = str(tmp_path / "home")
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    env["NO_COLOR"] = "1"
    (tmp_path / "home").mkdir()
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git("init", "-q", cwd=repo, env=env)
    snippet = precommit_snippet()
    clone_at = re.search(r"^\s*-\s*repo:\s*(\S+)", snippet, re.MULTILINE)
    assert clone_at is not None
    _git("clone", "-q", str(ROOT), str(repo / clone_at.group(1)), cwd=tmp_path, env=env)
    (repo / ".pre-commit-config.yaml").write_text(snippet, encoding="utf-8")
    (repo / "messy.md").write_text(MESSY, encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    _git("add", ".pre-commit-config.yaml", "messy.md", "clean.md", cwd=repo, env=env)

    def pre_commit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=900, check=False)

    bad = pre_commit("run", "newslint", "--files", "messy.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "messy.md:3:" in bad.stdout and "[repeated-word]" in bad.stdout
    good = pre_commit("run", "newslint", "--files", "clean.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert (repo / "messy.md").read_text(encoding="utf-8") == MESSY

    # what README says about moving the pin: it stays a full hash, of the clone's newest commit
    head = _git("rev-parse", "HEAD", cwd=repo / clone_at.group(1), env=env).strip()
    update = pre_commit("autoupdate", "--freeze")
    assert update.returncode == 0, update.stdout + update.stderr
    assert f"rev: {head}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
