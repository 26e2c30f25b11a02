# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""`clean_record` and `clean_json_line`: other fields kept, metadata under `newsclean`,
bad records rejected with `RecordError`."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from newsclean import Config, default_chain
from newsclean.records import (
    OUTPUT_KEY,
    RecordError,
    clean_json_line,
    clean_record,
    document_from_record,
)

PAGE = (
    "Council approves new car park charges | Westmoor Gazette\n"
    "Menu\n"
    "Council approves new car park charges\n"
    "8 November 2022, 17:26\n"
    "By Rebecca Hale\n"
    "Listen to this article\n"
    "Westmoor council has approved new charges for its town-centre car parks, starting in April.\n"
    "Drivers will pay £1.20 an hour, up from 90p, the first rise in six years.\n"
    "The multi-storey car park on Bridge Street. Picture: Westmoor Gazette\n"
    "Share this article\n"
    "© Westmoor Gazette 2022"
)
ARTICLE = [
    "Westmoor council has approved new charges for its town-centre car parks, starting in April.",
    "Drivers will pay £1.20 an hour, up from 90p, the first rise in six years.",
]


def test_clean_record_keeps_other_fields_and_adds_metadata() -> None:
    record = {
        "id": "w-17",
        "url": "https://example.test/parking",
        "source": "crawl-7",
        "fetched": 1699999999,
        "text": PAGE,
    }
    out = clean_record(record)
    assert out["text"].split("\n") == ARTICLE
    assert {k: out[k] for k in ("id", "url", "source", "fetched")} == {
        k: record[k] for k in ("id", "url", "source", "fetched")
    }
    meta = out[OUTPUT_KEY]
    assert meta["title"] == "Council approves new car park charges"
    assert meta["published"] == "2022-11-08T17:26"
    assert meta["byline"] == "Rebecca Hale"
    assert meta["lang"] == "en"
    assert meta["captions"] == [
        {"text": "The multi-storey car park on Bridge Street.", "credit": "Westmoor Gazette"}
    ]
    assert meta["removed_lines"] >= 5
    assert {"audio_widget", "share", "footer", "byline", "dateline"} <= set(meta["removed_by_reason"])
    assert "edits" not in meta
    assert record["text"] == PAGE  # the input record is not changed
    assert OUTPUT_KEY not in record
    json.dumps(out)


def test_explain_adds_the_edit_log() -> None:
    out = clean_record({"text": PAGE}, explain=True)
    edits = out[OUTPUT_KEY]["edits"]
    assert {"filter", "reason", "start", "removed", "inserted"} <= set(edits[0])
    assert any(
        e["reason"] == "audio_widget" and e["removed"].startswith("Listen to this article") for e in edits
    )


def test_text_field() -> None:
    out = clean_record({"body": PAGE, "text": "left alone"}, text_field="body")
    assert out["body"].split("\n") == ARTICLE
    assert out["text"] == "left alone"


def test_custom_chain() -> None:
    chain = default_chain(Config(select_article=False)).without("remove_boilerplate")
    out = clean_record({"text": PAGE}, chain=chain)
    assert "Share this article" in out["text"]


def test_record_lang_is_not_trusted() -> None:
    out = clean_record({"text": PAGE, "lang": "de"})
    assert out[OUTPUT_KEY]["lang"] == "en"
    assert out["lang"] == "de"


def test_id_url_and_site_pass_to_the_document() -> None:
    doc = document_from_record({"id": 17, "url": "https://example.test/a", "text": "Body."})
    assert (doc.id, doc.url, doc.site) == ("17", "https://example.test/a", None)
    named = document_from_record({"site": "example.test", "text": "Body.", "title": "ignored"})
    assert (named.url, named.site, named.title) == (None, "example.test", None)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([PAGE], "list"),
        ("just a string", "str"),
        (42, "int"),
        (None, "NoneType"),
        ({"id": "a"}, "no 'text' field"),
        ({"text": None}, "null"),
        ({"text": 42}, "int"),
        ({"text": ["a", "b"]}, "list"),
        ({"text": {"html": "<p>x</p>"}}, "dict"),
    ],
)
def test_bad_records_raise_record_error(record: object, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        clean_record(record)


def test_record_error_is_a_value_error() -> None:
    assert issubclass(RecordError, ValueError)


def test_empty_text_is_a_valid_record() -> None:
    out = clean_record({"id": "e", "text": ""})
    assert out["text"] == ""


def test_clean_json_line() -> None:
    line = json.dumps(
        {
            "id": "ru-1",
            "text": "Мост открыт\nГлавная\nНовый мост через реку Светлую открыли во вторник после двух лет работ.\nПоделиться",
        },
        ensure_ascii=False,
    )
    out = json.loads(clean_json_line(line))
    assert out["id"] == "ru-1"
    assert out["text"] == "Новый мост через реку Светлую открыли во вторник после двух лет работ."
    assert "Светлую" in clean_json_line(line)  # not escaped


@pytest.mark.parametrize(
    ("line", "error"),
    [("{not json", json.JSONDecodeError), ("[1, 2]", RecordError), ('{"text": 5}', RecordError)],
)
def test_clean_json_line_errors(line: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        clean_json_line(line)


def test_clean_records_gives_each_record_as_clean_record_does() -> None:
    from newsclean.records import clean_records

    records: list[object] = [{"id": "a", "text": PAGE}, {"id": "b"}, [PAGE], {"id": "c", "text": PAGE, "lang": "de"}]
    out = clean_records(records, explain=True)
    assert out[0] == clean_record(records[0], explain=True)
    assert out[3] == clean_record(records[3], explain=True)
    assert isinstance(out[1], RecordError) and "no 'text' field" in str(out[1])
    assert isinstance(out[2], RecordError) and "list" in str(out[2])


def test_clean_record_stream_gives_what_clean_records_gives_in_order() -> None:
    from newsclean.chain import BATCH_DOCS
    from newsclean.records import clean_record_stream, clean_records

    records: list[object] = []
    for at in range(BATCH_DOCS * 2 + 5):
        records.append({"id": str(at), "text": PAGE} if at % 7 else {"id": str(at), "body": PAGE})
    records[3] = [PAGE]
    streamed = list(clean_record_stream(iter(records), explain=True))

    def comparable(out: object) -> object:  # errors compare by type and message
        return (type(out), str(out)) if isinstance(out, RecordError) else out

    assert list(map(comparable, streamed)) == list(map(comparable, clean_records(records, explain=True)))
    assert [out["id"] for out in streamed if isinstance(out, dict)] == [
        str(at) for at in range(len(records)) if at % 7 and at != 3
    ]
    assert isinstance(streamed[0], RecordError) and isinstance(streamed[3], RecordError)
    assert streamed[1]["text"].split("\n") == ARTICLE  # type: ignore[index]


def test_clean_record_stream_is_lazy() -> None:
    import itertools

    from newsclean.chain import BATCH_DOCS
    from newsclean.records import clean_record_stream

    pulled = 0

    def endless_records() -> Iterator[dict[str, str]]:
        nonlocal pulled
        for at in itertools.count():
            pulled += 1
            yield {"id": str(at), "text": PAGE}

    first = next(clean_record_stream(endless_records()))
    assert first["id"] == "0" and first["text"].split("\n") == ARTICLE  # type: ignore[index]
    assert pulled <= BATCH_DOCS + 1


def test_one_record_given_for_many_is_refused() -> None:
    from newsclean.records import clean_record_stream, clean_records

    record = {"id": "a", "text": PAGE}
    with pytest.raises(TypeError, match="not one record; use clean_record"):
        clean_records(record)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not one record; use clean_record"):
        list(clean_record_stream(record))
