"""`newsclean.views`: the lower-cased page, carried between filters, equals `str.lower`."""

from __future__ import annotations

from newsclean.document import Document
from newsclean.lines import drop_lines
from newsclean.reasons import Reason
from newsclean.text import line_starts
from newsclean.views import LOWER_PIECE_CHARS, framed_lowered, known_framed, lower_in_pieces

# Greek with final sigmas at line ends, a Turkish dotted capital I (lower-cases to two
# code points) and Cyrillic: case rules that look at context or change lengths.
LINES = [
    "ΟΙ ΔΡΟΜΟΙ ΤΗΣ ΑΘΗΝΑΣ ΚΛΕΙΣΤΟΙ ΛΟΓΩ ΧΙΟΝΟΠΤΩΣΗΣ",
    "İstanbul'da Kar Yağışı Nedeniyle Okullar Tatil Edildi",
    "МОСКВА: Снегопад Парализовал Движение",
    "Share This Article",
]


def big_page() -> str:
    lines = (LINES * (3 * LOWER_PIECE_CHARS // sum(map(len, LINES))))[: -1]
    return "\n".join(lines)


def test_a_big_page_lowers_in_pieces_exactly_as_str_lower() -> None:
    page = big_page()
    assert len(page) > 2 * LOWER_PIECE_CHARS
    assert lower_in_pieces(page) == page.lower()
    framed, starts = framed_lowered(page)
    assert framed == "\n" + page.lower() + "\n"
    assert starts == line_starts(page.lower().split("\n"))


def test_drop_lines_hands_on_the_framed_form_of_the_text_it_leaves() -> None:
    for page in (big_page(), "\n".join(LINES), "\n".join(LINES[::2])):
        doc = Document.from_text(page)
        lines = page.split("\n")
        framed_lowered(page)  # as a filter before would have
        drops = {i: Reason.SHARE for i, line in enumerate(lines) if line.startswith("Share")}
        drops[len(lines) - 1] = Reason.SHARE
        out = drop_lines(doc, lines, drops, "test")
        assert known_framed(out.text) == "\n" + out.text.lower() + "\n"
        assert framed_lowered(out.text)[1] == line_starts(out.text.lower().split("\n"))
