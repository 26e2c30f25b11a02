"""The command-line rows of `benchmarks/throughput.py`: one and two workers run in turn,
round by round, so that each round's ratio compares runs made side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import throughput
from benchmarks.memory import Measured
from benchmarks.throughput import measure_cli_rounds

PAGE = (
    "Ferries resume after storm - Island Post\nHome\nFerries resume after storm\n"
    "Ferries to the island ran again on Tuesday after a week of storms kept them in port.\n"
    "Share this article\nThe operator said boat {n} left at seven and every crossing was full."
)


def test_one_and_two_workers_run_in_turn_each_round(tmp_path: Path) -> None:
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text("".join(json.dumps({"id": n, "text": PAGE.format(n=n)}) + "\n" for n in range(40)))
    rows, rounds = measure_cli_rounds((1, 2), corpus, tmp_path, runs=2, timeout=120)
    assert [row.name for row in rows] == ["cli-1", "cli-2"]
    assert all(row.error is None and row.pages == 40 and row.bytes == corpus.stat().st_size for row in rows)
    assert len(rounds) == 2 and all(len(seconds) == 2 and min(seconds) > 0 for seconds in rounds)
    # Each row keeps its fastest run of the rounds.
    assert [row.seconds for row in rows] == [min(seconds[k] for seconds in rounds) for k in range(2)]
    assert not (tmp_path / "cli.jsonl").exists()


def test_a_failing_run_ends_the_rounds_with_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second round's two-worker run exits 2: its row carries the error, the
    one-worker row keeps its best run, and only the finished round is reported."""
    corpus = tmp_path / "pages.jsonl"
    corpus.write_text(json.dumps({"id": 1, "text": PAGE.format(n=1)}) + "\n")
    calls: list[list[str]] = []

    def fake_run(command: list[str], **_: Any) -> Measured:
        calls.append(command)
        if len(calls) == 4:
            return Measured(2, 0.5, 0, 0, "", "newsclean: cannot write the output\n")
        return Measured(0, 0.5 + len(calls) / 10, 1 << 20, 1 << 20, "", "")

    monkeypatch.setattr(throughput, "run_measured", fake_run)
    rows, rounds = throughput.measure_cli_rounds((1, 2), corpus, tmp_path, runs=3, timeout=60)
    assert [command[-1] for command in calls] == ["1", "2", "1", "2"]
    assert rows[0].error is None and rows[0].seconds == 0.6
    assert rows[1].error == "exit 2: newsclean: cannot write the output"
    assert rounds == [[0.6, 0.7]]
