"""The `newsclean clean` run loop: records in, cleaned records out, nothing lost.

The input lines are read in order and cleaned in batches (`newsclean.workers`: in this
process, or in worker processes); their outcomes are committed a chunk at a time to the
partial output (`newsclean.journal`), which a run killed at any moment resumes from
(`--resume`), and which is renamed into place once the input is done. Records that
cannot be cleaned go to the rejects file with their file, line number and error. A run
writing to standard output (`-o -`) sends each chunk down the pipe instead
(`newsclean.piped`), and a run may read standard input (`-`).
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, TextIO

import attrs

from newsclean.journal import JOURNAL_VERSION, Journal, Outcome, Position, compresses, partial_dir
from newsclean.jsonl import MAX_LINE_BYTES, STDIN, read_lines
from newsclean.piped import PipedOutput, is_stdout
from newsclean.workers import CleanOptionsLike, Item, SerialCleaner, WorkerPool, arm_hang_hook, worker_batches

# Records per chunk file (a resumed run loses at most one chunk of work).
CHECKPOINT_EVERY = 1000
# Seconds between two progress-bar updates.
PROGRESS_EVERY = 0.5
# Exit status of a run stopped by SIGINT (the shell's convention).
INTERRUPTED = 130
# Exit status of a run whose reader closed the output pipe (as if killed by SIGPIPE).
OUTPUT_CLOSED = 141
# Seconds a record may take to clean, per MB of its input line (at least this many).
RECORD_TIMEOUT = 60.0


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
    rejects: Path | None = None  # where rejected records go; None: next to the output

    @property
    def rejects_file(self) -> Path | None:
        """The rejects file: `rejects` if set, else `rejects_path(output)`; `None` for a run
        writing to standard output without one (its rejects go to standard error).

        Example:

        >>> RunSettings(inputs=("in.jsonl",), output=Path("clean.jsonl")).rejects_file.as_posix()
        'clean.rejects.jsonl'
        >>> RunSettings(inputs=("in.jsonl",), output=Path("-")).rejects_file is None
        True
        """
        if self.rejects is not None or is_stdout(self.output):
            return self.rejects
        return rejects_path(self.output)


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
    output_closed: bool = False  # the reader of standard output went away
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


# ---------------------------------------------------------------- reading


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


def _input_fingerprint(path: str) -> dict[str, Any]:
    if path == STDIN:
        return {"path": STDIN}
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


def run(options: CleanOptionsLike, settings: RunSettings, *, log: TextIO | None = None,
        stdout: IO[bytes] | None = None) -> RunSummary:
    """Clean every record of `settings.inputs` into `settings.output`; see the module doc.
    Progress and piped rejects go to `log` (default: standard error); a run writing to
    standard output writes to `stdout` when given.

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
    log = sys.stderr if log is None else log
    summary = RunSummary()
    sink: Journal | PipedOutput
    if is_stdout(settings.output):
        sink = PipedOutput(sys.stdout.buffer if stdout is None else stdout, settings.rejects_file, log)
        sink.start_fresh()
        start = Position(0, 0)
    else:
        sink = _journal(options, settings, summary)
        start = sink.position
    # Worker processes get the lines' bytes and decode them there: the parent's work
    # (its CPU shared with the workers) is then reading and writing bytes.
    items = _pending_lines(settings.inputs, start, settings.max_line_bytes,
                           summary.empty_inputs, decode=settings.workers <= 1)
    arm_hang_hook()  # test-only, for a run in this process (workers arm their own)
    pool: WorkerPool | SerialCleaner
    if settings.workers > 1:
        pool = WorkerPool(settings.workers, options, settings.record_timeout)
        outcomes = pool.outcomes(worker_batches(items))
    else:
        pool = SerialCleaner(options, settings.record_timeout)
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
                        sink.commit(chunk)
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
                sink.commit(chunk)
            clean_exit = True
    except BrokenPipeError:  # only a pipe raises it: the reader has what it wanted
        summary.output_closed = True
    finally:
        summary.retried = pool.retried
        summary.timeouts = pool.timeouts
        pool.close(wait=clean_exit and not summary.interrupted)
        if isinstance(sink, PipedOutput):
            sink.close()
    progress.update(summary.records, summary.bytes_read, final=True)
    if isinstance(sink, Journal) and not summary.interrupted:
        sink.assemble(settings.output, settings.rejects or rejects_path(settings.output))
    return summary


def _journal(options: CleanOptionsLike, settings: RunSettings, summary: RunSummary) -> Journal:
    """The journal of a run writing a file: a fresh one, or the resumed one, whose
    finished chunks are counted into `summary`."""
    output = settings.output
    output.parent.mkdir(parents=True, exist_ok=True)
    if settings.rejects is not None:
        settings.rejects.parent.mkdir(parents=True, exist_ok=True)
    header = {
        "version": JOURNAL_VERSION,
        "inputs": [_input_fingerprint(p) for p in settings.inputs],
        "options": repr(options),
        "checkpoint_every": settings.checkpoint_every,
        "max_line_bytes": settings.max_line_bytes,
    }
    journal = Journal(partial_dir(output), header, compress=compresses(output))
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
    return journal


def describe(summary: RunSummary, settings: RunSettings) -> str:
    """The end-of-run summary line(s) for stderr.

    Example:

    >>> settings = RunSettings(inputs=("in.jsonl",), output=Path("clean.jsonl"))
    >>> print(describe(RunSummary(cleaned=3, rejected=1), settings))
    newsclean: 3 documents cleaned into clean.jsonl; 1 records rejected, see clean.rejects.jsonl
    """
    output = settings.output
    piped = is_stdout(output)
    lines = [f"newsclean: warning: {path} has no records" for path in summary.empty_inputs]
    if summary.interrupted and piped:
        lines.append(f"newsclean: interrupted after {summary.records} records, "
                     f"{summary.cleaned} of them written to standard output")
        return "\n".join(lines)
    if summary.interrupted:
        lines.append(
            f"newsclean: interrupted after {summary.records} records; the finished part is in "
            f"{partial_dir(output)}; rerun the same command with --resume to continue"
        )
        return "\n".join(lines)
    where = "to standard output" if piped else f"into {output}"
    text = f"newsclean: {summary.cleaned} documents cleaned {where}"
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
        rejects = settings.rejects_file
        text += f"; {summary.rejected} records rejected, see " + (
            "the lines above" if rejects is None else str(rejects))
    lines.append(text)
    return "\n".join(lines)


def exit_status(summary: RunSummary) -> int:
    """0 when every record was cleaned, 1 when some were rejected, 130 when interrupted,
    141 when the reader of standard output went away.

    Example:

    >>> exit_status(RunSummary(cleaned=5)), exit_status(RunSummary(cleaned=4, rejected=1))
    (0, 1)
    >>> exit_status(RunSummary(cleaned=2, interrupted=True))
    130
    """
    if summary.output_closed:
        return OUTPUT_CLOSED
    if summary.interrupted:
        return INTERRUPTED
    return 1 if summary.rejected else 0
