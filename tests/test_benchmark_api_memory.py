"""`benchmarks/api_memory.py`: the streaming and the list API cleaned in child
processes, their peaks measured and their outputs compared."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import newsclean
from benchmarks import api_memory

PAGE = (
    "Ferries resume after storm - Island Post\nHome\nFerries resume after storm\n"
    "Ferries to the island ran again on Tuesday after a week of storms kept them in port.\n"
    "Share this article\nThe operator said boat {n} left at seven and every crossing was full by noon."
)


def _corpus(path: Path, pages: int) -> list[str]:
    texts = [PAGE.format(n=n) for n in range(pages)]
    path.write_text("".join(json.dumps({"id": n, "text": text}) + "\n" for n, text in enumerate(texts)))
    return texts


def test_both_apis_clean_every_page_as_clean_does(tmp_path: Path) -> None:
    corpus = tmp_path / "pages.jsonl"
    texts = _corpus(corpus, 150)
    expected = hashlib.sha256(b"".join(newsclean.clean(text).text.encode() + b"\0" for text in texts))
    rows = [api_memory.measure(api, corpus, timeout=120) for api in api_memory.APIS]
    for row in rows:
        assert "error" not in row
        assert row["pages"] == 150 and row["bytes"] == corpus.stat().st_size
        assert row["digest"] == expected.hexdigest()
        assert row["max_rss"] > 10_000_000 and row["mb_s"] > 0


def test_the_report_compares_peaks_and_outputs() -> None:
    rows = [
        {"size": "20MB", "api": "stream", "pages": 10, "mb_s": 5.0, "max_rss": 150_000_000, "digest": "a"},
        {"size": "20MB", "api": "all", "pages": 10, "mb_s": 5.0, "max_rss": 200_000_000, "digest": "a"},
        {"size": "80MB", "api": "stream", "pages": 40, "mb_s": 5.0, "max_rss": 153_000_000, "digest": "b"},
        {"size": "80MB", "api": "all", "pages": 40, "mb_s": 5.0, "max_rss": 500_000_000, "digest": "c"},
        {"size": "80MB", "api": "all", "error": "exit 1: MemoryError", "max_rss": 0},
    ]
    table = api_memory.render(rows)
    assert "| 80MB | stream | 40 | 5.00 | 153 | 1.02 |" in table
    assert "| 80MB | all | 40 | 5.00 | 500 | 2.50 |" in table
    assert "exit 1: MemoryError" in table
    assert "20MB: the APIs gave the same texts" in table and "80MB: THE APIS DIFFER" in table


def test_an_unknown_api_is_refused() -> None:
    assert api_memory.main(["--apis", "stream,lists"]) == 2
