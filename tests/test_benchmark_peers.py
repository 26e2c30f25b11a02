"""The peers that `benchmarks/throughput.py` runs beside the default chain (the `bench`
extra: jusText; datatrove's C4 line rules): each row cleans a real-looking page as that
tool does, through the same I/O loop as newsclean's rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.throughput import WORKS, run_row

ARTICLE = [
    "The harbour authority said on Monday that ferries to the island would run again from "
    "Tuesday morning, after a week in which storms kept every boat in port and the only "
    "road to the mainland was closed by a landslide near the old quarry.",
    "Repairs to the north pier took three weeks and cost the town about two million pounds, "
    "the council's report said, most of it spent on the sea wall that the waves had broken "
    "in two places during the worst of the weather at the start of the month.",
    "Shopkeepers on the island said the closure had hit trade hard in what is usually a busy "
    "week, and several of them asked the council for help with their losses, which they put "
    "at more than a hundred thousand pounds between them.",
]
PAGE = "\n".join(["Home", "News", "Sport", "Share this article", *ARTICLE, "Contact us", "Privacy policy"])


@pytest.mark.parametrize(("row", "module"), [("justext", "justext"), ("c4", "datatrove")])
def test_a_peer_keeps_the_article_and_drops_the_menu(row: str, module: str) -> None:
    pytest.importorskip(module, reason=f"the bench extra is not installed ({module})")
    cleaned = WORKS[row]()({"id": "harbour", "text": PAGE})["text"]
    kept = cleaned.split("\n")
    assert kept == ARTICLE


@pytest.mark.parametrize(("row", "module"), [("justext", "justext"), ("c4", "datatrove")])
def test_a_peer_row_runs_the_io_loop(tmp_path: Path, row: str, module: str) -> None:
    pytest.importorskip(module, reason=f"the bench extra is not installed ({module})")
    corpus = tmp_path / "pages.jsonl"
    records = [{"id": str(i), "text": PAGE} for i in range(3)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run_row(row, corpus, tmp_path / "out.jsonl")
    assert result["pages"] == 3
    assert result["bytes"] == corpus.stat().st_size
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [w["id"] for w in written] == ["0", "1", "2"]
    assert all(w["text"].split("\n") == ARTICLE for w in written)
