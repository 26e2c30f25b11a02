"""`training/train_article_model.py`: reruns give the same model, which the package
loads, and the cross-validated figures come with and without the chain's readings."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from newsclean.article_model import ArticleModel

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "pages"
SCRIPT = ROOT / "training" / "train_article_model.py"


def _benchmark_file(tmp_path: Path) -> Path:
    """The team's fixture pages as benchmark records: the dump and its article."""
    path = tmp_path / "pages.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for dump in sorted(PAGES.glob("*.txt")):
            expected = json.loads(dump.with_suffix(".expected.json").read_text(encoding="utf-8"))
            record = {"id": dump.stem, "text": dump.read_text(encoding="utf-8"),
                      "truth": "\n".join(expected["paragraphs"])}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _train(data: Path, output: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(data), "-o", str(output)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return done.stdout


def test_training_is_deterministic_and_reports_both_cross_validations(tmp_path: Path) -> None:
    data = _benchmark_file(tmp_path)
    report = _train(data, tmp_path / "first.json")
    _train(data, tmp_path / "second.json")
    first = (tmp_path / "first.json").read_bytes()
    assert first == (tmp_path / "second.json").read_bytes()
    model = ArticleModel.from_dict(json.loads(first))
    assert 0.0 < model.threshold < 1.0
    header = next(line for line in report.splitlines() if line.startswith("set"))
    assert "cross-validated F1" in header and "with readings" in header and "fitted F1" in header
    row = next(line for line in report.splitlines() if line.startswith("pages.jsonl"))
    figures = [float(value) for value in row.split()[1:]]
    assert len(figures) == 3 and all(0.5 < value <= 1.0 for value in figures)


def _training_script() -> Any:
    spec = importlib.util.spec_from_file_location("train_article_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_threshold_chosen_does_well_with_its_neighbours_not_alone() -> None:
    # One segment offset's figures with readings by threshold: a lone high figure at 0.35
    # (one page flipping between two thresholds moves a figure that much) against a
    # plateau at 0.45 and 0.5. The plain threshold chosen for each rides along.
    script = _training_script()
    figures = {0.3: 0.930, 0.35: 0.946, 0.4: 0.931, 0.45: 0.944, 0.5: 0.944}
    grid = {(0.5, t): (figure, 0.3 if t == 0.35 else 0.45) for t, figure in figures.items()}
    grid.update({(0.4, t): (figure - 0.01, 0.3) for t, figure in figures.items()})
    assert max(grid, key=lambda key: grid[key][0]) == (0.5, 0.35)
    assert script.choose_setting(grid) == (0.5, 0.5, 0.45)
    # With no lone figure the best one is chosen, as before.
    flat = {(0.5, t): (0.94 + t / 100, t) for t in figures}
    assert script.choose_setting(flat) == (0.5, 0.5, 0.5)
