"""The benchmark corpus generator: deterministic, sized as asked, and carrying the
boilerplate, layouts, mojibake share and page sizes it promises."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import ftfy
import pytest

from benchmarks.corpus import (
    Profile,
    generate_records,
    make_page,
    parse_size,
    repeat_records,
    to_mojibake,
    write_jsonl,
)
from benchmarks.phrases import BANKS, CREDITS, Bank
from newsclean.allocator import GLIBC_MALLOC_ENV, OPT_OUT_ENV, runs_on_glibc

ROOT = Path(__file__).resolve().parent.parent


def _prefix(template: str) -> str:
    return template.split("{")[0]


def _nonblank(page: str) -> list[str]:
    return [line for line in page.split("\n") if line.strip()]


def _has_caption_pair(bank: Bank, lines: list[str]) -> bool:
    return any(
        following in {bank.credit_line(line, credit) for credit in CREDITS}
        for line, following in itertools.pairwise(lines)
    )


def _kinds(bank: Bank, pages: list[str]) -> dict[str, bool]:
    lines = [line for page in pages for line in _nonblank(page)]
    present = set(lines)
    return {
        "menu": any(section in present for section in bank.sections),
        "dateline": any(any(month in line for month in bank.months) for line in lines[:400]),
        "byline": any(line.startswith(_prefix(bank.byline)) for line in lines),
        "listen": bank.listen[0] in present,
        "read_more": any(line.startswith(_prefix(bank.read_more)) for line in lines),
        "watch": any(line.startswith(_prefix(bank.watch)) for line in lines),
        "share": bool(present & set(bank.share)),
        "subscribe": bool(present & set(bank.subscribe)),
        "cookie": bool(present & set(bank.cookie)),
        "advert": bool(present & set(bank.advert)),
        "caption_pair": any(_has_caption_pair(bank, _nonblank(page)) for page in pages),
        "teaser_heading": bool(present & set(bank.teaser_headings)),
        "footer": bool(present & set(bank.footer)),
        "copyright": any(line.startswith("©") for line in lines),
    }


@pytest.mark.parametrize("lang", sorted(BANKS))
def test_pages_in_every_language_carry_every_kind_of_boilerplate(lang: str) -> None:
    rng = random.Random(f"kinds-{lang}")
    pages = [make_page(rng, lang, 9_000, layout="AB"[i % 2]) for i in range(40)]
    kinds = _kinds(BANKS[lang], pages)
    assert all(kinds.values()), [kind for kind, seen in kinds.items() if not seen]


def test_both_layouts_look_like_the_dumps() -> None:
    rng = random.Random(5)
    a = make_page(rng, "en", 6_000, layout="A")
    b = make_page(rng, "en", 6_000, layout="B")
    header = a.split("\n")[0].split(" ")
    assert header[:2] == ["", "date"] and len(header[2]) == 10 and header[2][4] == "-"
    assert "\n\n" in a
    assert "\n\n" not in b and not b.startswith(" date ") and " | " in b.split("\n")[0]


def _garbled_lines(text: str) -> int:
    return sum(ftfy.fix_encoding(line) != line for line in text.split("\n"))


def test_a_configured_share_of_pages_has_one_paragraph_of_mojibake() -> None:
    records = list(generate_records(1_500_000, seed="mojibake", profile=Profile(mojibake=0.1)))
    garbled = [_garbled_lines(record["text"]) for record in records]
    share = sum(count > 0 for count in garbled) / len(records)
    assert len(records) > 150
    assert 0.05 <= share <= 0.16
    assert set(garbled) == {0, 1}
    clean = generate_records(400_000, seed="mojibake", profile=Profile(mojibake=0.0))
    assert not any(_garbled_lines(record["text"]) for record in clean)


def test_mojibake_is_utf8_read_as_cp1252_and_ftfy_undoes_it() -> None:
    line = "„Wir müssen die Brücke sanieren“, sagte Jana Köhler."
    garbled = to_mojibake(line)
    assert "Ã¼" in garbled and ftfy.fix_encoding(garbled) == line


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl", "a.jsonl.gz", "b.jsonl.gz"):
        write_jsonl(generate_records(300_000, seed=11), tmp_path / name)
    write_jsonl(generate_records(300_000, seed=12), tmp_path / "c.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()
    plain = (tmp_path / "a.jsonl").read_bytes()
    assert gzip.decompress((tmp_path / "a.jsonl.gz").read_bytes()) == plain
    assert (tmp_path / "a.jsonl").read_bytes() != (tmp_path / "c.jsonl").read_bytes()


def test_corpus_has_its_size_every_language_and_a_spread_of_page_sizes(tmp_path: Path) -> None:
    profile = Profile(huge_every=1_000_000, huge_min=150_000, huge_max=300_000)
    records = generate_records(2_000_000, seed=3, profile=profile)
    written = write_jsonl(records, tmp_path / "c.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").open(encoding="utf-8")]
    sizes = sorted(len(row["text"].encode()) for row in rows)
    assert 2_000_000 <= written.bytes <= 2_000_000 + 400_000
    assert written.pages == len(rows) == len({row["id"] for row in rows})
    assert {row["url"].split(".")[1] for row in rows} == set(BANKS)
    assert sizes[0] < 1_000 and sizes[-1] >= 300_000 and sizes[len(sizes) // 2] < 10_000


def test_a_multi_megabyte_page_is_about_the_size_asked() -> None:
    page = make_page(random.Random(8), "pl", 2_000_000, layout="A", mojibake=True)
    assert 2_000_000 <= len(page.encode()) <= 2_100_000
    assert _garbled_lines(page) == 1


def test_repeating_a_jsonl_to_a_target_size(tmp_path: Path) -> None:
    source = ROOT / "examples" / "sample.jsonl"
    if not source.is_file():
        pytest.skip("examples/sample.jsonl is absent")
    texts = {json.loads(line)["text"] for line in source.open(encoding="utf-8") if line.strip()}
    size = 3 * source.stat().st_size
    written = write_jsonl(repeat_records(source, size, seed=1, mojibake=0.0), tmp_path / "r.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "r.jsonl").open(encoding="utf-8")]
    assert written.bytes >= size and {row["text"] for row in rows} == texts
    assert len({row["id"] for row in rows}) == len(rows) > len(texts)


@pytest.mark.parametrize(
    ("text", "size"), [("40MB", 40 * 10**6), ("1.5GB", 15 * 10**8), ("2 GiB", 2**31)]
)
def test_sizes_parse(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_a_bad_size_is_refused() -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


@pytest.mark.parametrize("mojibake", [False, True])
def test_page_cost_child_cleans_pages_of_one_kind_and_reports_its_cpu_time(mojibake: bool) -> None:
    from benchmarks.throughput import run_page_cost

    result = run_page_cost(30_000, 2, seed=0, mojibake=mojibake, system_malloc=True)  # this process as it is
    first_page = make_page(random.Random(0), "en", 30_000, layout="B", mojibake=mojibake)
    garbled = [line for line in first_page.split("\n") if ftfy.fix_encoding(line) != line]
    assert bool(garbled) is mojibake
    assert result["pages"] == 2
    assert 50_000 < result["bytes"] < 70_000
    assert result["seconds"] > 0
    assert result["user_seconds"] + result["system_seconds"] > 0
    # The floor's split, strip and join of the same pages, timed apart: far cheaper.
    assert 0 < result["floor_seconds"] < result["seconds"] / 3
    assert result["malloc_tuned"] is False


@pytest.mark.parametrize("system_malloc", [False, True])
def test_page_cost_child_tunes_malloc_as_the_command_line_does_unless_told(system_malloc: bool) -> None:
    command = [sys.executable, "-m", "benchmarks.throughput", "--_page", "30000", "--_count", "1"]
    env = {k: v for k, v in os.environ.items() if k not in GLIBC_MALLOC_ENV and k != OPT_OUT_ENV}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        command + (["--_system_malloc"] if system_malloc else []),
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    result = json.loads(done.stdout)
    assert result["pages"] == 1
    assert result["malloc_tuned"] is (runs_on_glibc() and not system_malloc)
