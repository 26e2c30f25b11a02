"""Hugging Face datasets: `Dataset.map(BatchCleaner(), batched=True, num_proc=2)` gives the
single-process output row for row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datasets")

import datasets

from newsclean.chain import default_chain
from newsclean.filters.profiles import with_site_profiles
from newsclean.integrations.hf_datasets import BatchCleaner, clean_batch
from newsclean.profiles import build_profiles
from newsclean.records import clean_record

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample.jsonl"


def sample_records() -> list[dict[str, Any]]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_batched_map_with_two_processes(tmp_path: Path) -> None:
    records = sample_records()
    dataset = datasets.Dataset.from_list(records)
    out = dataset.map(clean_batch, batched=True, batch_size=3, num_proc=2)
    assert out.column_names == [*dataset.column_names, "newsclean"]
    for row, record in zip(out, records, strict=True):
        expected = clean_record(record)
        assert row["id"] == record["id"]
        assert row["text"] == expected["text"]
        assert json.loads(row["newsclean"]) == expected["newsclean"]


def test_cleaner_with_a_profile_chain_and_a_bad_row() -> None:
    menu = ["Home", "Valley news", "Farming", "Sign in"]
    stories = ["The mill reopened on Saturday after two years of repairs.",
               "Sheep prices at the autumn sale were the highest for a decade.",
               "A new footbridge links the two halves of the village again.",
               "The school choir will sing at the cathedral in December.",
               "Volunteers cleared three tonnes of litter from the river bank."]
    records = [{"url": f"https://valley.test/{n}", "text": "\n".join([*menu, story])}
               for n, story in enumerate(stories)]
    chain = with_site_profiles(default_chain(), build_profiles(records))
    cleaner = BatchCleaner(chain, explain=True)
    dataset = datasets.Dataset.from_list([*records, {"url": "https://valley.test/x", "text": None}])
    out = dataset.map(cleaner, batched=True, batch_size=2, num_proc=2)
    assert out["text"][:5] == stories
    assert json.loads(out["newsclean"][5]) == {"error": "field 'text' is null, not a string"}
    assert "site_boilerplate" in json.loads(out["newsclean"][0])["removed_by_reason"]
