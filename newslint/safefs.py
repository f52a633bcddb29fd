"""Careful file-system access: read only regular files, never more than a limit.

A FIFO, a character device (``/dev/zero``, ``/dev/urandom``) or a socket is never
opened for reading as if it were a story: it would block forever or never end.
Reads stop one byte past the size limit, so an endless stream (standard input fed
from ``/dev/zero``) costs at most the limit in memory.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

CHUNK = 1 << 16


class SpecialFileError(OSError):
    """The path is not a regular file (the message names what it is)."""


class TooLargeError(Exception):
    """More bytes than the limit allowed."""

    def __init__(self, size: int, limit: int, exact: bool = True):
        self.size = size
        self.limit = limit
        self.exact = exact
        super().__init__(describe_too_large(size, limit, exact))


def describe_too_large(size: int, limit: int, exact: bool = True) -> str:
    amount = f"{size / 1e6:.1f} MB" if exact else f"more than {limit / 1e6:g} MB"
    return f"file is {amount}, over the {limit / 1e6:g} MB limit (max-file-size); not checked"


def kind_of(mode: int) -> str:
    """A short name for what a file's mode says it is."""
    if stat.S_ISREG(mode):
        return "regular file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def is_symlink_loop(path: str) -> bool:
    """True when resolving ``path`` runs into a loop of symbolic links."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def special_kind(path: str) -> str | None:
    """What ``path`` is when it is neither a regular file nor a directory (after
    following links), else None. A symbolic-link loop is ``"symbolic link loop"``."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else None
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return None
    return kind_of(st.st_mode)


def read_limited(stream: BinaryIO, limit: int | None) -> bytes:
    """Read ``stream`` to its end, raising :class:`TooLargeError` as soon as more
    than ``limit`` bytes have arrived (the rest is never read)."""
    if limit is None:
        return stream.read()
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise TooLargeError(total, limit, exact=False)


def read_regular(path: str, limit: int | None) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them.

    Raises :class:`SpecialFileError` for anything that is not a regular file
    (checked on the opened descriptor, so a swap after the check cannot slip a
    FIFO in), :class:`TooLargeError` when over the limit, or ``OSError``.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SpecialFileError(errno.ELOOP, "symbolic link loop") from None
        raise
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise SpecialFileError(errno.EINVAL, f"not a regular file ({kind_of(st.st_mode)})")
    if limit is not None and st.st_size > limit:
        raise TooLargeError(st.st_size, limit)
    # O_NONBLOCK: should the path have become a FIFO since the stat, open does not wait
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SpecialFileError(errno.EINVAL, f"not a regular file ({kind_of(st.st_mode)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as f:
            fd = -1
            return read_limited(f, limit)
    finally:
        if fd >= 0:
            os.close(fd)
