"""newsclean on Dask (`pip install newsclean[dask]`): clean a `dask.bag` of records or a
`dask.dataframe`, and build site profiles with a map-reduce over partitions.

Each partition is cleaned by one task with the same chain (sent once, as one graph key,
to every worker); the output keeps the input's partitions and order. Profiles are built
per partition and merged in a tree (`split_every` partitions at a time); the merge is
exact, so the profile does not depend on the partitioning (see `newsclean.profiles`).

>>> import dask.bag as db
>>> page = "Budget agreed\\nShare this article\\nThe council agreed."
>>> bag = db.from_sequence([{"id": "a", "text": page}])
>>> clean_bag(bag).compute(scheduler="sync")[0]["text"]
'The council agreed.'
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.delayed import delayed

from newsclean.chain import Chain, default_chain
from newsclean.integrations._records import clean_or_explain_all
from newsclean.profiles import DEFAULT_CAP, ProfileBuilder, Profiles
from newsclean.records import OUTPUT_KEY


def _clean_partition(
    records: Iterable[Mapping[str, Any]], chain: Chain, text_field: str, explain: bool
) -> list[dict[str, Any]]:
    return clean_or_explain_all(list(records), chain, text_field=text_field, explain=explain)


def clean_bag(
    bag: db.Bag, chain: Chain | None = None, *, text_field: str = "text", explain: bool = False
) -> db.Bag:
    """A bag of the cleaned records (`newsclean.records.clean_record` on each; a record
    that cannot be cleaned is kept with `{"error": ...}` under `newsclean`).

    Example:

    >>> records = [{"id": "f1", "text": "Ferries resume\\nShare this\\nFerries ran."}, {"id": "f2"}]
    >>> bag = db.from_sequence(records)
    >>> [record["newsclean"].get("error") for record in clean_bag(bag).compute(scheduler="sync")]
    [None, "record has no 'text' field"]
    """
    shared = delayed(chain or default_chain(), pure=True)
    return bag.map_partitions(_clean_partition, shared, text_field, explain)


def _clean_frame(
    frame: pd.DataFrame, chain: Chain, text_field: str, explain: bool
) -> pd.DataFrame:
    records = frame.to_dict(orient="records")
    cleaned = clean_or_explain_all(records, chain, text_field=text_field, explain=explain)
    out = frame.copy()
    out[text_field] = pd.Series([r[text_field] for r in cleaned], index=frame.index,
                                dtype=frame[text_field].dtype)
    out[OUTPUT_KEY] = pd.Series(
        [json.dumps(r[OUTPUT_KEY], ensure_ascii=False) for r in cleaned], index=frame.index,
        dtype=object,
    )
    return out


def clean_dataframe(
    frame: dd.DataFrame, chain: Chain | None = None, *, text_field: str = "text",
    explain: bool = False,
) -> dd.DataFrame:
    """The frame with `text_field` cleaned and a `newsclean` column holding, as a JSON
    string, the metadata and removal counts of each row (`explain` adds the edit log).

    Example:

    >>> page = "Ferries resume\\nShare this article\\nFerries ran again on Tuesday."
    >>> frame = dd.from_pandas(pd.DataFrame({"id": ["f1"], "text": [page]}), npartitions=1)
    >>> out = clean_dataframe(frame).compute(scheduler="sync")
    >>> list(out.columns), out.loc[0, "text"], json.loads(out.loc[0, "newsclean"])["title"]
    (['id', 'text', 'newsclean'], 'Ferries ran again on Tuesday.', 'Ferries resume')
    """
    meta = frame._meta.copy()
    meta[OUTPUT_KEY] = pd.Series([], dtype=object)
    shared = delayed(chain or default_chain(), pure=True)
    return frame.map_partitions(_clean_frame, shared, text_field, explain, meta=meta)


def _profile_partition(records: Iterable[Mapping[str, Any]], cap: int,
                       text_field: str) -> ProfileBuilder:
    return ProfileBuilder(cap=cap, text_field=text_field).add_records(records)


def _merge_builders(builders: Iterable[ProfileBuilder], cap: int) -> ProfileBuilder:
    merged = ProfileBuilder(cap=cap)
    for builder in builders:
        merged.merge(builder)
    return merged


def _finish(builder: ProfileBuilder, min_pages: int) -> Profiles:
    return builder.profiles(min_pages)


def profile_bag(
    bag: db.Bag, *, cap: int = DEFAULT_CAP, min_pages: int = 2, text_field: str = "text",
    split_every: int | None = None,
) -> Any:
    """A lazy `dask.bag.Item` whose `.compute()` is the `Profiles` of the records in `bag`
    (the same as `newsclean.profiles.build_profiles` on them, whatever the partitions).

    Example:

    >>> records = [{"url": f"https://news.example/{n}", "text": f"Home\\nStory {n}."} for n in range(4)]
    >>> profiles = profile_bag(db.from_sequence(records, npartitions=2)).compute(scheduler="sync")
    >>> profiles.sites["news.example"].pages, profiles.sites["news.example"].lines
    (4, {'home': 4, 'story 0.': 4})
    """
    reduced = bag.reduction(
        functools.partial(_profile_partition, cap=cap, text_field=text_field),
        functools.partial(_merge_builders, cap=cap),
        split_every=split_every,
    )
    return reduced.apply(functools.partial(_finish, min_pages=min_pages))


def profile_dataframe(
    frame: dd.DataFrame, *, cap: int = DEFAULT_CAP, min_pages: int = 2,
    text_field: str = "text", split_every: int | None = None,
) -> Any:
    """`profile_bag` on the rows of a dataframe (columns `url` or `site`, and the text).

    Example:

    >>> records = [{"url": f"https://news.example/{n}", "text": f"Home\\nStory {n}."} for n in range(4)]
    >>> frame = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    >>> profile_dataframe(frame).compute(scheduler="sync").sites["news.example"].lines
    {'home': 4, 'story 0.': 4}
    """
    bag = frame.to_bag(index=False, format="dict")
    return profile_bag(bag, cap=cap, min_pages=min_pages, text_field=text_field,
                       split_every=split_every)
