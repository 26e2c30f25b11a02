"""Shared fixtures: the project's own pages, and the benchmark pages in ../shared when
they are present (tests that need them skip, saying why, when they are not)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
EVAL = SHARED / "eval"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"


def shared_file(path: Path) -> Path:
    """`path` under ../shared, or skip the test saying which file is missing."""
    if not path.is_file():
        pytest.skip(f"{path} is absent: the shared benchmark files are not next to this checkout")
    return path


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
