"""Reading JSONL files, plain or gzip, line by line, with every problem reported by
position instead of raised.

>>> import gzip, io, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "pages.jsonl.gz")
>>> with gzip.open(path, "wt", encoding="utf-8") as fh:
...     _ = fh.write('{"text": "a"}\\n\\n{"text": "b"}\\n')
>>> [(line.number, line.text) for line in read_lines(path)]
[(1, '{"text": "a"}'), (3, '{"text": "b"}')]

Memory stays bounded by `max_line_bytes`: a longer line is skipped in pieces and comes
back as an empty `Line` whose `error` gives its size. The path `-` reads standard input
(plain or gzip too), and its lines say they come from `<stdin>`.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import attrs

GZIP_MAGIC = b"\x1f\x8b"
# The input path that means standard input, and how its lines name their file.
STDIN = "-"
STDIN_NAME = "<stdin>"
# The longest line read by default (64 MiB); longer ones are reported, not read.
MAX_LINE_BYTES = 64 * 1024 * 1024
# Piece size used to skip over a line that is too long.
_SKIP_PIECE = 1 << 20


@attrs.frozen
class Line:
    """One non-blank line of an input file; `error` says what was wrong with the bytes
    (the text is empty when the line could not be read at all). `size` is its length in
    bytes as read.

    Example:

    >>> line = Line("pages.jsonl", 3, '{"text": "Ferries resume"}', size=28)
    >>> line.number, line.error is None
    (3, True)
    """

    path: str
    number: int
    text: str
    error: str | None = None
    size: int = 0
    raw: bytes | None = attrs.field(default=None, repr=False)
    """The line's bytes, not yet decoded (`read_lines(..., decode=False)`); `decoded`
    gives the line as `read_lines` would have."""

    def decoded(self) -> Line:
        """The line with its text decoded from `raw` (itself when it has no raw bytes).

        Example:

        >>> Line("pages.jsonl", 3, "", size=9, raw=b' {"a": 1}').decoded().text
        '{"a": 1}'
        """
        if self.raw is None:
            return self
        text, error = _decode(self.raw)
        return Line(self.path, self.number, text.strip(), error, self.size)


def input_problem(paths: Sequence[str]) -> str | None:
    """Why the input paths of a command cannot all be read, or `None`: files that do not
    exist, or standard input (`-`) named more than once.

    >>> input_problem(["-", "-"]), input_problem(["/no/such/pages.jsonl"]), input_problem(["-"])
    ('standard input (-) can be read only once', 'no such file: /no/such/pages.jsonl', None)
    """
    missing = [path for path in paths if path != STDIN and not Path(path).is_file()]
    if missing:
        return f"no such file: {', '.join(missing)}"
    if paths.count(STDIN) > 1:
        return "standard input (-) can be read only once"
    return None


class _Rejoined(io.RawIOBase):
    """A stream's first bytes, read to sniff its format, put back in front of the rest
    (a pipe cannot seek back to them); closing it leaves the stream open.

    >>> stream = io.BytesIO(b"ain fell.")
    >>> io.BufferedReader(_Rejoined(b"R", stream)).read()
    b'Rain fell.'
    """

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            taken = self._head[: len(view)]
            view[: len(taken)] = taken
            self._head = self._head[len(taken) :]
            return len(taken)
        piece = self._rest.read(len(view))
        view[: len(piece)] = piece
        return len(piece)


def _open_stdin() -> IO[bytes]:
    """Standard input as bytes, gunzipped when it starts like gzip."""
    stream = sys.stdin.buffer
    head = stream.read(2)
    joined = io.BufferedReader(_Rejoined(head, stream))
    if head == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=joined, mode="rb")  # type: ignore[return-value]  # a binary stream
    return joined


def _open(path: Path) -> IO[bytes]:
    if str(path) == STDIN:
        return _open_stdin()
    with path.open("rb") as probe:
        is_gzip = probe.read(2) == GZIP_MAGIC
    if is_gzip:
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]  # a binary stream
    return path.open("rb")


def _skip_rest(fh: IO[bytes]) -> int:
    """Read to the end of the current line in pieces; the number of bytes skipped."""
    skipped = 0
    while True:
        piece = fh.readline(_SKIP_PIECE)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped


def _decode(raw: bytes) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 4]
        error = f"invalid UTF-8 at byte {exc.start} of the line ({bad!r}...); bad bytes replaced with U+FFFD"
        return raw.decode("utf-8", errors="replace"), error


def _is_blank(raw: bytes) -> bool:
    """Whether a line's bytes decode to nothing but white space (as `str.strip` sees
    it), decoding only when the first byte that `bytes.strip` keeps could still be white
    space: a byte past ASCII, or an ASCII separator (0x1C to 0x1F).

    >>> _is_blank(b" \\t\\r\\n"), _is_blank("\\u00a0\\u2003".encode()), _is_blank(b"\\x1c\\x1f\\n")
    (True, True, True)
    >>> _is_blank(b'  {"text": "Rain"}'), _is_blank("\\u00a0Rain".encode())
    (False, False)
    """
    body = raw.lstrip()
    if not body:
        return True
    return (body[0] >= 0x80 or chr(body[0]).isspace()) and not _decode(raw)[0].strip()


def read_lines(
    path: str | Path, *, max_line_bytes: int = MAX_LINE_BYTES, skip_through: int = 0, decode: bool = True
) -> Iterator[Line]:
    """Yield each non-blank line of a JSONL file.

    Invalid UTF-8 is replaced (U+FFFD) and reported in `error`. A line longer than
    `max_line_bytes` is not kept in memory: it comes back with empty text and an error.
    A truncated or corrupt gzip stream ends the file with a `Line` whose `error` gives the
    position of the break. Lines numbered up to `skip_through` are read but not decoded
    (resuming a run). With `decode=False` each line comes with its bytes in `raw` and
    no text, for another process to decode (`Line.decoded`): the same lines, errors
    and sizes, without the decoding here.

    Example:

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "pages.jsonl")
    >>> with open(path, "wb") as fh:
    ...     _ = fh.write(b'{"text": "Caf\\xe9"}\\n' + b'{"text": "' + b"x" * 100 + b'"}\\n')
    >>> [(line.number, line.text, line.error is not None) for line in read_lines(path, max_line_bytes=50)]
    [(1, '{"text": "Caf\ufffd"}', True), (2, '', True)]
    """
    source = Path(path)
    name = STDIN_NAME if str(path) == STDIN else str(source)
    number = 0
    offset = 0  # bytes of (uncompressed) text read so far
    with _open(source) as fh:
        try:
            while True:
                raw = fh.readline(max_line_bytes + 1)
                if not raw:
                    return
                number += 1
                size = len(raw)
                if size > max_line_bytes and not raw.endswith(b"\n"):
                    size += _skip_rest(fh)
                    if number > skip_through:
                        too_long = (
                            f"line of {size / 1e6:.1f} MB is over the {max_line_bytes / 1e6:.1f} MB "
                            "limit (--max-record-mb); not read"
                        )
                        yield Line(name, number, "", too_long, size)
                    offset += size
                    continue
                offset += size
                if number <= skip_through:
                    continue
                if not decode:
                    if not _is_blank(raw):
                        yield Line(name, number, "", None, size, raw)
                    continue
                text, error = _decode(raw)
                text = text.strip()
                if text:
                    yield Line(name, number, text, error, size)
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
            kind = "truncated" if isinstance(exc, EOFError) else "corrupt"
            broken = (
                f"{kind} gzip stream: the data breaks after line {number} "
                f"(byte {offset} of the uncompressed text); the rest of the file is lost ({exc})"
            )
            if number + 1 > skip_through:
                yield Line(name, number + 1, "", broken, 0)
