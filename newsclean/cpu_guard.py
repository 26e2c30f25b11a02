"""The chain's CPU-time guard: the last guard on every pattern, `re` ones included.

Most patterns run on the standard `re` module, argued linear (`newsclean.guard` has the
few that are not, under the `regex` package's timeout). An argument can be wrong, and a
runaway `re` match cannot be given a timeout; but `re` checks for signals while it
matches, so a CPU timer (`setitimer(ITIMER_VIRTUAL)`, `SIGVTALRM`) whose handler raises
stops it. `Chain` arms the timer once per document for `Config.chain_timeout` seconds of
CPU per million characters (at least that many); if it fires, the chain flags the
document `guard_hit` and passes it on as it was before the filter that ran over.

Arming costs three system calls, 2 to 4 µs a document (0.1 to 0.2% of the time of
an average news page). Signals are
delivered to the main thread only, so the guard is armed only there (a loop, a process
pool, `datasets.map` with `num_proc`, the CLI and its workers); in other threads the
`regex` timeouts still hold and the linear patterns are unguarded. The guard also stands
aside when something else owns the timer: another `SIGVTALRM` handler (a sampling
profiler) or a virtual timer already running.

>>> import re
>>> def runaway() -> None:
...     re.match(r"(a+)+$", "a" * 28 + "b")  # exponential in `re`: 2**28 steps
>>> with cpu_time_limit(0.2) as armed:
...     try:
...         runaway()
...     except ChainTimeLimit as exc:
...         print(armed, exc)
True the chain ran over its CPU time guard (0.2 s)
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

from newsclean.guard import GuardHit

# CPU seconds the whole chain may take on a document, per million characters of its text
# (at least this many); `Config.chain_timeout` is the setting. The default chain takes
# about 0.3 s per million characters of news pages and 4 s on the slowest hostile input
# measured (docs/reliability.md): 30 leaves room for both, and for a machine slower than
# this one, and stops a runaway match in half a minute instead of hours.
DEFAULT_CHAIN_TIMEOUT = 30.0

# The CPU timer and its signal (-1 where the platform has none, as on Windows).
_TIMER: int = getattr(signal, "ITIMER_VIRTUAL", -1)
_SIGNAL: int = getattr(signal, "SIGVTALRM", -1)


class ChainTimeLimit(GuardHit):
    """The chain's CPU timer fired: `Chain` flags the document `guard_hit` and passes it
    on as it was before the filter that was running. `guard` is the `cpu_time_limit`
    that fired, so that a chain inside another tells the outer guard from its own."""

    def __init__(self, message: str, guard: cpu_time_limit | None = None) -> None:
        super().__init__(message)
        self.guard = guard


class _State:
    """The guard armed now, if any (read by the signal handler), and whether the
    handler is installed."""

    armed: cpu_time_limit | None = None
    installed = False


def _on_timer(signum: int, frame: FrameType | None) -> None:
    guard = _State.armed
    if guard is not None:  # a signal that arrives after the guard was lifted is ignored
        _State.armed = None
        raise ChainTimeLimit(f"the chain ran over its CPU time guard ({guard.seconds:g} s)", guard)


def _can_arm() -> bool:
    """The timer exists, this is the main thread, no guard is armed, and the timer is
    not in use by anyone else: no other handler of its signal when the guard first
    installs its own, and the timer not running (a sampling profiler's is, always).
    Checked with `getitimer` at each use, since `getsignal` costs five times more."""
    if _TIMER < 0 or _SIGNAL < 0 or _State.armed is not None:
        return False
    if threading.get_ident() != threading.main_thread().ident:
        return False
    if signal.getitimer(_TIMER) != (0.0, 0.0):
        return False
    if not _State.installed:
        if signal.getsignal(_SIGNAL) is not signal.SIG_DFL:
            return False  # a handler the caller set: left alone
        signal.signal(_SIGNAL, _on_timer)
        _State.installed = True
    return True


class cpu_time_limit:
    """Raise `ChainTimeLimit` in the body once it has used `seconds` of CPU; `with`
    gives whether the guard could be armed (see the module's docstring for where it
    cannot). A guard inside another is not armed: the outer one covers it."""

    __slots__ = ("armed", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False

    def __enter__(self) -> bool:
        if not _can_arm():
            return False
        self.armed = True
        _State.armed = self
        signal.setitimer(_TIMER, self.seconds)
        return True

    def __exit__(self, *exc_info: object) -> None:
        if self.armed:
            self.armed = False
            _State.armed = None
            signal.setitimer(_TIMER, 0.0)
