"""The partial run of `newsclean clean`: one output file and one rejects file that every
chunk is appended to, cut back to the last finished chunk on resume, and renamed (never
copied) into place at the end."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from newsclean.journal import JOURNAL_VERSION, Journal, Outcome, Position, ResumeError

HEADER = {"version": JOURNAL_VERSION, "inputs": ["pages.jsonl"]}


def _chunk(first: int, count: int, *, rejects: int = 0) -> list[Outcome]:
    """`count` cleaned records from input line `first` on, the last `rejects` of them
    rejected instead."""
    out = []
    for n in range(first, first + count):
        if n >= first + count - rejects:
            reject = json.dumps({"line": n, "error": "invalid JSON"}).encode()
            out.append(Outcome(Position(0, n), 40, reject=reject))
        else:
            record = json.dumps({"id": n, "text": f"Rain fell on day {n}."}).encode()
            out.append(Outcome(Position(0, n), 40, output=record))
    return out


def _journal(tmp_path: Path) -> Journal:
    journal = Journal(tmp_path / "out.jsonl.partial", HEADER)
    journal.start_fresh()
    return journal


def test_chunks_are_appended_to_one_file_and_renamed_into_place(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    for first in (1, 11, 21):
        journal.commit(_chunk(first, 10, rejects=1))
    part = journal.output_part
    inode = part.stat().st_ino
    assert [e.output_bytes for e in journal.entries] == sorted(e.output_bytes for e in journal.entries)
    assert journal.entries[-1].output_bytes == part.stat().st_size
    output, rejects = tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl"
    journal.assemble(output, rejects)
    assert output.stat().st_ino == inode, "the output is the partial file renamed, not a copy"
    ids = [json.loads(line)["id"] for line in output.read_text().splitlines()]
    assert ids == [n for n in range(1, 31) if n % 10 != 0]
    assert [json.loads(line)["line"] for line in rejects.read_text().splitlines()] == [10, 20, 30]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "out.rejects.jsonl"]


def test_resume_cuts_the_files_back_to_the_last_finished_chunk(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.commit(_chunk(1, 10))
    journal.commit(_chunk(11, 10, rejects=2))
    kept = journal.output_part.read_bytes(), journal.rejects_part.read_bytes()
    # Killed while appending the third chunk: half its records are in the files, its
    # journal line is not.
    with journal.output_part.open("ab") as fh:
        fh.write(b'{"id": 21, "text": "Rain fell on day 21."}\n{"id": 22, "te')
    with journal.rejects_part.open("ab") as fh:
        fh.write(b'{"line": 23, "er')
    resumed = Journal(journal.directory, HEADER)
    resumed.load()
    assert resumed.position == Position(0, 20)
    assert (resumed.output_part.read_bytes(), resumed.rejects_part.read_bytes()) == kept
    resumed.commit(_chunk(21, 5))
    resumed.assemble(tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl")
    ids = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert ids == [*range(1, 19), *range(21, 26)]


def test_a_chunk_missing_from_the_file_ends_the_finished_part(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    for first in (1, 11, 21):
        journal.commit(_chunk(first, 10))
    first_end = journal.entries[0].output_bytes
    with journal.output_part.open("r+b") as fh:  # the second chunk's lines lost, say on a full disk
        fh.truncate(first_end + 7)
    resumed = Journal(journal.directory, HEADER)
    resumed.load()
    assert [e.chunk for e in resumed.entries] == [0] and resumed.position == Position(0, 10)
    assert resumed.output_part.stat().st_size == first_end
    assert len(resumed.path.read_text().splitlines()) == 2, "the journal keeps only the finished part"


def test_a_run_with_no_record_gives_an_empty_output(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    (tmp_path / "out.rejects.jsonl").write_text('{"old": true}\n')
    journal.assemble(tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    assert not (tmp_path / "out.rejects.jsonl").exists(), "a stale rejects file must go"


def test_a_partial_run_of_another_version_is_not_resumed(tmp_path: Path) -> None:
    old = Journal(tmp_path / "out.jsonl.partial", {**HEADER, "version": JOURNAL_VERSION - 1})
    old.start_fresh()
    with pytest.raises(ResumeError, match="another version of newsclean"):
        Journal(old.directory, HEADER).load()


def test_rejects_named_on_another_file_system_are_copied_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(tmp_path / "out.jsonl.partial", {"version": 2})
    journal.start_fresh()
    journal.commit([Outcome(Position(0, 1), 30, output=b'{"text": "Ferries ran again."}'),
                    Outcome(Position(0, 2), 9, reject=b'{"line": 2, "error": "invalid JSON"}')])
    elsewhere = tmp_path / "mounted" / "bad.jsonl"
    elsewhere.parent.mkdir()
    rename = os.replace

    def across_devices(source: Path, target: Path) -> None:
        if Path(source).parent == journal.directory and Path(target) == elsewhere:  # another device
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        rename(source, target)

    monkeypatch.setattr("newsclean.journal.os.replace", across_devices)
    journal.assemble(tmp_path / "out.jsonl", elsewhere)
    assert elsewhere.read_bytes() == b'{"line": 2, "error": "invalid JSON"}\n'
    assert (tmp_path / "out.jsonl").read_bytes() == b'{"text": "Ferries ran again."}\n'
    assert sorted(p.name for p in elsewhere.parent.iterdir()) == ["bad.jsonl"]
    assert not journal.directory.exists()
