"""Files on disk: which stories a command checks (discovery, configuration's
include and exclude applied) and how a fixed story is written back (atomically)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Sequence

from .fixwrite import write_fixed
from .safefs import is_symlink_loop, special_kind

if TYPE_CHECKING:  # pragma: no cover
    from .config import SettingsResolver
    from .registry import Registry


def discover(
    paths: Sequence[str],
    resolver: "SettingsResolver",
    registry: "Registry",
    force_exclude: bool = False,
    notes: list[str] | None = None,
) -> tuple[list[str], list[str]]:
    """Files to check, and error messages for paths that do not exist.

    A FIFO, a device or a symbolic-link loop met while walking a directory is
    skipped (reading it would block or never end) with a line added to ``notes``
    for the caller to show; named on the command line, it is returned like any
    file and reported as unreadable when read (a loop is an error here)."""
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
                        kind = special_kind(full)
                        if kind is not None:
                            if notes is not None:
                                notes.append(
                                    f"{full}: skipped: {kind}" + ("" if "loop" in kind else ", not a regular file")
                                )
                            continue
                        add(os.path.normpath(full) if raw != "." else os.path.relpath(full))
            for exc in walk_errors:
                errors.append(f"{exc.filename or raw}: cannot read directory: {exc.strerror or exc}")
        elif is_symlink_loop(raw):
            errors.append(f"{raw}: symbolic link loop")
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


def write_atomic(
    path: str, text: str, has_bom: bool, old: str | None = None, roots: list[str] | None = None
) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM kept), atomically, keeping its
    mode, owner and group; ``old`` is the text that was checked (the file must
    still hold it) and ``roots`` the trees it may be written in.  See
    :func:`newslint.fixwrite.write_fixed`, which raises ``FixRefused`` when the
    file must not be written."""
    bom = b"\xef\xbb\xbf" if has_bom else b""
    new = bom + text.encode("utf-8")
    if old is None:
        with open(os.path.realpath(path), "rb") as f:
            old_bytes = f.read()
    else:
        old_bytes = bom + old.encode("utf-8")
    write_fixed(path, new, old_bytes, roots)
