"""Quality of the default chain on article benchmark pages.

    python benchmarks/quality.py --data ../shared/eval/dev.jsonl [--data ../shared/eval/dev-ml.jsonl]
        [--no-ablation] [--worst 10] [--json OUT.json] [--wrap WIDTH]

Prints mean token precision, recall and F1 (macro over pages, as the benchmark's scorer
reports them) overall and per language, an ablation table (F1 with each filter left
out), and the worst pages. Records need `id`, `text` and `truth`; `lang` groups them.
`--wrap WIDTH` first breaks every line of every page at WIDTH characters, as a text
browser's dump does (`textwrap.wrap`), to measure the chain on hard-wrapped pages.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scoring import token_prf
from newsclean.chain import Chain, default_chain
from newsclean.document import Document

# Filters an ablation row never leaves out (they only prepare the text for the others).
ALWAYS_ON = ("normalize_whitespace", "detect_page_language", "tidy_blank_lines")


def load(paths: list[str]) -> list[dict[str, Any]]:
    records = []
    for path in paths:
        if not Path(path).is_file():
            sys.exit(f"quality: {path} is absent (the benchmark pages live in ../shared/eval)")
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    record["_file"] = Path(path).name
                    records.append(record)
    return records


def hard_wrapped(text: str, width: int) -> str:
    """`text` with every line broken at `width` characters, as a text browser writes it.

    >>> hard_wrapped("Rain fell all day in the valley.\\nHome", 12)
    'Rain fell\\nall day in\\nthe valley.\\nHome'
    """
    lines = ("\n".join(textwrap.wrap(line, width)) if line.strip() else "" for line in text.split("\n"))
    return "\n".join(lines)


def evaluate(records: list[dict[str, Any]], chain: Chain) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        doc = chain(Document.from_text(record["text"]))
        p, r, f = token_prf(record["truth"], doc.text)
        rows.append(
            {
                "id": record["id"],
                "file": record["_file"],
                "lang": record.get("lang") or "?",
                "p": p,
                "r": r,
                "f1": f,
            }
        )
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "n": len(rows),
        "precision": statistics.fmean(r["p"] for r in rows),
        "recall": statistics.fmean(r["r"] for r in rows),
        "f1": statistics.fmean(r["f1"] for r in rows),
    }


def groups(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out = {"ALL": summary(rows)}
    for file in sorted({r["file"] for r in rows}):
        in_file = [r for r in rows if r["file"] == file]
        out[file] = summary(in_file)
        for lang in sorted({r["lang"] for r in in_file}):
            out[f"{file} {lang}"] = summary([r for r in in_file if r["lang"] == lang])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True, help="benchmark JSONL (repeatable)")
    parser.add_argument("--no-ablation", action="store_true", help="skip the leave-one-out table")
    parser.add_argument("--worst", type=int, default=10, help="list this many worst pages")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    parser.add_argument("--wrap", type=int, metavar="WIDTH", help="hard-wrap every page at WIDTH first")
    args = parser.parse_args()
    records = load(args.data)
    if args.wrap:
        for record in records:
            record["text"] = hard_wrapped(record["text"], args.wrap)
    chain = default_chain()
    started = time.perf_counter()
    rows = evaluate(records, chain)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {"command": " ".join(sys.argv), "groups": groups(rows)}
    print(f"{'set':<22} {'n':>4} {'P':>7} {'R':>7} {'F1':>7}")
    for name, m in result["groups"].items():
        print(f"{name:<22} {m['n']:>4} {m['precision']:>7.4f} {m['recall']:>7.4f} {m['f1']:>7.4f}")
    print(f"({len(rows)} pages in {seconds:.1f} s)")
    files = sorted({r["file"] for r in rows})
    if not args.no_ablation:
        print(f"\nablation: mean F1 with one filter left out ({', '.join(files)})")
        result["ablation"] = {}
        base = {f: summary([r for r in rows if r["file"] == f])["f1"] for f in files}
        print(f"{'left out':<24} " + " ".join(f"{f:>14}" for f in files))
        print(f"{'(none)':<24} " + " ".join(f"{base[f]:>14.4f}" for f in files))
        for name in chain.names:
            if name in ALWAYS_ON:
                continue
            ablated = evaluate(records, chain.without(name))
            scores = {f: summary([r for r in ablated if r["file"] == f])["f1"] for f in files}
            result["ablation"][name] = scores
            print(f"{name:<24} " + " ".join(f"{scores[f]:>9.4f} ({scores[f] - base[f]:+.3f})" for f in files))
    worst = sorted(rows, key=lambda r: (r["f1"], r["id"]))[: args.worst]
    result["worst"] = worst
    print(f"\nworst {len(worst)} pages:")
    for r in worst:
        print(f"  F1 {r['f1']:.3f}  P {r['p']:.3f}  R {r['r']:.3f}  {r['file']} {r['lang']} {r['id'][:16]}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
