"""Peak memory of the Python API over a corpus: `newsclean.clean_stream`, which cleans
pages as they come, against `newsclean.clean_all`, which takes and returns whole lists.

For each corpus size, each API runs in a fresh child process that reads a generated JSONL
corpus record by record and cleans the pages' text (`clean_stream` is fed a generator;
`clean_all` the list of all texts, as a caller with a list would). The child prints the
MB/s of input, the pages, and a digest of the cleaned texts, so that the two APIs are
checked to give the same output; the parent reads the child's peak resident set.

    python3 -m benchmarks.api_memory [--sizes 20MB,80MB] [--apis stream,all] [--json OUT.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import MB
from benchmarks.memory import run_measured
from benchmarks.throughput import ROOT, _env, generate

APIS = ("stream", "all")


def _texts(corpus: Path) -> Iterator[str]:
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["text"]


def clean_corpus(api: str, corpus: Path) -> dict[str, Any]:
    """Clean every page of `corpus` with `api` in this process: seconds, input bytes,
    pages and a digest of the cleaned texts in order."""
    import newsclean

    digest = hashlib.sha256()
    pages = 0
    started = time.perf_counter()
    if api == "stream":
        cleaned: Iterator[newsclean.Document] = newsclean.clean_stream(_texts(corpus))
    elif api == "all":
        cleaned = iter(newsclean.clean_all(list(_texts(corpus))))
    else:
        raise ValueError(f"unknown API {api!r}; known: {', '.join(APIS)}")
    for doc in cleaned:
        digest.update(doc.text.encode("utf-8") + b"\0")
        pages += 1
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "bytes": corpus.stat().st_size, "pages": pages, "digest": digest.hexdigest()}


def measure(api: str, corpus: Path, timeout: float) -> dict[str, Any]:
    """`clean_corpus` in a child process, with its peak resident set."""
    command = [sys.executable, "-m", "benchmarks.api_memory", "--child", api, str(corpus)]
    run = run_measured(command, cwd=ROOT, env=_env(), timeout=timeout, interval=0.05)
    row: dict[str, Any] = {"api": api, "max_rss": run.max_rss, "wall": run.seconds}
    if run.timed_out or run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or ["no message"]
        failed = f"stopped after {timeout:.0f} s" if run.timed_out else f"exit {run.returncode}: {tail[0]}"
        row["error"] = failed
        return row
    row.update(json.loads(run.stdout.strip().splitlines()[-1]))
    row["mb_s"] = row["bytes"] / MB / row["seconds"] if row["seconds"] else 0.0
    return row


def run(
    sizes: Sequence[str], apis: Sequence[str], work_dir: Path, seed: int, timeout: float
) -> list[dict[str, Any]]:
    """Every API on a generated corpus of every size (the corpora share their largest
    page, as the generator makes them)."""
    rows = []
    for size in sizes:
        corpus = work_dir / f"api-memory-{size}.jsonl"
        print(f"[api_memory] generating {size} ...", file=sys.stderr, flush=True)
        generate(corpus, size, seed, 0.1)
        for api in apis:
            print(f"[api_memory] {api} on {size} ...", file=sys.stderr, flush=True)
            rows.append({"size": size, **measure(api, corpus, timeout)})
        corpus.unlink(missing_ok=True)
    return rows


def render(rows: list[dict[str, Any]]) -> str:
    """A Markdown table of the rows, each API's peak also as a ratio to its peak on the
    smallest corpus, and whether the APIs gave the same texts on each corpus."""
    first: dict[str, int] = {}
    lines = [
        "| corpus | API | pages | MB/s | peak RSS MB | peak vs smallest corpus |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['size']} | {row['api']} | | | | {row['error']} |")
            continue
        base = first.setdefault(row["api"], row["max_rss"])
        lines.append(
            f"| {row['size']} | {row['api']} | {row['pages']} | {row['mb_s']:.2f} | "
            f"{row['max_rss'] / MB:.0f} | {row['max_rss'] / base:.2f} |"
        )
    for size in dict.fromkeys(row["size"] for row in rows):
        digests = {row["digest"] for row in rows if row["size"] == size and "digest" in row}
        lines.append("")
        same = len(digests) == 1
        lines.append(f"{size}: " + ("the APIs gave the same texts" if same else "THE APIS DIFFER"))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    summary = (__doc__ or "").split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="python -m benchmarks.api_memory", description=summary)
    parser.add_argument("--sizes", default="20MB,80MB", help="comma-separated corpus sizes")
    parser.add_argument("--apis", default=",".join(APIS), help="comma-separated: stream,all")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds a child may run")
    parser.add_argument("--work-dir", type=Path, help="where to write the corpora (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    parser.add_argument("--child", nargs=2, metavar=("API", "CORPUS"), help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child:
        print(json.dumps(clean_corpus(args.child[0], Path(args.child[1]))))
        return 0
    apis = [api for api in args.apis.split(",") if api]
    unknown = sorted(set(apis) - set(APIS))
    if unknown:
        print(f"unknown API: {', '.join(unknown)}; known: {', '.join(APIS)}", file=sys.stderr)
        return 2
    sizes = [size for size in args.sizes.split(",") if size]
    with tempfile.TemporaryDirectory(prefix="newsclean-api-memory-") as scratch:
        rows = run(sizes, apis, args.work_dir or Path(scratch), args.seed, args.timeout)
    print(render(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 1 if any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
