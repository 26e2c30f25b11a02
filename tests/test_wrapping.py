"""Hard-wrapped dumps (`newsclean.wrapping`, joined by `normalize_whitespace`): a text
browser's or html2text's page, every paragraph broken at a fixed width, cleans as the
same page with one line per paragraph does; pages that are not wrapped are left alone."""

from __future__ import annotations

import textwrap

import pytest

from newsclean import Config, Reason, clean
from newsclean.wrapping import hard_wrap_spans, wrap_width

MENU = ["Harbour Gazette", "Home", "News", "Sport", "Weather", "Letters", "Sign in"]
FOOTER = ["Contact us", "Privacy policy", "Cookie settings", "© 2024 Harbour Gazette"]

ENGLISH = [
    "The county council agreed on Monday to spend four million pounds on repairs to the "
    "harbour wall, which the storms of last winter breached in two places and which has "
    "been closed to walkers since February.",
    "Engineers told the meeting that the work would start in March, once the fishing fleet "
    "had moved to its summer moorings, and that the wall would be rebuilt in stone rather "
    "than concrete, as residents had asked in a petition signed by more than three thousand "
    "people.",
    "The leader of the council said the money would come from the reserves set aside for "
    "flood defences, and that no other project would be delayed. Opposition members asked "
    "why the repairs had taken so long to agree, and whether the new wall would be high "
    "enough to withstand the storms that forecasters expect to become more frequent.",
    "Fishermen who use the harbour welcomed the decision but said they had lost weeks of "
    "work while the damaged section was fenced off, and asked the council to consider "
    "compensation for the boats that could not land their catch in the town.",
]
RUSSIAN = [
    "Городской совет в понедельник утвердил план ремонта набережной, которую зимние штормы "
    "разрушили в двух местах, и выделил на работы средства из резервного фонда, который "
    "создавался для защиты от наводнений.",
    "По словам инженеров, работы начнутся в марте, когда рыболовецкие суда уйдут на летние "
    "стоянки, а стена будет восстановлена из камня, как и просили жители в петиции, которую "
    "подписали более трёх тысяч человек.",
    "Рыбаки, которые пользуются гаванью, поддержали решение, но напомнили, что потеряли "
    "несколько недель работы, пока повреждённый участок был закрыт, и попросили совет "
    "подумать о компенсации для тех, кто не мог выгружать улов в городе.",
]
GERMAN = [
    "Der Stadtrat hat am Montag beschlossen, vier Millionen Euro für die Reparatur der "
    "Hafenmauer auszugeben, die die Stürme des vergangenen Winters an zwei Stellen "
    "durchbrochen haben und die seit Februar für Spaziergänger gesperrt ist.",
    "Die Ingenieure sagten in der Sitzung, die Arbeiten würden im März beginnen, sobald die "
    "Fischereiflotte an ihre Sommerliegeplätze umgezogen sei, und die Mauer werde aus Stein "
    "statt aus Beton wieder aufgebaut, wie es die Anwohner in einer Petition verlangt hatten.",
    "Die Fischer, die den Hafen nutzen, begrüßten die Entscheidung, sagten aber, sie hätten "
    "wochenlang nicht arbeiten können, solange der beschädigte Abschnitt abgesperrt war, und "
    "baten den Rat, eine Entschädigung für die Boote zu prüfen.",
]


def page(paragraphs: list[str], title: str, width: int | None) -> str:
    """A page dump: menu, headline, paragraphs (each wrapped at `width`, or one line each)
    with a blank line between blocks, as html2text writes them, then the footer."""
    blocks = [*MENU, title, *paragraphs, *FOOTER]
    wrapped = ["\n".join(textwrap.wrap(block, width)) if width else block for block in blocks]
    return "\n\n".join(wrapped)


@pytest.mark.parametrize(
    ("paragraphs", "title"),
    [(ENGLISH, "Harbour wall to be rebuilt in stone"), (RUSSIAN, "Набережную отремонтируют к лету"),
     (GERMAN, "Hafenmauer wird aus Stein neu gebaut")],
    ids=["en", "ru", "de"],
)
@pytest.mark.parametrize("width", [72, 78, 80])
def test_a_hard_wrapped_page_cleans_as_the_page_it_was_wrapped_from(
    paragraphs: list[str], title: str, width: int
) -> None:
    wrapped = page(paragraphs, title, width)
    doc = clean(wrapped)
    assert doc.text == clean(page(paragraphs, title, None)).text
    assert [line for line in doc.text.split("\n") if line] == paragraphs
    assert doc.removed_by(Reason.HARD_WRAP)  # each join is an edit of its own
    assert set(doc.removed_by(Reason.HARD_WRAP)) == {"\n"}
    assert doc.restore() == wrapped
    assert clean(doc.text).text == doc.text


def test_without_the_joins_a_wrapped_page_loses_its_article() -> None:
    """What the joins are for: the same page's lines, each read as a block of its own,
    look like a menu to the article model."""
    wrapped = page(ENGLISH, "Harbour wall to be rebuilt in stone", 78)
    assert wrap_width(wrapped.split("\n")) == 78
    whole = clean(page(ENGLISH, "Harbour wall to be rebuilt in stone", None)).text
    assert len(clean(wrapped).text) >= 0.95 * len(whole)


@pytest.mark.parametrize(
    "lines",
    [
        # one line per paragraph, short paragraphs: no line ends at a common width
        [*MENU, *(sentence + "." for paragraph in ENGLISH for sentence in paragraph.split(". "))],
        # the same sentence again and again: one length, and every line starts a sentence
        ["The council met on Monday and agreed to repair the harbour wall before winter."] * 12,
        # a menu and a list of headlines
        [*MENU, *(f"Storm closes coast road for the {n}th time this winter, police say" for n in range(12))],
        # headlines of nearly one length, each line a new item (in upper case)
        [f"Council agrees harbour repairs as storms close road number {n:02d} again" for n in range(12)],
    ],
    ids=["short-paragraphs", "one-sentence", "menu-and-teasers", "headlines"],
)
def test_pages_that_are_not_wrapped_are_left_alone(lines: list[str]) -> None:
    assert wrap_width(lines) is None
    assert hard_wrap_spans(lines) == []
    assert not clean("\n".join(lines)).removed_by(Reason.HARD_WRAP)


def test_a_script_without_case_is_left_wrapped() -> None:
    """Whether a break is mid-sentence is told by a lower-case continuation: Arabic has no
    case, so a wrapped Arabic page stays as it is (a documented limit)."""
    paragraph = ("وافق المجلس البلدي يوم الاثنين على إنفاق أربعة ملايين على إصلاح سور الميناء الذي "
                 "دمرته العواصف في الشتاء الماضي ") * 6
    lines = textwrap.wrap(paragraph, 72)
    assert len(lines) >= 8
    assert wrap_width(lines) is None


def test_only_the_wrappers_breaks_are_joined() -> None:
    """A short line (a heading, the end of a paragraph) keeps the break after it: the next
    word would have fit."""
    lines = [*textwrap.wrap(ENGLISH[0] + " " + ENGLISH[1], 78), "Repairs", *textwrap.wrap(ENGLISH[2], 78)]
    text = "\n".join(lines)
    joined = {text[:start].count("\n") for start, _, _, _ in hard_wrap_spans(lines)}
    heading = lines.index("Repairs")
    assert heading - 1 not in joined and heading not in joined
    assert len(joined) == len(lines) - 3  # every other break


def test_the_joins_can_be_turned_off() -> None:
    wrapped = page(ENGLISH, "Harbour wall to be rebuilt in stone", 78)
    doc = clean(wrapped, config=Config(join_hard_wraps=False))
    assert not doc.removed_by(Reason.HARD_WRAP)
    assert all(len(line) <= 78 for line in doc.text.split("\n"))
