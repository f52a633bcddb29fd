"""Checks for the HTTP service, run one at a time in a child process that the
time limit can stop.

A check over the server's time limit is answered with 503 at once; the child
process running it is then killed, and the next check starts a fresh one, forked
from the server with its rules and tables already loaded.  So one pathological
story cannot keep the service busy after its caller has been answered.  Where
processes cannot be forked (Windows, or macOS where forking a threaded process
is unsafe), checks run in a thread of the server as before: the caller still
gets the 503 on time, but the check runs to its end.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import warnings
import weakref
from multiprocessing.connection import Connection
from typing import Any

from .service import CheckService, RequestError

log = logging.getLogger("newslint.server")


def forking_available() -> bool:
    """Whether checks can run in a forked child process here."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class CheckStopped(Exception):
    """The check's process was stopped (its time was up) before it answered."""


class CheckWorker:
    """Runs :meth:`CheckService.check` on request bodies, one at a time, in a
    child process (see the module's documentation).  :meth:`run` is called from
    one worker thread of the server; :meth:`stop` from the event loop."""

    def __init__(self, service: CheckService, use_process: bool | None = None):
        self.service = service
        self.use_process = forking_available() if use_process is None else use_process
        self._proc: Any = None
        self._conn: Connection | None = None
        #: the job the child is running now (an opaque object from the caller)
        self._job: object | None = None
        self._stopped: object | None = None
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _close, self.__dict__)

    @property
    def pid(self) -> int | None:
        """The child process's id, None when none is running."""
        proc = self._proc
        return proc.pid if proc is not None and proc.is_alive() else None

    def run(self, job: object, body: bytes) -> dict[str, Any]:
        """The JSON answer for ``body``; raises :class:`RequestError` for the
        caller's mistakes and :class:`CheckStopped` when :meth:`stop` ended it."""
        if not self.use_process:
            text, fmt, linter, settings = self.service.prepare(body)
            return self.service.check(text, fmt, linter, settings).to_dict()
        with self._lock:
            conn = self._child()
            self._job = job
            try:
                conn.send_bytes(body)
                status, payload = conn.recv()
            except (EOFError, OSError) as exc:
                stopped = self._stopped is job
                self._discard()
                if stopped:
                    raise CheckStopped from None
                raise RuntimeError("the check's process ended without an answer") from exc
            finally:
                self._job = None
        if status == "ok":
            return payload
        if status == "request":
            raise RequestError(*payload)
        raise RuntimeError(f"the check failed in its process: {payload}")

    def stop(self, job: object) -> None:
        """Kill the child process if it is still running ``job``."""
        proc = self._proc
        if self._job is job and proc is not None:
            self._stopped = job
            if proc.is_alive():
                proc.kill()

    def close(self) -> None:
        """Stop the child process (the service is shutting down)."""
        self._finalizer()

    # -- the child process ----------------------------------------------------

    def _child(self) -> Connection:
        if self._proc is not None and self._proc.is_alive() and self._conn is not None:
            return self._conn
        self._discard()
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self.service), name="newslint-check", daemon=True)
        with warnings.catch_warnings():
            # Python 3.12 warns about forking a process with threads; the child
            # only ever runs the loop below
            warnings.simplefilter("ignore", DeprecationWarning)
            proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        return parent

    def _discard(self) -> None:
        _close(self.__dict__)


def _close(state: dict[str, Any]) -> None:
    conn, proc = state.get("_conn"), state.get("_proc")
    state["_conn"] = state["_proc"] = None
    if conn is not None:
        conn.close()
    if proc is not None:
        if proc.is_alive():
            proc.kill()
        proc.join(5)


def _serve(conn: Connection, service: CheckService) -> None:
    """The child: answer request bodies from ``conn`` until it closes."""
    # a forked copy of the server: drop what belongs to the server process
    # (its sockets, its Ctrl+C) and the lock another thread may have held
    keep = conn.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, 1 << 16)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    service.reset_after_fork()
    while True:
        try:
            body = conn.recv_bytes()
        except (EOFError, OSError):
            return
        out: tuple[str, Any]
        try:
            text, fmt, linter, settings = service.prepare(body)
            out = ("ok", service.check(text, fmt, linter, settings).to_dict())
        except RequestError as exc:
            out = ("request", (exc.status, exc.message))
        except Exception as exc:  # the traceback goes to the server's log
            log.error("error while checking a request", exc_info=exc)
            out = ("error", type(exc).__name__)
        try:
            conn.send(out)
        except (EOFError, OSError):
            return
