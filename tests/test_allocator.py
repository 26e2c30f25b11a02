"""The command line's malloc tuning (`newsclean.allocator`): big strings reuse freed heap
memory instead of a fresh mapping each, and the user's own settings win."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean.cli
from newsclean import workers
from newsclean.allocator import (
    GLIBC_MALLOC_ENV,
    OPT_OUT_ENV,
    RELEASE_AFTER_BYTES,
    keep_big_blocks_on_heap,
    runs_on_glibc,
)
from newsclean.cli import CleanOptions, build_parser, run_clean
from newsclean.journal import Position
from newsclean.jsonl import Line
from newsclean.workers import clean_lines

ROOT = Path(__file__).resolve().parent.parent

# Three pages of 60 MB, one after the other: the faults of the last two are what the
# tuning saves (the first is paid either way).
BIG_PAGES = """
import resource, sys
from newsclean.allocator import keep_big_blocks_on_heap
tuned = keep_big_blocks_on_heap() if sys.argv[1] == "tuned" else False
start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for day in range(3):
    page = f"Ferries ran again on day {day}, the harbour master said.\\n" * 1_200_000
    lowered = page.lower()
    del page, lowered
print(tuned, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - start)
"""


def _clean_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in GLIBC_MALLOC_ENV and k != OPT_OUT_ENV}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _faults(mode: str) -> tuple[bool, int]:
    done = subprocess.run(
        [sys.executable, "-c", BIG_PAGES, mode], capture_output=True, text=True, check=True,
        env=_clean_environment(),
    )
    tuned, faults = done.stdout.split()
    return tuned == "True", int(faults)


@pytest.mark.skipif(not runs_on_glibc(), reason="the tuning applies to glibc's malloc only")
def test_big_strings_reuse_freed_memory_once_tuned() -> None:
    tuned, tuned_faults = _faults("tuned")
    untuned, untuned_faults = _faults("system")
    assert tuned and not untuned
    if untuned_faults < 20_000:  # 4 KB pages: 100,000 faults
        pytest.skip(f"only {untuned_faults} faults untuned: big blocks get huge pages here")
    # Untuned, each of the three pages and its lower-cased copy is faulted in afresh.
    assert tuned_faults < 0.6 * untuned_faults, (tuned_faults, untuned_faults)


@pytest.mark.parametrize(
    "environ",
    [
        {OPT_OUT_ENV: "system"},
        {"MALLOC_MMAP_THRESHOLD_": "131072"},
        {"GLIBC_TUNABLES": "glibc.malloc.trim_threshold=0"},
    ],
)
def test_the_users_own_settings_win(environ: dict[str, str]) -> None:
    assert keep_big_blocks_on_heap(environ) is False


def test_the_command_line_tunes_before_cleaning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def tune() -> bool:
        calls.append("tuned")
        return True

    monkeypatch.setattr(newsclean.cli, "keep_big_blocks_on_heap", tune)
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text('{"text": "Ferries resume\\nShare this article\\nFerries ran again on Tuesday."}\n')
    assert run_clean(build_parser().parse_args(["clean", str(source), "-o", str(target)])) == 0
    assert calls == ["tuned"]
    assert "Share this article" not in target.read_text()


# A tuned process keeps freed memory; after a big record it hands it back.
RELEASE = """
import os
from newsclean.allocator import keep_big_blocks_on_heap, release_free_memory
def resident_mb():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
keep_big_blocks_on_heap()
page = "Ferries ran again on Tuesday, the harbour master said.\\n" * 1_200_000
lowered = page.lower()
del page
before = resident_mb()
print(release_free_memory(), round(before - resident_mb()))
"""


@pytest.mark.skipif(not runs_on_glibc(), reason="the tuning applies to glibc's malloc only")
def test_a_tuned_process_hands_freed_memory_back() -> None:
    done = subprocess.run(
        [sys.executable, "-c", RELEASE], capture_output=True, text=True, check=True, env=_clean_environment()
    )
    released, megabytes = done.stdout.split()
    assert released == "True"
    assert int(megabytes) > 40  # the 66 MB page, freed below its lower-cased copy


@pytest.mark.parametrize(("characters", "released"), [(2_000, False), (RELEASE_AFTER_BYTES + 1_000, True)])
def test_workers_hand_memory_back_after_a_big_record(
    characters: int, released: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def release() -> bool:
        calls.append("released")
        return True

    monkeypatch.setattr(workers, "is_tuned", lambda: True)
    monkeypatch.setattr(workers, "release_free_memory", release)
    paragraph = "Ferries ran again on Tuesday after a week of storms kept them in port. "
    text = "Ferries resume\nShare this article\n" + paragraph * (characters // len(paragraph))
    line = Line("in.jsonl", 1, json.dumps({"text": text}), size=characters)
    [outcome] = clean_lines([(Position(0, 1), line)], CleanOptions())
    assert "Share this article" not in json.loads(outcome.output or b"{}")["text"]
    assert calls == (["released"] if released else [])


def test_an_empty_batch_needs_no_release(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "is_tuned", lambda: True)
    assert clean_lines([], CleanOptions()) == []


# A spawned worker starts with the allocator as the system leaves it, and tunes it as its
# parent did.
SPAWNED = """
import sys
sys.path.insert(0, sys.argv[1])
from newsclean import allocator, workers
from newsclean.cli import CleanOptions
workers._start_method = lambda: "spawn"
parent = allocator.keep_big_blocks_on_heap()
pool = workers.WorkerPool(1, CleanOptions())
print(parent, pool.executor.submit(allocator.is_tuned).result())
pool.close()
"""


@pytest.mark.skipif(not runs_on_glibc(), reason="the tuning applies to glibc's malloc only")
@pytest.mark.parametrize(("opt_out", "expected"), [(False, "True True"), (True, "False False")])
def test_spawned_workers_tune_as_their_parent_did(opt_out: bool, expected: str) -> None:
    env = _clean_environment()
    if opt_out:
        env[OPT_OUT_ENV] = "system"
    done = subprocess.run(
        [sys.executable, "-c", SPAWNED, str(ROOT)], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == expected
