"""`newsclean.views`: the lower-cased page, carried between filters, equals `str.lower`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import views
from newsclean.document import Document
from newsclean.filters import remove_boilerplate
from newsclean.lines import drop_lines
from newsclean.reasons import Reason
from newsclean.resources import cue_table
from newsclean.text import line_starts
from newsclean.views import (
    LOWER_PIECE_CHARS,
    framed_lowered,
    known_framed,
    lower_in_pieces,
    remember_lines,
    take_teaser_headings,
    text_lines,
)

# Greek with final sigmas at line ends, a Turkish dotted capital I (lower-cases to two
# code points) and Cyrillic: case rules that look at context or change lengths.
LINES = [
    "ΟΙ ΔΡΟΜΟΙ ΤΗΣ ΑΘΗΝΑΣ ΚΛΕΙΣΤΟΙ ΛΟΓΩ ΧΙΟΝΟΠΤΩΣΗΣ",
    "İstanbul'da Kar Yağışı Nedeniyle Okullar Tatil Edildi",
    "МОСКВА: Снегопад Парализовал Движение",
    "Share This Article",
]


def big_page(lines: list[str] = LINES) -> str:
    return "\n".join(lines * (3 * LOWER_PIECE_CHARS // sum(map(len, lines))))


def test_a_big_page_lowers_in_pieces_exactly_as_str_lower() -> None:
    page = big_page()
    assert len(page) > 2 * LOWER_PIECE_CHARS
    assert lower_in_pieces(page) == page.lower()
    framed, starts = framed_lowered(page)
    assert framed == "\n" + page.lower() + "\n"
    assert starts == line_starts(page.lower().split("\n"))


def test_drop_lines_hands_on_the_framed_form_of_the_text_it_leaves() -> None:
    # With the Turkish line lower-casing changes offsets (the framed page is rebuilt from
    # the kept lines); without it offsets stay (the dropped spans are cut from it).
    same_length = [line for line in LINES if not line.startswith("İ")]
    pages = (big_page(), big_page(same_length), "\n".join(LINES), "\n".join(same_length))
    for page in pages:
        doc = Document.from_text(page)
        lines = page.split("\n")
        framed_lowered(page)  # as a filter before would have
        drops = {i: Reason.SHARE for i, line in enumerate(lines) if line.startswith("Share")}
        drops[len(lines) - 1] = Reason.SHARE
        out = drop_lines(doc, lines, drops, "test")
        assert out.text == "\n".join(line for i, line in enumerate(lines) if i not in drops)
        assert known_framed(out.text) == "\n" + out.text.lower() + "\n"
        assert framed_lowered(out.text)[1] == line_starts(out.text.lower().split("\n"))


@settings(max_examples=400, deadline=None)
@given(
    lines=st.lists(st.sampled_from(["", " ", "Rain fell.", "Share this", "ΟΔΟΣ", "a\tb", "İzmir"]),
                   min_size=1, max_size=12),
    dropped=st.sets(st.integers(min_value=0, max_value=11)),
)
def test_drop_lines_hands_on_the_lines_of_the_text_it_leaves(lines: list[str], dropped: set[int]) -> None:
    """Whatever is dropped (blank lines, the last lines, all of them), the lines handed
    to the next filter are the split of the text left, and the lower-cased page's line
    offsets (from those lines, or from the lower-cased lines where lower-casing made a
    line longer) are its own."""
    page = "\n".join(lines)
    framed_lowered(page)
    drops = {i: Reason.SHARE for i in dropped if i < len(lines)}
    out = drop_lines(Document.from_text(page), text_lines(page), drops, "test")
    assert list(text_lines(out.text)) == out.text.split("\n")
    lowered = out.text.lower()
    assert framed_lowered(out.text) == ("\n" + lowered + "\n", line_starts(lowered.split("\n")))


def test_text_lines_splits_a_page_it_was_not_handed() -> None:
    page = "Most Read\nThe Council met."
    remember_lines("Another page", ["Another page"])
    assert list(text_lines(page)) == ["Most Read", "The Council met."]


# The size over which a page is huge, in these tests (32 M characters in the package).
HUGE_CHARS = 4096


def test_a_huge_page_is_split_afresh_not_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """Held between filters, a huge page's lines would raise its peak memory."""
    monkeypatch.setattr(views, "CACHED_LINES_CHARS", HUGE_CHARS)
    small = "Most Read\nThe Council met."
    huge = "The Council met.\n" * (HUGE_CHARS // 17 + 1)
    assert text_lines(small) is text_lines(small)
    assert text_lines(huge) is not text_lines(huge)
    assert list(text_lines(huge)) == huge.split("\n")


# Teaser headings ("Most read", "Lesen Sie auch"), lines that go as boilerplate (the line
# after a bare "Read more" with it), and article and list lines.
TEASER_PAGE_LINES = [
    "", "Most read", "Related", "Lesen Sie auch", "Read more", "Share this article",
    "Read more: Council sets budget", "Storm closes coast road", "Home | News | Sport | Weather",
    "The council met on Monday and agreed to repair the harbour wall.", "www.example.com",
]


@settings(max_examples=400, deadline=None)
@given(
    lines=st.lists(st.sampled_from(TEASER_PAGE_LINES), min_size=1, max_size=14),
    lang=st.sampled_from(["en", "de", None]),
)
def test_remove_boilerplate_hands_on_the_teaser_headings_of_the_text_it_leaves(
    lines: list[str], lang: str | None
) -> None:
    """Whatever goes (a heading after a bare "Read more", every line, none), the headings
    handed to remove_teaser_lists are those a fresh lookup of the text left finds."""
    out = remove_boilerplate(Document.from_text("\n".join(lines), lang=lang))
    fresh = [
        i
        for i, reason in cue_table(lang).whole_line_cues(out.text.split("\n"))
        if reason is Reason.TEASER_HEADING
    ]
    assert take_teaser_headings(out.text, "fr") is None  # another language's cues
    assert take_teaser_headings(out.text, lang) == tuple(fresh)
    assert take_teaser_headings(out.text, lang) is None  # taken: the text is not held


def test_the_teaser_headings_of_a_huge_page_are_not_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """Held between filters, the entry would keep a huge page's text alive."""
    monkeypatch.setattr(views, "CACHED_LINES_CHARS", HUGE_CHARS)
    huge = "Most read\n" + "The Council met.\n" * (HUGE_CHARS // 17 + 1)
    out = remove_boilerplate(Document.from_text(huge, lang="en"))
    assert take_teaser_headings(out.text, "en") is None
    # The same page within the limit hands its headings on.
    monkeypatch.setattr(views, "CACHED_LINES_CHARS", 2 * len(huge))
    out = remove_boilerplate(Document.from_text(huge, lang="en"))
    assert take_teaser_headings(out.text, "en") == (0,)
