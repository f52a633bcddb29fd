"""Files on disk: which stories a command checks (discovery, configuration's
include and exclude applied) and how a fixed story is written back (atomically)."""

from __future__ import annotations

import os
import tempfile
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .config import SettingsResolver
    from .registry import Registry


def discover(
    paths: Sequence[str], resolver: "SettingsResolver", registry: "Registry", force_exclude: bool = False
) -> tuple[list[str], list[str]]:
    """Files to check, and error messages for paths that do not exist."""
    files: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()

    def add(f: str) -> None:
        key = os.path.normpath(f)
        if key not in seen:
            seen.add(key)
            files.append(f)

    for raw in paths:
        if raw == "-":
            add("-")
            continue
        if os.path.isdir(raw):
            walk_errors: list[OSError] = []
            for root, dirs, names in os.walk(raw, onerror=walk_errors.append):
                settings = resolver.for_path(os.path.join(root, "_"))
                dirs[:] = sorted(
                    d for d in dirs if not settings.is_excluded(os.path.join(root, d))
                )
                for name in sorted(names):
                    full = os.path.join(root, name)
                    fs = resolver.for_path(full)
                    if fs.is_included(full, registry) and not fs.is_excluded(full):
                        add(os.path.normpath(full) if raw != "." else os.path.relpath(full))
            for exc in walk_errors:
                errors.append(f"{exc.filename or raw}: cannot read directory: {exc.strerror or exc}")
        elif os.path.exists(raw):
            if force_exclude and resolver.for_path(raw).is_excluded(raw):
                continue
            add(raw)
        else:
            try:
                os.stat(raw)
            except PermissionError:
                errors.append(f"{raw}: permission denied")
                continue
            except OSError:
                pass
            errors.append(f"{raw}: no such file or directory")
    return files, errors


def write_atomic(path: str, text: str, has_bom: bool) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM kept), atomically, keeping its mode."""
    data = (b"\xef\xbb\xbf" if has_bom else b"") + text.encode("utf-8")
    path = os.path.realpath(path)  # fix the file a symbolic link points to, keep the link
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
