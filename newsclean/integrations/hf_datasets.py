"""newsclean on Hugging Face `datasets` (`pip install newsclean[datasets]`).

`BatchCleaner` is a function for `Dataset.map(..., batched=True)`: it cleans the text
column of each batch and adds a `newsclean` column holding, as a JSON string, the metadata
and removal counts of each row (a JSON string because its keys vary from row to row). With
`num_proc=N`, `datasets` splits the dataset into N contiguous shards, pickles the cleaner
into N processes and concatenates their outputs in order.

>>> cleaner = BatchCleaner()
>>> page = "Budget agreed\\nShare this article\\nThe council agreed."
>>> out = cleaner({"id": ["a"], "text": [page]})
>>> out["text"], json.loads(out["newsclean"][0])["title"]
(['The council agreed.'], 'Budget agreed')
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from newsclean.chain import Chain, default_chain
from newsclean.integrations._records import clean_or_explain_all
from newsclean.records import OUTPUT_KEY


class BatchCleaner:
    """A picklable batched cleaner; `chain` defaults to the default chain.

    Example:

    >>> cleaner = BatchCleaner(text_field="body", explain=True)
    >>> out = cleaner({"body": ["Ferries resume\\nShare this article\\nFerries ran again."]})
    >>> out["body"], len(json.loads(out["newsclean"][0])["edits"])
    (['Ferries ran again.'], 2)
    """

    def __init__(self, chain: Chain | None = None, *, text_field: str = "text",
                 explain: bool = False) -> None:
        self.chain = chain or default_chain()
        self.text_field = text_field
        self.explain = explain

    def __call__(self, batch: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
        columns = list(batch)
        values = [batch[column] for column in columns]
        rows = [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
        cleaned = clean_or_explain_all(rows, self.chain, text_field=self.text_field, explain=self.explain)
        out = {column: list(batch[column]) for column in columns}
        out[self.text_field] = [row[self.text_field] for row in cleaned]
        out[OUTPUT_KEY] = [json.dumps(row[OUTPUT_KEY], ensure_ascii=False) for row in cleaned]
        return out


def clean_batch(batch: Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
    """`BatchCleaner()` with the defaults: `dataset.map(clean_batch, batched=True)`.

    Example:

    >>> out = clean_batch({"id": ["a", "b"], "text": ["Ferries resume\\nShare this\\nFerries ran.", None]})
    >>> out["text"], json.loads(out["newsclean"][1])
    (['Ferries ran.', None], {'error': "field 'text' is null, not a string"})
    """
    return _DEFAULT(batch)


_DEFAULT = BatchCleaner()
