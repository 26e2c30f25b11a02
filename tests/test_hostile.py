"""Hostile and odd text: every filter and the whole chain finish, lose nothing, and leave
correct text in every script as it is.

No timing here: `benchmarks/hostile_scaling.py` times the same inputs at 1x, 10x and 100x.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest

import newsclean
from newsclean import Document, Flag
from newsclean.chain import Chain, GuardHit, default_chain
from newsclean.config import Config
from newsclean.filters import FILTERS, fix_encoding

SENTENCE = "The council agreed on Monday to rebuild the harbour wall before the winter storms. "


def one_line_page(scale: float) -> str:
    """A 20 MB page on a single line."""
    return SENTENCE * int(20_000_000 * scale / len(SENTENCE))


def one_char_lines(scale: float) -> str:
    """A million one-character lines."""
    return "\n".join("abc.|»1 "[i % 8] for i in range(int(1_000_000 * scale)))


def boilerplate_no_spaces(scale: float) -> str:
    """100,000 repetitions of a boilerplate phrase without spaces, on one line."""
    return "Readmore:Sharethisarticle»Subscribe|" * int(100_000 * scale)


def boilerplate_lines(scale: float) -> str:
    """The same boilerplate lines over and over, each on its own line."""
    return "Share this article\nRead more: Council sets budget\nPhoto: Getty\n" * int(100_000 * scale)


def punctuation_run(scale: float) -> str:
    return "Storm warning" + "!?.…-–—|»«·•:;/()[]" * int(50_000 * scale) + "\nThe road is closed."


def combining_marks(scale: float) -> str:
    return "Zalgo e" + "\u0301\u0308\u0327" * int(300_000 * scale) + "\nThe road is closed."


def zero_width(scale: float) -> str:
    return "word\u200b\u200c\u200d\ufeff" * int(200_000 * scale)


def rtl_marks(scale: float) -> str:
    return "\u200f\u202b\u200e\u202c\u2067\u2069" * int(150_000 * scale) + "\nשלום עולם."


def lone_surrogates(scale: float) -> str:
    return "Broken \ud800 half \udfff pair.\n" * int(50_000 * scale)


def nul_bytes(scale: float) -> str:
    return ("\x00" * 1000 + "News\x00line\x00\n") * int(1_000 * scale)


def mojibake_line(scale: float) -> str:
    """One long line of UTF-8 read as Windows-1252, which the encoding repair must fix."""
    return "The mayorâ€™s cafÃ© said â€œnoâ€\x9d. " * int(30_000 * scale)


def credit_labels(scale: float) -> str:
    return "Photo: (AP Photo/" * int(100_000 * scale)


def byline_starts(scale: float) -> str:
    return "\nBy " * int(100_000 * scale)


def date_digits(scale: float) -> str:
    return "12 13/ 2022-" * int(100_000 * scale)


def menu_separators(scale: float) -> str:
    return "Home | News · Sport • " * int(100_000 * scale)


def blank_and_crlf(scale: float) -> str:
    return "\r\n\r\n\r" * int(300_000 * scale) + "Body.\n\n\n\n" * int(1000 * scale)


def long_word(scale: float) -> str:
    return "a" * int(5_000_000 * scale)


def spaces_in_a_line(scale: float) -> str:
    """A run of spaces inside a line, with a space at another line's start: hurts a
    pattern that backtracks over spaces. Kept short: see docs/reliability.md."""
    return "Headline\n  indented\nword" + " " * int(200 * scale) + "word\n"


def wire_caption_starts(scale: float) -> str:
    """Lines that open like a wire-service caption ("In this ..., photo") and never close."""
    line = "In this " + "Nov, " * 12 + "file photo " + "provided by the pier authority " * 3
    return (line + "\n") * int(50_000 * scale)


def agency_credits(scale: float) -> str:
    """One line of sentence ends each followed by an agency's slash ("... AP/"), 1 MB."""
    return "Rain fell. AP/x " * int(65_000 * scale)


def card_glues(scale: float) -> str:
    """One 1 MB line of words glued to the next ("RainFell"), every one a place where a
    teaser card's headline may meet its summary."""
    return "Rain Fell On The HarbourWall " * int(36_000 * scale)


def glued_cards(scale: float) -> str:
    """Lines that are all teaser cards whose headline runs into its summary."""
    line = "Storm Closes Coast Road For A WeekCrews will work day and night on the sea wall."
    return (line + "\n") * int(12_000 * scale)


def trailing_credits(scale: float) -> str:
    """Lines that all end in a credit with no label ("... Submitted photo"), some of them
    only the credit."""
    return ("Harbour Wall Submitted photo\nStaff photo\n" * int(25_000 * scale))


def comment_counts(scale: float) -> str:
    """Paragraphs each followed by a count of comments ("12 comments"): every count a
    comment cue, and the article filter looks for the lists they make."""
    line = "Ferries ran again on Tuesday after a week of storms kept them in port, the operator said."
    return "".join(f"{line}\n{k} comments\n" for k in range(int(25_000 * scale)))


def glued_credit_labels(scale: float) -> str:
    """Captions with a credit label glued to them ("... pierCredit: Harbour Trust"), and
    lines of glued labels whose credit is prose, which the scan for them walks past."""
    prose = "harbourPhoto: harbourPhoto: " * 40
    count = int(10_000 * scale)
    return "".join(f"Crews on pier {k} at dawnCredit: Harbour Trust\n{prose}\n" for k in range(count))


def glued_agency_credit(scale: float) -> str:
    """One 1 MB line of sentence ends glued to words, ending in an agency credit: every
    sentence end a place where a credit glued to the caption may start."""
    return "Rain.Fell." * int(100_000 * scale) + "Jane Doe / AP"


def named_bracket_credits(scale: float) -> str:
    """Captions that end in a bracket of names and an agency ("(Jane Doe/AP)")."""
    return "".join(f"Ferries wait at pier {k}. (Jane Doe/AP)\n" for k in range(int(25_000 * scale)))


HOSTILE: dict[str, Callable[[float], str]] = {
    f.__name__: f
    for f in (
        one_line_page, one_char_lines, boilerplate_no_spaces, boilerplate_lines,
        punctuation_run, combining_marks, zero_width, rtl_marks, lone_surrogates, nul_bytes,
        mojibake_line, credit_labels, byline_starts, date_digits, menu_separators,
        blank_and_crlf, long_word, spaces_in_a_line, wire_caption_starts, agency_credits,
        card_glues, glued_cards, trailing_credits, comment_counts, glued_credit_labels,
        glued_agency_credit, named_bracket_credits,
    )
}
"""Each hostile input, by name; `HOSTILE[name](1.0)` is the size the tests use."""


def undo_edits(doc: Document) -> str:
    """The input rebuilt from `doc.text` and its edit log, like `Document.restore()` but in
    one pass per run of ascending edits (one run per filter call), so it stays linear on
    documents with a hundred thousand edits; `restore()` itself is checked on smaller
    sizes below."""
    text = doc.text
    edits = list(doc.edits)
    end = len(edits)
    while end > 0:
        begin = end - 1
        while begin > 0 and edits[begin].start >= edits[begin - 1].start + len(edits[begin - 1].inserted):
            begin -= 1
        pieces: list[str] = []
        last = 0
        for edit in edits[begin:end]:
            pieces += [text[last : edit.start], edit.removed]
            last = edit.start + len(edit.inserted)
        pieces.append(text[last:])
        text = "".join(pieces)
        end = begin
    return text


def test_undo_edits_matches_restore() -> None:
    page = "Title here\n\n\n By  Jane Doe \nShare this article\nThe mayorâ€™s office said no.\n\n\n"
    doc = newsclean.clean(page)
    assert len(doc.edits) > 3
    assert undo_edits(doc) == doc.restore() == page


def spaces_and_controls_in_a_line(scale: float) -> str:
    """Blanks mixed with control characters inside a line: the line-end-space pattern of
    `normalize_whitespace` backtracks over them (cubic; see docs/reliability.md)."""
    return "Headline\n indented\nword" + " \x01" * int(300 * scale) + "word\n"


def header_title_separators(scale: float) -> str:
    """A page header whose title has many separators: `extract_title` builds every run of
    its parts (cubic; see docs/reliability.md)."""
    return "date 2023-01-01 " + "a|" * int(300 * scale) + "\nBody line one.\nBody line two."


SUPERLINEAR: dict[str, Callable[[float], str]] = {
    f.__name__: f for f in (spaces_and_controls_in_a_line, header_title_separators)
}
"""Hostile inputs on which a filter is known to be superlinear; kept small here until the
patterns are fixed, and timed by `benchmarks/hostile_scaling.py`."""


@pytest.mark.parametrize("name", sorted(SUPERLINEAR))
def test_superlinear_inputs_survive_at_small_size(name: str) -> None:
    text = SUPERLINEAR[name](1.0)
    assert newsclean.clean(text).restore() == text


@pytest.fixture(scope="module", params=sorted(HOSTILE))
def hostile(request: pytest.FixtureRequest) -> tuple[str, str]:
    name: str = request.param
    return name, HOSTILE[name](1.0)


def test_whole_chain_survives_and_loses_nothing(hostile: tuple[str, str]) -> None:
    name, text = hostile
    doc = newsclean.clean(text)
    assert undo_edits(doc) == text, f"{name}: the edit log must rebuild the input"
    assert Flag.GUARD_HIT not in doc.flags


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_filter_alone_survives_and_restores(name: str) -> None:
    text = HOSTILE[name](0.02)
    config = Config()
    for filter_name, step in FILTERS.items():
        doc = step(Document.from_text(text, lang="en"), config)
        assert doc.restore() == text, f"{name}: {filter_name} lost text"
    assert newsclean.clean(text).restore() == text


def test_nul_bytes_and_controls_are_dropped_but_logged() -> None:
    doc = newsclean.clean("Storm\x00 hits\x07 the coast on Monday night.\nRoads were closed by noon.")
    assert "\x00" not in doc.text and "\x07" not in doc.text
    assert "Roads were closed by noon." in doc.text


SCRIPTS = {
    "zh": "国家统计局周一公布，十月份工业产出同比增长百分之四。分析人士表示，这一数字高于预期。",
    "ja": "気象庁によると、台風は月曜日の夜に九州南部に上陸する見込みです。"
          "住民は早めの避難を求められています。",
    "ko": "정부는 월요일 새로운 주택 정책을 발표했다. 전문가들은 집값이 안정될 것으로 내다봤다.",
    "ar": "قال المجلس البلدي يوم الاثنين إن أعمال ترميم الميناء ستبدأ في أبريل. وأضاف أن التكلفة ستبلغ أربعة ملايين.",  # noqa: E501
    "he": "מועצת העיר הודיעה ביום שני כי עבודות השיפוץ בנמל יתחילו באפריל. העלות צפויה להגיע לארבעה מיליון.",
    "hi": "नगर परिषद ने सोमवार को कहा कि बंदरगाह की दीवार की मरम्मत अप्रैल में शुरू होगी। इस पर चार करोड़ रुपये खर्च होंगे।",
    "th": "สภาเมืองประกาศเมื่อวันจันทร์ว่าการซ่อมแซมกำแพงท่าเรือจะเริ่มในเดือนเมษายน ค่าใช้จ่ายประมาณสี่ล้านบาท",
    "el": "Το δημοτικό συμβούλιο ανακοίνωσε τη Δευτέρα ότι οι εργασίες στο λιμάνι θα ξεκινήσουν τον Απρίλιο.",
    "ru": "Городской совет в понедельник объявил, что ремонт стены гавани начнётся в апреле и обойдётся в четыре миллиона.",  # noqa: E501
    "emoji": "Fans cheered 👍🏽 and waved 🏳️‍🌈 flags; the family 👨‍👩‍👧‍👦 watched from the pier 🇬🇧.",
    "mixed": "Café “Über” — naïve coöperation, ½ price, €5, ＡＢＣ, ﬁne, Ω, ‘quotes’ and «guillemets».",
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_correct_text_in_every_script_is_untouched(script: str) -> None:
    sentence = SCRIPTS[script]
    page = f"{sentence}\n\n{sentence} {sentence}"
    original = Document.from_text(page)
    assert fix_encoding(original) is original, f"{script}: correct text must not be repaired"
    for step in ("normalize_whitespace", "tidy_blank_lines"):
        assert FILTERS[step](Document.from_text(page), Config()).text == page
    cleaned = newsclean.clean(page)
    for line in cleaned.paragraphs:
        assert line in page.split("\n"), f"{script}: a kept line was changed: {line!r}"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("The mayorâ€™s office said â€œnoâ€\x9d.", "The mayor’s office said “no”."),
        ("Ã©tÃ© Ã  Paris, cafÃ© crÃ¨me", "été à Paris, café crème"),
        ("Привет, мир".encode().decode("cp1252"), "Привет, мир"),
        ("Ã¼ber die StraÃŸe", "über die Straße"),
        ("æ—¥æœ¬èªž", "日本語"),
    ],
)
def test_encoding_repair_changes_only_the_broken_line(broken: str, fixed: str) -> None:
    correct = "Correct “curly” text, naïve café, Ω, 漢字, Москва, 👨‍👩‍👧."
    page = f"{correct}\n{broken}\n{correct}"
    doc = fix_encoding(Document.from_text(page))
    assert doc.text == f"{correct}\n{fixed}\n{correct}"
    assert [(e.removed, e.inserted) for e in doc.edits] == [(broken, fixed)]
    assert Flag.ENCODING_REPAIRED in doc.flags
    assert doc.restore() == page


def _times_out(doc: Document, config: Config) -> Document:
    raise TimeoutError("regex timed out")


def _guard(doc: Document, config: Config) -> Document:
    raise GuardHit("pattern guard")


@pytest.mark.parametrize("failing", [_times_out, _guard])
def test_guard_flags_and_passes_the_document_through(failing: Callable[[Document, Config], Document]) -> None:
    page = "Storm closes coast road\nListen to this article\nThe road closed at dawn after the storm."
    chain = default_chain()
    guarded = chain.with_filter(failing, after="normalize_whitespace")
    doc = guarded(Document.from_text(page))
    assert Flag.GUARD_HIT in doc.flags
    assert doc.text == page, "from the guarded filter on, the document passes unchanged"
    assert doc.restore() == page
    assert Flag.GUARD_HIT not in chain(Document.from_text(page)).flags


def test_guard_catches_the_regex_package_timeout() -> None:
    import regex

    def catastrophic(doc: Document, config: Config) -> Document:
        regex.search(r"(?:a|aa)+$", doc.text, timeout=0.05)  # exponential on "aaa...!"
        return doc

    page = "a" * 60 + "!"
    doc = Chain([FILTERS["normalize_whitespace"], catastrophic])(Document.from_text(page))
    assert doc.flags == frozenset({Flag.GUARD_HIT})
    assert attrs.evolve(doc, flags=frozenset()) == Document.from_text(page)
