"""The `newsclean clean` run loop: records in, cleaned records out, nothing lost.

A run appends its output, a chunk of records at a time, to `OUT.partial/output.jsonl`
(its rejects to `OUT.partial/rejects.jsonl`), next to the output, and then one line per
finished chunk to `OUT.partial/journal.jsonl`, with the files' lengths (each file and
journal line is fsync'd before the next chunk starts). The journal says where in the
input the run stands, so a run killed at any moment resumes (`--resume`) after its last
finished chunk, the files cut back to it. When the input is done, the files are renamed
into place: the output appears complete or not at all, and is never copied (a run
needs its output's size of disk once, not twice).

Records that cannot be cleaned go to the rejects file with their file, line number and
error. With worker processes, a worker that dies does not hang the run: the records it
may have held are retried once, one at a time, and rejected if they fail again. The
parent then only moves bytes: it hands the workers the input lines undecoded, and they
hand back each record already encoded (the parent's CPU is the workers' too).

Records are cleaned in batches (`clean_lines`: the article model reads a batch's pages
together). A record may take `record_timeout` seconds per MB of its input line (at least
that many), and a batch as long as one record of its size. With worker processes, the
parent stops a worker that runs over (SIGKILL) and goes on as for a dead worker. In a
single-process run, SIGALRM interrupts the batch (POSIX, main thread only: elsewhere
there is no limit), whose records are then cleaned one at a time, each under its own
limit; a record that runs over it is rejected (a record alone in its batch is first
retried once).
"""

from __future__ import annotations

import gzip
import itertools
import json
import multiprocessing
import os
import shutil
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
from typing import Any, Protocol, TextIO

import attrs

from newsclean.batching import batched
from newsclean.chain import Chain
from newsclean.document import Document
from newsclean.jsonl import MAX_LINE_BYTES, Line, read_lines
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
# Records per chunk file (a resumed run loses at most one chunk of work).
CHECKPOINT_EVERY = 1000
# An output named *.gz is written as gzip, one member per chunk, at the level that
# gzip(1) uses by default.
GZIP_LEVEL = 6
# Seconds between two progress-bar updates.
PROGRESS_EVERY = 0.5
# Seconds between a worker's looks at whether the run's process is still alive.
PARENT_POLL = 0.5
# Exit status of a run stopped by SIGINT (the shell's convention).
INTERRUPTED = 130
# Seconds a record may take to clean, per MB of its input line (at least this many).
RECORD_TIMEOUT = 60.0
# Test-only: a worker whose record holds this marker calls os._exit (see `_crash_hook`).
CRASH_ENV = "NEWSCLEAN_TEST_CRASH_MARKER"
CRASH_ONCE_ENV = "NEWSCLEAN_TEST_CRASH_ONCE_FILE"
# Test-only: cleaning a record that holds this marker never ends (see `_hang_hook`).
HANG_ENV = "NEWSCLEAN_TEST_HANG_MARKER"
HANG_ONCE_ENV = "NEWSCLEAN_TEST_HANG_ONCE_FILE"
JOURNAL_VERSION = 2


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


class ResumeError(ValueError):
    """A partial run that cannot be resumed with these inputs and options.

    Example:

    >>> import tempfile
    >>> directory = Path(tempfile.mkdtemp()) / "out.jsonl.partial"
    >>> Journal(directory, {"inputs": ["a.jsonl"]}).start_fresh()
    >>> try:
    ...     Journal(directory, {"inputs": ["b.jsonl"]}).load()
    ... except ResumeError as exc:
    ...     print(str(exc).split("; ")[-1])
    rerun without --resume to start over
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


@attrs.frozen
class Position:
    """An input line: index of the file in the run's inputs, and line number (1-based).

    Example:

    >>> where = Position(file=0, line=12)
    >>> where, where == Position(0, 12)
    (Position(file=0, line=12), True)
    """

    file: int
    line: int


@attrs.frozen
class Outcome:
    """A cleaned record (`output`) or a rejected one (`reject`), with its input size.

    Example:

    >>> from newsclean.cli import CleanOptions
    >>> outcome = clean_line(Position(0, 2), Line("in.jsonl", 2, '{"text": ', size=9), CleanOptions())
    >>> outcome.output is None, json.loads(outcome.reject)["error"]
    (True, 'invalid JSON: Expecting value: line 1 column 10 (char 9)')
    """

    where: Position
    size: int
    output: bytes | None = None
    reject: bytes | None = None
    input_error: bool = False


@attrs.frozen
class RunSettings:
    """How a run reads, writes and checkpoints.

    Example:

    >>> settings = RunSettings(inputs=("pages.jsonl",), output=Path("clean.jsonl"), workers=4)
    >>> settings.workers, settings.checkpoint_every, settings.resume
    (4, 1000, False)
    """

    inputs: tuple[str, ...]
    output: Path
    workers: int = 1
    resume: bool = False
    checkpoint_every: int = CHECKPOINT_EVERY
    max_line_bytes: int = MAX_LINE_BYTES
    record_timeout: float = RECORD_TIMEOUT  # seconds per MB of a record; 0: no limit


@attrs.define
class RunSummary:
    """Counts over the whole run (resumed runs include the earlier part).

    Example:

    >>> summary = RunSummary(cleaned=998, rejected=2)
    >>> summary.records, exit_status(summary)
    (1000, 1)
    """

    cleaned: int = 0
    rejected: int = 0
    repaired: int = 0
    retried: int = 0
    timeouts: int = 0
    bytes_read: int = 0
    resumed_chunks: int = 0
    interrupted: bool = False
    empty_inputs: list[str] = attrs.Factory(list)

    @property
    def records(self) -> int:
        """Records read: cleaned plus rejected.

        Example:

        >>> RunSummary(cleaned=10, rejected=3, repaired=1).records
        13
        """
        return self.cleaned + self.rejected


def rejects_path(output: Path) -> Path:
    """Where the rejected records of a run writing `output` go.

    >>> rejects_path(Path("out/clean.jsonl")).as_posix()
    'out/clean.rejects.jsonl'
    """
    name = output.name
    for suffix in (".jsonl.gz", ".jsonl", ".json"):
        if name.endswith(suffix):
            return output.with_name(name[: -len(suffix)] + ".rejects.jsonl")
    return output.with_name(name + ".rejects.jsonl")


def compresses(output: Path) -> bool:
    """Whether a run writes `output` as gzip (its name ends in `.gz`); the rejects stay
    plain JSONL.

    >>> compresses(Path("out/clean.jsonl.gz")), compresses(Path("out/clean.jsonl"))
    (True, False)
    """
    return output.name.endswith(".gz")


def partial_dir(output: Path) -> Path:
    """The directory holding a run's chunks and journal until the output is complete.

    Example:

    >>> partial_dir(Path("out/clean.jsonl")).as_posix()
    'out/clean.jsonl.partial'
    """
    return output.with_name(output.name + ".partial")


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
        groups = _batches(items, CLEAN_BATCH_BYTES)
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


def _worker_init(parent: int, watch: tuple[Any, Any, Any, float] | None = None) -> None:
    global _CRASH_MARKER, _HANG_MARKER, _WATCH
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
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


# ---------------------------------------------------------------- reading and batching


def _pending_lines(inputs: Sequence[str], start: Position, max_line_bytes: int,
                   empty: list[str], *, decode: bool = True) -> Iterator[Item]:
    for index, path in enumerate(inputs):
        if index < start.file:
            continue
        skip = start.line if index == start.file else 0
        seen = False
        for line in read_lines(path, max_line_bytes=max_line_bytes, skip_through=skip, decode=decode):
            seen = True
            yield Position(index, line.number), line
        if not seen and skip == 0:
            empty.append(path)


def _batch_size(batch: Sequence[Item]) -> int:
    """Input bytes of a batch's records."""
    return sum(line.size for _, line in batch)


def _line_size(item: Item) -> int:
    return item[1].size


def _batches(items: Iterable[Item], max_bytes: int = BATCH_BYTES) -> Iterator[list[Item]]:
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


class _Pool:
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
            self.workers, mp_context=context, initializer=_worker_init, initargs=(os.getpid(), watch)
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


class _Serial:
    """Records cleaned one by one in this process. With a time limit, SIGALRM interrupts
    a record that runs over it (only in the main thread, where signals are delivered);
    the record is retried once, then rejected."""

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
        for batch in _batches(items, CLEAN_BATCH_BYTES):
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


# ---------------------------------------------------------------- chunks and journal


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _each_on_its_line(lines: Sequence[bytes]) -> Iterator[bytes]:
    """`lines` each followed by a newline, for `writelines` (no joined copy).

    >>> b"".join(_each_on_its_line([b"a", b"b"]))
    b'a\\nb\\n'
    """
    return itertools.chain.from_iterable(zip(lines, itertools.repeat(b"\n")))


def _write_durably(path: Path, lines: Sequence[bytes]) -> None:
    """Write `lines` (UTF-8, one per line) to a temporary name, fsync, and rename to
    `path`."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        fh.writelines(_each_on_its_line(lines))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@attrs.frozen
class ChunkEntry:
    """One finished chunk, as the journal records it: where in the input it ends, what
    became of its records, and how long the output and rejects files are with it.

    Example:

    >>> entry = ChunkEntry(chunk=0, file=0, line=1000, cleaned=998, rejected=2, repaired=0, size=123456,
    ...                    output_bytes=98765, rejects_bytes=321)
    >>> ChunkEntry(**json.loads(entry.to_json())) == entry
    True
    """

    chunk: int
    file: int
    line: int
    cleaned: int
    rejected: int
    repaired: int
    size: int
    output_bytes: int = 0
    rejects_bytes: int = 0

    def to_json(self) -> str:
        """The entry as one journal line.

        Example:

        >>> row = ChunkEntry(chunk=3, file=1, line=40, cleaned=9, rejected=1, repaired=0, size=512,
        ...                  output_bytes=4096, rejects_bytes=80).to_json()
        >>> print(row.replace(', "size"', ',\\n "size"'))
        {"chunk": 3, "file": 1, "line": 40, "cleaned": 9, "rejected": 1, "repaired": 0,
         "size": 512, "output_bytes": 4096, "rejects_bytes": 80}
        """
        return json.dumps(attrs.asdict(self))


class Journal:
    """The partial run's directory: a header naming the inputs and options, one fsync'd
    line per finished chunk, and the output and rejects so far, each one file that
    every chunk is appended to (and fsync'd) before its journal line is written. A
    journal line records how long both files were once its chunk was in them, so a run
    killed between the two writes is cut back to its last finished chunk on resume; at
    the end each file is renamed to where it belongs, never copied.

    Example:

    >>> import tempfile
    >>> journal = Journal(Path(tempfile.mkdtemp()) / "out.jsonl.partial", {"version": 2})
    >>> journal.start_fresh()
    >>> entry = journal.commit([Outcome(Position(0, 1), 30, output=b'{"text": "Ferries ran again."}')])
    >>> entry.cleaned, entry.output_bytes, journal.output_part.read_bytes()
    (1, 31, b'{"text": "Ferries ran again."}\\n')
    >>> journal.path.read_text(encoding="utf-8").splitlines()[0]
    '{"version": 2}'
    """

    def __init__(self, directory: Path, header: dict[str, Any], *, compress: bool = False) -> None:
        self.directory = directory
        self.header = header
        self.compress = compress
        self.path = directory / "journal.jsonl"
        self.output_part = directory / "output.jsonl"
        self.rejects_part = directory / "rejects.jsonl"
        self.entries: list[ChunkEntry] = []

    def start_fresh(self) -> None:
        """Replace whatever the directory held with a journal holding only the header.

        Example:

        >>> import tempfile
        >>> journal = Journal(Path(tempfile.mkdtemp()) / "out.jsonl.partial", {"version": 2})
        >>> journal.start_fresh()
        >>> [path.name for path in journal.directory.iterdir()], journal.entries
        (['journal.jsonl'], [])
        """
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory.mkdir(parents=True)
        _write_durably(self.path, [json.dumps(self.header).encode("utf-8")])
        _fsync_dir(self.directory.parent)

    def load(self) -> None:
        """Read the finished chunks: a torn last line, or a line whose chunk is not
        wholly in the files, ends the valid part. The journal is written back with the
        valid part, and the files are cut back to it.

        Example:

        >>> import tempfile
        >>> directory = Path(tempfile.mkdtemp()) / "out.jsonl.partial"
        >>> first = Journal(directory, {"version": 2})
        >>> first.start_fresh()
        >>> _ = first.commit([Outcome(Position(0, 1), 30, output=b'{"text": "Ferries ran again."}')])
        >>> with first.output_part.open("ab") as torn:  # a chunk killed half-way
        ...     _ = torn.write(b'{"text": "Ferr')
        >>> resumed = Journal(directory, {"version": 2})
        >>> resumed.load()
        >>> len(resumed.entries), resumed.position, resumed.output_part.read_bytes()
        (1, Position(file=0, line=1), b'{"text": "Ferries ran again."}\\n')
        """
        rows = self.path.read_text(encoding="utf-8").split("\n")
        try:
            header = json.loads(rows[0])
        except json.JSONDecodeError:
            raise ResumeError(f"{self.path} is damaged; rerun without --resume to start over") from None
        if isinstance(header, dict) and header.get("version") != self.header.get("version"):
            raise ResumeError(
                f"the partial run in {self.directory} was made by another version of newsclean; "
                "rerun without --resume to start over"
            )
        if header != self.header:
            raise ResumeError(
                f"the partial run in {self.directory} was made with other inputs or options; "
                "rerun without --resume to start over"
            )
        sizes = (_file_size(self.output_part), _file_size(self.rejects_part))
        for row in rows[1:]:
            try:
                entry = ChunkEntry(**json.loads(row))
            except (json.JSONDecodeError, TypeError):
                break
            if entry.chunk != len(self.entries):
                break
            if entry.output_bytes > sizes[0] or entry.rejects_bytes > sizes[1]:
                break  # the chunk's lines are not all in the files
            self.entries.append(entry)
        output_bytes, rejects_bytes = self._sizes()
        _cut_durably(self.output_part, output_bytes)
        _cut_durably(self.rejects_part, rejects_bytes)
        rows_kept = [json.dumps(self.header), *(e.to_json() for e in self.entries)]
        _write_durably(self.path, [row.encode("utf-8") for row in rows_kept])

    def _sizes(self) -> tuple[int, int]:
        """How long the output and rejects files are with the finished chunks."""
        if not self.entries:
            return 0, 0
        return self.entries[-1].output_bytes, self.entries[-1].rejects_bytes

    @property
    def position(self) -> Position:
        """The last input line consumed by a finished chunk.

        Example:

        >>> Journal(Path("out/clean.jsonl.partial"), {}).position
        Position(file=0, line=0)
        """
        if not self.entries:
            return Position(0, 0)
        last = self.entries[-1]
        return Position(last.file, last.line)

    def commit(self, outcomes: Sequence[Outcome]) -> ChunkEntry:
        """Append one chunk to the output and rejects files durably, then record it in
        the journal.

        Example:

        >>> import tempfile
        >>> journal = Journal(Path(tempfile.mkdtemp()) / "out.jsonl.partial", {"version": 2})
        >>> journal.start_fresh()
        >>> entry = journal.commit([Outcome(Position(0, 1), 30, output=b'{"text": "Ferries ran again."}'),
        ...                         Outcome(Position(0, 2), 9, reject=b'{"error": "invalid JSON"}')])
        >>> entry.cleaned, entry.rejected, journal.output_part.read_text(encoding="utf-8")
        (1, 1, '{"text": "Ferries ran again."}\\n')
        >>> journal.commit([Outcome(Position(0, 3), 12, output=b'{"text": "Rain."}')]).output_bytes
        49
        """
        outputs = [o.output for o in outcomes if o.output is not None]
        rejects = [o.reject for o in outcomes if o.reject is not None]
        output_bytes, rejects_bytes = self._sizes()
        if outputs:
            output_bytes = _append_durably(self.output_part, outputs, compress=self.compress)
        if rejects:
            rejects_bytes = _append_durably(self.rejects_part, rejects)
        entry = ChunkEntry(
            chunk=len(self.entries), file=outcomes[-1].where.file, line=outcomes[-1].where.line,
            cleaned=len(outputs), rejected=len(rejects),
            repaired=sum(o.input_error for o in outcomes), size=sum(o.size for o in outcomes),
            output_bytes=output_bytes, rejects_bytes=rejects_bytes,
        )
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(entry.to_json() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.entries.append(entry)
        return entry

    def assemble(self, output: Path, rejects: Path) -> None:
        """Rename the output and rejects files into place, complete (with no rejects, a
        rejects file left from an earlier run goes); then remove the partial run.

        Example:

        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> journal = Journal(folder / "out.jsonl.partial", {"version": 2})
        >>> journal.start_fresh()
        >>> _ = journal.commit([Outcome(Position(0, 1), 30, output=b'{"text": "Ferries ran again."}')])
        >>> journal.assemble(folder / "out.jsonl", folder / "out.rejects.jsonl")
        >>> sorted(path.name for path in folder.iterdir()), (folder / "out.jsonl").read_text(encoding="utf-8")
        (['out.jsonl'], '{"text": "Ferries ran again."}\\n')
        """
        output_bytes, rejects_bytes = self._sizes()
        if self.compress and not output_bytes:  # an empty gzip file is no gzip stream
            output_bytes = _append_durably(self.output_part, [], compress=True)
        _move_into_place(self.output_part, output_bytes, output)
        if rejects_bytes:
            _move_into_place(self.rejects_part, rejects_bytes, rejects)
        else:
            rejects.unlink(missing_ok=True)  # a stale file from an earlier run would mislead
        shutil.rmtree(self.directory)
        _fsync_dir(output.parent)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _append_durably(path: Path, lines: Sequence[bytes], *, compress: bool = False) -> int:
    """Append `lines` (UTF-8, one per line) to `path`, as one gzip member if `compress`
    (members read back as one stream), and fsync it; the file's length after them.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "out.jsonl.gz"
    >>> first = _append_durably(path, [b'{"id": 1}'], compress=True)
    >>> first < _append_durably(path, [b'{"id": 2}'], compress=True)
    True
    >>> gzip.decompress(path.read_bytes())
    b'{"id": 1}\\n{"id": 2}\\n'
    """
    with path.open("ab") as fh:
        if compress:
            fh.write(gzip.compress(b"".join(_each_on_its_line(lines)), compresslevel=GZIP_LEVEL, mtime=0))
        else:
            fh.writelines(_each_on_its_line(lines))
        fh.flush()
        os.fsync(fh.fileno())
        return fh.tell()


def _cut_durably(path: Path, size: int) -> None:
    """Cut `path` back to `size` bytes (what the finished chunks wrote), if it is longer."""
    if _file_size(path) > size:
        with path.open("r+b") as fh:
            fh.truncate(size)
            fh.flush()
            os.fsync(fh.fileno())


def _move_into_place(part: Path, size: int, target: Path) -> None:
    """Rename the partial file `part`, cut to `size` bytes (created empty when no chunk
    wrote to it), to `target`: one rename in the same directory's file system, so the
    target is the complete file or what it was before."""
    if not part.exists():
        part.touch()
    _cut_durably(part, size)
    os.replace(part, target)


def _input_fingerprint(path: str) -> dict[str, Any]:
    stat = Path(path).stat()
    return {"path": str(Path(path).resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


# ---------------------------------------------------------------- progress and stopping


class Progress:
    """Documents and MB/s on `stream`, redrawn in place, when it is a terminal.

    Example:

    >>> import io
    >>> Progress(io.StringIO()).enabled
    False
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.started = self.shown = time.monotonic()

    def update(self, docs: int, size: int, final: bool = False) -> None:
        """Redraw the line (at most every `PROGRESS_EVERY` seconds, and once more when `final`).

        Example:

        >>> import io
        >>> class Terminal(io.StringIO):
        ...     def isatty(self) -> bool:
        ...         return True
        >>> progress = Progress(Terminal())
        >>> progress.update(1200, 3_500_000, final=True)
        >>> progress.stream.getvalue().split(" MB/s")[0].rsplit(", ", 1)[0]
        '\\r1200 documents, 3.5 MB'
        """
        now = time.monotonic()
        if not self.enabled or (not final and now - self.shown < PROGRESS_EVERY):
            return
        self.shown = now
        rate = size / 1e6 / max(now - self.started, 1e-9)
        self.stream.write(f"\r{docs} documents, {size / 1e6:.1f} MB, {rate:.1f} MB/s ")
        if final:
            self.stream.write("\n")
        self.stream.flush()


class _StopFlag:
    """The first SIGINT asks the run to stop after the current record; a second one
    interrupts at once (the partial state stays valid either way)."""

    def __init__(self) -> None:
        self.requested = False
        self.previous: Callable[[int, FrameType | None], Any] | int | None = None

    def __enter__(self) -> _StopFlag:
        try:
            self.previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: leave SIGINT alone
            self.previous = None
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


# ---------------------------------------------------------------- the run


def run(options: CleanOptionsLike, settings: RunSettings, *, log: TextIO = sys.stderr) -> RunSummary:
    """Clean every record of `settings.inputs` into `settings.output`; see the module doc.

    Example:

    >>> import io, tempfile
    >>> from newsclean.cli import CleanOptions
    >>> folder = Path(tempfile.mkdtemp())
    >>> source = folder / "in.jsonl"
    >>> _ = source.write_text('{"text": "Ferries resume\\\\nShare this\\\\nFerries ran."}\\nnot json\\n')
    >>> settings = RunSettings(inputs=(str(source),), output=folder / "out.jsonl")
    >>> summary = run(CleanOptions(), settings, log=io.StringIO())
    >>> summary.cleaned, summary.rejected, sorted(path.name for path in folder.iterdir())
    (1, 1, ['in.jsonl', 'out.jsonl', 'out.rejects.jsonl'])
    """
    global _HANG_MARKER
    output = settings.output
    output.parent.mkdir(parents=True, exist_ok=True)
    header = {
        "version": JOURNAL_VERSION,
        "inputs": [_input_fingerprint(p) for p in settings.inputs],
        "options": repr(options),
        "checkpoint_every": settings.checkpoint_every,
        "max_line_bytes": settings.max_line_bytes,
    }
    journal = Journal(partial_dir(output), header, compress=compresses(output))
    summary = RunSummary()
    if settings.resume and journal.path.is_file():
        journal.load()
        summary.resumed_chunks = len(journal.entries)
        for entry in journal.entries:
            summary.cleaned += entry.cleaned
            summary.rejected += entry.rejected
            summary.repaired += entry.repaired
            summary.bytes_read += entry.size
    else:
        journal.start_fresh()
    # Worker processes get the lines' bytes and decode them there: the parent's work
    # (its CPU shared with the workers) is then reading and writing bytes.
    items = _pending_lines(settings.inputs, journal.position, settings.max_line_bytes,
                           summary.empty_inputs, decode=settings.workers <= 1)
    _HANG_MARKER = os.environ.get(HANG_ENV) or None
    pool: _Pool | _Serial
    if settings.workers > 1:
        pool = _Pool(settings.workers, options, settings.record_timeout)
        outcomes = pool.outcomes(_batches(items))
    else:
        pool = _Serial(options, settings.record_timeout)
        outcomes = pool.outcomes(items)
    progress = Progress(log)
    chunk: list[Outcome] = []
    clean_exit = False
    try:
        with _StopFlag() as stop:
            try:
                for outcome in outcomes:
                    chunk.append(outcome)
                    summary.cleaned += outcome.output is not None
                    summary.rejected += outcome.reject is not None
                    summary.repaired += outcome.input_error
                    summary.bytes_read += outcome.size
                    progress.update(summary.records, summary.bytes_read)
                    if len(chunk) >= settings.checkpoint_every or stop.requested:
                        journal.commit(chunk)
                        chunk = []
                    if stop.requested:
                        summary.interrupted = True
                        break
            except KeyboardInterrupt:  # second SIGINT: the unfinished chunk is dropped
                summary.interrupted = True
                dropped = chunk
                chunk = []
                summary.cleaned -= sum(o.output is not None for o in dropped)
                summary.rejected -= sum(o.reject is not None for o in dropped)
            if chunk:
                journal.commit(chunk)
            clean_exit = True
    finally:
        summary.retried = pool.retried
        summary.timeouts = pool.timeouts
        pool.close(wait=clean_exit and not summary.interrupted)
    progress.update(summary.records, summary.bytes_read, final=True)
    if not summary.interrupted:
        journal.assemble(output, rejects_path(output))
    return summary


def describe(summary: RunSummary, settings: RunSettings) -> str:
    """The end-of-run summary line(s) for stderr.

    Example:

    >>> settings = RunSettings(inputs=("in.jsonl",), output=Path("clean.jsonl"))
    >>> print(describe(RunSummary(cleaned=3, rejected=1), settings))
    newsclean: 3 documents cleaned into clean.jsonl; 1 records rejected, see clean.rejects.jsonl
    """
    output = settings.output
    lines = [f"newsclean: warning: {path} has no records" for path in summary.empty_inputs]
    if summary.interrupted:
        lines.append(
            f"newsclean: interrupted after {summary.records} records; the finished part is in "
            f"{partial_dir(output)}; rerun the same command with --resume to continue"
        )
        return "\n".join(lines)
    text = f"newsclean: {summary.cleaned} documents cleaned into {output}"
    if summary.resumed_chunks:
        text += f" (resumed after {summary.resumed_chunks} finished chunks)"
    if summary.repaired:
        text += f"; {summary.repaired} with invalid UTF-8 replaced (flagged invalid_utf8)"
    if summary.timeouts:
        text += (f"; {summary.timeouts} tries stopped at the time limit "
                 f"({settings.record_timeout:g} s per MB, --record-timeout)")
    if summary.retried:
        text += f"; {summary.retried} records retried after a worker died or a record ran over its time limit"
    if summary.rejected:
        text += f"; {summary.rejected} records rejected, see {rejects_path(output)}"
    lines.append(text)
    return "\n".join(lines)


def exit_status(summary: RunSummary) -> int:
    """0 when every record was cleaned, 1 when some were rejected, 130 when interrupted.

    Example:

    >>> exit_status(RunSummary(cleaned=5)), exit_status(RunSummary(cleaned=4, rejected=1))
    (0, 1)
    >>> exit_status(RunSummary(cleaned=2, interrupted=True))
    130
    """
    if summary.interrupted:
        return INTERRUPTED
    return 1 if summary.rejected else 0
