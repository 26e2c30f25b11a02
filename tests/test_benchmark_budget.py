"""The budget benchmark: its parts on the bundled sample, and the budget's arithmetic
(the timings themselves are figures for `docs/`, not assertions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import budget
from newsclean import Document, default_chain
from tests.conftest import ROOT

SAMPLE = ROOT / "examples" / "sample.jsonl"


def test_every_part_is_timed_against_the_floor(tmp_path: Path) -> None:
    parts = budget.measure(SAMPLE, tmp_path / "out.jsonl", runs=1)
    firsts = [part.name.split(" ")[0] for part in parts]
    assert firsts == ["floor:", "default", "rule", "drop_outside_article", "article"]
    assert parts[0].floor_times == 1.0
    assert all(part.seconds > 0 for part in parts)
    for part in parts:
        assert part.floor_times == pytest.approx(part.seconds / parts[0].seconds)


def test_the_model_reads_the_pages_the_rules_leave() -> None:
    raw = SAMPLE.read_text(encoding="utf-8").splitlines()
    chain = default_chain().without("drop_outside_article")
    ruled = chain.batch(Document.from_text(json.loads(line)["text"]) for line in raw)
    readings = budget.model_inputs(ruled)
    assert readings, "the sample's pages have articles for the model to read"
    for (content, page), doc in zip(readings, ruled, strict=True):
        assert content == [line for line in doc.text.split("\n") if line]
        assert len(page.repeated) == len(content)
        assert page.headline_at is None or 0 <= page.headline_at <= len(content)


def test_the_budget_is_what_the_share_of_the_floor_leaves() -> None:
    assert budget.budget_floor_times(0.2) == 4.0
    assert budget.budget_floor_times(1.0) == 0.0
    with pytest.raises(ValueError, match="share of the floor"):
        budget.budget_floor_times(0)


def test_command_writes_the_table_and_the_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "budget.json"
    assert budget.main(["--corpus", str(SAMPLE), "--runs", "1", "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert "the cleaning may take 4.00 floor-times" in table
    assert "| article model's arithmetic" in table
    info = json.loads(out.read_text(encoding="utf-8"))
    assert info["pages"] == len(SAMPLE.read_text(encoding="utf-8").splitlines())
    assert info["parts"][0]["name"].startswith("floor")


def test_a_share_outside_the_range_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        budget.main(["--corpus", str(SAMPLE), "--share", "1.5"])
    assert stopped.value.code == 2
    assert "share of the floor" in capsys.readouterr().err
