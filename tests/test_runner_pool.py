"""The worker pool of `newsclean clean --workers N`, driven directly: worker processes
killed while the parent is busy elsewhere, so that the next batch meets a broken pool.
Nothing is lost or doubled, and the outcomes keep the input order."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean.cli import CleanOptions
from newsclean.journal import Position
from newsclean.jsonl import Line
from newsclean.workers import WorkerPool
from tests.conftest import ROOT

PAGE = (
    "Ferries resume after storm - Island Post\nHome\nFerries resume after storm\n"
    "Ferries to the island ran again on Tuesday after a week of storms kept them in port.\n"
    "Share this article\n"
    "The operator said boat {n} left at seven and every crossing was full by noon."
)


def _items(count: int) -> list[tuple[Position, Line]]:
    items = []
    for n in range(count):
        text = json.dumps({"id": n, "text": PAGE.format(n=n)})
        items.append((Position(0, n + 1), Line("pages.jsonl", n + 1, text, size=len(text))))
    return items


def test_batches_submitted_after_the_workers_died_are_recovered() -> None:
    items = _items(16)
    batches = [items[k : k + 2] for k in range(0, len(items), 2)]
    pool = WorkerPool(2, CleanOptions(), in_flight_bytes=0)
    try:
        outcomes = pool.outcomes(batches)
        first = next(outcomes)  # the first four batches are in flight now
        assert pool.submitted == 4
        for process in list(pool.executor._processes.values()):
            assert process.pid is not None
            os.kill(process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not pool.executor._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pool.executor._broken
        # The next batch goes to a pool that is already broken.
        rest = list(outcomes)
    finally:
        pool.close()
    got = [first, *rest]
    assert [outcome.where.line for outcome in got] == [n + 1 for n in range(16)]
    assert all(outcome.output is not None for outcome in got)
    texts = [json.loads(outcome.output or "{}")["text"] for outcome in got]
    assert all("Share this article" not in text for text in texts)
    assert [json.loads(outcome.output or "{}")["id"] for outcome in got] == list(range(16))


def test_batches_in_flight_follow_the_byte_budget() -> None:
    """Two batches per worker at least; more while their input fits the budget, so that a
    batch holding a huge page leaves the other worker something to do."""
    items = _items(16)
    batches = [items[k : k + 2] for k in range(0, len(items), 2)]
    one_batch = sum(line.size for _, line in batches[0])
    for budget, expected in ((0, 4), (3 * one_batch, 6), (10**9, 8)):
        pool = WorkerPool(2, CleanOptions(), in_flight_bytes=budget)
        try:
            outcomes = pool.outcomes(batches)
            first = next(outcomes)
            assert pool.submitted == expected, budget
            rest = list(outcomes)
        finally:
            pool.close()
        assert [o.where.line for o in [first, *rest]] == [n + 1 for n in range(16)]


_START_METHOD_CHILD = """
import sys, threading
from newsclean.workers import _start_method
alone = _start_method()
release = threading.Event()
other = threading.Thread(target=release.wait)
other.start()
with_thread = _start_method()
release.set()
other.join()
print(alone, with_thread)
"""


def test_workers_are_forked_only_from_a_single_thread() -> None:
    """A fork copies locks that other threads may hold; with another thread alive the
    workers are spawned afresh (checked in a child: this test process may hold threads
    of other tests)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("workers are always spawned off Linux")
    done = subprocess.run([sys.executable, "-c", _START_METHOD_CHILD], capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["fork", "spawn"]


# A pool whose executor thread is reading a result message that a worker, stopped
# half-way, never finished: a length that promises more bytes than follow.
_TORN_RESULT = r"""
import os, struct, sys, time
sys.path.insert(0, sys.argv[1])
from newsclean.cli import CleanOptions
from newsclean.jsonl import Line
from newsclean.journal import Position
from newsclean.workers import WorkerPool

pool = WorkerPool(2, CleanOptions())
text = '{"text": "Ferries ran again on Tuesday."}'
assert len(list(pool.outcomes([[(Position(0, 1), Line("pages.jsonl", 1, text, size=len(text)))]]))) == 1
writer = pool.executor._result_queue._writer
os.write(writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 100)
time.sleep(0.5)  # the executor's thread reads the length and waits for the rest
pool.close(wait=False)
print("closed", flush=True)
"""


def test_a_pool_stopped_at_once_exits_while_a_result_is_half_sent(tmp_path: Path) -> None:
    # An interrupted run used to hang at exit: the interpreter waits for the executor's
    # thread, which waited for the rest of a message from a worker the stop had killed.
    script = tmp_path / "torn.py"
    script.write_text(_TORN_RESULT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(ROOT)], capture_output=True, text=True,
                          timeout=60, start_new_session=True)
    assert done.stdout == "closed\n", done.stderr
    assert done.returncode == 0, done.stderr


# The same torn message, from a worker that then dies while the run goes on.
_TORN_THEN_DEAD = r"""
import json, os, signal, struct, sys, time
sys.path.insert(0, sys.argv[1])
from newsclean.cli import CleanOptions
from newsclean.jsonl import Line
from newsclean.journal import Position
from newsclean.workers import WorkerPool

def item(n):
    text = json.dumps({"id": n, "text": "Ferries ran again on Tuesday, the operator said."})
    return Position(0, n), Line("pages.jsonl", n, text, size=len(text))

pool = WorkerPool(2, CleanOptions(), record_timeout=float(sys.argv[2]))
assert len(list(pool.outcomes([[item(1)]]))) == 1
writer = pool.executor._result_queue._writer
os.write(writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 100)
time.sleep(0.5)  # the executor's thread reads the length and waits for the rest
os.kill(pool._processes()[0].pid, signal.SIGKILL)
outcomes = list(pool.outcomes([[item(2), item(3)], [item(4)]]))
print([json.loads(o.output)["id"] for o in outcomes], pool.retried, flush=True)
pool.close()
"""


@pytest.mark.parametrize("record_timeout", ["60", "0"])
def test_a_worker_dying_half_way_through_sending_does_not_stall_the_run(
    tmp_path: Path, record_timeout: str
) -> None:
    # The batches in flight come back through recovery, in order; before the fix the
    # run waited forever for the rest of the dead worker's message.
    script = tmp_path / "torn_dead.py"
    script.write_text(_TORN_THEN_DEAD, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(ROOT), record_timeout], capture_output=True,
                          text=True, timeout=90, start_new_session=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[2, 3, 4] 3\n", done.stderr
