# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""`remove_repeated_lines`: later exact copies of a line go; short repeats stay."""

from __future__ import annotations

import pytest

from newsclean import Config, Document, Reason
from newsclean.filters import remove_repeated_lines

REPEATS = [
    (
        "The council met on Monday.\nIt agreed a budget.\nThe council met on Monday.",
        "The council met on Monday.\nIt agreed a budget.",
    ),
    (
        "Der Rat tagte am Montag.\nEr beschloss den Haushalt.\nDer Rat tagte am Montag.\nDer Rat tagte am Montag.",
        "Der Rat tagte am Montag.\nEr beschloss den Haushalt.",
    ),
    (
        "Суд обязал компанию выплатить компенсацию.\nРешение можно обжаловать.\nСуд обязал компанию выплатить компенсацию.",
        "Суд обязал компанию выплатить компенсацию.\nРешение можно обжаловать.",
    ),
    (
        "研究人员发现了一种新的树蛙。\n它体长约三厘米。\n研究人员发现了一种新的树蛙。",
        "研究人员发现了一种新的树蛙。\n它体长约三厘米。",
    ),
]


@pytest.mark.parametrize(("page", "expected"), REPEATS)
def test_exact_repeats_go(page: str, expected: str) -> None:
    doc = remove_repeated_lines(Document.from_text(page))
    assert doc.text == expected
    assert {edit.reason for edit in doc.edits} == {Reason.REPEATED_LINE}
    assert doc.restore() == page


# Short lines that legitimately repeat in an article (interview labels, scores, list markers).
SHORT_REPEATS = [
    "Q:\nWhat did the council decide?\nA:\nIt agreed the budget.\nQ:\nWhen?\nA:\nOn Monday.",
    "Round 1\n6-4\nRound 2\n6-4",
    "问：\n什么时候开始？\n答：\n明年春天。\n问：\n在哪里？\n答：\n保护区内。",
]


@pytest.mark.parametrize("page", SHORT_REPEATS)
def test_short_repeats_stay_when_configured(page: str) -> None:
    doc = Document.from_text(page)
    assert remove_repeated_lines(doc, Config(drop_repeats_min_chars=12)) is doc


@pytest.mark.parametrize("page", SHORT_REPEATS)
def test_by_default_every_repeat_goes(page: str) -> None:
    # The default keeps cleaning idempotent: no line of clean text stands twice.
    out = remove_repeated_lines(Document.from_text(page)).paragraphs
    assert len(out) == len(set(out)) < len(page.split("\n"))


def test_the_copy_inside_the_article_is_kept() -> None:
    page = (
        "Council sets budget\nWeather\nSport\n"
        "The council met on Monday and agreed a budget for the coming year.\n"
        "Council sets budget\n"
        "It will spend more on roads and less on parking, the leader said."
    )
    doc = remove_repeated_lines(Document.from_text(page))
    assert doc.paragraphs[0] == "Weather"
    assert "Council sets budget" in doc.paragraphs[2:]
    assert doc.restore() == page


def test_near_repeats_stay() -> None:
    page = "The council met on Monday.\nThe council met on Tuesday.\nthe council met on monday."
    doc = Document.from_text(page)
    assert remove_repeated_lines(doc) is doc


def test_blank_lines_are_not_repeats() -> None:
    doc = Document.from_text("First paragraph here.\n\nSecond paragraph here.\n\nThird one.")
    assert remove_repeated_lines(doc) is doc


def test_drop_repeats_min_chars() -> None:
    page = "Q: Why now, then?\nBecause the money ran out.\nQ: Why now, then?"
    assert remove_repeated_lines(Document.from_text(page)).text == page.rsplit("\n", 1)[0]
    doc = Document.from_text(page)
    assert remove_repeated_lines(doc, Config(drop_repeats_min_chars=20)) is doc
