"""How the default chain's time grows on hostile input: each input of `tests/test_hostile.py`
at 1x, 10x and 100x a base size, and the ratios (linear time gives about 10 and 100).

The 100x size is the size the tests use (a 20 MB line, a million lines...). The inputs of
`SUPERLINEAR` (patterns shown to backtrack, reported in docs/reliability.md) run at 0.1x,
1x and 10x the tests' small size instead. Each size runs
in its own process with a time limit, so a pattern that backtracks shows up as `>LIMIT`
instead of hanging the benchmark.

    python benchmarks/hostile_scaling.py                # every input, 60 s limit per size
    python benchmarks/hostile_scaling.py --only nul_bytes --limit 120
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALES = (1, 10, 100)

_MEASURE = """
import json, sys, time
from newsclean import Document
from newsclean.chain import default_chain
from tests.test_hostile import HOSTILE, SUPERLINEAR
HOSTILE = {**HOSTILE, **SUPERLINEAR}
name, scale, repeats = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
chain = default_chain()
text = HOSTILE[name](scale)
best, per = float("inf"), {}
for _ in range(repeats):
    doc = Document.from_text(text)
    took = {}
    for step in chain.filters:
        t = time.perf_counter()
        doc = step(doc, chain.config)
        took[step.__name__] = time.perf_counter() - t
    total = sum(took.values())
    if total < best:
        best, per = total, took
print(json.dumps({"chars": len(text), "seconds": best, "slowest": max(per, key=per.get)}))
"""


def measure(name: str, scale: float, limit: float) -> dict[str, object] | None:
    """Best time of the chain on one input size, or `None` past `limit` seconds."""
    repeats = 3 if scale < 0.5 else 1
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, name, str(scale), str(repeats)],
            env=env, capture_output=True, text=True, timeout=limit, check=True, cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="input name (repeatable)")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds allowed per size")
    parser.add_argument("--base", type=float, default=0.01,
                        help="1x as a share of the tests' size (default 0.01)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.test_hostile import HOSTILE, SUPERLINEAR

    names = args.only or [*sorted(HOSTILE), *sorted(SUPERLINEAR)]
    print(f"{'input':24} {'chars@1x':>10} {'1x s':>8} {'10x s':>8} {'100x s':>8} "
          f"{'10x/1x':>7} {'100x/1x':>8}  slowest filter at 100x")
    worst = 0.0
    for name in names:
        base = args.base if name in HOSTILE else 0.1
        rows = [measure(name, base * k, args.limit) for k in SCALES]
        times = [float(r["seconds"]) if r else None for r in rows]  # type: ignore[arg-type]
        shown = [f"{t:8.3f}" if t is not None else f">{args.limit:<7.0f}" for t in times]
        first = times[0] or 1e-9
        ratios = [f"{t / first:7.1f}" if t is not None else "      -" for t in times[1:]]
        if times[2] is not None:
            worst = max(worst, times[2] / first)
        chars = rows[0]["chars"] if rows[0] else "?"
        slowest = rows[2]["slowest"] if rows[2] else "(over the limit)"
        print(f"{name:24} {chars!s:>10} {' '.join(shown)} {ratios[0]} {ratios[1]:>8}  {slowest}",
              flush=True)
    print(f"\n{len(names)} hostile inputs; worst 100x/1x time ratio: {worst:.1f} "
          "(linear is 100; small inputs carry fixed costs, so ratios under 100 are common)")


if __name__ == "__main__":
    main()
