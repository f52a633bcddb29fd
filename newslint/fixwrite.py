"""Writing fixed files: all or nothing, inside the tree the user named, nothing split.

``write_fixed`` replaces a file with its fixed bytes so that, whatever happens,
the file is either wholly old or wholly new:

* the new bytes go to an unnamed temporary file in the same directory (Linux
  ``O_TMPFILE``), which is given a name only for the instant before it is renamed
  over the original, so a kill leaves nothing behind; elsewhere a named temporary
  file carries the process id, and a later run removes those whose process is gone;
* the file must still hold exactly the bytes that were checked (otherwise it
  changed meanwhile and is left alone);
* the real file (after symbolic links) must lie inside one of the trees the user
  named; a link pointing out of the tree is reported, never followed for writing;
* a file with several hard links is reported, not replaced (replacing it would
  split the links);
* mode, owner and group are kept where the system permits.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat

from .safefs import TooLargeError, read_regular

TEMP_PREFIX = ".newslint-"
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"\.newslint-(\d+)-[0-9a-f]+\.tmp\Z")
#: directories already swept of stale temporary files in this process
_SWEPT: set[str] = set()


class FixRefused(Exception):
    """The fix was not written; the message says why (one line)."""


def fix_roots(paths: list[str]) -> list[str]:
    """The trees fixes may be written in: each directory named, and the directory
    of each file named (with symbolic links resolved)."""
    roots = []
    for p in paths:
        if p == "-":
            continue
        target = p if os.path.isdir(p) else (os.path.dirname(os.path.abspath(p)) or ".")
        roots.append(os.path.realpath(target))
    return roots


def _inside(path: str, roots: list[str]) -> bool:
    for root in roots:
        if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temp_files(directory: str) -> list[str]:
    """Remove temporary files left in ``directory`` by a newslint that was killed
    (their process id is in the name and that process is gone); returns them."""
    removed: list[str] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        m = _TEMP_NAME.match(name)
        if m is None or _alive(int(m.group(1))):
            continue
        full = os.path.join(directory, name)
        try:
            if stat.S_ISREG(os.lstat(full).st_mode):
                os.unlink(full)
                removed.append(full)
        except OSError:
            pass
    return removed


def _temp_name(directory: str) -> str:
    return os.path.join(directory, f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}")


def write_fixed(path: str, new: bytes, old: bytes, roots: list[str] | None = None) -> None:
    """Replace the file at ``path`` (which held ``old``) with ``new``, atomically.

    Raises :class:`FixRefused` when the file must not be written, ``OSError``
    when writing fails (the file is then unchanged).
    """
    real = os.path.realpath(path)  # fix the file a symbolic link points to, keep the link
    if roots is not None and not _inside(real, roots):
        raise FixRefused(f"it is a link to {real}, outside the tree being checked; fix that file itself")
    st = os.stat(real)
    if not stat.S_ISREG(st.st_mode):
        raise FixRefused("not a regular file")
    if st.st_nlink > 1:
        raise FixRefused(
            f"it has {st.st_nlink} hard links, which replacing it would split; "
            "apply the fixes with --diff and patch instead"
        )
    try:
        unchanged = read_regular(real, len(old)) == old
    except TooLargeError:
        unchanged = False
    if not unchanged:
        raise FixRefused("it changed while it was being checked; run again")
    directory = os.path.dirname(real)
    if directory not in _SWEPT:  # once per directory and run: a directory may hold many stories
        _SWEPT.add(directory)
        remove_stale_temp_files(directory)
    fd, tmp = _open_temp(directory)
    try:
        try:
            view = memoryview(new)
            while view:
                view = view[os.write(fd, view) :]
            _keep_owner_and_mode(fd, st)
            os.fsync(fd)
            if tmp is None:  # unnamed: give it a name only now, just before the rename
                tmp = _temp_name(directory)
                _link_unnamed(fd, tmp)
        finally:
            os.close(fd)
        os.replace(tmp, real)
        tmp = None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _open_temp(directory: str) -> tuple[int, str | None]:
    """A file descriptor to write to, and its name (None while it has none)."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(directory, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600), None
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
    name = _temp_name(directory)
    return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600), name


def _link_unnamed(fd: int, name: str) -> None:
    """Give the unnamed file ``fd`` the name ``name`` (linkat with AT_SYMLINK_FOLLOW,
    which ``os.link`` uses only when given a directory descriptor)."""
    proc = os.open("/proc/self/fd", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.link(str(fd), name, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _keep_owner_and_mode(fd: int, st: os.stat_result) -> None:
    if hasattr(os, "fchown"):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except OSError:
            try:  # not permitted to give the file away: keep at least the group
                os.fchown(fd, -1, st.st_gid)
            except OSError:
                pass
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(st.st_mode))
