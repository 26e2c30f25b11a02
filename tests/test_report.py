"""The HTML audit report: totals, chart, flagged documents first, escaping, sampling, and the
`newsclean report` command on raw records and on `clean --explain` output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from newsclean.cli import main
from newsclean.records import clean_record
from newsclean.report import (
    build_report,
    document_from_explained,
    documents_from_records,
    embed_json,
    write_report,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample.jsonl"

LIBRARY_PAGE = "\n".join(
    [
        "date 2024-01-12 Library opening hours extended over winter",
        "Home",
        "News",
        "Local",
        "Library opening hours extended over winter",
        "12 January 2024",
        "By Priya Natarajan",
        "Listen to this article",
        "Share this article",
        "The central library will stay open until 9pm on weekdays from next month, the"
        " council said on Thursday, after a survey found that most visitors wanted later hours.",
        "The change will cost about £40,000 a year and will be paid for from the culture budget,"
        " which was increased in the autumn.",
        "Staff at the library said evening visitors were mostly students and people coming"
        " straight from work, and that the reading room was often full by six o'clock.",
        "A page about web scripts quoted the tag <script>document.body.setAttribute("
        "'data-pwned','1')</script> in its text, and it must stay text.",
        "Read more: Council tax to rise by 3% in April",
        "Subscribe to our newsletter",
        "© 2024 Harbridge Post. All rights reserved.",
    ]
)

NEARLY_EMPTY_PAGE = "\n".join(
    [
        "Home",
        "News",
        "Sport",
        "Sign in",
        "Share this article",
        "Subscribe to our newsletter",
        "Accept cookies",
        "Read more: Weather warning issued for the weekend",
        "© 2024 Harbridge Post. All rights reserved.",
        "Terms and conditions",
        "Privacy policy",
        "Contact us",
        "Follow us on Facebook",
    ]
)


def report_data(page: str) -> dict[str, Any]:
    blob = r'<script type="application/json" id="report-data">(.*?)</script>'
    match = re.search(blob, page, re.S)
    assert match, "the report has no data blob"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def removed(doc: dict[str, Any], data: dict[str, Any]) -> dict[str, str]:
    """Removed line text -> reason, for one document of the blob."""
    return {row[1]: data["reasons"][row[3]] for row in doc["lines"] if len(row) == 5 and row[4]}


def test_totals_chart_and_struck_lines_on_raw_records() -> None:
    page = build_report([{"id": "lib-1", "text": LIBRARY_PAGE}])
    data = report_data(page)
    assert 'id="total-documents">1<' in page
    words_in = len(LIBRARY_PAGE.split())
    assert f'id="total-words-in">{words_in:,}<' in page
    assert '<svg class="chart"' in page and 'data-filter="reason:share"' in page
    (doc,) = data["docs"]
    gone = removed(doc, data)
    assert gone["Share this article"] == "share"
    assert gone["Listen to this article"] == "audio_widget"
    assert doc["title"] == "Library opening hours extended over winter"
    assert doc["byline"] == "Priya Natarajan"
    kept = [row[1] for row in doc["lines"] if len(row) == 2]
    assert any(line.startswith("The central library will stay open") for line in kept)
    assert doc["words_in"] == words_in > doc["words_out"]


def test_page_text_with_script_tags_stays_text() -> None:
    page = build_report([{"text": LIBRARY_PAGE}])
    assert page.count("<script") == 2  # the data blob and the report's own script
    assert "<script>document.body" not in page and "</script> in its text" not in page
    (doc,) = report_data(page)["docs"]
    assert any("<script>document.body.setAttribute(" in row[1] for row in doc["lines"])


def test_metadata_is_html_escaped_in_the_static_part() -> None:
    source = "<img src=x onerror=alert(1)>.jsonl"
    page = build_report([{"text": LIBRARY_PAGE}], source=source)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_embed_json_round_trips_line_separators() -> None:
    value = {"text": "a\u2028b</script>&"}
    assert json.loads(embed_json(value)) == value


def test_flagged_documents_come_first() -> None:
    records = [{"id": "plain", "text": LIBRARY_PAGE}, {"id": "empty", "text": NEARLY_EMPTY_PAGE}]
    page = build_report(records)
    docs = report_data(page)["docs"]
    assert [d["id"] for d in docs] == ["empty", "plain"]
    assert "mostly_removed" in docs[0]["flags"] and docs[1]["flags"] == []
    assert 'data-filter="flag:mostly_removed">nearly emptied' in page
    assert '<option value="flag:mostly_removed">' in page


def test_explain_output_gives_the_same_documents_as_raw_records() -> None:
    raw = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    explained = [clean_record(record, explain=True) for record in raw]
    assert report_data(build_report(explained))["docs"] == report_data(build_report(raw))["docs"]


def test_rebuilt_document_restores_the_input() -> None:
    record = clean_record({"id": "lib-1", "text": LIBRARY_PAGE}, explain=True)
    doc = document_from_explained(record)
    assert doc.restore() == LIBRARY_PAGE and doc.id == "lib-1"


def test_unusable_records_are_counted_not_fatal() -> None:
    cleaned_without_log = clean_record({"text": LIBRARY_PAGE})
    tampered = clean_record({"text": LIBRARY_PAGE}, explain=True)
    tampered["text"] = "Something else entirely."
    records = [{"text": LIBRARY_PAGE}, {"body": "no text"}, cleaned_without_log, tampered]
    outcomes = list(documents_from_records(records))
    assert [type(item).__name__ for item in outcomes] == ["Document", "str", "str", "str"]
    page = build_report(records)
    assert 'id="total-documents">1<' in page and "Records left out:" in page
    assert "clean it with --explain" in page


def test_sampling_keeps_flagged_documents_and_counts_everything() -> None:
    records = [{"id": f"p{k}", "text": LIBRARY_PAGE} for k in range(9)]
    records.insert(4, {"id": "empty", "text": NEARLY_EMPTY_PAGE})
    page = build_report(records, max_documents=4)
    docs = report_data(page)["docs"]
    assert len(docs) == 4 and docs[0]["id"] == "empty"
    assert [d["n"] for d in docs[1:]] == sorted(d["n"] for d in docs[1:])
    assert 'id="total-documents">10<' in page and "shows 4 of the 10 documents" in page
    assert build_report(records, max_documents=4) == page  # seeded: the same sample


def test_cli_report_on_raw_and_explained_input(tmp_path: Path) -> None:
    explained = tmp_path / "sample.explain.jsonl"
    assert main(["clean", str(SAMPLE), "-o", str(explained), "--explain"]) == 0
    for source in (SAMPLE, explained):
        out = tmp_path / f"{source.stem}.html"
        assert main(["report", str(source), "-o", str(out)]) == 0
        page = out.read_text(encoding="utf-8")
        assert 'id="total-documents">8<' in page
        assert len(report_data(page)["docs"]) == 8


def test_cli_report_missing_input(tmp_path: Path) -> None:
    assert main(["report", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "r.html")]) == 2


def test_write_report_reads_gzip_and_skips_bad_lines(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "pages.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": LIBRARY_PAGE}) + "\n{not json\n")
    page = write_report([path], tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'id="total-documents">1<' in page and "invalid JSON (1)" in page
