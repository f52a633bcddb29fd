"""Lines changed since a git revision, for ``newslint check --changed-since REV``.

The changes are those between ``REV`` and the working tree: commits since
``REV``, staged and unstaged edits alike, plus files git does not track yet (not
ignored), which count as wholly changed.  When ``REV`` is a branch that has moved
on since the current one left it (``main`` under a pull request), the changes are
counted from where they parted (``git merge-base REV HEAD``), so lines changed
only on ``REV`` are not taken for the current branch's.  Git runs in the
current folder, which must be inside a repository.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_OCTAL = re.compile(rb"\\([0-7]{3})")
_ESCAPES = {b"\\n": b"\n", b"\\t": b"\t", b'\\"': b'"', b"\\\\": b"\\"}

GIT_TIMEOUT = 120  # seconds for one git command


class ChangesError(Exception):
    """``--changed-since`` cannot be answered (one line for the user)."""


def _git(args: list[str], cwd: str) -> bytes:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, check=False,
        )
    except FileNotFoundError:
        raise ChangesError("--changed-since needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise ChangesError(f"--changed-since: 'git {args[0]}' took over {GIT_TIMEOUT} s") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitFailed(detail[0] if detail else f"git {args[0]} failed")
    return proc.stdout


class _GitFailed(ChangesError):
    pass


def _unquote(path: bytes) -> str:
    """A path as git prints it in a diff header (C-quoted when unusual)."""
    if path.startswith(b'"') and path.endswith(b'"'):
        body = path[1:-1]
        body = _OCTAL.sub(lambda m: bytes([int(m.group(1), 8)]), body)
        for esc, raw in _ESCAPES.items():
            body = body.replace(esc, raw)
        path = body
    return os.fsdecode(path)


@dataclass
class ChangedLines:
    """Which lines of which files changed since ``revision``."""

    revision: str
    top: str = ""
    #: repository-relative POSIX path -> changed line numbers (1-based)
    lines: dict[str, set[int]] = field(default_factory=dict)
    #: repository-relative paths that are new (every line counts as changed)
    whole: set[str] = field(default_factory=set)

    @classmethod
    def since(cls, revision: str, cwd: str | None = None) -> ChangedLines:
        cwd = cwd or os.getcwd()
        if not revision or revision.startswith("-"):
            raise ChangesError(f"--changed-since: {revision!r} is not a git revision")
        try:
            top = _git(["rev-parse", "--show-toplevel"], cwd).decode().strip()
        except _GitFailed:
            raise ChangesError(
                f"--changed-since needs a git repository, and {cwd} is not inside one"
            ) from None
        try:
            _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], cwd)
        except _GitFailed:
            raise ChangesError(f"--changed-since: unknown git revision {revision!r}") from None
        try:
            base = _git(["merge-base", "--end-of-options", revision, "HEAD"], cwd).decode().strip()
        except _GitFailed:
            raise ChangesError(
                f"--changed-since: {revision!r} and the current commit have no common history"
            ) from None
        out = cls(revision, os.path.realpath(top))
        diff = _git(
            ["diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", base, "--"], top
        )
        current: str | None = None
        for raw in diff.split(b"\n"):
            if raw.startswith(b"+++ "):
                target = raw[4:]
                current = None if target == b"/dev/null" else _unquote(target)
                if current is not None and current.startswith("b/"):
                    current = current[2:]
                if current is not None:
                    out.lines.setdefault(current, set())
            elif raw.startswith(b"@@") and current is not None:
                m = _HUNK.match(raw.decode("utf-8", "replace"))
                if m:
                    start, count = int(m.group(1)), int(m.group(2) or "1")
                    out.lines[current].update(range(start, start + count))
        untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], top)
        out.whole.update(os.fsdecode(p) for p in untracked.split(b"\0") if p)
        return out

    def _key(self, path: str) -> str | None:
        rel = os.path.relpath(os.path.realpath(path), self.top)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return None  # outside the repository: nothing there changed
        return rel.replace(os.sep, "/")

    def touches(self, path: str) -> bool:
        """True when ``path`` has any changed line (standard input always counts)."""
        if path == "-":
            return True
        key = self._key(path)
        return key is not None and (key in self.whole or bool(self.lines.get(key)))

    def keeps(self, path: str, first_line: int, last_line: int) -> bool:
        """True when a finding on lines ``first_line``..``last_line`` of ``path``
        touches a changed line."""
        if path == "-":
            return True
        key = self._key(path)
        if key is None:
            return False
        if key in self.whole:
            return True
        changed = self.lines.get(key)
        if not changed:
            return False
        return any(line in changed for line in range(first_line, max(first_line, last_line) + 1))
