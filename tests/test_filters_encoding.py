"""`fix_encoding`: mojibake repaired where it is, correct text left exactly as it is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Document, Flag, Reason
from newsclean.document import apply_edits
from newsclean.filters import fix_encoding
from newsclean.filters.encoding import MOJIBAKE_HINT, may_hold_mojibake


def _mojibake(text: str) -> str:
    """UTF-8 bytes decoded as Windows-1252 the way browsers do it (the five bytes that
    cp1252 leaves undefined become C1 control characters), the usual way a page breaks."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


# (broken line as scraped, what the page said)
REPAIRS = [
    ("The mayorâ€™s office said â€œnoâ€\x9d.", "The mayor’s office said “no”."),
    ("Ticket prices rose to Â£12 â€“ a record.", "Ticket prices rose to £12 – a record."),
    (
        "Le cafÃ© de la gare a rouvert lundi Ã  Nantes.",
        "Le café de la gare a rouvert lundi à Nantes.",
    ),
    (
        "Die StraÃŸe bleibt bis MÃ¤rz gesperrt, sagte der BÃ¼rgermeister.",
        "Die Straße bleibt bis März gesperrt, sagte der Bürgermeister.",
    ),
    (
        "El alcalde dijo que la obra costarÃ¡ 2,3 millones de euros aÃ±o tras aÃ±o.",
        "El alcalde dijo que la obra costará 2,3 millones de euros año tras año.",
    ),
    (
        _mojibake("Siatkarki awansowały do I ligi, zdobywając łącznie 52 punkty."),
        "Siatkarki awansowały do I ligi, zdobywając łącznie 52 punkty.",
    ),
    (
        _mojibake("Суд обязал компанию выплатить 1,4 млн рублей."),
        "Суд обязал компанию выплатить 1,4 млн рублей.",
    ),
    (_mojibake("Το φεστιβάλ ξεκινά στις 7 Ιουλίου."), "Το φεστιβάλ ξεκινά στις 7 Ιουλίου."),
    (_mojibake("研究人员发现了一种新的树蛙。"), "研究人员发现了一种新的树蛙。"),
]


@pytest.mark.parametrize(("broken", "fixed"), REPAIRS)
def test_repairs_mojibake(broken: str, fixed: str) -> None:
    assert broken != fixed
    doc = fix_encoding(Document.from_text(broken))
    assert doc.text == fixed
    assert Flag.ENCODING_REPAIRED in doc.flags
    assert {edit.reason for edit in doc.edits} == {Reason.ENCODING}
    assert doc.restore() == broken


def test_repairs_only_the_broken_lines() -> None:
    page = (
        "Local nurse wins marathon at first attempt\n"
        "Anna Kowalczyk crossed the line in 2 hours 41 minutes.\n"
        "â€œI canâ€™t believe it,â€\x9d she said.\n"
        "Her coach said she had trained “every single morning”."
    )
    doc = fix_encoding(Document.from_text(page))
    lines = doc.text.split("\n")
    assert lines[2] == "“I can’t believe it,” she said."
    assert (
        lines[0] == page.split("\n")[0]
        and lines[1] == page.split("\n")[1]
        and lines[3] == page.split("\n")[3]
    )
    assert len(doc.edits) == 1
    assert doc.edits[0].removed == page.split("\n")[2]
    assert apply_edits(page, doc.edits) == doc.text
    assert doc.restore() == page


# Correct text that naive repairs would alter: none of it may change.
CORRECT = [
    "“We had no choice,” said the council’s highways chief.",
    "'Deep sense of betrayal'",
    "„To spełnienie marzeń” – powiedziała kapitan drużyny Żaneta Wójcik.",
    "« C'est un rêve », a déclaré la présidente de l'association, Hélène Marchand.",
    "Der Ausschuss tagte im Rathaus; Öffnungszeiten: Mo–Fr, 8–12 Uhr.",
    "¿Cuándo llegará la lluvia? «No antes del jueves», dijo la Aemet.",
    "Суд обязал управляющую компанию выплатить владельцу кафе 1,4 млн рублей.",
    "Η έναρξη θα γίνει στις 7 Ιουλίου με την «Αντιγόνη» του Σοφοκλή.",
    "研究人员在青岚山自然保护区发现一种此前未被记录的树蛙。",
    "全角文字ＡＢＣ１２３と半角ｶﾀｶﾅはそのまま。",
    "Fans celebrated 🎉🏆 after the 2–1 win — the first since 1998…",
    "Temperatures reached 44.6 °C, with ½ of stations above 40 °C.",
    "The word ﬁnance keeps its ligature, and café its precomposed é.",
    "Cafe\u0301 written with a combining accent stays decomposed.",
    "Ã is a letter in Portuguese names such as ÃO-style acronyms? No: SÃO PAULO stays.",
    "Prices: 5 € per adult, 3 € per child.",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_text_is_left_alone(text: str) -> None:
    doc = Document.from_text(text)
    out = fix_encoding(doc)
    assert out is doc
    assert out.flags == frozenset()


def test_page_without_mojibake_is_the_same_object() -> None:
    page = "\n".join(CORRECT)
    doc = Document.from_text(page)
    assert fix_encoding(doc) is doc


# Text that mixes ASCII, the characters the hint looks for, cp1252's continuation
# characters and text in other scripts.
_HINT_ALPHABET = st.one_of(
    st.sampled_from("aZ .\n’“”€™–—é"),
    st.characters(min_codepoint=0x80, max_codepoint=0xFF),
    st.characters(min_codepoint=0x100, max_codepoint=0x4FF),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
)


@given(st.text(_HINT_ALPHABET, max_size=60))
@settings(max_examples=400, deadline=None)
def test_the_precheck_never_hides_a_hint(text: str) -> None:
    # The pre-check only lets the hint's scan be skipped: it must pass every text the
    # scan would find something in.
    if MOJIBAKE_HINT.search(text):
        assert may_hold_mojibake(text)


@pytest.mark.parametrize(("broken", "fixed"), REPAIRS)
def test_the_precheck_passes_broken_lines_and_skips_their_repairs(broken: str, fixed: str) -> None:
    assert may_hold_mojibake(broken)
    # The repaired Russian, Greek and Chinese lines, and curly quotes, need no scan.
    if not any("\u0080" <= char <= "\u00ff" for char in fixed):
        assert not may_hold_mojibake(fixed)


def test_the_precheck_reads_a_long_page_in_pieces() -> None:
    page = "Ferries ran again on Tuesday.\n" * 40_000  # 1.2 M characters: two pieces
    assert not may_hold_mojibake(page)
    assert may_hold_mojibake(page + "The cafÃ© reopened.")


# Latin-1 text: ASCII, the C1 controls, the continuation and lead bytes, and the rest.
_LATIN1_ALPHABET = st.one_of(
    st.sampled_from("aZ .\né"),
    st.characters(min_codepoint=0x80, max_codepoint=0xFF),
)


@given(st.text(_LATIN1_ALPHABET, max_size=60))
@settings(max_examples=400, deadline=None)
def test_the_precheck_is_exact_on_text_within_latin1(text: str) -> None:
    # Pages in French, German or Spanish with straight quotes are all Latin-1: the
    # pre-check settles them without the scan, and must agree with it both ways.
    assert may_hold_mojibake(text) is (MOJIBAKE_HINT.search(text) is not None)


def test_the_precheck_finds_a_pair_split_between_two_pieces() -> None:
    piece = 1 << 20
    page = "a" * (piece - 1) + "Ã©" + "b" * 10  # the lead ends the first piece
    assert may_hold_mojibake(page)
    assert not may_hold_mojibake("a" * (piece - 1) + "é" + "b" * 10)
