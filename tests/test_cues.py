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
    "İLGİLİ HABERLER",
    "İlgili Haberler:",
    "HABERİ PAYLAŞ",
    "YORUMLAR",
    "Čtěte také",
    "Mest lästa",
    "الأكثر قراءة",
    "« اقرأ أيضاً »",
    "Cele mai citite",
    "CITEŞTE ŞI",
    "Legolvasottabb",
    "Tin liên quan",
    "Đọc nhiều nhất",
    "यह भी पढ़ें",
    "सबसे ज्यादा पढ़ी गई",
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


@pytest.mark.parametrize(
    "lang", [None, "en", "de", "fr", "ru", "el", "zh", "pl", "tr", "cs", "sv", "ar", "ro", "hu", "vi", "hi"]
)
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


# (page language, line as the page prints it, reason): Turkish lines in sentence case,
# title case and capitals, whose "i" and "ı" lower-case in other ways than the cue's.
TURKISH_CASES = [
    ("İlgili haberler", Reason.TEASER_HEADING),
    ("İlgili Haberler", Reason.TEASER_HEADING),
    ("İLGİLİ HABERLER", Reason.TEASER_HEADING),
    ("ilgili haberler", Reason.TEASER_HEADING),
    ("HABERİ PAYLAŞ", Reason.SHARE),
    ("Haberi Paylaş", Reason.SHARE),
    ("YORUMUNUZU YAZIN", Reason.COMMENTS),
    ("İçeriğe Geç", Reason.NAVIGATION),
    ("İLETİŞİM", Reason.FOOTER),
    ("Kasım ayında iletişim kuruldu.", None),
]


@pytest.mark.parametrize(("line", "reason"), TURKISH_CASES)
def test_turkish_cues_match_lines_in_capitals(line: str, reason: Reason | None) -> None:
    found = dict(cue_table("tr").whole_line_cues(["Yağmur yağdı.", line]))
    assert found.get(1) is reason


def test_turkish_prefix_cues_match_lines_in_capitals() -> None:
    table = cue_table("tr")
    assert table.prefix_scan is not None
    for line in ["İZLE: Açılış töreninden görüntüler", "İlgili Haber: Sahil yolu kapandı",
                 "İNTERNET SİTEMİZDE ÇEREZLER KULLANILMAKTADIR."]:
        match = table.prefix_scan.match("\n" + line.lower() + "\n")
        assert match is not None, line
    assert table.prefix_scan.match("\nizmir'de yağmur\n") is None


def test_the_dotted_capital_forms_are_turkish_only() -> None:
    # German has no dotted capital: its cues keep one form.
    # "\u0307": the combining dot above that `str.lower` gives "İ".
    assert "i\u0307mpressum" not in cue_table("de").exact and "impressum" in cue_table("de").exact
    assert "i\u0307letişim" in cue_table("tr").exact and "iletişim" in cue_table("tr").exact


def test_romanian_cues_also_take_the_cedilla_forms() -> None:
    """Older Romanian pages print ş and ţ (cedilla) for ș and ț (comma below)."""
    table = cue_table("ro")
    for comma, cedilla in [("politica de confidențialitate", "politica de confidenţialitate"),
                           ("distribuie pe facebook", "distribuie pe facebook"),
                           ("cele mai citite", "cele mai citite"), ("știri", "ştiri")]:
        assert table.exact[comma] is table.exact[cedilla]
    assert table.prefix_scan is not None
    assert table.prefix_scan.match("\nciteşte şi: festivalul recoltei\n") is not None
    # Other languages' cues keep one form.
    assert "ştiri" not in cue_table("it").exact
