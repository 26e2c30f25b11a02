"""Reading JSONL input: the lines handed on undecoded (to worker processes) decode to the
lines read in one process, errors and sizes included."""

from __future__ import annotations

import gzip
from pathlib import Path

from newsclean.jsonl import Line, read_lines

ROWS = [
    b'{"id": 1, "text": "Ferries ran again on Tuesday."}',
    '{"id": 2, "text": "Le café ouvre à Noël."}'.encode("latin-1"),  # invalid UTF-8
    "\u2003\u00a0".encode(),  # white space outside ASCII only: a blank line
    b"\x1c\x1f ",  # separators, white space to `str.strip`, not to `bytes.strip`
    b"",
    b"\t" + '{"id": 3, "text": "Совет одобрил бюджет."}'.encode(),
    '\u00a0{"id": 4, "text": "美联储宣布，工业产出环比下降。"}'.encode(),
    b'{"id": 5, "text": "' + b"x" * 300 + b'"}',  # over the limit below
]


def _read(path: Path, *, decode: bool) -> list[Line]:
    lines = read_lines(path, max_line_bytes=200, decode=decode)
    return [line.decoded() for line in lines]


def test_undecoded_lines_decode_to_the_lines_read_directly(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_bytes(b"\n".join(ROWS) + b"\n")
    direct = _read(path, decode=True)
    assert [line.number for line in direct] == [1, 2, 6, 7, 8]
    assert direct[1].error is not None and "\ufffd" in direct[1].text
    assert direct[3].text.startswith('{"id": 4') and direct[4].text == ""
    assert _read(path, decode=False) == direct
    raw = list(read_lines(path, max_line_bytes=200, decode=False))
    assert [line.text for line in raw] == [""] * 5 and raw[0].raw is not None


def test_a_broken_gzip_stream_is_reported_the_same_undecoded(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl.gz"
    whole = gzip.compress(b"\n".join(ROWS[:2] * 200) + b"\n")
    path.write_bytes(whole[: len(whole) // 2])
    direct = _read(path, decode=True)
    assert direct[-1].error is not None and "gzip stream" in direct[-1].error
    assert _read(path, decode=False) == direct
