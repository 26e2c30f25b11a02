"""Quality floor on the shared benchmark: the default chain over ../shared/eval/dev.jsonl and
dev-ml.jsonl, scored with mean token F1 as ../shared/eval/score.py scores it (benchmarks/scoring.py).

Skips, saying why, when the shared files are absent. The floors rise as the model
improves; the goal of the accuracy issue is 0.95 on both."""

from __future__ import annotations

import statistics
from collections import defaultdict
from functools import cache
from pathlib import Path

from benchmarks.scoring import token_prf
from newsclean.records import clean_record
from tests.conftest import EVAL, load_jsonl, shared_file

# Each floor stands under the mean measured on 2026-11-27 (twenty-first session: dev
# 0.9364, dev-ml 0.9573), so that a change that costs accuracy fails, with room for a
# refit's noise (a refit on a few changed lines moves a set by 0.001 to 0.002, and by 0.004
# when the threshold choice moves with it). The 0.94 on dev is not reached yet.
DEV_FLOOR = 0.925
DEV_ML_FLOOR = 0.955
# The accuracy issue's floor for each language of dev-ml (today: el 0.984, pl 0.952,
# ru 0.939, zh 0.954).
LANGUAGE_FLOOR = 0.92


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
        rows.append((str(record.get("lang") or "?"), token_prf(record.get("truth") or "", predicted)[2]))
    return tuple(rows)


def _check(path: Path, floor: float, language_floor: float = 0.0) -> None:
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
    low = {lang: statistics.fmean(s) for lang, s in by_lang.items() if statistics.fmean(s) < language_floor}
    assert not low, f"{path.name}: languages below {language_floor}: {low}"


def test_dev_mean_f1_floor() -> None:
    _check(shared_file(EVAL / "dev.jsonl"), DEV_FLOOR)


def test_dev_ml_mean_f1_floor() -> None:
    _check(shared_file(EVAL / "dev-ml.jsonl"), DEV_ML_FLOOR, LANGUAGE_FLOOR)
