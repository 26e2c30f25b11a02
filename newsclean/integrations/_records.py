"""Record cleaning shared by the engine integrations: a bad record is kept, with the
reason under the `newsclean` key, instead of failing the whole partition.

>>> clean_or_explain({"id": "x", "text": None})["newsclean"]
{'error': "field 'text' is null, not a string"}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsclean.chain import BATCH_DOCS, Chain
from newsclean.records import OUTPUT_KEY, RecordError, clean_record, clean_records


def clean_or_explain(
    record: Mapping[str, Any], chain: Chain | None = None, *, text_field: str = "text",
    explain: bool = False,
) -> dict[str, Any]:
    """`clean_record`, or the record unchanged with `{"error": ...}` under `newsclean`.

    Example:

    >>> page = "Ferries resume\\nShare this article\\nFerries ran again on Tuesday."
    >>> out = clean_or_explain({"id": "f1", "text": page}, explain=True)
    >>> out["text"], [edit["reason"] for edit in out["newsclean"]["edits"]]
    ('Ferries ran again on Tuesday.', ['title', 'share'])
    """
    try:
        return clean_record(record, chain=chain, text_field=text_field, explain=explain)
    except RecordError as exc:
        out = dict(record)
        out[OUTPUT_KEY] = {"error": str(exc)}
        return out


def clean_or_explain_all(
    records: Sequence[Mapping[str, Any]], chain: Chain | None = None, *, text_field: str = "text",
    explain: bool = False,
) -> list[dict[str, Any]]:
    """`clean_or_explain` of every record, the documents cleaned a batch at a time
    (`Chain.batch`).

    Example:

    >>> pages = [{"id": "a", "text": "Budget agreed\\nShare this article\\nThe council agreed."},
    ...          {"id": "b", "text": None}]
    >>> [out["newsclean"].get("error", out["text"]) for out in clean_or_explain_all(pages)]
    ['The council agreed.', "field 'text' is null, not a string"]
    """
    out = []
    for start in range(0, len(records), BATCH_DOCS):
        batch = records[start : start + BATCH_DOCS]
        cleaned = clean_records(batch, chain=chain, text_field=text_field, explain=explain)
        for record, result in zip(batch, cleaned, strict=True):
            if isinstance(result, RecordError):
                result = {**record, OUTPUT_KEY: {"error": str(result)}}
            out.append(result)
    return out
