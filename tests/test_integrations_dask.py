"""Dask: cleaning and profiling on a real two-process LocalCluster give exactly the
single-process results."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

import dask.bag as db
import dask.dataframe as dd
import distributed
import pandas as pd

from newsclean.chain import default_chain
from newsclean.filters.profiles import with_site_profiles
from newsclean.integrations._records import clean_or_explain
from newsclean.integrations.dask import (
    clean_bag,
    clean_dataframe,
    profile_bag,
    profile_dataframe,
)
from newsclean.profiles import build_profiles

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample.jsonl"
MENUS = {
    "quayside-herald.test": ["Home", "Harbour", "Fishing fleet", "Letters", "Subscribe"],
    "upland-times.test": ["Front page", "Farming", "Fell running", "Weather", "Log in"],
}
FOOTERS = {
    "quayside-herald.test": ["Quayside Herald, 3 Dock Row", "Contact us", "Terms"],
    "upland-times.test": ["Upland Times Ltd", "Advertise", "Privacy"],
}
WHO = ["The harbour master", "A ferry captain", "The mayor", "A farmer from Kellbeck",
       "The head teacher", "A volunteer coastguard"]
WHAT = ["said the new pontoon would open in spring", "warned that the road was unsafe",
        "asked for the bus to run on Sundays", "welcomed the grant for the village hall",
        "criticised the plan to close the library", "thanked the rescue team"]


def site_records(per_site: int = 24) -> list[dict[str, Any]]:
    rng = random.Random(3)
    records = []
    for site, menu in MENUS.items():
        for n in range(per_site):
            body = [f"{rng.choice(WHO)} {rng.choice(WHAT)}, and {rng.choice(WHO).lower()} "
                    f"{rng.choice(WHAT)}." for _ in range(3)]
            text = "\n".join([f"{body[0][:40]} | {site}", *menu, *body, *FOOTERS[site]])
            records.append({"id": f"{site}/{n}", "url": f"https://{site}/p/{n}", "text": text})
    return records


def sample_records() -> list[dict[str, Any]]:
    with SAMPLE.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [*records, {"id": "broken", "text": None}]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as dask_client:
        yield dask_client


def test_clean_bag_equals_single_process(client: Any) -> None:
    records = sample_records()
    expected = [clean_or_explain(r, default_chain(), explain=True) for r in records]
    bag = db.from_sequence(records, npartitions=3)
    assert clean_bag(bag, explain=True).compute() == expected
    assert expected[-1]["newsclean"] == {"error": "field 'text' is null, not a string"}


def test_clean_dataframe_equals_single_process(client: Any) -> None:
    records = sample_records()[:-1]
    expected = [clean_or_explain(r, default_chain()) for r in records]
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    out = clean_dataframe(frame).compute()
    assert list(out["id"]) == [r["id"] for r in records]
    assert list(out["text"]) == [r["text"] for r in expected]
    assert [json.loads(v) for v in out["newsclean"]] == [r["newsclean"] for r in expected]


def test_profiles_map_reduce_equals_single_process_and_cleans_alike(client: Any) -> None:
    records = site_records()
    expected = build_profiles(records, cap=40)
    assert expected.sites["quayside-herald.test"].level > 0  # sampling is exercised too
    bag = db.from_sequence(records, npartitions=5)
    assert profile_bag(bag, cap=40, split_every=2).compute() == expected
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=3)
    assert profile_dataframe(frame, cap=40).compute() == expected

    profiles = build_profiles(records)
    chain = with_site_profiles(default_chain(), profiles)
    single = [clean_or_explain(r, chain) for r in records]
    assert clean_bag(bag, chain).compute() == single
    assert all(r["newsclean"]["removed_by_reason"].get("site_boilerplate") for r in single)
