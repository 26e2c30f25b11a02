"""Quality floor on the shared benchmark: the default chain over ../shared/eval/dev.jsonl and
dev-ml.jsonl, scored with mean token F1 exactly as ../shared/eval/score.py scores it.

Skips, saying why, when the shared files are absent. The floors rise as the model
improves; the goal of the accuracy issue is 0.95 on both."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from newsclean.records import clean_record
from tests.conftest import EVAL, load_jsonl, shared_file

# Just under today's means (dev 0.902, dev-ml 0.940, 2026-11-25), so that a change that
# costs accuracy fails; the project's goal is 0.94 on both, not reached yet.
DEV_FLOOR = 0.895
DEV_ML_FLOOR = 0.93

# Han, Hiragana and Katakana characters are tokens of their own; elsewhere runs of \w.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")


def tokens(text: str) -> Counter[str]:
    """The scorer's tokens: lower-cased runs of \\w, each CJK character on its own.

    >>> sorted(tokens("Fed-Chef 2024: 美联储").items())
    [('2024', 1), ('chef', 1), ('fed', 1), ('储', 1), ('美', 1), ('联', 1)]
    """
    return Counter(_TOKEN.findall((text or "").lower()))


def f1(truth: str, predicted: str) -> float:
    """Token F1 with the scorer's edge cases (both empty: 1; one empty: 0).

    >>> f1("the river rose", "the river rose"), f1("", ""), f1("a", ""), f1("", "a")
    (1.0, 1.0, 0.0, 0.0)
    """
    want, got = tokens(truth), tokens(predicted)
    n_want, n_got = sum(want.values()), sum(got.values())
    if n_want == 0:
        return 1.0 if n_got == 0 else 0.0
    if n_got == 0:
        return 0.0
    overlap = sum((want & got).values())
    precision, recall = overlap / n_got, overlap / n_want
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@cache
def _scores(path: Path) -> tuple[tuple[str, float], ...]:
    """(language, F1) of each page of a benchmark file, first record per id as the scorer does."""
    seen: set[str] = set()
    rows = []
    for record in load_jsonl(path):
        key = str(record["id"])
        if key in seen:
            continue
        seen.add(key)
        page = {k: record[k] for k in ("id", "url", "text") if k in record}
        predicted = clean_record(page)["text"]
        rows.append((str(record.get("lang") or "?"), f1(record.get("truth") or "", predicted)))
    return tuple(rows)


def _check(path: Path, floor: float) -> None:
    rows = _scores(path)
    mean = statistics.fmean(score for _, score in rows)
    by_lang: dict[str, list[float]] = defaultdict(list)
    for lang, score in rows:
        by_lang[lang].append(score)
    per_lang = ", ".join(
        f"{lang} {statistics.fmean(s):.3f} (n={len(s)})" for lang, s in sorted(by_lang.items())
    )
    print(f"{path.name}: mean F1 {mean:.4f} over {len(rows)} pages; {per_lang}")
    assert mean >= floor, f"{path.name}: mean F1 {mean:.4f} < floor {floor}; per language: {per_lang}"


def test_dev_mean_f1_floor() -> None:
    _check(shared_file(EVAL / "dev.jsonl"), DEV_FLOOR)


def test_dev_ml_mean_f1_floor() -> None:
    _check(shared_file(EVAL / "dev-ml.jsonl"), DEV_ML_FLOOR)
