"""Reading JSONL files, plain or gzip, line by line, with every problem reported by
position instead of raised.

>>> import gzip, io, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "pages.jsonl.gz")
>>> with gzip.open(path, "wt", encoding="utf-8") as fh:
...     _ = fh.write('{"text": "a"}\\n\\n{"text": "b"}\\n')
>>> [(line.number, line.text) for line in read_lines(path)]
[(1, '{"text": "a"}'), (3, '{"text": "b"}')]
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

import attrs

GZIP_MAGIC = b"\x1f\x8b"


@attrs.frozen
class Line:
    """One non-blank line of an input file; `error` says what was wrong with the bytes."""

    path: str
    number: int
    text: str
    error: str | None = None


def _open(path: Path) -> tuple[object, bool]:
    with path.open("rb") as probe:
        is_gzip = probe.read(2) == GZIP_MAGIC
    return (gzip.open(path, "rb") if is_gzip else path.open("rb")), is_gzip


def read_lines(path: str | Path) -> Iterator[Line]:
    """Yield each non-blank line of a JSONL file. Invalid UTF-8 is replaced (U+FFFD) and
    reported in `error`; a truncated or corrupt gzip stream ends the file with a `Line`
    whose `error` gives the position of the break and whose text is empty."""
    path = Path(path)
    stream, is_gzip = _open(path)
    number = 0
    with stream as fh:  # type: ignore[attr-defined]
        try:
            for number, raw in enumerate(fh, 1):
                error = None
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    text = raw.decode("utf-8", errors="replace")
                    error = f"invalid UTF-8 at byte {exc.start} of the line (replaced)"
                text = text.strip()
                if text:
                    yield Line(str(path), number, text, error)
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
            kind = "truncated" if isinstance(exc, EOFError) else "corrupt"
            where = f"after line {number}"
            yield Line(str(path), number + 1, "", f"{kind} gzip stream {where}: {exc}")
