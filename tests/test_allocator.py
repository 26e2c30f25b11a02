"""The command line's malloc tuning (`newsclean.allocator`): big strings reuse freed heap
memory instead of a fresh mapping each, and the user's own settings win."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean.cli
from newsclean.allocator import GLIBC_MALLOC_ENV, OPT_OUT_ENV, keep_big_blocks_on_heap, runs_on_glibc
from newsclean.cli import build_parser, run_clean

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
