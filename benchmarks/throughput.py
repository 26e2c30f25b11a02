"""Throughput of newsclean next to the floor of its own I/O, in one run on one corpus.

Each row runs in a fresh child process over the same JSONL file: read the file line by
line, parse each record, do the row's work on it, serialise it and write it out. Rows:

- `floor`: split the text into lines, strip them, join them (no cleaning at all);
- `model`: a `Document` per record, `attrs.evolve`d once per filter with no work done,
  then `to_dict` as `clean_record` does: the cost of the frozen data model itself;
- `chain`: `newsclean.records.clean_record` with the default chain;
- `chain, batches`: `newsclean.records.clean_records` on 64 records at a time (the
  article model reads a batch's pages together), as `newsclean clean` does;
- `chain (timed)`: the same with a timer around each filter, giving each filter's share
  of the chain's time where it really runs (after the filters before it);
- `alone: NAME`: `Chain((FILTERS[NAME],))` through `clean_record`: one filter on raw pages;
- `cli --workers 1` / `2`: `python -m newsclean clean` as a subprocess (wall time,
  interpreter start and imports included), one run of each in turn per round, so that
  each round's two-to-one ratio compares runs made side by side in time;
- `jusText`, `datatrove C4 lines`: the peers, when the `bench` extra is installed.

Every row prints MB/s of input, pages/s, peak RSS and its ratio to the floor. The page
cost check cleans 200 KB, 2 MB and 20 MB pages and compares their time per MB, with
malloc tuned as `newsclean clean` tunes it and as the system leaves it; `--memory`
adds the peak RSS of `newsclean clean` on generated 200 MB and 2 GB corpora.

    python3 -m benchmarks.throughput [--corpus FILE | --size 40MB] [--runs 2]
        [--json OUT.json] [--memory] [--only floor,chain] [--no-page-cost]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import platform
import random
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from itertools import product
from pathlib import Path
from typing import Any

from benchmarks.corpus import MB, Written, make_page
from benchmarks.memory import Measured, peak_rss, run_measured

ROOT = Path(__file__).resolve().parent.parent
Work = Callable[[dict[str, Any]], dict[str, Any]]
BatchWork = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
# Records per batch of the batch rows (the CLI's batch size).
BATCH_RECORDS = 64


# --- the rows' work, each built in the child that runs it --------------------------------


def clean_command(corpus: Path, output: Path, workers: int) -> list[str]:
    """The `newsclean clean` command line the CLI rows run."""
    return [
        sys.executable,
        "-m",
        "newsclean",
        "clean",
        str(corpus),
        "-o",
        str(output),
        "--workers",
        str(workers),
    ]


def _floor() -> Work:
    def work(record: dict[str, Any]) -> dict[str, Any]:
        record["text"] = "\n".join(line.strip() for line in record["text"].split("\n"))
        return record

    return work


def _model() -> Work:
    import attrs

    from newsclean.filters import FILTERS
    from newsclean.records import OUTPUT_KEY, document_from_record

    steps = len(FILTERS)

    def work(record: dict[str, Any]) -> dict[str, Any]:
        doc = document_from_record(record)
        for _ in range(steps):
            doc = attrs.evolve(doc, text=doc.text)
        out = dict(record)
        out["text"] = doc.text
        out[OUTPUT_KEY] = doc.to_dict()
        return out

    return work


def _chain(only: str | None = None) -> Work:
    from newsclean.chain import Chain
    from newsclean.filters import FILTERS
    from newsclean.records import clean_record

    chain = None if only is None else Chain((FILTERS[only],))  # type: ignore[arg-type, unused-ignore]
    return functools.partial(clean_record, chain=chain)


def _chain_batches() -> BatchWork:
    from newsclean.records import RecordError, clean_records

    def work(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = clean_records(records)
        assert not any(isinstance(row, RecordError) for row in out)
        return out  # type: ignore[return-value]

    return work


_FILTER_SECONDS: dict[str, float] = {}


def _timed_chain() -> Work:
    from newsclean.chain import Chain
    from newsclean.config import Config
    from newsclean.document import Document
    from newsclean.filters import FILTERS
    from newsclean.records import clean_record

    def timed(
        name: str, step: Callable[[Document, Config], Document]
    ) -> Callable[[Document, Config], Document]:
        clock = time.perf_counter

        @functools.wraps(step)
        def run(doc: Document, config: Config) -> Document:
            started = clock()
            try:
                return step(doc, config)
            finally:
                _FILTER_SECONDS[name] = _FILTER_SECONDS.get(name, 0.0) + clock() - started

        return run

    steps = tuple(timed(name, step) for name, step in FILTERS.items())
    chain = Chain(steps)  # type: ignore[arg-type, misc, unused-ignore]
    return functools.partial(clean_record, chain=chain)


def _justext() -> Work:
    import html

    import justext  # type: ignore[import-untyped, unused-ignore]

    stoplist = justext.get_stoplist("English")

    def work(record: dict[str, Any]) -> dict[str, Any]:
        body = "".join(f"<p>{html.escape(line)}</p>" for line in record["text"].split("\n") if line.strip())
        page = f"<html><body>{body}</body></html>"
        kept = [p.text for p in justext.justext(page, stoplist) if not p.is_boilerplate]
        record["text"] = "\n".join(kept)
        return record

    return work


def _c4_lines() -> Work:
    from datatrove.data import Document as TroveDocument
    from datatrove.pipeline.filters.c4_filters import C4QualityFilter

    # The line rules only: sentence counting needs spaCy, which the bench extra leaves out.
    c4 = C4QualityFilter(min_num_sentences=-1)

    def work(record: dict[str, Any]) -> dict[str, Any]:
        doc = TroveDocument(text=record["text"], id=str(record.get("id", "")))
        kept = c4.filter(doc)
        record["text"] = doc.text if kept is True else ""
        return record

    return work


WORKS: dict[str, Callable[[], Work]] = {
    "floor": _floor,
    "model": _model,
    "chain": _chain,
    "chain-timed": _timed_chain,
    "justext": _justext,
    "c4": _c4_lines,
}


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    with gzip.open(path, "rb") if gz else path.open("rb") as fh:
        yield from fh


BATCH_WORKS: dict[str, Callable[[], BatchWork]] = {"chain-batches": _chain_batches}


def run_row(name: str, corpus: Path, output: Path) -> dict[str, Any]:
    """Run one row in this process: the I/O loop with the row's work; times the loop only."""
    if name in BATCH_WORKS:
        return _run_batch_row(BATCH_WORKS[name](), corpus, output)
    work = _chain(name.split(":", 1)[1]) if name.startswith("alone:") else WORKS[name]()
    size = pages = 0
    dumps = json.dumps
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as out:
        for raw in _lines(corpus):
            size += len(raw)
            record = json.loads(raw)
            out.write(dumps(work(record), ensure_ascii=False))
            out.write("\n")
            pages += 1
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "bytes": size, "pages": pages, "filters": dict(_FILTER_SECONDS)}


def _run_batch_row(work: BatchWork, corpus: Path, output: Path) -> dict[str, Any]:
    """The I/O loop of `run_row`, `BATCH_RECORDS` records at a time."""
    size = pages = 0
    dumps = json.dumps
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as out:
        batch: list[dict[str, Any]] = []
        for raw in _lines(corpus):
            size += len(raw)
            batch.append(json.loads(raw))
            if len(batch) == BATCH_RECORDS:
                out.writelines(dumps(row, ensure_ascii=False) + "\n" for row in work(batch))
                pages += len(batch)
                batch = []
        out.writelines(dumps(row, ensure_ascii=False) + "\n" for row in work(batch))
        pages += len(batch)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "bytes": size, "pages": pages, "filters": {}}


# The floor's work on the page-cost pages is short (about 5 ms per MB): best of this many.
FLOOR_PASSES = 5


def run_page_cost(
    size: int, count: int, seed: int, mojibake: bool, system_malloc: bool = False
) -> dict[str, Any]:
    """Clean `count` generated English pages of `size` bytes, each with one garbled
    paragraph or none (`mojibake`); wall time, and user and system CPU time, of the
    cleaning, and the time of the floor's work on the same pages. The process first
    tunes glibc's malloc as `newsclean clean` does (`newsclean.allocator`), unless
    `system_malloc`."""
    from newsclean.allocator import keep_big_blocks_on_heap
    from newsclean.records import clean_record

    tuned = False if system_malloc else keep_big_blocks_on_heap()

    rng = random.Random(seed)
    pages = [make_page(rng, "en", size, layout="B", mojibake=mojibake) for _ in range(count)]
    total = sum(len(page.encode("utf-8")) for page in pages)
    # One small page first, untimed, so that neither size pays the first call's loading
    # of word lists, patterns and the model.
    warm_up = make_page(random.Random(seed + 1), "en", 20_000, layout="B", mojibake=True)
    clean_record({"id": "warm-up", "url": "https://news.en.example/w", "text": warm_up})
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    for i, page in enumerate(pages):
        clean_record({"id": f"page-{i}", "url": "https://news.en.example/p", "text": page})
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "seconds": seconds,
        "user_seconds": after.ru_utime - before.ru_utime,
        "system_seconds": after.ru_stime - before.ru_stime,
        "page_faults": after.ru_minflt - before.ru_minflt,
        "floor_seconds": _floor_seconds(pages),
        "bytes": total,
        "pages": count,
        "malloc_tuned": tuned,
    }


def _floor_seconds(pages: list[str], passes: int = FLOOR_PASSES) -> float:
    """The floor row's work on `pages` (split into lines, strip, join), the fastest of
    `passes` passes, timed after the cleaning so that the cleaning's figures stay as they
    were: what a page's size costs a pass that does no cleaning at all."""
    floor = _floor()
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        for page in pages:
            floor({"text": page})
        best = min(best, time.perf_counter() - started)
    return best


# --- the parent: running rows as children and reporting ----------------------------------


@dataclass
class Row:
    """One measured row (best of the runs)."""

    name: str
    label: str
    seconds: float = 0.0
    bytes: int = 0
    pages: int = 0
    max_rss: int = 0
    tree_rss: int = 0
    command: str = ""
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def mb_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds else 0.0

    @property
    def pages_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def _python_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks.throughput", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _child(command: list[str], timeout: float) -> tuple[Measured, dict[str, Any] | None, str | None]:
    run = run_measured(command, cwd=ROOT, env=_env(), timeout=timeout)
    if run.timed_out:
        return run, None, f"stopped after {timeout:.0f} s"
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or ["no message"]
        return run, None, f"exit {run.returncode}: {tail[0]}"
    try:
        return run, json.loads(run.stdout.strip().splitlines()[-1]), None
    except (json.JSONDecodeError, IndexError):
        return run, None, "no result printed"


def measure_row(name: str, label: str, corpus: Path, work_dir: Path, runs: int, timeout: float) -> Row:
    best = Row(name, label, error="not run")
    for _ in range(runs):
        command = _python_command(
            "--_row", name, "--corpus", str(corpus), "--_out", str(work_dir / "row.jsonl")
        )
        run, result, error = _child(command, timeout)
        if result is None:
            return Row(name, label, error=error, command=shlex.join(command))
        row = Row(
            name,
            label,
            seconds=result["seconds"],
            bytes=result["bytes"],
            pages=result["pages"],
            max_rss=result.get("vm_hwm") or run.max_rss,
            tree_rss=run.tree_rss,
            command=shlex.join(command),
            extra={"filters": result["filters"]} if result["filters"] else {},
        )
        if best.error or row.seconds < best.seconds:
            best = row
    (work_dir / "row.jsonl").unlink(missing_ok=True)
    return best


def measure_cli_rounds(
    workers: Sequence[int], corpus: Path, work_dir: Path, runs: int, timeout: float
) -> tuple[list[Row], list[list[float]]]:
    """`runs` rounds, each running `newsclean clean` once with each number of `workers`
    in turn: the best run of each, and each round's seconds (in `workers` order), from
    which the ratios of runs made side by side are taken (the machine's load drifts
    between one row's runs and the next's)."""
    labels = [f"newsclean clean --workers {n}" for n in workers]
    best = [Row(f"cli-{n}", label, error="not run") for n, label in zip(workers, labels, strict=True)]
    rounds: list[list[float]] = []
    size = pages = 0
    for raw in _lines(corpus):
        size += len(raw)
        pages += 1
    for _ in range(runs):
        seconds: list[float] = []
        for at, n in enumerate(workers):
            out = work_dir / "cli.jsonl"
            command = clean_command(corpus, out, n)
            run = run_measured(command, cwd=ROOT, env=_env(), timeout=timeout)
            out.unlink(missing_ok=True)
            if run.timed_out or run.returncode not in (0, 1):
                tail = run.stderr.strip().splitlines()[-1:] or ["no message"]
                failed = Row(best[at].name, labels[at], error=f"exit {run.returncode}: {tail[0]}",
                             command=shlex.join(command))
                return [failed if k == at else row for k, row in enumerate(best)], rounds
            row = Row(
                best[at].name,
                labels[at],
                seconds=run.seconds,
                bytes=size,
                pages=pages,
                max_rss=run.max_rss,
                tree_rss=run.tree_rss,
                command=shlex.join(command),
            )
            seconds.append(run.seconds)
            if best[at].error or row.seconds < best[at].seconds:
                best[at] = row
        rounds.append(seconds)
    return best, rounds


def _installed(*modules: str) -> bool:
    import importlib.util

    return all(importlib.util.find_spec(module) is not None for module in modules)


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    """CPU, cores, memory, Python, library versions and the code's commit."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    memory = None
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 2**20:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
            ).stdout.strip()
        except OSError:
            return ""

    commit = git("rev-parse", "--short", "HEAD")
    if git("status", "--porcelain", "--", "newsclean"):
        commit += " (newsclean/ has uncommitted changes)"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "load_average_at_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "commit": commit,
        "versions": {d: _version(d) for d in ("attrs", "regex", "ftfy", "numpy", "jusText", "datatrove")},
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
    }


def _fmt_mb(n: int) -> str:
    return f"{n / MB:.0f}" if n else "-"


def report(rows: list[Row], floor: Row | None, chain: Row | None) -> str:
    """The table of rows as Markdown."""
    head = (
        "| row | MB/s | pages/s | peak RSS MB (tree) | x floor | time vs chain |\n"
        "|---|---:|---:|---:|---:|---:|"
    )
    lines = [head]
    for row in rows:
        if row.error:
            lines.append(f"| {row.label} | {row.error} | | | | |")
            continue
        ratio = f"{row.mb_s / floor.mb_s:.3f}" if floor and floor.mb_s else "-"
        versus = f"{row.seconds / chain.seconds:.2f}" if chain and chain.seconds else "-"
        rss = _fmt_mb(row.max_rss) + (
            f" ({_fmt_mb(row.tree_rss)})" if row.tree_rss > row.max_rss * 1.05 else ""
        )
        lines.append(f"| {row.label} | {row.mb_s:.2f} | {row.pages_s:.0f} | {rss} | {ratio} | {versus} |")
    return "\n".join(lines)


def filter_shares(timed: Row) -> str:
    """Each filter's share of the chain's loop time, where it runs in the chain."""
    seconds: dict[str, float] = timed.extra.get("filters", {})
    if not seconds or not timed.seconds:
        return ""
    lines = [
        "| filter (in the chain) | seconds | share of the chain row's time |",
        "|---|---:|---:|",
    ]
    for name, spent in sorted(seconds.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {spent:.2f} | {spent / timed.seconds:.3f} |")
    rest = timed.seconds - sum(seconds.values())
    lines.append(f"| (I/O, JSON, Document, to_dict) | {rest:.2f} | {rest / timed.seconds:.3f} |")
    return "\n".join(lines)


# The page sizes compared, with the number of pages of each size cleaned in one run.
PAGE_SIZES = (("200KB", 200_000, 10), ("2MB", 2_000_000, 1), ("20MB", 20_000_000, 1))
# Pages without mojibake, and pages with one garbled paragraph each (whatever their size,
# so the small pages carry more of it per MB). A page with mojibake is scanned for it from
# end to end and one without skips the scan, so a size is only compared with 200 KB pages
# of its own kind.
PAGE_KINDS = (("clean", False), ("mojibake", True))
# Each size runs with malloc tuned as `newsclean clean` tunes it (`newsclean.allocator`)
# and as the system leaves it (what a program that imports newsclean gets by default);
# sizes are compared within the same allocator.
PAGE_ALLOCATORS = (("", False), (", system malloc", True))


def page_cost(work_dir: Path, timeout: float, runs: int = 1) -> dict[str, Any]:
    """Time per MB of one 20 MB page and one 2 MB page against 200 KB pages of the same
    kind, each size in a process of its own; with `runs` > 1, every size is run once per
    round, in turn, and the fastest run of each is kept (the machine's speed drifts over
    a minute as much as sizes differ)."""
    results: dict[str, Any] = {}
    for _ in range(runs):
        for (kind, mojibake), (suffix, system) in product(PAGE_KINDS, PAGE_ALLOCATORS):
            for size_label, size, count in PAGE_SIZES:
                label = f"{size_label} {kind}{suffix}"
                command = _python_command("--_page", str(size), "--_count", str(count))
                command += ["--_mojibake"] if mojibake else []
                command += ["--_system_malloc"] if system else []
                run, result, error = _child(command, timeout)
                if result is None:
                    results.setdefault(label, {"error": error, "command": shlex.join(command)})
                    continue
                megabytes = result["bytes"] / MB
                result["s_per_mb"] = result["seconds"] / megabytes
                result["user_s_per_mb"] = result["user_seconds"] / megabytes
                result["system_s_per_mb"] = result["system_seconds"] / megabytes
                result["faults_per_mb"] = result["page_faults"] / megabytes
                result["floor_s_per_mb"] = result["floor_seconds"] / megabytes
                result["max_rss"] = result.get("vm_hwm") or run.max_rss
                result["command"] = shlex.join(command)
                if result["s_per_mb"] < results.get(label, {}).get("s_per_mb", float("inf")):
                    results[label] = result
    for (kind, _), (suffix, _) in product(PAGE_KINDS, PAGE_ALLOCATORS):
        base = results.get(f"200KB {kind}{suffix}", {}).get("s_per_mb")
        for size_label, _, _ in PAGE_SIZES[1:]:
            label = f"{size_label} {kind}{suffix}"
            if base and "s_per_mb" in results.get(label, {}):
                results[label]["per_mb_vs_200KB"] = results[label]["s_per_mb"] / base
                floor_base = results[f"200KB {kind}{suffix}"]["floor_s_per_mb"]
                results[label]["floor_per_mb_vs_200KB"] = results[label]["floor_s_per_mb"] / floor_base
    return results


def generate(path: Path, size: str, seed: int, mojibake: float) -> Written:
    """Write a generated corpus in a child process (the parent stays small, so that the
    children it starts later do not inherit a large resident set)."""
    command = [sys.executable, "-m", "benchmarks.corpus", str(path), "--size", size]
    command += ["--seed", str(seed), "--mojibake", str(mojibake)]
    subprocess.run(command, cwd=ROOT, env=_env(), check=True, stderr=subprocess.DEVNULL)
    pages = total = 0
    for raw in _lines(path):
        pages += 1
        total += len(raw)
    return Written(str(path), pages, total)


def memory_runs(sizes: list[str], work_dir: Path, seed: int, timeout: float) -> list[dict[str, Any]]:
    """Peak RSS of `newsclean clean --workers 1` on generated corpora of `sizes`."""
    out: list[dict[str, Any]] = []
    for size in sizes:
        corpus = work_dir / f"memory-{size}.jsonl"
        print(f"[memory] generating {size} ...", file=sys.stderr, flush=True)
        written = generate(corpus, size, seed, 0.1)
        output = work_dir / "memory-out.jsonl"
        command = clean_command(corpus, output, 1)
        print(f"[memory] cleaning {size} ...", file=sys.stderr, flush=True)
        run = run_measured(command, cwd=ROOT, env=_env(), timeout=timeout, interval=0.2)
        corpus.unlink(missing_ok=True)
        output.unlink(missing_ok=True)
        out.append(
            {
                "size": size,
                "bytes": written.bytes,
                "pages": written.pages,
                "seconds": run.seconds,
                "mb_s": written.bytes / MB / run.seconds,
                "max_rss": run.max_rss,
                "returncode": run.returncode,
                "timed_out": run.timed_out,
                "command": shlex.join(command),
            }
        )
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 -m benchmarks.throughput",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    add = parser.add_argument
    add("--corpus", type=Path, help="JSONL corpus (default: generate --size into a temp dir)")
    add("--size", default="40MB", help="size of the generated corpus (default 40MB)")
    add("--seed", type=int, default=0, help="seed of the generated corpus (default 0)")
    add("--mojibake", type=float, default=0.1, help="share of generated pages with mojibake")
    add("--runs", type=int, default=1, help="runs per row, best kept (default 1)")
    add("--only", help="comma-separated rows: floor,model,chain,timed,alone,cli,peers")
    add("--json", type=Path, metavar="OUT", help="write the numbers to this JSON file")
    add("--no-page-cost", action="store_true", help="skip the 200 KB / 2 MB / 20 MB page check")
    add(
        "--memory",
        action="store_true",
        help="also measure peak RSS on 200 MB and 2 GB corpora (long)",
    )
    add("--memory-sizes", default="200MB,2GB", help="corpus sizes for --memory")
    add("--timeout", type=float, default=1800, help="seconds before a row is stopped")
    add("--_row", help=argparse.SUPPRESS)
    add("--_out", type=Path, help=argparse.SUPPRESS)
    add("--_page", type=int, help=argparse.SUPPRESS)
    add("--_count", type=int, default=1, help=argparse.SUPPRESS)
    add("--_mojibake", action="store_true", help=argparse.SUPPRESS)
    add("--_system_malloc", action="store_true", help=argparse.SUPPRESS)
    add("--_filters", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args._row:
        result = run_row(args._row, args.corpus, args._out)
        result["vm_hwm"] = peak_rss(os.getpid())
        print(json.dumps(result))
        return 0
    if args._page:
        result = run_page_cost(args._page, args._count, args.seed, args._mojibake, args._system_malloc)
        result["vm_hwm"] = peak_rss(os.getpid())
        print(json.dumps(result))
        return 0
    if args._filters:
        from newsclean.filters import FILTERS

        print(json.dumps(list(FILTERS)))
        return 0
    return run_all(args, argv if argv is not None else sys.argv[1:])


def run_all(args: argparse.Namespace, argv: list[str]) -> int:
    command = shlex.join(["python3", "-m", "benchmarks.throughput", *argv])
    wanted = (
        set(args.only.split(","))
        if args.only
        else {"floor", "model", "chain", "timed", "alone", "cli", "peers"}
    )
    info: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "machine": machine(),
    }
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        work_dir = Path(tmp)
        corpus = args.corpus
        if corpus is None:
            corpus = work_dir / "corpus.jsonl"
            started = time.perf_counter()
            written = generate(corpus, args.size, args.seed, args.mojibake)
            info["corpus"] = {
                "generated": True,
                "size": args.size,
                "seed": args.seed,
                "mojibake": args.mojibake,
                "bytes": written.bytes,
                "pages": written.pages,
                "generator_seconds": round(time.perf_counter() - started, 1),
                "command": (
                    f"python3 -m benchmarks.corpus OUT.jsonl --size {args.size}"
                    f" --seed {args.seed} --mojibake {args.mojibake}"
                ),
            }
        else:
            info["corpus"] = {
                "generated": False,
                "path": str(corpus),
                "bytes": corpus.stat().st_size,
            }
        print(f"corpus: {json.dumps(info['corpus'])}", file=sys.stderr, flush=True)

        plan: list[tuple[str, str]] = []
        if "floor" in wanted:
            plan.append(("floor", "floor: read, parse, split, strip, join, serialise, write"))
        if "model" in wanted:
            plan.append(("model", "model: Document + one evolve per filter + to_dict"))
        if "chain" in wanted:
            plan.append(("chain", "default chain (clean_record)"))
            label = f"default chain, {BATCH_RECORDS} records at a time (clean_records)"
            plan.append(("chain-batches", label))
        if "timed" in wanted:
            plan.append(("chain-timed", "default chain, a timer around each filter"))
        if "alone" in wanted:
            names = json.loads(
                subprocess.run(
                    _python_command("--_filters"),
                    cwd=ROOT,
                    env=_env(),
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            plan.extend((f"alone:{name}", f"alone: {name}") for name in names)
        if "peers" in wanted:
            if _installed("justext"):
                plan.append(("justext", "jusText (English stoplist, one <p> per line)"))
            if _installed("datatrove"):
                plan.append(("c4", "datatrove C4QualityFilter, line rules"))
        rows: list[Row] = []
        for name, label in plan:
            print(f"[row] {label} ...", file=sys.stderr, flush=True)
            rows.append(measure_row(name, label, corpus, work_dir, args.runs, args.timeout))
            _progress(rows[-1])
        if "cli" in wanted:
            print("[row] newsclean clean --workers 1 and 2, in turn ...", file=sys.stderr, flush=True)
            cli_rows, rounds = measure_cli_rounds((1, 2), corpus, work_dir, args.runs, args.timeout)
            for row in cli_rows:
                rows.append(row)
                _progress(row)
            if rounds:
                info["workers_2_vs_1_rounds"] = [one / two for one, two in rounds]
        by_name = {row.name: row for row in rows}
        floor, chain = by_name.get("floor"), by_name.get("chain")
        for row in rows:
            if row.name.startswith("alone:") and chain and not row.error and not chain.error:
                row.extra["time_vs_chain"] = row.seconds / chain.seconds
        one, two = by_name.get("cli-1"), by_name.get("cli-2")
        if one and two and not one.error and not two.error:
            info["workers_2_vs_1"] = two.mb_s / one.mb_s
        if not args.no_page_cost:
            print("[page cost] 200 KB x10, 2 MB, 20 MB ...", file=sys.stderr, flush=True)
            info["page_cost"] = page_cost(work_dir, args.timeout, args.runs)
        if args.memory:
            info["memory"] = memory_runs(args.memory_sizes.split(","), work_dir, args.seed, args.timeout * 4)
    info["machine"]["load_average_at_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    info["rows"] = [{**asdict(row), "mb_s": row.mb_s, "pages_s": row.pages_s} for row in rows]
    print(render(info, rows, floor, chain))
    if args.json:
        args.json.write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def _progress(row: Row) -> None:
    text = row.error or f"{row.mb_s:.2f} MB/s, {row.pages_s:.0f} pages/s, peak RSS {row.max_rss / MB:.0f} MB"
    print(f"      {text}", file=sys.stderr, flush=True)


def render(info: dict[str, Any], rows: list[Row], floor: Row | None, chain: Row | None) -> str:
    """The whole report as Markdown."""
    m = info["machine"]
    out = [
        f"measured {info['measured_at']} on {m['cpu']}, {m['cores']} cores"
        f" ({m['usable_cores']} usable), "
        f"{m['memory']}, {m['python']}, {m['platform']}; commit {m['commit']}; "
        f"load average at start {m['load_average_at_start']},"
        f" at end {m.get('load_average_at_end')}",
        f"command: {info['command']}",
        f"corpus: {json.dumps(info['corpus'])}",
        "",
        report(rows, floor, chain),
    ]
    timed = next((row for row in rows if row.name == "chain-timed" and not row.error), None)
    if timed:
        out += ["", filter_shares(timed)]
    if "workers_2_vs_1" in info:
        out += ["", f"--workers 2 / --workers 1: {info['workers_2_vs_1']:.2f}x (best runs)"]
    if info.get("workers_2_vs_1_rounds"):
        ratios = info["workers_2_vs_1_rounds"]
        shown = ", ".join(f"{ratio:.2f}x" for ratio in ratios)
        out += [f"--workers 2 / --workers 1 in each round (the two runs side by side): {shown};"
                f" median {statistics.median(ratios):.2f}x"]
    if "page_cost" in info:
        out += [
            "",
            "| page | pages | seconds | s per MB | per MB vs 200 KB | user s per MB"
            " | system s per MB | page faults per MB | peak RSS MB | floor s per MB"
            " | floor per MB vs 200 KB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for label, r in info["page_cost"].items():
            if "error" in r:
                out.append(f"| {label} | {r['error']} | | | | | | | | | |")
            else:
                versus = f"{r['per_mb_vs_200KB']:.2f}" if "per_mb_vs_200KB" in r else "1.00"
                floor_versus = f"{r['floor_per_mb_vs_200KB']:.2f}" if "floor_per_mb_vs_200KB" in r else "1.00"
                out.append(
                    f"| {label} | {r['pages']} | {r['seconds']:.2f} | {r['s_per_mb']:.3f}"
                    f" | {versus} | {r['user_s_per_mb']:.3f} | {r['system_s_per_mb']:.3f}"
                    f" | {r['faults_per_mb']:.0f} | {r['max_rss'] / MB:.0f}"
                    f" | {r['floor_s_per_mb']:.4f} | {floor_versus} |"
                )
    if "memory" in info:
        out += [
            "",
            "| corpus | pages | seconds | MB/s | peak RSS MB |",
            "|---|---:|---:|---:|---:|",
        ]
        for r in info["memory"]:
            out.append(
                f"| {r['size']} | {r['pages']} | {r['seconds']:.0f} | {r['mb_s']:.2f}"
                f" | {r['max_rss'] / MB:.0f} |"
            )
    return "\n".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
