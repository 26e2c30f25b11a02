"""PNG plots of the benchmark tables, drawn from the JSON the benchmark scripts write.

    python benchmarks/plots.py quality    QUALITY.json    -o docs/benchmarks/img/quality.png
    python benchmarks/plots.py throughput THROUGHPUT.json -o docs/benchmarks/img/throughput.png

The JSON is what `benchmarks/quality.py --json` writes (an object whose `groups` map each
benchmark file to its precision, recall and F1) or what `benchmarks/throughput.py --json`
writes (an object whose `rows` list each measured loop with its `label` and `mb_s`); more
generally a list of rows, or an object holding one under `rows`, `results` or `systems`,
each row with a name (`label`, `system`, `name` or `what`) and the plotted value (`f1` or
`mean_f1`; `mb_s`, `mb_per_s` or `mbps`). Rows with an `error` are left out; rows whose
name starts with `newsclean` are highlighted. Needs matplotlib (the `docs` extra).

>>> rows_of({"rows": [{"system": "raw dump", "f1": 0.62}]}, "quality")
[('raw dump', 0.62)]
>>> rows_of({"groups": {"dev.jsonl": {"n": 121, "f1": 0.95}}}, "quality")
[('dev.jsonl', 0.95)]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

NAME_KEYS = ("label", "system", "name", "what")
VALUE_KEYS = {
    "quality": ("f1", "mean_f1", "F1"),
    "throughput": ("mb_s", "mb_per_s", "mbps", "MB/s"),
}
AXIS_LABEL = {"quality": "mean F1 on the article benchmark", "throughput": "MB/s of input"}
HIGHLIGHT, OTHER = "#d62728", "#7f7f7f"


def rows_of(data: Any, kind: str) -> list[tuple[str, float]]:
    """The `(name, value)` pairs of a benchmark's JSON output for a `kind` of plot.

    >>> rows_of([{"name": "floor", "mbps": 104.0}, {"name": "note"}], "throughput")
    [('floor', 104.0)]
    """
    if isinstance(data, dict) and isinstance(data.get("groups"), dict):  # quality.py --json
        data = [{"name": name, **row} for name, row in data["groups"].items()]
    if isinstance(data, dict):
        for key in ("rows", "results", "systems"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if not isinstance(data, list):
        raise ValueError("expected a list of rows, or an object with a 'rows' list")
    out: list[tuple[str, float]] = []
    for row in data:
        if not isinstance(row, dict) or row.get("error"):
            continue
        name = next((str(row[k]) for k in NAME_KEYS if k in row), None)
        values = (row[k] for k in VALUE_KEYS[kind] if isinstance(row.get(k), (int, float)))
        value = next(values, None)
        if name is not None and value is not None:
            out.append((name, float(value)))
    if not out:
        raise ValueError(f"no row has a name and one of {', '.join(VALUE_KEYS[kind])}")
    return out


def plot(rows: Sequence[tuple[str, float]], kind: str, output: Path) -> Path:
    """Draw `rows` as horizontal bars, largest on top, into the PNG `output`."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ordered = sorted(rows, key=lambda row: row[1])
    names = [name for name, _ in ordered]
    values = [value for _, value in ordered]
    colours = [HIGHLIGHT if name.lower().startswith("newsclean") else OTHER for name in names]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(rows) + 1.2), dpi=110)
    bars = ax.barh(names, values, color=colours)
    ax.bar_label(bars, fmt="%.3f" if kind == "quality" else "%.1f", padding=3, fontsize=9)
    ax.set_xlabel(AXIS_LABEL[kind])
    if kind == "quality":
        ax.set_xlim(0, 1.08)
    else:
        ax.set_xlim(0, max(values) * 1.15)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(output, format="png", metadata={"Software": None})
    plt.close(fig)
    return output


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(VALUE_KEYS))
    parser.add_argument("json", type=Path, help="the benchmark script's JSON output")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PNG to write")
    args = parser.parse_args(argv)
    try:
        rows = rows_of(json.loads(args.json.read_text(encoding="utf-8")), args.kind)
    except (OSError, ValueError) as exc:
        print(f"plots: {exc}", file=sys.stderr)
        return 2
    print(f"plots: {len(rows)} rows drawn into {plot(rows, args.kind, args.output)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
