"""A run's partial output: records appended a chunk at a time, a journal of the
finished chunks, and the rename into place at the end.

A run appends its output, a chunk of records at a time, to `OUT.partial/output.jsonl`
(its rejects to `OUT.partial/rejects.jsonl`), next to the output, and then one line per
finished chunk to `OUT.partial/journal.jsonl`, with the files' lengths (each file and
journal line is fsync'd before the next chunk starts). The journal says where in the
input the run stands, so a run killed at any moment resumes (`--resume`) after its last
finished chunk, the files cut back to it. When the input is done, the files are renamed
into place: the output appears complete or not at all, and is never copied (a run
needs its output's size of disk once, not twice). An output named `*.gz` gets each chunk
as a gzip member of its own, so a file cut back to a finished chunk is whole gzip.
"""

from __future__ import annotations

import errno
import gzip
import itertools
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

# An output named *.gz is written as gzip, one member per chunk, at the level that
# gzip(1) uses by default.
GZIP_LEVEL = 6
# The journal's format; a partial run written by another version is not resumed.
JOURNAL_VERSION = 2


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
    """A cleaned record (`output`) or a rejected one (`reject`), each one JSON line in
    UTF-8, with the size of its input line (`newsclean.workers.clean_line` makes them).

    Example:

    >>> outcome = Outcome(Position(0, 2), 9, reject=b'{"line": 2, "error": "invalid JSON"}')
    >>> outcome.output is None, json.loads(outcome.reject)["error"]
    (True, 'invalid JSON')
    """

    where: Position
    size: int
    output: bytes | None = None
    reject: bytes | None = None
    input_error: bool = False


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
    try:
        os.replace(part, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        # A rejects file named on another file system (`--rejects`): copied, then renamed
        # there, so it too appears complete or not at all.
        copy = target.with_name(target.name + ".tmp")
        shutil.copyfile(part, copy)
        os.replace(copy, target)
        part.unlink()
