"""Interrupted runs, dying and hanging workers, and huge lines: `newsclean clean` run as a
real process.

Every interrupted-run test compares the final output with an uninterrupted run of the same
command, record for record: none lost, none doubled.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsclean.journal import partial_dir
from newsclean.runner import INTERRUPTED, rejects_path
from newsclean.workers import CRASH_ENV, CRASH_ONCE_ENV, HANG_ENV, HANG_ONCE_ENV
from tests.conftest import ROOT, load_jsonl
from tests.test_cli import PAGE

RECORDS = 3000
CHECKPOINT = 100


def page(n: int) -> str:
    return PAGE.replace("in April", f"in April (notice {n})").replace("four million", f"{n} thousand")


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "pages.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(RECORDS):
            fh.write(json.dumps({"id": f"p{n}", "text": page(n)}) + "\n")
    return path


def command(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsclean", "clean", str(src), "-o", str(out),
            "--checkpoint-every", str(CHECKPOINT), *extra]


def environment(**extra: str) -> dict[str, str]:
    hooks = (CRASH_ENV, CRASH_ONCE_ENV, HANG_ENV, HANG_ONCE_ENV)
    env = {k: v for k, v in os.environ.items() if k not in hooks}
    env.update(PYTHONPATH=str(ROOT), **extra)
    return env


def start(argv: list[str], **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(argv, env=environment(**env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def finish(argv: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=environment(**env), capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def reference(big_input: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The output of an uninterrupted run."""
    out = tmp_path_factory.mktemp("reference") / "out.jsonl"
    done = finish(command(big_input, out))
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def finished_chunks(out: Path) -> int:
    journal = partial_dir(out) / "journal.jsonl"
    try:
        return max(0, journal.read_text().count("\n") - 1)
    except FileNotFoundError:
        return 0


def interrupt_after(
    process: subprocess.Popen[str], out: Path, chunks: int, sig: signal.Signals, poll: float = 0.01
) -> None:
    """Send `sig` to the run's process group once `chunks` chunks are journaled (the
    journal looked at every `poll` seconds)."""
    deadline = time.monotonic() + 120
    while finished_chunks(out) < chunks:
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(poll)
    os.killpg(process.pid, sig)


def killed_after(argv: list[str], out: Path, chunks: int, *, poll: float = 0.01, **env: str) -> None:
    """Start the run, SIGKILL it once `chunks` chunks are journaled, and wait for it."""
    process = start(argv, **env)
    interrupt_after(process, out, chunks, signal.SIGKILL, poll)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL


def lost_and_doubled(output: bytes, expected: bytes) -> tuple[int, int]:
    got = [json.loads(line)["id"] for line in output.splitlines()]
    want = [json.loads(line)["id"] for line in expected.splitlines()]
    return len(set(want) - set(got)), len(got) - len(set(got))


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_then_resume_gives_the_uninterrupted_output(
    big_input: Path, reference: bytes, tmp_path: Path, workers: int
) -> None:
    out = tmp_path / "out.jsonl"
    argv = command(big_input, out, "--workers", str(workers))
    for stop_at in (3, 8):  # killed twice, at different points
        killed_after(argv + (["--resume"] if stop_at != 3 else []), out, stop_at)
        assert not out.exists(), "no output file may appear before the run is complete"
    done = finish([*argv, "--resume"])
    assert done.returncode == 0, done.stderr
    assert "resumed after" in done.stderr
    assert lost_and_doubled(out.read_bytes(), reference) == (0, 0)
    assert out.read_bytes() == reference
    assert not partial_dir(out).exists()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_gzip_output_killed_and_resumed_reads_as_the_uninterrupted_output(
    big_input: Path, reference: bytes, tmp_path: Path, workers: int
) -> None:
    out = tmp_path / "out.jsonl.gz"
    argv = command(big_input, out, "--workers", str(workers))
    killed_after(argv, out, 4)
    with (partial_dir(out) / "output.jsonl").open("ab") as torn:  # a chunk's member cut short
        torn.write(gzip.compress(b'{"id": "torn"}\n')[:12])
    done = finish([*argv, "--resume"])
    assert done.returncode == 0, done.stderr
    assert "resumed after" in done.stderr
    assert gzip.decompress(out.read_bytes()) == reference
    assert not partial_dir(out).exists()


def test_sigint_stops_cleanly_and_resumes(big_input: Path, reference: bytes, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    argv = command(big_input, out, "--workers", "2")
    process = start(argv)
    interrupt_after(process, out, 2, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == INTERRUPTED, err
    assert "rerun the same command with --resume" in err
    assert not out.exists()
    journal = (partial_dir(out) / "journal.jsonl").read_text().splitlines()
    assert all(json.loads(row) for row in journal), "the journal must stay valid JSON lines"
    done = finish([*argv, "--resume"])
    assert done.returncode == 0, done.stderr
    assert lost_and_doubled(out.read_bytes(), reference) == (0, 0)
    assert out.read_bytes() == reference


def test_resume_refuses_other_options(big_input: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    killed_after(command(big_input, out), out, 1)
    done = finish(command(big_input, out, "--resume", "--explain"))
    assert done.returncode == 2
    assert "made with other inputs or options" in done.stderr


def test_torn_journal_line_is_ignored_on_resume(big_input: Path, reference: bytes, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    killed_after(command(big_input, out), out, 2)
    with (partial_dir(out) / "journal.jsonl").open("a") as fh:
        fh.write('{"chunk": 99, "file": 0, "li')  # a write cut short by the kill
    done = finish(command(big_input, out, "--resume"))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == reference


def small_input(tmp_path: Path, marked: int, marker: str = "CRASH-WORKER-HERE") -> tuple[Path, list[str]]:
    src = tmp_path / "pages.jsonl"
    rows: list[dict[str, Any]] = [{"id": f"p{n}", "text": page(n)} for n in range(300)]
    rows[marked]["text"] += f"\n{marker}\n"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return src, [r["id"] for r in rows]


def test_dead_worker_record_is_retried_then_rejected(tmp_path: Path) -> None:
    src, ids = small_input(tmp_path, marked=150)
    out = tmp_path / "out.jsonl"
    done = finish(command(src, out, "--workers", "2"), **{CRASH_ENV: "CRASH-WORKER-HERE"})
    assert done.returncode == 1, done.stderr
    assert [r["id"] for r in load_jsonl(out)] == ids[:150] + ids[151:]
    (reject,) = load_jsonl(rejects_path(out))
    assert reject["line"] == 151
    assert reject["error"] == "a worker process died twice while cleaning this record"
    assert "records retried after a worker died" in done.stderr


def test_dead_worker_record_succeeds_on_retry(tmp_path: Path) -> None:
    src, ids = small_input(tmp_path, marked=40)
    out = tmp_path / "out.jsonl"
    once = tmp_path / "crashed-once"
    done = finish(command(src, out, "--workers", "2"),
                  **{CRASH_ENV: "CRASH-WORKER-HERE", CRASH_ONCE_ENV: str(once)})
    assert done.returncode == 0, done.stderr
    assert once.exists(), "the worker must have died once"
    assert [r["id"] for r in load_jsonl(out)] == ids
    serial = tmp_path / "serial.jsonl"
    assert finish(command(src, serial)).returncode == 0
    assert out.read_bytes() == serial.read_bytes()


def test_one_line_of_200_mb_is_rejected_without_reading_it(tmp_path: Path) -> None:
    src = tmp_path / "huge.jsonl"
    piece = "The harbour wall will be repaired in April. " * 1000
    with src.open("w", encoding="utf-8") as fh:
        fh.write('{"id": "huge", "text": "')
        while fh.tell() < 200_000_000:
            fh.write(piece)
        fh.write('"}\n')
        fh.write(json.dumps({"id": "after", "text": page(1)}) + "\n")
    out = tmp_path / "out.jsonl"
    probe = (
        "import resource, sys\n"
        "from newsclean.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, "clean", str(src), "-o", str(out)],
                          env=environment(), capture_output=True, text=True, timeout=300)
    src.unlink()
    assert done.returncode == 1, done.stderr
    assert [r["id"] for r in load_jsonl(out)] == ["after"]
    (reject,) = load_jsonl(rejects_path(out))
    assert reject["line"] == 1
    assert "MB is over the 64.0 MB limit (--max-record-mb); not read" in reject["error"]
    maxrss_mb = int(done.stderr.split("maxrss_kb")[1].split()[0]) / 1024
    assert maxrss_mb < 400, f"reading a 200 MB line used {maxrss_mb:.0f} MB"


# A record whose cleaning never ends (the test-only hook sleeps forever on the marker).
HANG = "HANG-WORKER-HERE"


@pytest.mark.parametrize("workers", [1, 2])
def test_hung_record_is_stopped_retried_then_rejected(tmp_path: Path, workers: int) -> None:
    src, ids = small_input(tmp_path, marked=150, marker=HANG)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    done = finish(command(src, out, "--workers", str(workers), "--record-timeout", "1"), **{HANG_ENV: HANG})
    assert done.returncode == 1, done.stderr
    assert time.monotonic() - started < 120
    assert [r["id"] for r in load_jsonl(out)] == ids[:150] + ids[151:]
    (reject,) = load_jsonl(rejects_path(out))
    assert reject["line"] == 151
    assert reject["error"].startswith("timed out: cleaning this record took over 1 s (--record-timeout)")
    assert HANG in reject["input"]
    assert "2 tries stopped at the time limit (1 s per MB, --record-timeout)" in done.stderr
    assert "records retried after a worker died or a record ran over its time limit" in done.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_hung_record_succeeds_on_retry(tmp_path: Path, workers: int) -> None:
    src, _ = small_input(tmp_path, marked=40, marker=HANG)
    out = tmp_path / "out.jsonl"
    once = tmp_path / "hung-once"
    done = finish(command(src, out, "--workers", str(workers), "--record-timeout", "1"),
                  **{HANG_ENV: HANG, HANG_ONCE_ENV: str(once)})
    assert done.returncode == 0, done.stderr
    assert once.exists(), "the record must have hung once"
    assert "1 tries stopped at the time limit" in done.stderr
    serial = tmp_path / "serial.jsonl"
    assert finish(command(src, serial)).returncode == 0
    assert out.read_bytes() == serial.read_bytes()
    assert not rejects_path(out).exists()


@pytest.mark.parametrize("marked", [20, 220])
def test_sigkill_around_a_hung_record_then_resume_is_exact(tmp_path: Path, marked: int) -> None:
    """Killed after 3 chunks of 10 records: once after the hung record was rejected (20),
    once before it (220). The resumed run gives the uninterrupted run's output and rejects.
    Chunks are small so that the run, once the hang is over, still has many chunks to
    journal (the other worker cleans every later record while the first one hangs, and a
    fast machine journals a few chunks before a poll of the journal comes round)."""
    src, _ = small_input(tmp_path, marked=marked, marker=HANG)

    def argv(out: Path, *extra: str) -> list[str]:
        return [*command(src, out), "--checkpoint-every", "10", "--workers", "2", "--record-timeout", "1",
                *extra]

    reference = tmp_path / "reference.jsonl"
    done = finish(argv(reference), **{HANG_ENV: HANG})
    assert done.returncode == 1, done.stderr
    out = tmp_path / "out.jsonl"
    killed_after(argv(out), out, 3, poll=0.001, **{HANG_ENV: HANG})
    done = finish(argv(out, "--resume"), **{HANG_ENV: HANG})
    assert done.returncode == 1, done.stderr
    assert "resumed after" in done.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert rejects_path(out).read_bytes() == rejects_path(reference).read_bytes()


def test_record_timeout_must_not_be_negative(tmp_path: Path) -> None:
    src, _ = small_input(tmp_path, marked=0)
    done = finish(command(src, tmp_path / "out.jsonl", "--record-timeout", "-1"))
    assert done.returncode == 2
    assert "--record-timeout must be 0 (no limit) or more" in done.stderr


def _children(pid: int) -> list[int]:
    """Live child processes of `pid`, read from /proc (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_run_process_is_killed(big_input: Path, tmp_path: Path) -> None:
    """The OOM killer ends only the run's own process: its workers must not wait forever
    on a pipe that nobody reads any more."""
    out = tmp_path / "out.jsonl"
    process = start(command(big_input, out, "--workers", "2"))
    try:
        deadline = time.monotonic() + 60
        while finished_chunks(out) < 2 or len(_children(process.pid)) < 2:
            assert process.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.01)
        workers = _children(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [pid for pid in workers if _alive(pid)] == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
