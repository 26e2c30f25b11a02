"""Cleaning input lines, in this process or in worker processes that survive a
worker's death.

Records are cleaned in batches (`clean_lines`: the article model reads a batch's pages
together). Each outcome is a cleaned record or a reject, already encoded as a JSON line.
With worker processes (`WorkerPool`), the parent only moves bytes: it hands the workers
the input lines undecoded, and they hand back each record encoded (the parent's CPU is
the workers' too). A worker that dies does not hang the run: the records it may have
held are retried once, one at a time, and rejected if they fail again.

A record may take `record_timeout` seconds per MB of its input line (at least that
many), and a batch as long as one record of its size. With worker processes, the parent
stops a worker that runs over (SIGKILL) and goes on as for a dead worker. In a
single-process run (`SerialCleaner`), SIGALRM interrupts the batch (POSIX, main thread
only: elsewhere there is no limit), whose records are then cleaned one at a time, each
under its own limit; a record that runs over it is rejected (a record alone in its batch
is first retried once).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

from newsclean.allocator import RELEASE_AFTER_BYTES, is_tuned, keep_big_blocks_on_heap, release_free_memory
from newsclean.batching import batched
from newsclean.chain import Chain
from newsclean.document import Document
from newsclean.journal import Outcome, Position
from newsclean.jsonl import Line
from newsclean.records import RecordError, document_from_record, record_output

# Input bytes whose documents `clean_lines` cleans together (a longer record alone).
CLEAN_BATCH_BYTES = 1_000_000
# Lines handed to a worker process at a time, and the most bytes in one batch.
BATCH_LINES = 64
BATCH_BYTES = 8 * 1024 * 1024
# Input bytes each worker may have in flight (sent and not yet written out), beyond its
# two batches: output stays in input order, so while one worker grinds through a batch
# holding a huge page the others go on with the batches after it, up to this budget.
IN_FLIGHT_BYTES = 8 * 1024 * 1024
# Seconds between a worker's looks at whether the run's process is still alive.
PARENT_POLL = 0.5
# Test-only: a worker whose record holds this marker calls os._exit (see `_crash_hook`).
CRASH_ENV = "NEWSCLEAN_TEST_CRASH_MARKER"
CRASH_ONCE_ENV = "NEWSCLEAN_TEST_CRASH_ONCE_FILE"
# Test-only: cleaning a record that holds this marker never ends (see `_hang_hook`).
HANG_ENV = "NEWSCLEAN_TEST_HANG_MARKER"
HANG_ONCE_ENV = "NEWSCLEAN_TEST_HANG_ONCE_FILE"


class CleanOptionsLike(Hashable, Protocol):
    """What the run needs to know about cleaning (`newsclean.cli.CleanOptions`).

    Example:

    >>> from newsclean.cli import CleanOptions
    >>> options: CleanOptionsLike = CleanOptions(text_field="body", explain=True)
    >>> options.text_field, options.explain
    ('body', True)
    >>> hash(options) == hash(CleanOptions(text_field="body", explain=True))
    True
    """

    @property
    def text_field(self) -> str:
        """The record field that holds the page text.

        Example:

        >>> from newsclean.cli import CleanOptions
        >>> CleanOptions(text_field="body").text_field
        'body'
        """

    @property
    def explain(self) -> bool:
        """Whether the edit log goes into each output record.

        Example:

        >>> from newsclean.cli import CleanOptions
        >>> CleanOptions(explain=True).explain
        True
        """

    def chain(self) -> Chain:
        """The chain to clean each record with (built once per worker process).

        Example:

        >>> from newsclean.cli import CleanOptions
        >>> "extract_captions" in CleanOptions(skip=("extract_captions",)).chain().names
        False
        """


class RecordTimeout(BaseException):
    """A record ran over its time limit in a single-process run (raised by SIGALRM).

    A `BaseException`, so that neither `clean_line`'s catch-all nor the chain's pattern
    guard (which catches `TimeoutError`) takes it for their own.
    """


def record_limit(seconds: float, size: int) -> float:
    """The time limit of a record of `size` bytes: `seconds` per MB, at least `seconds`.

    >>> record_limit(60, 500_000), record_limit(60, 3_000_000)
    (60.0, 180.0)
    """
    return seconds * max(1.0, size / 1e6)


# ---------------------------------------------------------------- cleaning one line

_WORKER_CHAIN: dict[Hashable, Chain] = {}
_CRASH_MARKER: str | None = None
_HANG_MARKER: str | None = None


def _dumps(row: dict[str, Any]) -> bytes:
    """`row` as one line of UTF-8 JSON (no newline), encoded where it is made (in the
    worker process, when there are workers: the parent only writes the bytes)."""
    try:
        return json.dumps(row, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them as JSON escapes
        return json.dumps(row, ensure_ascii=True).encode("utf-8")


def _rejected(where: Position, line: Line, error: str) -> Outcome:
    line = line.decoded()
    row = {"file": line.path, "line": line.number, "error": error, "input": line.text}
    return Outcome(where, line.size, reject=_dumps(row))


def clean_line(where: Position, line: Line, options: CleanOptionsLike) -> Outcome:
    """The outcome of one input line: its cleaned record, or why it was rejected.

    Example:

    >>> from newsclean.cli import CleanOptions
    >>> line = Line("in.jsonl", 1, '{"text": "Ferries resume\\\\nShare this article\\\\nFerries ran again."}')
    >>> outcome = clean_line(Position(0, 1), line, CleanOptions())
    >>> json.loads(outcome.output)["text"], outcome.reject
    ('Ferries ran again.', None)
    >>> outcome = clean_line(Position(0, 2), Line("in.jsonl", 2, '{"text": ', size=9), CleanOptions())
    >>> outcome.output is None, json.loads(outcome.reject)["error"]
    (True, 'invalid JSON: Expecting value: line 1 column 10 (char 9)')
    """
    chain = _worker_chain(options)
    if _HANG_MARKER is not None:
        _hang_hook(line)
    parsed = _parsed(where, line, options)
    if isinstance(parsed, Outcome):
        return parsed
    record, doc = parsed
    try:
        cleaned = chain(doc)
    except Exception as exc:  # a bug must cost one record, never the run
        return _internal_error(where, line, exc)
    return _cleaned(where, line, record, cleaned, options)


def clean_lines(items: Sequence[Item], options: CleanOptionsLike) -> list[Outcome]:
    """`clean_line` of every item, the documents cleaned together (`Chain.batch`: less
    work than one by one, the same outcomes). Should the batch fail, the items are cleaned
    one by one, so that a bug costs its own record only.

    Example:

    >>> from newsclean.cli import CleanOptions
    >>> good = Line("in.jsonl", 1, '{"text": "Ferries resume\\\\nFerries ran again."}')
    >>> items = [(Position(0, 1), good), (Position(0, 2), Line("in.jsonl", 2, "{"))]
    >>> [(o.output is None, o.reject is None) for o in clean_lines(items, CleanOptions())]
    [(False, True), (True, False)]
    """
    if len(items) > 1 and _batch_size(items) > CLEAN_BATCH_BYTES:
        # The documents of a batch are held together: a few at a time, so that a batch of
        # big pages holds no more than one big page did.
        groups = worker_batches(items, CLEAN_BATCH_BYTES)
        return [outcome for group in groups for outcome in clean_lines(group, options)]
    chain = _worker_chain(options)
    outcomes: dict[int, Outcome] = {}
    ready: list[tuple[int, dict[str, Any], Document]] = []
    for at, (where, line) in enumerate(items):
        if _HANG_MARKER is not None:
            _hang_hook(line)
        parsed = _parsed(where, line, options)
        if isinstance(parsed, Outcome):
            outcomes[at] = parsed
        else:
            ready.append((at, *parsed))
    try:
        cleaned = chain.batch([doc for _, _, doc in ready])
    except Exception:  # find the record at fault: one by one
        return [outcomes.get(at) or clean_line(*item, options) for at, item in enumerate(items)]
    for (at, record, _), doc in zip(ready, cleaned, strict=True):
        outcomes[at] = _cleaned(*items[at], record, doc, options)
    del ready, cleaned  # the documents, freed before the memory is handed back
    if is_tuned() and max(map(_line_size, items), default=0) >= RELEASE_AFTER_BYTES:
        release_free_memory()
    return [outcomes[at] for at in range(len(items))]


def _worker_chain(options: CleanOptionsLike) -> Chain:
    chain = _WORKER_CHAIN.get(options)
    if chain is None:
        chain = _WORKER_CHAIN[options] = options.chain()
    return chain


def _parsed(
    where: Position, line: Line, options: CleanOptionsLike
) -> tuple[dict[str, Any], Document] | Outcome:
    """The record of an input line and its document, or the outcome rejecting the line."""
    if not line.text:
        return _rejected(where, line, line.error or "empty line")
    try:
        record = json.loads(line.text)
    except json.JSONDecodeError as exc:
        return _rejected(where, line, f"invalid JSON: {exc}")
    except RecursionError:
        return _rejected(where, line, "invalid JSON: nested too deeply")
    try:
        doc = document_from_record(record, options.text_field)
    except RecordError as exc:
        return _rejected(where, line, str(exc))
    except Exception as exc:  # a bug must cost one record, never the run
        return _internal_error(where, line, exc)
    return record, doc


def _internal_error(where: Position, line: Line, exc: Exception) -> Outcome:
    return _rejected(where, line, f"internal error while cleaning: {type(exc).__name__}: {exc}")


def _cleaned(
    where: Position, line: Line, record: dict[str, Any], doc: Document, options: CleanOptionsLike
) -> Outcome:
    """The outcome of a cleaned document: its record, as the output line."""
    try:
        out = record_output(record, doc, text_field=options.text_field, explain=options.explain)
        if line.error:
            meta = out.setdefault("newsclean", {})
            meta.setdefault("input_errors", []).append(line.error)
            meta["flags"] = sorted({*meta.get("flags", ()), "invalid_utf8"})
        return Outcome(where, line.size, output=_dumps(out), input_error=line.error is not None)
    except Exception as exc:  # a bug must cost one record, never the run
        return _internal_error(where, line, exc)


Item = tuple[Position, Line]


# In a worker process: (deadlines, slot, seconds) when the parent watches the time.
_WATCH: tuple[Any, int, float] | None = None


def _clean_batch(batch: list[Item], options: CleanOptionsLike) -> list[Outcome]:
    batch = [(where, line.decoded()) for where, line in batch]  # sent undecoded (`_pending_lines`)
    if _CRASH_MARKER is not None:
        _crash_hook(batch)
    if _WATCH is None:
        return clean_lines(batch, options)
    deadlines, slot, seconds = _WATCH
    # The batch is cleaned at once, with the limit of one record of its size: past it,
    # the parent stops this worker and retries the batch's records one by one.
    try:
        deadlines[slot] = time.monotonic() + record_limit(seconds, _batch_size(batch))
        return clean_lines(batch, options)
    finally:
        deadlines[slot] = 0.0


def _first_time(once_env: str) -> bool:
    """Test-only: whether a hook fires (every time without a once-file; else only while
    the once-file does not exist yet, which it then creates)."""
    once = os.environ.get(once_env)
    if not once:
        return True
    try:
        Path(once).touch(exist_ok=False)
    except FileExistsError:
        return False
    return True


def _crash_hook(batch: list[Item]) -> None:
    """Test-only: die like a crashed worker on a record holding the marker."""
    assert _CRASH_MARKER is not None
    if any(_CRASH_MARKER in line.text for _, line in batch) and _first_time(CRASH_ONCE_ENV):
        os._exit(70)


def _hang_hook(line: Line) -> None:
    """Test-only: never finish cleaning a record holding the marker, like a filter stuck
    in a loop (sleeping, so that the test costs no CPU)."""
    assert _HANG_MARKER is not None
    if _HANG_MARKER in line.text and _first_time(HANG_ONCE_ENV):
        while True:
            time.sleep(1)


def _exit_with(parent: int, every: float = PARENT_POLL) -> None:
    """End this worker process soon after `parent` ends: a worker blocked on a pipe
    that only the parent read (and that a forked worker also holds open) would
    otherwise wait forever once the parent is killed (SIGKILL, the OOM killer)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="newsclean-parent-watch", daemon=True).start()


def arm_hang_hook() -> None:
    """Test-only: read the hang marker (`HANG_ENV`) for records cleaned in this process."""
    global _HANG_MARKER
    _HANG_MARKER = os.environ.get(HANG_ENV) or None


def _worker_init(
    parent: int, watch: tuple[Any, Any, Any, float] | None = None, tune_malloc: bool = False
) -> None:
    global _CRASH_MARKER, _HANG_MARKER, _WATCH
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if tune_malloc:  # as the parent did (a forked worker inherited it; a spawned one has not)
        keep_big_blocks_on_heap()
    _exit_with(parent)
    _CRASH_MARKER = os.environ.get(CRASH_ENV) or None
    _HANG_MARKER = os.environ.get(HANG_ENV) or None
    if watch is not None:
        deadlines, pids, next_slot, seconds = watch
        with next_slot.get_lock():
            slot = next_slot.value
            next_slot.value += 1
        if slot < len(pids):
            pids[slot] = os.getpid()
            _WATCH = (deadlines, slot, seconds)



# ---------------------------------------------------------------- batching and the workers


def _batch_size(batch: Sequence[Item]) -> int:
    """Input bytes of a batch's records."""
    return sum(line.size for _, line in batch)


def _line_size(item: Item) -> int:
    return item[1].size


def worker_batches(items: Iterable[Item], max_bytes: int = BATCH_BYTES) -> Iterator[list[Item]]:
    """`items` in batches of at most `BATCH_LINES` lines and `max_bytes` (a longer record
    alone)."""
    return batched(items, _line_size, max_count=BATCH_LINES, max_size=max_bytes)


def _start_method() -> str:
    """How worker processes start: forked from this process where that is safe (on Linux,
    since macOS's system libraries are not fork-safe, and with no other thread that a
    fork could catch holding a lock), so that they inherit the imported package instead
    of importing it again (about 0.3 s of CPU each); spawned afresh otherwise."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


class WorkerPool:
    """Worker processes that clean batches in order and survive a worker's death; a
    worker that runs over a record's time limit is stopped, which counts as a death.

    Each worker writes the deadline of the record it is cleaning into a shared array;
    the parent looks at it while it waits for a batch, and kills an overdue worker.
    """

    def __init__(self, workers: int, options: CleanOptionsLike, record_timeout: float = 0.0,
                 in_flight_bytes: int = IN_FLIGHT_BYTES) -> None:
        self.workers = workers
        self.options = options
        self.record_timeout = record_timeout
        self.in_flight_bytes = in_flight_bytes
        self.submitted = 0  # batches handed to the executor
        self.retried = 0
        self.timeouts = 0
        self.watch: tuple[Any, Any] | None = None  # (deadlines, pids), one slot per worker
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(_start_method())
        watch: tuple[Any, Any, Any, float] | None = None
        if self.record_timeout > 0:
            deadlines = context.Array("d", self.workers, lock=False)
            pids = context.Array("i", self.workers, lock=False)
            self.watch = (deadlines, pids)
            watch = (deadlines, pids, context.Value("i", 0), self.record_timeout)
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_worker_init,
            initargs=(os.getpid(), watch, is_tuned()),
        )

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self, *, wait: bool = True) -> None:
        """Shut the pool down: after the batches in flight (`wait`), or at once.

        Stopping at once terminates the workers, and one may be stopped half-way through
        sending a batch's results. The executor's thread would then wait forever for the
        rest of that message (this process holds the result pipe's write end too, so the
        pipe never reaches its end), and the interpreter waits for that thread when it
        exits: an interrupted run hung (reproduced about once in 30 interrupts on a busy
        machine). Closing this process's write end turns that wait into an end of file,
        which the executor takes for a broken pool, and it shuts down.
        """
        if not wait:
            self._stop_workers()
        self.executor.shutdown(wait=wait, cancel_futures=True)

    def _processes(self) -> list[Any]:
        """The executor's worker processes (none once it is shut down)."""
        return list((getattr(self.executor, "_processes", None) or {}).values())

    def _stop_workers(self) -> None:
        """Terminate every worker and close this process's write end of the result pipe,
        so that a message a worker left half sent ends (see `close`)."""
        for process in self._processes():
            process.terminate()
        writer = getattr(getattr(self.executor, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()

    def _submit(self, batch: list[Item]) -> Future[list[Outcome]]:
        """The batch sent to a worker; a pool that broke since the last look refuses it,
        and the future then holds that error, so that the batch goes through recovery."""
        self.submitted += 1
        try:
            return self.executor.submit(_clean_batch, batch, self.options)
        except BrokenProcessPool as exc:
            refused: Future[list[Outcome]] = Future()
            refused.set_exception(exc)
            return refused

    def _result(self, future: Future[list[Outcome]]) -> list[Outcome]:
        """The batch's outcomes; while waiting, stop the workers past a deadline, and
        look for a worker that died (the pool then breaks, and `future.result()` raises
        `BrokenProcessPool`).

        A worker that died half-way through sending its results (killed by the time
        limit or by the system) leaves a message that the executor's thread would wait
        for forever, with this future never done. So once a worker is seen dead, the
        others are stopped too and this process's write end of the result pipe is
        closed: the pipe ends, and the pool breaks as the executor would break it
        itself (it stops the other workers when one dies).
        """
        poll = min(1.0, max(0.05, self.record_timeout / 4)) if self.watch is not None else 1.0
        while not wait([future], timeout=poll).done:
            if self.watch is not None:
                self._stop_overdue()
            if any(process.exitcode is not None for process in self._processes()):
                self._stop_workers()
        return future.result()

    def _stop_overdue(self) -> None:
        assert self.watch is not None
        deadlines, pids = self.watch
        now = time.monotonic()
        for slot in range(self.workers):
            if 0.0 < deadlines[slot] < now and pids[slot]:
                deadlines[slot] = 0.0
                try:
                    os.kill(pids[slot], getattr(signal, "SIGKILL", signal.SIGTERM))
                except ProcessLookupError:
                    continue
                self.timeouts += 1

    def outcomes(self, batches: Iterable[list[Item]]) -> Iterator[Outcome]:
        """Outcomes in input order. Batches in flight: at least two per worker, and more
        while their input stays under `in_flight_bytes` per worker, so that a batch
        holding a huge page does not leave the other workers idle while it is cleaned."""
        pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
        source = iter(batches)
        exhausted = False
        in_flight = 0
        budget = self.in_flight_bytes * self.workers
        while True:
            while not exhausted and (len(pending) < 2 * self.workers or in_flight < budget):
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                else:
                    pending.append((batch, self._submit(batch)))
                    in_flight += _batch_size(batch)
            if not pending:
                return
            batch, future = pending.popleft()
            in_flight -= _batch_size(batch)
            try:
                yield from self._result(future)
            except BrokenProcessPool:
                yield from self._recover([batch, *(b for b, _ in pending)], pending)
                pending.clear()
                in_flight = 0

    def _recover(self, batches: list[list[Item]],
                 pending: deque[tuple[list[Item], Future[list[Outcome]]]]) -> Iterator[Outcome]:
        """A worker died: keep the batches that finished, retry the others record by record."""
        finished = {id(b): f for b, f in pending if f.done() and f.exception() is None}
        self._restart()
        for batch in batches:
            done = finished.get(id(batch))
            if done is not None:
                yield from done.result()
                continue
            for item in batch:
                self.retried += 1
                yield self._retry(item)

    def _retry(self, item: Item) -> Outcome:
        timeouts = self.timeouts
        try:
            return self._result(self._submit([item]))[0]
        except BrokenProcessPool:
            self._restart()
            where, line = item
            if self.timeouts > timeouts:
                limit = record_limit(self.record_timeout, line.size)
                error = (f"timed out: cleaning this record took over {limit:g} s (--record-timeout) "
                         "when retried alone; its worker was stopped")
            else:
                error = "a worker process died twice while cleaning this record"
            return _rejected(where, line, error)


class SerialCleaner:
    """Records cleaned in this process, in batches (`clean_lines`). With a time limit,
    SIGALRM interrupts a batch that runs over it (only in the main thread, where signals
    are delivered); its records are cleaned again one at a time, each under its own limit,
    and a record that runs over it is rejected (one alone in its batch is retried once)."""

    def __init__(self, options: CleanOptionsLike, record_timeout: float = 0.0) -> None:
        self.options = options
        self.record_timeout = 0.0
        self.retried = 0
        self.timeouts = 0
        self.armed = False
        self.previous: Callable[[int, FrameType | None], Any] | int | None = None
        if record_timeout > 0 and hasattr(signal, "setitimer"):
            try:
                self.previous = signal.signal(signal.SIGALRM, self._ring)
            except ValueError:  # not the main thread: no limit
                return
            self.record_timeout = record_timeout

    def _ring(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:  # a late signal, after the record was done, is ignored
            raise RecordTimeout

    def close(self, *, wait: bool = True) -> None:
        if self.record_timeout > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous if self.previous is not None else signal.SIG_DFL)
            self.record_timeout = 0.0

    def outcomes(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Outcomes in input order, the records cleaned a batch at a time (`clean_lines`);
        a batch that runs over the limit of one record of its size is cleaned again
        record by record, each under its own limit."""
        for batch in worker_batches(items, CLEAN_BATCH_BYTES):
            yield from self._clean_batch(batch)

    def _clean_batch(self, batch: list[Item]) -> list[Outcome]:
        if len(batch) == 1:
            return [self._clean(*batch[0])]
        if self.record_timeout <= 0:
            return clean_lines(batch, self.options)
        try:
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, record_limit(self.record_timeout, _batch_size(batch)))
            try:
                return clean_lines(batch, self.options)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                self.armed = False
        except RecordTimeout:
            self.timeouts += 1
            self.retried += len(batch)
            return [self._clean(where, line, tries=1) for where, line in batch]

    def _clean(self, where: Position, line: Line, tries: int = 2) -> Outcome:
        """One record under its own limit, given `tries` (one when it already ran over
        a limit as part of a batch)."""
        if self.record_timeout <= 0:
            return clean_line(where, line, self.options)
        limit = record_limit(self.record_timeout, line.size)
        for attempt in range(1, tries + 1):
            try:
                self.armed = True
                signal.setitimer(signal.ITIMER_REAL, limit)
                try:
                    return clean_line(where, line, self.options)
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    self.armed = False
            except RecordTimeout:
                self.timeouts += 1
                self.retried += attempt < tries
        return _rejected(where, line, f"timed out: cleaning this record took over {limit:g} s "
                                      "(--record-timeout) twice")
