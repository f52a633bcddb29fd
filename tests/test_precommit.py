"""The pre-commit hooks, run by the real pre-commit framework.

A snapshot of this repository's working tree becomes a hook repository in a
temporary directory; a newsroom repository uses it through
``.pre-commit-config.yaml`` exactly as README shows.  pre-commit builds the hook
environment itself (``pip install`` of the snapshot and its dependencies), once
for the module, under a temporary ``PRE_COMMIT_HOME``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("pre_commit")
if shutil.which("git") is None:  # pragma: no cover
    pytest.skip("git is not installed", allow_module_level=True)

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Newsroom",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Newsroom",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path, env: dict) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, f"git {' '.join(args)}: {out.stderr}"
    return out.stdout


def snapshot_repository(dest: Path, env: dict) -> str:
    """Copy the working tree (tracked and new, non-ignored files) into a fresh git repo."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, timeout=60,
    )
    if listed.returncode != 0:
        pytest.skip("the project is not a git checkout")
    dest.mkdir()
    for rel in filter(None, listed.stdout.decode("utf-8", "surrogateescape").split("\0")):
        src = ROOT / rel
        if not src.is_file():  # deleted in the working tree
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    assert (dest / ".pre-commit-hooks.yaml").is_file()
    git("init", "-q", cwd=dest, env=env)
    git("add", "-A", cwd=dest, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=dest, env=env)
    return git("rev-parse", "HEAD", cwd=dest, env=env).strip()


class Newsroom:
    """A newsroom's git repository using the newslint hooks."""

    def __init__(self, path: Path, env: dict):
        self.path, self.env = path, env

    def write(self, rel: str, text: str) -> Path:
        p = self.path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        git("add", rel, cwd=self.path, env=self.env)
        return p

    def run(self, hook: str, *files: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", hook, "--files", *files],
            cwd=self.path, env=self.env, capture_output=True, text=True, timeout=900,
        )


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_ENV)
    env["PRE_COMMIT_HOME"] = str(base / "cache")
    env["HOME"] = str(base / "home")  # no user git config or pre-commit state
    env["NO_COLOR"] = "1"
    (base / "home").mkdir()
    rev = snapshot_repository(base / "hooks", env)

    repo = base / "newsroom"
    repo.mkdir()
    git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {(base / 'hooks').as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: newslint\n"
        "      - id: newslint-fix\n",
        encoding="utf-8",
    )
    (repo / "pyproject.toml").write_text(
        '[tool.newslint]\nexclude = ["archive/**"]\n', encoding="utf-8"
    )
    git("add", ".pre-commit-config.yaml", "pyproject.toml", cwd=repo, env=env)
    # build the hook environment once for every test in this module
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return Newsroom(repo, env)


def lint(source: str, path: str, fix: bool = False):
    """What newslint itself finds (and fixes) in ``source``, in this process."""
    from newslint.config import Overrides, SettingsResolver
    from newslint.engine import Linter, LintOptions
    from newslint.registry import default_registry

    registry = default_registry()
    resolver = SettingsResolver(registry, Overrides())
    linter = Linter(registry, resolver, LintOptions(fix=fix))
    return linter.lint_source(source, path, resolver.for_path(path))


# A story with problems newslint can fix safely (a doubled word, runs of spaces)
# and ones it must leave to an editor (a paragraph repeated nearly word for word).
MESSY = (
    "# Bridge reopens after repairs\n\n"
    "The bridge over the river reopened on Monday after six months of of repairs.\n\n"
    "Engineers  replaced the deck and strengthened the piers, the council said.\n\n"
    "Local traders said the closure had cut their takings by a third since spring.\n\n"
    "The bridge over the river reopened on Monday after six months of repairs work.\n"
)

CLEAN = (
    "# Library extends opening hours\n\n"
    "The central library will stay open until eight in the evening from next week.\n\n"
    "The council said the change followed a survey of more than two thousand readers.\n"
)


def test_story_fixtures_are_what_the_tests_need():
    found = lint(MESSY, "story.md").findings
    safe = [f for f in found if f.fix is not None and f.fix.applicability == "safe"]
    unsafe_or_none = [f for f in found if f.fix is None or f.fix.applicability != "safe"]
    assert safe and unsafe_or_none, [(f.code, f.message) for f in found]
    assert lint(CLEAN, "clean.md").findings == []


def test_check_hook_fails_on_a_story_with_problems(newsroom):
    newsroom.write("stories/bridge.md", MESSY)
    result = newsroom.run("newslint", "stories/bridge.md")
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "newslint" in out and "Failed" in out
    for f in lint(MESSY, "stories/bridge.md").findings:
        assert f"stories/bridge.md:{f.start.line}:{f.start.column}: {f.code} [{f.name}] {f.message}" in out
    # the check hook never changes the story
    assert (newsroom.path / "stories/bridge.md").read_text(encoding="utf-8") == MESSY


def test_check_hook_passes_on_a_clean_story(newsroom):
    newsroom.write("stories/library.md", CLEAN)
    result = newsroom.run("newslint", "stories/library.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_fix_hook_rewrites_only_what_is_safe(newsroom):
    path = newsroom.write("stories/bridge-fix.md", MESSY)
    result = newsroom.run("newslint-fix", "stories/bridge-fix.md")
    # the story changed, and problems an editor must judge remain: the hook fails
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    fixed = path.read_text(encoding="utf-8")
    assert fixed != MESSY
    # exactly what newslint's safe fixes produce, nothing more
    expected = lint(MESSY, "stories/bridge-fix.md", fix=True)
    assert expected.fixed_source is not None
    assert fixed == expected.fixed_source
    assert "six months of repairs." in fixed and "Engineers replaced" in fixed
    # what is left has no safe fix, and was reported
    remaining = lint(fixed, "stories/bridge-fix.md").findings
    assert remaining
    for f in remaining:
        assert f.fix is None or f.fix.applicability != "safe"
        assert f"stories/bridge-fix.md:{f.start.line}:{f.start.column}: {f.code}" in result.stdout
    # the repeated paragraph (display-only) is still there, word for word
    assert "six months of repairs work." in fixed


def test_fix_hook_passes_once_only_safe_problems_were_fixed(newsroom):
    story = CLEAN.replace("will stay", "will  stay").replace("survey of", "survey of of")
    # every problem in this story has a safe fix
    assert lint(story, "library-fix.md", fix=True).fixed_source == CLEAN
    path = newsroom.write("stories/library-fix.md", story)
    first = newsroom.run("newslint-fix", "stories/library-fix.md")
    assert first.returncode == 1  # files were modified
    assert "files were modified by this hook" in first.stdout
    assert path.read_text(encoding="utf-8") == CLEAN
    newsroom.write("stories/library-fix.md", CLEAN)
    second = newsroom.run("newslint-fix", "stories/library-fix.md")
    assert second.returncode == 0, second.stdout + second.stderr


def test_hooks_read_only_story_files_and_honour_exclude(newsroom):
    newsroom.write("data/figures.json", '{"note": "the the"}\n')
    skipped = newsroom.run("newslint", "data/figures.json")
    assert skipped.returncode == 0
    assert "no files to check" in skipped.stdout.lower()
    # the newsroom's exclude globs apply to files pre-commit passes (--force-exclude)
    newsroom.write("archive/2019/old.md", MESSY)
    excluded = newsroom.run("newslint", "archive/2019/old.md")
    assert excluded.returncode == 0, excluded.stdout + excluded.stderr
    # upper-case extensions are stories too
    newsroom.write("stories/WIRE.TXT", MESSY.replace("# ", ""))
    wire = newsroom.run("newslint", "stories/WIRE.TXT")
    assert wire.returncode == 1 and "stories/WIRE.TXT:" in wire.stdout
