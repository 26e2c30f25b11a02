"""Dask throughput: the same generated corpus cleaned (and profiled) with 1 and 2 Dask
worker processes, next to the plain single-process loop, in one run.

    python3 -m benchmarks.dask_throughput [--pages 150] [--partitions 8] [--repeat 2]

Each cluster is started, warmed up on one partition (workers import newsclean and load
its model), then timed; the best of `--repeat` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks.site_corpus import generate


def _best(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=150, help="pages per site (6 sites)")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)

    import dask.bag as db
    from distributed import Client, LocalCluster

    from newsclean.chain import default_chain
    from newsclean.integrations.dask import clean_bag, profile_bag
    from newsclean.records import clean_record, document_from_record

    records = [{k: r[k] for k in ("id", "url", "text")} for r in generate(args.pages)]
    megabytes = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    chain = default_chain()
    rows: list[dict[str, Any]] = []

    def report(engine: str, task: str, seconds: float) -> None:
        rows.append({"engine": engine, "task": task, "seconds": round(seconds, 3),
                     "pages_per_s": round(len(records) / seconds, 1),
                     "mb_per_s": round(megabytes / seconds, 2)})
        print(f"{engine:<22} {task:<8} {seconds:7.2f} s {len(records) / seconds:8.1f} pages/s "
              f"{megabytes / seconds:6.2f} MB/s", file=sys.stderr)

    chain(document_from_record(records[0]))  # load the model before timing
    report("single process", "clean",
           _best(lambda: [clean_record(r, chain=chain) for r in records], args.repeat))
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                          dashboard_address=None) as cluster, Client(cluster):
            bag = db.from_sequence(records, npartitions=args.partitions)
            clean_bag(db.from_sequence(records[:workers * 4], npartitions=workers)).compute()
            engine = f"dask, {workers} worker{'s' if workers > 1 else ''}"
            report(engine, "clean", _best(clean_bag(bag).compute, args.repeat))
            report(engine, "profile", _best(profile_bag(bag).compute, args.repeat))
    print(json.dumps({"pages": len(records), "megabytes": round(megabytes, 2),
                      "partitions": args.partitions, "results": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
