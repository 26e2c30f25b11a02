"""Whole-line cues (`CueTable.whole_line_cues`): a strip and a lookup per line find exactly
the lines that the scan they replaced found, `[edges]*cue[edges]*` between two newlines of
the lower-cased page."""

from __future__ import annotations

import re

import pytest

from newsclean.reasons import Reason
from newsclean.resources import CUE_EDGE_CHARS, comment_buttons, cue_languages, cue_table, trie_pattern
from tests.conftest import FIXTURES

# Lines around the edges of the rule: edge runs on both sides, inner edge characters,
# case that lower-cases to more characters (Turkish capital dotted I), a final sigma, tabs
# and no-break spaces, doubled inner spaces, and lines one character off a cue.
EDGE_CASES = [
    "Share this article",
    "  »» SHARE THIS ARTICLE ««  ",
    "--- Share this article ---",
    "Share  this article",
    "Share this article!",
    "Share this articles",
    "(Share this article)",
    "\tShare this article\u00a0",
    "İ Share this article",
    "Mehr zum Thema",
    "» Artikel teilen",
    "ΣΧΕΤΙΚΑ ΑΡΘΡΑ",
    "Σχετικά άρθρα:",
    "Читайте также",
    "相关阅读",
    "",
    "...",
    "Rain fell all day.",
]


def _old_scan(lang: str | None) -> re.Pattern[str]:
    """The scan `whole_line_cues` replaced, built from the same table."""
    edge = "[" + "".join(re.escape(c) for c in CUE_EDGE_CHARS) + "]*"
    return re.compile(rf"\n{edge}(?P<cue>{trie_pattern(sorted(cue_table(lang).exact))}){edge}(?=\n)")


def _fixture_lines() -> list[str]:
    pages = sorted(FIXTURES.glob("*.txt"))
    return [line for page in pages for line in page.read_text(encoding="utf-8").split("\n")]


@pytest.mark.parametrize("lang", [None, "en", "de", "fr", "ru", "el", "zh", "pl"])
def test_whole_line_cues_find_what_the_scan_found(lang: str | None) -> None:
    lines = _fixture_lines() + EDGE_CASES
    assert len(lines) > 500
    table = cue_table(lang)
    # Each line alone, framed by newlines as the scan saw the page (lower-casing a line
    # alone and within its page give the same text).
    scan = _old_scan(lang)
    expected = []
    for i, line in enumerate(lines):
        match = scan.search("\n" + line.lower() + "\n")
        if match:
            expected.append((i, table.exact[match.group("cue")]))
    found = list(table.whole_line_cues(lines))
    assert found == expected
    assert len(found) > 10  # the fixture pages hold cues in every language tested


def test_cue_keys_neither_start_nor_end_with_an_edge_character() -> None:
    # What makes a strip equal to the scan: a key's own characters are never stripped.
    for lang in [None, *cue_languages()]:
        for key in cue_table(lang).exact:
            assert key == key.strip(CUE_EDGE_CHARS) and "\n" not in key, (lang, key)


def test_whole_line_cues_give_each_line_its_reason() -> None:
    lines = ["Regen am Montag.", "» Artikel teilen", "Mehr zum Thema", "Artikel teilen und mehr"]
    found = dict(cue_table("de").whole_line_cues(lines))
    assert {i: str(reason) for i, reason in found.items()} == {1: "share", 2: "teaser_heading"}



def test_comment_buttons_are_comment_cues() -> None:
    """A button that cannot open a comment section is a line some language's cues remove
    as a comment cue, or the article filter would never meet it."""
    tables = [cue_table(lang) for lang in cue_languages()]
    for button in comment_buttons():
        assert any(table.exact.get(button) is Reason.COMMENTS for table in tables), button
