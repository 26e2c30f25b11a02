"""Cleaning JSON records (one page each), the unit the CLI and the engine integrations
work on.

>>> out = clean_record({"id": "a1", "text": "Budget agreed\\nShare this article\\nThe council agreed."})
>>> out["text"], out["newsclean"]["title"]
('The council agreed.', 'Budget agreed')
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from newsclean.batching import batched
from newsclean.chain import BATCH_CHARS, BATCH_DOCS, Chain, default_chain
from newsclean.document import Document

# Record fields passed to the document as metadata (a record's `lang` is often a guess,
# so the page language is detected from the text instead).
META_FIELDS = ("id", "url", "site")
OUTPUT_KEY = "newsclean"


class RecordError(ValueError):
    """A record that cannot be cleaned: not an object, or without usable text.

    Example:

    >>> document_from_record(["not", "a", "record"])
    Traceback (most recent call last):
    newsclean.records.RecordError: record is a JSON list, not an object
    """


def document_from_record(record: object, text_field: str = "text") -> Document:
    """The document for one record; raises `RecordError` when it has no usable text.

    Example:

    >>> record = {"id": 42, "url": "https://news.example/ferries", "text": "Ferries resume"}
    >>> doc = document_from_record(record)
    >>> doc.id, doc.url, doc.text
    ('42', 'https://news.example/ferries', 'Ferries resume')
    >>> document_from_record({"body": "Ferries resume"})
    Traceback (most recent call last):
    newsclean.records.RecordError: record has no 'text' field
    """
    if not isinstance(record, Mapping):
        raise RecordError(f"record is a JSON {type(record).__name__}, not an object")
    if text_field not in record:
        raise RecordError(f"record has no {text_field!r} field")
    text = record[text_field]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        raise RecordError(f"field {text_field!r} is {kind}, not a string")
    meta = {key: str(record[key]) for key in META_FIELDS if isinstance(record.get(key), (str, int))}
    return Document.from_text(text, **meta)


def clean_record(
    record: object,
    *,
    chain: Chain | None = None,
    text_field: str = "text",
    explain: bool = False,
) -> dict[str, Any]:
    """A copy of `record` with the clean text in `text_field` and the metadata, captions,
    flags and removal counts under the `newsclean` key (`explain` adds the edit log).

    Example:

    >>> record = {"id": "f1", "body": "Ferries resume\\nShare this article\\nFerries ran again on Tuesday."}
    >>> out = clean_record(record, text_field="body")
    >>> out["body"], out["newsclean"]["removed_by_reason"], record["body"].startswith("Ferries resume")
    ('Ferries ran again on Tuesday.', {'share': 1, 'title': 1}, True)
    """
    doc = document_from_record(record, text_field)
    assert isinstance(record, Mapping)
    return record_output(record, (chain or _DEFAULT)(doc), text_field=text_field, explain=explain)


def record_output(
    record: Mapping[str, Any], cleaned: Document, *, text_field: str = "text", explain: bool = False
) -> dict[str, Any]:
    """A copy of `record` with `cleaned`'s text in `text_field` and its metadata, captions,
    flags and removal counts under the `newsclean` key (`explain` adds the edit log).

    Example:

    >>> out = record_output({"id": "f1", "text": "raw"}, Document.from_text("Ferries ran again."))
    >>> out["text"], out["id"], sorted(out["newsclean"])[:2]
    ('Ferries ran again.', 'f1', ['byline', 'captions'])
    """
    out = dict(record)
    out[text_field] = cleaned.text
    out[OUTPUT_KEY] = cleaned.to_dict(explain=explain)
    return out


def clean_records(
    records: Sequence[object],
    *,
    chain: Chain | None = None,
    text_field: str = "text",
    explain: bool = False,
) -> list[dict[str, Any] | RecordError]:
    """`clean_record` of every record, the documents cleaned together (`Chain.batch`, less
    work than one by one); a record that cannot be cleaned gives its `RecordError` in its
    place instead of stopping the others.

    Example:

    >>> pages = [{"id": "a", "text": "Budget agreed\\nShare this article\\nThe council agreed."},
    ...          {"id": "b"}]
    >>> [out["text"] if isinstance(out, dict) else str(out) for out in clean_records(pages)]
    ['The council agreed.', "record has no 'text' field"]
    """
    if isinstance(records, Mapping):  # one record: its keys would be taken for records
        raise TypeError("clean_records takes a sequence of records, not one record; use clean_record")
    out: dict[int, dict[str, Any] | RecordError] = {}
    ready: list[tuple[int, Mapping[str, Any], Document]] = []
    for at, record in enumerate(records):
        try:
            doc = document_from_record(record, text_field)
        except RecordError as exc:
            out[at] = exc
            continue
        assert isinstance(record, Mapping)
        ready.append((at, record, doc))
    cleaned = (chain or _DEFAULT).batch([doc for _, _, doc in ready])
    for (at, record, _), doc in zip(ready, cleaned, strict=True):
        out[at] = record_output(record, doc, text_field=text_field, explain=explain)
    return [out[at] for at in range(len(records))]


def clean_record_stream(
    records: Iterable[object],
    *,
    chain: Chain | None = None,
    text_field: str = "text",
    explain: bool = False,
) -> Iterator[dict[str, Any] | RecordError]:
    """`clean_records` as the records come, in order, a batch at a time (as many records
    as `Chain.stream` cleans together): for a file or a generator of any length, in
    bounded memory.

    Example:

    >>> records = [{"id": "a", "text": "Budget agreed\\nShare this article\\nThe council agreed."},
    ...            {"id": "b"}]
    >>> cleaned = clean_record_stream(iter(records))
    >>> [out["text"] if isinstance(out, dict) else str(out) for out in cleaned]
    ['The council agreed.', "record has no 'text' field"]
    """
    if isinstance(records, Mapping):  # one record: its keys would be taken for records
        raise TypeError("clean_record_stream takes an iterable of records, not one record; use clean_record")
    for group in batched(records, _text_length(text_field), max_count=BATCH_DOCS, max_size=BATCH_CHARS):
        yield from clean_records(group, chain=chain, text_field=text_field, explain=explain)


def _text_length(text_field: str) -> Callable[[object], int]:
    """How a record counts towards a batch's size: the length of its text (none if it
    has no text to clean)."""

    def length(record: object) -> int:
        text = record.get(text_field) if isinstance(record, Mapping) else None
        return len(text) if isinstance(text, str) else 0

    return length


def clean_json_line(
    line: str, *, chain: Chain | None = None, text_field: str = "text", explain: bool = False
) -> str:
    """`clean_record` on one JSONL line, serialised back; raises `RecordError` (or
    `json.JSONDecodeError`) for a bad record.

    Example:

    >>> line = '{"id": "f1", "text": "Ferries resume\\\\nShare this article\\\\nFerries ran again."}'
    >>> json.loads(clean_json_line(line))["text"]
    'Ferries ran again.'
    >>> clean_json_line('{"id": "f2"}')
    Traceback (most recent call last):
    newsclean.records.RecordError: record has no 'text' field
    """
    record = json.loads(line)
    return json.dumps(
        clean_record(record, chain=chain, text_field=text_field, explain=explain),
        ensure_ascii=False,
    )


_DEFAULT = default_chain()
