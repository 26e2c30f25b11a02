"""The founding page: `clean()` must give exactly what a perfect cleaner gives."""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsclean
from newsclean import Reason
from tests.conftest import SEED, shared_file

SEED_NAME = "seed-lbc-2022-09-13"


# The page, its expected output, and what the default chain makes of it.
Seed = tuple[str, dict[str, Any], newsclean.Document]


@pytest.fixture(scope="module")
def seed() -> Seed:
    text = shared_file(SEED / f"{SEED_NAME}.txt").read_text(encoding="utf-8")
    expected = json.loads(shared_file(SEED / f"{SEED_NAME}.expected.json").read_text(encoding="utf-8"))
    return text, expected, newsclean.clean(text)


def test_paragraphs_are_exactly_the_article(seed: Seed) -> None:
    _, expected, doc = seed
    assert doc.paragraphs == expected["paragraphs"]


def test_metadata(seed: Seed) -> None:
    _, expected, doc = seed
    assert doc.title == expected["title"]
    assert doc.published == "2022-09-13T14:12"
    assert doc.published.startswith(expected["date"])
    assert doc.byline == expected["byline"]
    assert doc.lang == "en"


def test_captions_with_credits(seed: Seed) -> None:
    _, expected, doc = seed
    assert [c.text for c in doc.captions] == expected["captions"]
    assert [c.credit for c in doc.captions] == expected["caption_credits"]


def test_no_boilerplate_line_survives(seed: Seed) -> None:
    text, expected, doc = seed
    lines = text.split("\n")
    kept = set(doc.paragraphs)
    for number in expected["boilerplate_line_numbers"] + expected["metadata_line_numbers"]:
        line = lines[number - 1].strip()
        if line not in expected["paragraphs"]:
            assert line not in kept, f"line {number} survived: {line!r}"


def test_each_kind_of_boilerplate_has_its_reason(seed: Seed) -> None:
    _, _, doc = seed
    assert doc.removed_by(Reason.AUDIO_WIDGET) == ["Listen to this article\n", "Loading audio...\n"]
    inline = doc.removed_by(Reason.INLINE_TEASER)
    assert any(r.startswith("Watch: A few vodkas") for r in inline)
    assert sum(r.startswith("Read more:") for r in inline) == 3
    assert any("More Latest News" in r for r in doc.removed_by(Reason.TEASER_HEADING))
    assert doc.removed_by(Reason.BYLINE) == ["By Daisy Stephens\n"]


def test_restore_rebuilds_the_page(seed: Seed) -> None:
    text, _, doc = seed
    assert doc.restore() == text
