"""The per-file time budget: a backstop that stops a rule running too long.

Each file's rules share ``time-budget`` seconds (30 by default).  A rule still
running when the file's time is up is stopped; the engine reports it as a meta
finding (NL908) and goes on.  Each rule after it still runs, with a tenth of the
budget of its own, so their findings still come through, and the file never takes
much more than twice its budget in rules.

In the main thread of a process (the command line, each ``-j`` worker) a timer
signal (``SIGALRM``) stops the rule wherever it is, even inside one long regular
expression search.  Elsewhere (another thread, a platform without
``setitimer``, or another timer already running) the budget is checked between
one finding and the next only.

The budget is a backstop, not how run time is kept in check: every built-in rule
runs in time close to linear in the size of its input.
"""

from __future__ import annotations

import signal
import threading
import time
from typing import Any

#: The default number of seconds a file's rules may take.
DEFAULT_TIME_BUDGET = 30.0

#: The share of the budget each rule gets once the file's time is up.
GRACE_SHARE = 0.1


class OutOfTime(BaseException):
    """Raised inside a rule whose time is up.  A ``BaseException``, so that a
    rule's own ``except Exception`` does not swallow it."""


def _alarm_available() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    # someone else's timer is running: leave it alone
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class Budget:
    """The time budget of one file's rules (``seconds``: None or 0 for none).

    Use as a context manager around the rules, and :meth:`rule` around each::

        with Budget(30) as budget:
            for rule in rules:
                try:
                    with budget.rule():
                        ...
                        budget.check()  # between findings
                except OutOfTime:
                    ...
    """

    def __init__(self, seconds: float | None):
        self.seconds = float(seconds) if seconds and seconds > 0 else None
        self._deadline = float("inf")
        self._alarm = False
        self._armed = False
        self._old_handler: Any = None
        #: when the file's rules started (``time.monotonic``)
        self.started = 0.0

    def __enter__(self) -> "Budget":
        self.started = time.monotonic()
        if self.seconds is None:
            return self
        self._deadline = self.started + self.seconds
        if _alarm_available():
            self._old_handler = signal.signal(signal.SIGALRM, self._on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self._alarm = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old_handler)
            self._alarm = False

    def _on_alarm(self, signum: int, frame: object) -> None:
        if self._armed:
            self._armed = False
            raise OutOfTime()

    def rule(self) -> "_RuleRun":
        """Run one rule under the budget (raises :class:`OutOfTime` from inside it)."""
        return _RuleRun(self)

    def check(self) -> None:
        """Raise :class:`OutOfTime` when the time is up (between findings)."""
        if self.seconds is not None and time.monotonic() > self._deadline:
            raise OutOfTime()

    def elapsed(self) -> float:
        """Seconds since the file's rules started."""
        return time.monotonic() - self.started


class _RuleRun:
    """The context of one rule's run under a :class:`Budget` (a plain class, not
    a generator: it is entered for every rule on every file)."""

    __slots__ = ("budget",)

    def __init__(self, budget: Budget) -> None:
        self.budget = budget

    def __enter__(self) -> None:
        budget = self.budget
        if budget.seconds is None:
            return
        now = time.monotonic()
        if now >= budget._deadline:
            # the file's time is up: this rule gets a share of its own
            budget._deadline = now + budget.seconds * GRACE_SHARE
            if budget._alarm:
                signal.setitimer(signal.ITIMER_REAL, budget._deadline - now)
        budget._armed = True

    def __exit__(self, *exc: object) -> None:
        if self.budget.seconds is not None:
            self.budget._armed = False
