"""Instructions the default chain executes on a corpus, counted with valgrind's callgrind.

Wall time on a shared machine moves by a third between two runs of the same code; the
number of instructions a run executes does not depend on the machine's load, so it is
the measure to decide a speed change on (the figures in docs/benchmarks/throughput.md
were taken this way). Two runs under callgrind: one that starts Python, imports the
package and parses the records, and one that also cleans them; the difference is the
cleaning's own count.

    python3 -m benchmarks.instructions CORPUS.jsonl [--tree PATH] [--limit N] [--json OUT.json]

`--tree` counts another checkout of the project (an older commit, say) on the same pages.
valgrind is a system package (`apt-get install valgrind`), not a Python one; without it
the command says so and exits with status 2. Runs are slow: about 50 times the time of
the same run outside valgrind. On a small corpus the count is mostly first-page work
(each language's cue tables and the article model are loaded on first use), so compare
counts of the same corpus, not counts per MB of different ones.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# What each counted child runs: `{clean}` is "1" to clean the records, "0" to only parse them.
_CHILD = """
import json, sys
from newsclean.records import clean_record
from newsclean.chain import default_chain
chain = default_chain()
limit = {limit}
with open({corpus!r}, encoding="utf-8") as fh:
    for n, line in enumerate(fh):
        if limit and n >= limit:
            break
        record = json.loads(line)
        if {clean}:
            clean_record(record, chain=chain)
"""


def callgrind_total(out_file: Path) -> int:
    """The total instruction count a callgrind output file reports.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp) / "callgrind.out"
    ...     _ = path.write_text("events: Ir\\nfl=x\\n0 5\\nsummary: 4764123456\\n")
    ...     callgrind_total(path)
    4764123456
    """
    for line in out_file.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise ValueError(f"{out_file}: no summary line (did callgrind finish?)")


def child_code(corpus: Path, *, clean: bool, limit: int) -> str:
    """The Python code of one counted run."""
    return _CHILD.format(corpus=str(corpus), clean=int(clean), limit=limit)


def child_command(corpus: Path, *, clean: bool, limit: int, out_file: Path) -> list[str]:
    """The valgrind command that counts one child run."""
    code = child_code(corpus, clean=clean, limit=limit)
    return [
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
        sys.executable, "-c", code,
    ]  # fmt: skip


def count(tree: Path, corpus: Path, *, clean: bool, limit: int) -> int:
    """Instructions of one child run with the package imported from `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as tmp:
        out_file = Path(tmp) / "callgrind.out"
        command = child_command(corpus, clean=clean, limit=limit, out_file=out_file)
        done = subprocess.run(command, env=env, cwd=tmp, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"counted run failed ({done.returncode}): {done.stderr[-2000:]}")
        return callgrind_total(out_file)


def measure(tree: Path, corpus: Path, limit: int = 0) -> dict[str, Any]:
    """Instructions of starting and parsing, of the whole run, and of the cleaning alone."""
    size = 0
    pages = 0
    with open(corpus, "rb") as fh:
        for line in fh:
            if limit and pages >= limit:
                break
            size += len(line)
            pages += 1
    base = count(tree, corpus, clean=False, limit=limit)
    total = count(tree, corpus, clean=True, limit=limit)
    cleaning = total - base
    return {
        "tree": str(tree),
        "corpus": str(corpus),
        "pages": pages,
        "bytes": size,
        "start_and_parse": base,
        "total": total,
        "cleaning": cleaning,
        "cleaning_per_mb": cleaning / (size / 1e6) if size else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m benchmarks.instructions", description=__doc__.splitlines()[0]
    )
    parser.add_argument("corpus", type=Path, help="JSONL records with a `text` field")
    parser.add_argument(
        "--tree", type=Path, default=ROOT, help="checkout whose package to count (default: this one)"
    )
    parser.add_argument("--limit", type=int, default=0, help="count only the first N records")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the counts to this JSON file")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    if not args.corpus.is_file():
        print(f"instructions: no such file: {args.corpus}", file=sys.stderr)
        return 2
    result = measure(args.tree.resolve(), args.corpus.resolve(), args.limit)
    print(
        f"{result['pages']} pages, {result['bytes'] / 1e6:.2f} MB from {result['corpus']}\n"
        f"package from {result['tree']}\n"
        f"start, import and parse: {result['start_and_parse'] / 1e6:,.0f} M instructions\n"
        f"whole run:               {result['total'] / 1e6:,.0f} M\n"
        f"cleaning:                {result['cleaning'] / 1e6:,.0f} M"
        f" ({result['cleaning_per_mb'] / 1e6:,.0f} M per MB)"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
