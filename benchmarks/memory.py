"""Run a command as a child process and measure its wall time and peak memory.

Two peaks are reported, both read from /proc every `interval` seconds (Linux):
`max_rss`, the largest peak resident set (`VmHWM`) of any single process of the tree,
and `tree_rss`, the largest sum of the current resident sets of the child and all its
descendants (which can miss a peak shorter than the interval). They differ when a
command starts worker processes. The kernel's own `ru_maxrss` is not used: for a child
started by fork or vfork and exec it also counts the parent's peak before the exec.

>>> import sys
>>> code = "import time; x = bytearray(50_000_000); time.sleep(0.3)"
>>> run = run_measured([sys.executable, "-c", code])
>>> run.returncode, run.max_rss > 50_000_000
(0, True)
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Measured:
    """A finished child: exit code, wall seconds, peaks in bytes, and its stdout."""

    returncode: int
    seconds: float
    max_rss: int
    tree_rss: int
    stdout: str
    stderr: str
    timed_out: bool = False


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            kids.extend(int(k) for k in text.split())
    except OSError:
        pass
    return kids


def peak_rss(pid: int) -> int:
    """The peak resident bytes (`VmHWM`) of `pid` since its last exec; 0 if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    pids: list[int] = []
    todo = [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants now (0 where /proc is absent)."""
    return sum(_rss(each) for each in _tree(pid))


def run_measured(
    command: Sequence[str],
    *,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    interval: float = 0.05,
) -> Measured:
    """Run `command` to the end (killing it after `timeout` seconds) and measure it."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=None if env is None else dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    # Drain the pipes from threads so a chatty child never blocks on a full pipe.
    captured: dict[str, str] = {}

    def drain(name: str) -> None:
        stream = proc.stdout if name == "stdout" else proc.stderr
        assert stream is not None
        captured[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(name,), daemon=True) for name in ("stdout", "stderr")
    ]
    for reader in readers:
        reader.start()
    peak_tree = 0
    peaks: dict[int, int] = {}
    timed_out = False
    while True:
        pid, status = os.waitpid(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            break
        now = 0
        for each in _tree(proc.pid):
            now += _rss(each)
            peaks[each] = max(peaks.get(each, 0), peak_rss(each))
        peak_tree = max(peak_tree, now)
        if timeout is not None and time.perf_counter() - started > timeout:
            timed_out = True
            for kid in _children(proc.pid):
                _kill(kid)
            _kill(proc.pid)
            pid, status = os.waitpid(proc.pid, 0)
            break
        time.sleep(interval)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join(timeout=10)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    max_rss = max(peaks.values(), default=0)
    return Measured(
        returncode=proc.returncode,
        seconds=seconds,
        max_rss=max_rss,
        tree_rss=max(peak_tree, max_rss),
        stdout=captured.get("stdout", ""),
        stderr=captured.get("stderr", ""),
        timed_out=timed_out,
    )


def _kill(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, 9)
