"""`newsclean clean` and `newsclean explain` on good and broken input files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from newsclean.cli import main
from newsclean.journal import partial_dir
from newsclean.runner import rejects_path
from tests.conftest import FIXTURES, ROOT, load_jsonl
from tests.test_wrapping import ENGLISH, page

SAMPLE = ROOT / "examples" / "sample.jsonl"

PAGE = (
    "Harbour wall repairs to start in spring\n"
    "Listen to this article\n"
    "12 February 2024, 09:30\n"
    "By Amira Khan\n"
    "Work on the storm-damaged harbour wall will begin in April, the council said on Monday, "
    "after engineers finished a survey of the cracked sections.\n"
    "The repairs are expected to cost about four million pounds and to take most of the summer.\n"
    "Share this article\n"
    "Fishing boats will be moved to the north quay while the work goes on, the harbour master said.\n"
)


def record(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"page-{n}", "url": f"https://harbour-news.test/a/{n}", "text": PAGE, **extra}


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(["clean", *argv])
    return status, capsys.readouterr().err


def test_clean_keeps_fields_and_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [record(n, source="crawl-7") for n in range(5)])
    out = tmp_path / "out.jsonl"
    status, err = run(capsys, str(src), "-o", str(out))
    assert status == 0, err
    rows = load_jsonl(out)
    assert [row["id"] for row in rows] == [f"page-{n}" for n in range(5)]
    assert rows[0]["source"] == "crawl-7"
    assert "Listen to this article" not in rows[0]["text"]
    assert "Work on the storm-damaged harbour wall" in rows[0]["text"]
    assert rows[0]["newsclean"]["title"] == "Harbour wall repairs to start in spring"
    assert "5 documents cleaned" in err
    assert not rejects_path(out).exists()
    assert not partial_dir(out).exists(), "the partial run directory must go once the output is complete"


def test_sample_file_cleans_with_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sample.clean.jsonl"
    status, err = run(capsys, str(SAMPLE), "-o", str(out), "--explain")
    assert status == 0, err
    rows = load_jsonl(out)
    assert len(rows) == len(load_jsonl(SAMPLE))
    assert all(row["newsclean"]["edits"] for row in rows)


def test_rejects_go_to_rejects_file_and_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps(record(1)),
        "[1, 2, 3]",  # line 2: not an object
        json.dumps({"id": "n", "text": None}),  # line 3
        json.dumps({"id": "x", "text": 42}),  # line 4
        json.dumps({"id": "l", "text": ["a", "b"]}),  # line 5
        '{"id": "broken", "text": "unterminated',  # line 6
        json.dumps({"id": "no-text"}),  # line 7
        '"just a string"',  # line 8
        json.dumps(record(9)),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status, err = run(capsys, str(src), "-o", str(out))
    assert status == 1, "a run with rejects must exit non-zero"
    assert [row["id"] for row in load_jsonl(out)] == ["page-1", "page-9"]
    rejects = load_jsonl(tmp_path / "out.rejects.jsonl")
    assert [r["line"] for r in rejects] == [2, 3, 4, 5, 6, 7, 8]
    assert all(r["file"] == str(src) for r in rejects)
    errors = [r["error"] for r in rejects]
    assert errors[0] == "record is a JSON list, not an object"
    assert errors[1] == "field 'text' is null, not a string"
    assert errors[2] == "field 'text' is int, not a string"
    assert errors[3] == "field 'text' is list, not a string"
    assert errors[4].startswith("invalid JSON: Unterminated string")
    assert errors[5] == "record has no 'text' field"
    assert errors[6] == "record is a JSON str, not an object"
    assert "2 documents cleaned" in err and "7 records rejected" in err


def test_invalid_utf8_is_replaced_and_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "latin1.jsonl"
    good = json.dumps(record(1)).encode()
    bad = json.dumps({"id": "cafe", "text": "Le café ouvre à Noël.\nLe maire était là."},
                     ensure_ascii=False).encode("latin-1")
    src.write_bytes(good + b"\n" + bad + b"\n")
    out = tmp_path / "out.jsonl"
    status, err = run(capsys, str(src), "-o", str(out))
    assert status == 0, err
    rows = load_jsonl(out)
    fixed = rows[1]
    assert "\ufffd" in fixed["text"], "bad bytes are replaced with U+FFFD"
    assert "invalid_utf8" in fixed["newsclean"]["flags"]
    assert fixed["newsclean"]["input_errors"][0].startswith("invalid UTF-8 at byte")
    assert "invalid_utf8" not in rows[0]["newsclean"]["flags"]
    assert "1 with invalid UTF-8 replaced" in err


def test_truncated_gzip_keeps_everything_before_the_break(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [record(n) for n in range(400)]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    packed = gzip.compress(data)
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(packed[: len(packed) * 2 // 3])
    out = tmp_path / "out.jsonl"
    status, _err = run(capsys, str(src), "-o", str(out))
    assert status == 1
    kept = load_jsonl(out)
    assert kept, "the records before the break must be processed"
    assert [r["id"] for r in kept] == [f"page-{n}" for n in range(len(kept))]
    (reject,) = load_jsonl(rejects_path(out))
    assert reject["line"] == len(kept) + 1
    assert reject["error"].startswith(f"truncated gzip stream: the data breaks after line {len(kept)} (byte ")


def test_empty_file_gives_empty_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "empty.jsonl"
    src.write_bytes(b"")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n  \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status, err = run(capsys, str(src), str(blank), "-o", str(out))
    assert status == 0
    assert out.read_bytes() == b""
    assert f"warning: {src} has no records" in err
    assert "0 documents cleaned" in err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_output_named_gz_is_written_as_gzip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    rows: list[Any] = [record(n) for n in range(150)]
    rows[40] = {"id": "no-text"}
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    plain, packed = tmp_path / "out.jsonl", tmp_path / "out.jsonl.gz"
    assert run(capsys, str(src), "-o", str(plain), "--workers", workers)[0] == 1  # one record rejected
    status, err = run(capsys, str(src), "-o", str(packed), "--workers", workers, "--checkpoint-every", "50")
    assert status == 1 and "149 documents cleaned" in err, err
    assert packed.read_bytes()[:2] == b"\x1f\x8b"
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()  # one member per chunk, read as one
    assert rejects_path(packed) == tmp_path / "out.rejects.jsonl"
    assert "field" in rejects_path(packed).read_text(encoding="utf-8")  # the rejects stay plain
    # ... and the output is an input newsclean reads (gzip is told from its first bytes)
    again = tmp_path / "again.jsonl"
    assert run(capsys, str(packed), "-o", str(again))[0] == 0
    assert len(load_jsonl(again)) == 149


def test_an_empty_gzip_output_is_still_gzip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "empty.jsonl"
    src.write_text("")
    out = tmp_path / "out.jsonl.gz"
    assert run(capsys, str(src), "-o", str(out))[0] == 0
    assert gzip.decompress(out.read_bytes()) == b""


def test_lone_surrogates_survive_as_json_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "surrogate.jsonl"
    src.write_text('{"id": "s", "text": "Sea wall \\ud800 repaired after storm damage in March."}\n')
    out = tmp_path / "out.jsonl"
    status, err = run(capsys, str(src), "-o", str(out))
    assert status == 0, err
    (row,) = load_jsonl(out)
    assert "\ud800" in row["text"]


def test_output_is_written_whole_or_not_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [record(n) for n in range(10)])
    out = tmp_path / "out.jsonl"
    out.write_text("previous complete output\n")

    import newsclean.journal as journal

    def broken_move(part: object, size: object, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(journal, "_move_into_place", broken_move)
    status, err = run(capsys, str(src), "-o", str(out))
    assert status == 2 and "disk full" in err
    assert out.read_text() == "previous complete output\n", "a failed run must not touch the output"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_stale_rejects_file_is_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [record(1)])
    out = tmp_path / "out.jsonl"
    rejects_path(out).write_text('{"old": true}\n')
    status, _ = run(capsys, str(src), "-o", str(out))
    assert status == 0
    assert not rejects_path(out).exists()


def test_missing_input_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = run(capsys, str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl"))
    assert status == 2 and "no such file" in err
    src = write_jsonl(tmp_path / "in.jsonl", [record(1)])
    status, err = run(capsys, str(src), "-o", str(tmp_path / "o.jsonl"), "--workers", "0")
    assert status == 2 and "must be positive" in err


def test_the_article_threshold_reaches_the_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--article-threshold`: in `clean` (with workers too) and in `explain`; a value
    outside (0, 1) is refused before any work."""
    page = (FIXTURES / "uk-weather.txt").read_text(encoding="utf-8")
    teaser = "У Лісогірську відкрили новий тролейбусний маршрут"
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": n, "text": page} for n in range(3)])
    texts = {}
    for threshold, workers in (("0.1", "2"), ("0.9", "1")):
        out = tmp_path / f"out-{threshold}.jsonl"
        options = ["--article-threshold", threshold, "--workers", workers]
        status, err = run(capsys, str(src), "-o", str(out), *options)
        assert status == 0, err
        texts[threshold] = [row["text"] for row in load_jsonl(out)]
    assert all(teaser in text for text in texts["0.1"])
    assert not any(teaser in text for text in texts["0.9"])
    page_file = tmp_path / "page.txt"
    page_file.write_text(page, encoding="utf-8")
    assert main(["explain", str(page_file), "--article-threshold", "0.1"]) == 0
    assert f"+ {teaser}" in capsys.readouterr().out
    with pytest.raises(SystemExit) as refused:
        main(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--article-threshold", "1"])
    assert refused.value.code == 2
    assert "between 0 and 1" in capsys.readouterr().err


def test_keep_hard_wraps_reaches_the_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A hard-wrapped page comes out with its paragraphs joined, with workers too, and
    with its lines as they were under `--keep-hard-wraps`."""
    wrapped = page(ENGLISH, "Harbour wall to be rebuilt in stone", 78)
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": n, "text": wrapped} for n in range(3)])
    for options, joined in (((), True), (("--workers", "2"), True), (("--keep-hard-wraps",), False)):
        out = tmp_path / "out.jsonl"
        status, err = run(capsys, str(src), "-o", str(out), "--explain", *options)
        assert status == 0, err
        for row in load_jsonl(out):
            assert (ENGLISH[0] in row["text"]) is joined
            assert any(edit["reason"] == "hard_wrap" for edit in row["newsclean"]["edits"]) is joined


def test_explain_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["explain", str(page)]) == 0
    shown = capsys.readouterr().out
    assert "- Listen to this article" in shown
    assert "+ Fishing boats will be moved" in shown
    assert "title: Harbour wall repairs to start in spring" in shown


def test_workers_auto_uses_one_worker_per_usable_core(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean import cli

    monkeypatch.setattr(cli, "usable_cores", lambda: 2)
    args = cli.build_parser().parse_args(["clean", "in.jsonl", "-o", "out.jsonl", "--workers", "auto"])
    assert args.workers == 2
    src = write_jsonl(tmp_path / "in.jsonl", [record(n) for n in range(6)])
    status, err = run(capsys, str(src), "-o", str(tmp_path / "auto.jsonl"), "--workers", "auto")
    assert status == 0, err
    status, err = run(capsys, str(src), "-o", str(tmp_path / "one.jsonl"), "--workers", "1")
    assert status == 0, err
    assert (tmp_path / "auto.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["clean", "in.jsonl", "-o", "out.jsonl", "--workers", "many"])
    assert "expected a number or 'auto'" in capsys.readouterr().err


def _mixed_input(path: Path) -> Path:
    """Lines of every kind the reader tells apart: a good record, one in Latin-1 (invalid
    UTF-8), a line of no-break spaces only (blank once decoded), an ASCII blank line, a
    record indented by spaces, one that is not JSON, and one over the size limit."""
    cafe = json.dumps({"id": "cafe", "text": "Le café ouvre à Noël.\nLe maire était là."}, ensure_ascii=False)
    long_text = "Ferries ran again on Tuesday after the storm. " * 30_000
    rows = [
        json.dumps(record(1)).encode(),
        cafe.encode("latin-1"),
        "\u00a0\u00a0".encode(),
        b"   ",
        b"   " + json.dumps(record(2), ensure_ascii=False).encode(),
        b'{"id": "broken", "text": ',
        json.dumps({"id": "huge", "text": long_text}).encode(),
        json.dumps(record(3)).encode(),
    ]
    path.write_bytes(b"\n".join(rows) + b"\n")
    return path


def test_worker_processes_read_the_input_as_one_process_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With workers the parent hands on the lines' bytes and each worker decodes its own:
    outputs, rejects, flags and the summary are the same as cleaning in one process."""
    src = _mixed_input(tmp_path / "mixed.jsonl")
    results = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}.jsonl"
        status, err = run(capsys, str(src), "-o", str(out), "--workers", workers, "--max-record-mb", "1")
        rejects = [(r["line"], r["error"], r["input"]) for r in load_jsonl(rejects_path(out))]
        err = err.replace(str(rejects_path(out)), "REJECTS").replace(str(out), "OUT")
        results.append((status, err, out.read_bytes(), rejects))
    assert results[0] == results[1]
    status, err, output, rejects = results[0]
    rows = [json.loads(line) for line in output.decode().splitlines()]
    assert [row["id"] for row in rows] == ["page-1", "cafe", "page-2", "page-3"]
    assert "invalid_utf8" in rows[1]["newsclean"]["flags"]
    assert [(line, error.split(":")[0]) for line, error, _ in rejects] == [
        (6, "invalid JSON"), (7, "line of 1.4 MB is over the 1.0 MB limit (--max-record-mb); not read")]
    assert rejects[0][2] == '{"id": "broken", "text":'
    assert status == 1 and "4 documents cleaned" in err and "2 records rejected" in err
