"""datatrove: the newsclean step under datatrove's local executor, two tasks in two
processes, gives the single-process output for every document."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document as DatatroveDocument
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from newsclean.integrations.datatrove import NewscleanStep
from newsclean.records import clean_record

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample.jsonl"


def sample_records() -> list[dict[str, Any]]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_step_under_local_executor_matches_clean_record(tmp_path: Path) -> None:
    records = sample_records()
    inputs = tmp_path / "in"
    inputs.mkdir()
    half = len(records) // 2
    for n, part in enumerate((records[:half], records[half:])):
        with (inputs / f"part{n}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(inputs)),
            NewscleanStep(),
            JsonlWriter(str(tmp_path / "out"), compression="gzip"),
        ],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                out[row["id"]] = row
    assert sorted(out) == sorted(r["id"] for r in records)
    for record in records:
        expected = clean_record(record)
        got = out[record["id"]]
        assert got["text"] == expected["text"]
        assert got["metadata"]["newsclean"] == expected["newsclean"]
        assert got["metadata"]["url"] == record["url"]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    assert any("newsclean" in json.dumps(step) for step in stats)


def test_drop_empty_and_edit_counts() -> None:
    step = NewscleanStep(drop_empty=True, explain=True)
    pages = [DatatroveDocument(text="Share this article\nSubscribe to our newsletter", id="empty"),
             DatatroveDocument(text="Budget agreed\nShare this article\nThe council agreed "
                               "the budget for next year on Monday evening.", id="kept")]
    [doc] = list(step.run(pages))
    assert doc.id == "kept"
    info = doc.metadata["newsclean"]
    assert info["removed_by_reason"]["share"] == 1 and info["edits"]
    assert step.stats["dropped_empty"].total == 1


def test_documents_are_cleaned_in_batches_as_one_by_one() -> None:
    from newsclean.integrations.datatrove import BATCH_DOCUMENTS

    records = [{**r, "id": f"{r['id']}-{n}"} for n in range(9) for r in sample_records()]
    assert len(records) > BATCH_DOCUMENTS
    docs = [DatatroveDocument(text=r["text"], id=r["id"], metadata={"url": r.get("url")}) for r in records]
    out = list(NewscleanStep().run(docs))
    assert [doc.id for doc in out] == [r["id"] for r in records]
    for doc, record in zip(out, records, strict=True):
        expected = clean_record(record)
        assert doc.text == expected["text"]
        assert doc.metadata["newsclean"] == expected["newsclean"]


def test_step_reads_the_url_or_the_site_for_site_profiles() -> None:
    from newsclean.chain import default_chain
    from newsclean.filters.profiles import with_site_profiles
    from newsclean.profiles import build_profiles

    menu = "Home\nLocal news\nSign in"
    pages = [f"{menu}\nThe harbour board met on day {n} and agreed to dredge the channel."
             "\nContact the newsroom" for n in range(8)]
    profiles = build_profiles({"site": "harbour-gazette.test", "text": page} for page in pages)
    step = NewscleanStep(chain=with_site_profiles(default_chain(), profiles))
    article = "Dredging of the channel starts in May, the harbour board said."
    page = f"{menu}\n{article}\nContact the newsroom"
    by_url = DatatroveDocument(text=page, id="a", metadata={"url": "https://harbour-gazette.test/a"})
    by_site = DatatroveDocument(text=page, id="b", metadata={"site": "harbour-gazette.test"})
    neither = DatatroveDocument(text=page, id="c", metadata={})
    out = list(step.run([by_url, by_site, neither]))
    assert [doc.text for doc in out[:2]] == [article, article]
    assert "site_boilerplate" not in out[2].metadata["newsclean"]["removed_by_reason"]
    # "Local news" and "Contact the newsroom" ("Home" is the title, "Sign in" navigation)
    assert all(doc.metadata["newsclean"]["removed_by_reason"].get("site_boilerplate") == 2
               for doc in out[:2])
