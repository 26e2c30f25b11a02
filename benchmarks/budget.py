"""What issue 4's speed target leaves for the cleaning, taken apart on one corpus.

At a share `s` of the floor (0.20 in the issue), a run may take `1/s` times the floor's
time, so the cleaning itself gets `1/s - 1` floor-times (4 at 0.20). This script times,
in one process on the same records (best of `--runs` each):

- the floor and the default chain in batches of 64, exactly as `benchmarks.throughput`
  runs them (read the file, parse each record, the row's work, serialise, write);
- the rule filters alone: the default chain less `drop_outside_article`, in batches;
- the article filter in batches, on the pages the rules leave;
- the article model's own arithmetic on those pages: its per-line measures
  (`line_basics`) and one scoring of every page (`score_readings`, 64 pages at a time).
  That is the least a line model of this kind computes, before any second reading, list
  check or edit;

and prints each as floor-times next to the budget. The last three parts work in memory on
records parsed beforehand: they are parts of the cleaning, with no I/O of their own.

    python3 -m benchmarks.budget --corpus FILE.jsonl [--runs 3] [--share 0.2] [--json OUT]

Without `--corpus` it generates 8 MB of pages (seed 0, 10% mojibake).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from benchmarks.throughput import BATCH_RECORDS, _lines, generate, run_row
from newsclean.article_model import Reading, line_basics, score_readings
from newsclean.batching import batched
from newsclean.chain import Chain, default_chain
from newsclean.document import Document
from newsclean.filters.article import _Page, drop_outside_articles

TARGET_SHARE = 0.20


@attrs.frozen
class Part:
    """One timed part of the run: its best `seconds`, and those as floor-times;
    `with_io`: the part does the floor's I/O too, so its cleaning is a floor-time less.

    >>> Part("chain", 2.5, 25.0, with_io=True).cleaning_floor_times
    24.0
    """

    name: str
    seconds: float
    floor_times: float
    with_io: bool = False

    @property
    def cleaning_floor_times(self) -> float:
        return self.floor_times - 1 if self.with_io else self.floor_times


def budget_floor_times(share: float) -> float:
    """Floor-times the cleaning may take for the whole run to go at `share` of the floor.

    >>> budget_floor_times(0.2), budget_floor_times(0.5)
    (4.0, 1.0)
    """
    if not 0 < share <= 1:
        raise ValueError(f"the share of the floor must be in (0, 1], not {share}")
    return round(1 / share - 1, 9)


def _best(work: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _batches(items: Sequence[Any]) -> list[list[Any]]:
    return list(batched(items, _uncounted, max_count=BATCH_RECORDS, max_size=1))


def _uncounted(item: object) -> int:
    return 0  # batches bounded by count only


def model_inputs(docs: list[Document]) -> list[tuple[list[str], _Page]]:
    """What the article model reads of each page the rules left (`_Page.of`, as
    `drop_outside_article` reads it), with the lines it reads."""
    config = default_chain().config
    pages = [page for page in (_Page.of(doc, config) for doc in docs) if page is not None]
    return [([page.lines[i] for i in page.indices], page) for page in pages]


def _model_arithmetic(readings: list[tuple[list[str], _Page]]) -> None:
    for batch in _batches(readings):
        score_readings(
            [
                Reading(content, page.lang, page.headline_at, line_basics(content, page.lang), page.repeated)
                for content, page in batch
            ]
        )


def measure(corpus: Path, output: Path, runs: int = 3) -> list[Part]:
    """The parts of the run over the JSONL file `corpus`, as floor-times (`output`: where
    the floor and the chain write their records)."""
    chain = default_chain()
    rules: Chain = chain.without("drop_outside_article")
    texts = [json.loads(raw)["text"] for raw in _lines(corpus)]  # a gzip corpus too
    ruled = rules.batch(Document.from_text(text) for text in texts)
    readings = model_inputs(ruled)
    floor = _best(lambda: run_row("floor", corpus, output), runs)
    chain_seconds = _best(lambda: run_row("chain-batches", corpus, output), runs)
    timed = {
        "rule filters alone (the chain less drop_outside_article), in batches": _best(
            lambda: rules.batch(Document.from_text(text) for text in texts), runs
        ),
        "drop_outside_article in batches, on the rules' output": _best(
            lambda: [drop_outside_articles(batch, chain.config) for batch in _batches(ruled)], runs
        ),
        "article model's arithmetic: line measures and one scoring of each page": _best(
            lambda: _model_arithmetic(readings), runs
        ),
    }
    with_io = [
        Part("floor: read, parse, split, strip, join, serialise, write", floor, 1.0, with_io=True),
        Part("default chain in batches, with the floor's I/O", chain_seconds, chain_seconds / floor, True),
    ]
    return with_io + [Part(name, seconds, seconds / floor) for name, seconds in timed.items()]


def render(parts: list[Part], share: float, megabytes: float, pages: int) -> str:
    """The parts as a Markdown table, with the budget the target leaves."""
    budget = budget_floor_times(share)
    rows = [
        f"{megabytes:.1f} MB, {pages} pages; at {share:.2f} of the floor the cleaning may take "
        f"{budget:.2f} floor-times",
        "",
        "| part | seconds | floor-times | share of the budget |",
        "|---|---:|---:|---:|",
    ]
    for part in parts:
        cleaning = part.cleaning_floor_times
        shown = f"{cleaning / budget:.2f}" if cleaning else ""
        rows.append(f"| {part.name} | {part.seconds:.3f} | {part.floor_times:.2f} | {shown} |")
    rows.append("")
    rows.append("(A part with the floor's I/O counts its time less the floor's against the budget.)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, help="JSONL corpus (default: generate 8 MB)")
    parser.add_argument("--runs", type=int, default=3, help="runs per part, best kept (default 3)")
    parser.add_argument("--share", type=float, default=TARGET_SHARE, help="target share of the floor")
    parser.add_argument("--json", type=Path, help="write the parts to this JSON file")
    args = parser.parse_args(argv)
    try:
        budget_floor_times(args.share)
    except ValueError as error:
        parser.error(str(error))
    with tempfile.TemporaryDirectory() as work_dir:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(work_dir) / "corpus.jsonl"
            generate(corpus, "8MB", 0, 0.1)
        parts = measure(corpus, Path(work_dir) / "out.jsonl", args.runs)
        sizes = [len(raw) for raw in _lines(corpus)]
    megabytes, pages = sum(sizes) / 1e6, len(sizes)
    print(render(parts, args.share, megabytes, pages))
    if args.json:
        rows = [attrs.asdict(part) for part in parts]
        info = {"megabytes": megabytes, "pages": pages, "share": args.share, "parts": rows}
        args.json.write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
