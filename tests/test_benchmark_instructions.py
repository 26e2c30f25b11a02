"""The instruction-count benchmark: what its counted runs do, and its refusal without
valgrind (the counting itself needs valgrind and takes minutes, so it is run by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import instructions
from tests.conftest import ROOT

SAMPLE = ROOT / "examples" / "sample.jsonl"


def test_the_counted_run_cleans_the_records_and_the_baseline_only_parses_them(tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    probe = (
        "import newsclean.records as r\n"
        "_clean = r.clean_record\n"
        "def clean_record(record, **kw):\n"
        f"    open({str(trace)!r}, 'a').write(record['id'] + '\\n')\n"
        "    return _clean(record, **kw)\n"
        "r.clean_record = clean_record\n"
    )
    for clean in (True, False):
        trace.unlink(missing_ok=True)
        code = probe + instructions.child_code(SAMPLE, clean=clean, limit=3)
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        ids = trace.read_text().split() if trace.exists() else []
        expected = [json.loads(line)["id"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:3]]
        assert ids == (expected if clean else [])


def test_command_runs_callgrind_on_this_python(tmp_path: Path) -> None:
    command = instructions.child_command(SAMPLE, clean=True, limit=0, out_file=tmp_path / "cg.out")
    assert command[:3] == ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp_path / 'cg.out'}"]
    assert command[3] == sys.executable


def test_without_valgrind_it_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert instructions.main([str(SAMPLE)]) == 2
    assert "valgrind is not installed" in capsys.readouterr().err
