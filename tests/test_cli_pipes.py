"""`newsclean clean` in a shell pipeline: standard input (`-`), standard output (`-o -`),
a reader that stops early, and where the rejected records go."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.jsonl import read_lines
from newsclean.piped import REJECT_PREFIX
from newsclean.runner import OUTPUT_CLOSED, RunSettings, RunSummary, describe, exit_status
from tests.conftest import ROOT
from tests.test_cli import record, write_jsonl

SAMPLE = ROOT / "examples" / "sample.jsonl"
BROKEN = b"{'text': 'single quotes are not JSON'}\n"


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def clean_to_file(source: Path, out: Path, *extra: str) -> bytes:
    assert main(["clean", str(source), "-o", str(out), *extra]) == 0
    return out.read_bytes()


def test_stdin_is_read_like_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    expected = clean_to_file(SAMPLE, tmp_path / "from-file.jsonl")
    feed_stdin(monkeypatch, SAMPLE.read_bytes())
    assert main(["clean", "-", "-o", str(tmp_path / "from-stdin.jsonl")]) == 0
    assert (tmp_path / "from-stdin.jsonl").read_bytes() == expected
    assert "8 documents cleaned into" in capsys.readouterr().err


def test_gzip_on_stdin_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.dumps(record(n)) for n in range(3)]
    feed_stdin(monkeypatch, gzip.compress("\n\n".join(rows).encode("utf-8") + b"\n"))
    lines = list(read_lines("-"))
    assert [(line.path, line.number) for line in lines] == [("<stdin>", 1), ("<stdin>", 3), ("<stdin>", 5)]
    assert [line.text for line in lines] == rows


def test_stdout_gets_what_the_output_file_gets(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    expected = clean_to_file(SAMPLE, tmp_path / "out.jsonl")
    capsysbinary.readouterr()
    for workers in ("1", "2"):
        assert main(["clean", str(SAMPLE), "-o", "-", "--workers", workers, "--checkpoint-every", "3"]) == 0
        captured = capsysbinary.readouterr()
        assert captured.out == expected, f"--workers {workers}"
        assert b"8 documents cleaned to standard output" in captured.err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.jsonl"], "a piped run leaves no files"


def test_rejects_of_a_piped_run_go_to_stderr_or_to_the_named_file(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(json.dumps(record(1)).encode() + b"\n" + BROKEN)
    assert main(["clean", str(source), "-o", "-"]) == 1
    captured = capsysbinary.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["page-1"]
    reported = [line for line in captured.err.decode().splitlines() if line.startswith(REJECT_PREFIX)]
    assert len(reported) == 1
    reject = json.loads(reported[0][len(REJECT_PREFIX):])
    assert (reject["line"], reject["input"]) == (2, BROKEN.decode().strip())
    assert "1 records rejected, see the lines above" in captured.err.decode()

    rejects = tmp_path / "logs" / "rejects.jsonl"
    assert main(["clean", str(source), "-o", "-", "--rejects", str(rejects)]) == 1
    captured = capsysbinary.readouterr()
    assert REJECT_PREFIX.encode() not in captured.err
    assert [json.loads(line)["line"] for line in rejects.read_text().splitlines()] == [2]
    assert f"see {rejects}".encode() in captured.err


def test_rejects_file_can_be_named_for_a_file_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(BROKEN + json.dumps(record(1)).encode() + b"\n")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "elsewhere" / "bad.jsonl"
    assert main(["clean", str(source), "-o", str(out), "--rejects", str(rejects)]) == 1
    assert [json.loads(line)["line"] for line in rejects.read_text().splitlines()] == [1]
    assert not (tmp_path / "out.rejects.jsonl").exists()
    assert f"see {rejects}" in capsys.readouterr().err


def test_pipes_cannot_be_resumed_or_read_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out.jsonl")
    assert main(["clean", "-", "-o", out, "--resume"]) == 2
    assert "--resume needs input and output files" in capsys.readouterr().err
    assert main(["clean", str(SAMPLE), "-o", "-", "--resume"]) == 2
    assert "--resume needs input and output files" in capsys.readouterr().err
    for command in ("clean", "report", "profile"):
        assert main([command, "-", "-", "-o", out]) == 2
        assert "standard input (-) can be read only once" in capsys.readouterr().err
        assert main([command, str(tmp_path / "missing.jsonl"), "-o", out]) == 2
        assert "no such file" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path, workers: str) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [record(n) for n in range(400)])
    command = (f"{sys.executable} -m newsclean clean {source} -o - --checkpoint-every 1 "
               f"--workers {workers} | head -n 2; echo \"status ${{PIPESTATUS[0]}}\" >&2")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["page-0", "page-1"]
    # No traceback and no summary once the reader has gone; the status says why.
    assert done.stderr.strip() == f"status {OUTPUT_CLOSED}"
    assert os.listdir(tmp_path) == ["in.jsonl"]


def test_explain_reads_a_page_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "Ferries resume\nShare this article\nFerries ran again on Tuesday after the storm."
    feed_stdin(monkeypatch, page.encode())
    assert main(["explain", "-", "--lang", "en"]) == 0
    shown = capsys.readouterr().out
    assert "2 - Share this article  [remove_boilerplate: share]" in shown
    assert "3 + Ferries ran again on Tuesday after the storm." in shown


def test_explained_output_piped_into_a_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["clean", str(SAMPLE), "-o", "-", "--explain"]) == 0
    explained = capsysbinary.readouterr().out
    feed_stdin(monkeypatch, explained)
    report = tmp_path / "report.html"
    assert main(["report", "-", "-o", str(report)]) == 0
    page = report.read_text(encoding="utf-8")
    assert "&lt;stdin&gt;" in page or "<stdin>" in page
    assert "sample-en-1" in page


def test_profiles_built_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    towns = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick"]
    rows = [{"url": f"https://harbour-news.test/a/{n}", "text": f"Sign in\nFerries reached {town} today."}
            for n, town in enumerate(towns)]
    feed_stdin(monkeypatch, "".join(json.dumps(row) + "\n" for row in rows).encode())
    assert main(["profile", "-", "-o", str(tmp_path / "profiles.json")]) == 0
    profile = json.loads((tmp_path / "profiles.json").read_text())
    assert profile["sites"]["harbour-news.test"]["lines"] == {"sign in": 6}


def test_summaries_of_piped_runs_name_no_files() -> None:
    settings = RunSettings(inputs=("-",), output=Path("-"))
    stopped = describe(RunSummary(cleaned=2, rejected=1, interrupted=True), settings)
    assert stopped == "newsclean: interrupted after 3 records, 2 of them written to standard output"
    done = describe(RunSummary(cleaned=5, rejected=1), settings)
    assert done == ("newsclean: 5 documents cleaned to standard output; "
                    "1 records rejected, see the lines above")
    assert exit_status(RunSummary(cleaned=5, output_closed=True)) == OUTPUT_CLOSED
