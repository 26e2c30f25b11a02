"""Shared fixtures: the project's own pages, and the benchmark pages in ../shared when
they are present (tests that need them skip, saying why, when they are not)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# On CI (`CI` set, as `.ci/run` does) property tests draw the same examples every run, so
# that a run is red only for a change, never for a draw; elsewhere each run draws anew.
# Property tests that find a rare counterexample locally keep it as an `@example`.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

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
