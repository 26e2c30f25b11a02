"""`normalize_whitespace` and `tidy_blank_lines`: line ends, control characters, spaces
and blank-line runs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Document, Reason
from newsclean.document import apply_edits
from newsclean.filters import normalize_whitespace, tidy_blank_lines
from newsclean.filters.whitespace import _space_spans
from newsclean.spacing import EDGE_CHARS

# (input, expected after normalize_whitespace)
NORMALIZE = [
    (
        " date 2022-09-13 Storm hits coast\r\nBody text.\r\n",
        "date 2022-09-13 Storm hits coast\nBody text.\n",
    ),
    ("Line one\rLine two", "Line one\nLine two"),
    ("The   council  met \t on Monday.", "The council met on Monday."),
    ("   Indented paragraph.   ", "Indented paragraph."),
    ("Der Rat\u00a0\u00a0tagte am Montag.", "Der Rat tagte am Montag."),
    ("\u3000研究人员发现新物种。\u3000", "研究人员发现新物种。"),
    ("Bell\x07 rang\x00 twice.", "Bell rang twice."),
    ("Form\x0cfeed and\x1bescape", "Formfeed andescape"),
    ("Trailing spaces   \nNext line", "Trailing spaces\nNext line"),
    # The Unicode line and paragraph separators end a line.
    ("Storm hits coast\u2028Body text.\u2029Next one.", "Storm hits coast\nBody text.\nNext one."),
    # Thin and narrow no-break spaces are trimmed at a line's ends and collapsed in runs,
    # as plain and no-break ones are; a lone one stays.
    ("\u2009Le maire a dit\u202f\u00a0: oui.\u202f", "Le maire a dit : oui."),
    ("Population\u2009: 12\u202f400 habitants", "Population\u2009: 12\u202f400 habitants"),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE)
def test_normalize_whitespace(raw: str, expected: str) -> None:
    doc = normalize_whitespace(Document.from_text(raw))
    assert doc.text == expected
    assert doc.restore() == raw
    assert apply_edits(raw, doc.edits) == doc.text


def test_control_characters_have_their_own_reason() -> None:
    doc = normalize_whitespace(Document.from_text("Bell\x07 rang."))
    assert Reason.CONTROL_CHARS in {edit.reason for edit in doc.edits}
    # Byte order marks go as control characters wherever they stand: at the start, in a
    # line, alone on a line (which is then blank).
    page = "\ufeffFerries resume\nThe first boat\ufeff left at seven.\n\ufeff\nIt was full."
    doc = normalize_whitespace(Document.from_text(page))
    assert doc.text == "Ferries resume\nThe first boat left at seven.\n\nIt was full."
    assert {edit.reason for edit in doc.edits} == {Reason.CONTROL_CHARS}
    assert doc.restore() == page
    doc = normalize_whitespace(Document.from_text("Wide   gap."))
    assert {edit.reason for edit in doc.edits} == {Reason.WHITESPACE}


# Text that is already normal, including characters a careless cleaner would touch.
ALREADY_NORMAL = [
    "The council met on Monday.\n\nIt agreed a budget.",
    "Blank lines\n\n\n\nare left for tidy_blank_lines.",
    "A single space between words, a tab nowhere.",
    "Ein geschütztes Leerzeichen: 10\u00a0km.",
    "Une espace fine insécable\u202f: 12\u202f400 habitants\u2009!",
    "“Curly quotes”, ‘single ones’, «guillemets», „Anführungszeichen“.",
    "研究人员在青岚山发现一种树蛙。\n它体长约3厘米。",
    "Emoji stay 👍🏽 and so does zero-width joining 👩‍⚕️.",
    "",
]


@pytest.mark.parametrize("text", ALREADY_NORMAL)
def test_normal_text_is_the_same_object(text: str) -> None:
    doc = Document.from_text(text)
    assert normalize_whitespace(doc) is doc


TIDY = [
    ("\n\nTitle\n\n\n\nBody.\n\n", "Title\n\nBody."),
    ("A\n\n\nB\n\n\n\n\nC", "A\n\nB\n\nC"),
    ("A\nB\n", "A\nB"),
]


@pytest.mark.parametrize(("raw", "expected"), TIDY)
def test_tidy_blank_lines(raw: str, expected: str) -> None:
    doc = tidy_blank_lines(Document.from_text(raw))
    assert doc.text == expected
    assert {edit.reason for edit in doc.edits} == {Reason.BLANK_LINES}
    assert doc.restore() == raw


@pytest.mark.parametrize("text", ["A\n\nB", "A\nB", "Only one line.", ""])
def test_tidy_blank_lines_leaves_tidy_text(text: str) -> None:
    doc = Document.from_text(text)
    assert tidy_blank_lines(doc) is doc


def test_line_and_paragraph_separators_are_line_ends() -> None:
    doc = normalize_whitespace(Document.from_text("Storm hits coast\u2028Body text.\u2029End."))
    assert [(edit.removed, edit.inserted, edit.reason) for edit in doc.edits] == [
        ("\u2028", "\n", Reason.WHITESPACE),
        ("\u2029", "\n", Reason.WHITESPACE),
    ]


def _edge_spans_line_by_line(lines: list[str]) -> list[tuple[int, int]]:
    """The leading and trailing blanks of each line, walking every line (a reference)."""
    spans, start = [], 0
    for line in lines:
        kept = line.strip(EDGE_CHARS)
        if not kept and line:
            spans.append((start, start + len(line)))
        elif kept != line:
            lead = len(line) - len(line.lstrip(EDGE_CHARS))
            trail = len(line) - len(line.rstrip(EDGE_CHARS))
            spans += [(start, start + lead)] if lead else []
            spans += [(start + len(line) - trail, start + len(line))] if trail else []
        start += len(line) + 1
    return spans


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab’ \t\u00a0\u2009\u202f\u3000\n"), max_size=30))
def test_only_the_lines_with_edge_blanks_are_walked_and_each_is_cut_where_it_stands(text: str) -> None:
    lines = text.split("\n")
    edges = [(start, end) for start, end, inserted, _ in _space_spans(text, lines, False) if not inserted]
    assert edges == _edge_spans_line_by_line(lines)
