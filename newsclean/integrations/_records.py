"""Record cleaning shared by the engine integrations: a bad record is kept, with the
reason under the `newsclean` key, instead of failing the whole partition.

>>> clean_or_explain({"id": "x", "text": None})["newsclean"]
{'error': "field 'text' is null, not a string"}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsclean.chain import Chain
from newsclean.records import OUTPUT_KEY, RecordError, clean_record


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
