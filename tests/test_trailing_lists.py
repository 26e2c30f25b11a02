# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""Lists that end an article (`newsclean.trailing_lists`): kept with the article the
model chose when they are built on one pattern and introduced by a short heading, or
continue a pattern of the article; teaser lists after an article still go."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.trailing_lists import item_shape, trailing_list

TOUR_ARTICLE = [
    "Harbour Lights will return to the road this summer for their first tour in ten years, the band confirmed on Monday night at the end of a sold-out show in Port Maren.",
    "Singer Tomas Lindqvist told the crowd that the band had spent the winter rehearsing in an old boathouse on the river, and that the new songs were the best they had written.",
    "The 24-date run opens in June in Millbrook and closes in September in Kellbach, with a hometown show at the harbour amphitheatre in August.",
    "Tickets go on sale to the general public on Friday at ten o'clock, with a presale for members of the fan club on Wednesday.",
    "\"We never stopped being friends, we just needed some time,\" Lindqvist said. \"Now we want to play every song people ask for.\"",
]
TOUR_DATES = [
    "Harbour Lights tour dates",
    "June 4 – Millbrook, Riverside Hall",
    "June 6 – Ashford Vale, The Granary",
    "June 9 – Northgate, Civic Theatre",
    "June 12 – Low Cross, Market Square",
    "June 15 – Eastside, The Old Mill",
    "August 23 – Port Maren, Harbour Amphitheatre",
    "September 2 – Kellbach, Stadthalle",
]
TOUR_PAGE = "\n".join(
    [
        "Harbour Lights announce first tour in a decade | Coastline Music",
        "Home", "News", "Reviews", "Tours", "Newsletter",
        "Harbour Lights announce first tour in a decade",
        "By Nadia Brennan",
        "12 March 2024, 09:15",
        "Share this article",
        *TOUR_ARTICLE,
        *TOUR_DATES,
        "Most read",
        "Council approves new ferry timetable",
        "Storm closes coast road for second day",
        "Contact us", "Privacy policy", "© 2024 Coastline Music",
    ]
)  # fmt: skip

GERMAN_ARTICLE = [
    "Die Band Nordlicht geht im Sommer zum ersten Mal seit zehn Jahren wieder auf Tournee, wie Sängerin Lena Achterberg am Montagabend in Kellbach ankündigte.",
    "Die Musiker hatten den Winter über in einer alten Scheune am Fluss geprobt und dabei nach eigenen Angaben ein ganzes Album neu geschrieben.",
    "Der Vorverkauf beginnt am Freitag um zehn Uhr, Mitglieder des Fanclubs können schon am Mittwoch Karten kaufen.",
    "„Wir wollen jedes Lied spielen, das sich die Leute wünschen“, sagte Achterberg nach dem Konzert.",
]
GERMAN_DATES = [
    "Die Termine der Tournee:",
    "4. Juni – Hamburg, Stadtpark",
    "6. Juni – Bremen, Pier 2",
    "9. Juni – Hannover, Capitol",
    "12. Juni – Kassel, Nordstadtpark",
    "15. Juni – Kellbach, Stadthalle",
]
GERMAN_PAGE = "\n".join(
    [
        "Nordlicht gehen wieder auf Tournee | Kulturspiegel",
        "Startseite", "Politik", "Kultur", "Sport",
        "Nordlicht gehen wieder auf Tournee",
        "Von Hanna Stein",
        "12.03.2024, 09:15 Uhr",
        "Artikel teilen",
        *GERMAN_ARTICLE,
        *GERMAN_DATES,
        "Mehr zum Thema",
        "Stadtrat beschließt neuen Fährplan",
        "Sturm sperrt Küstenstraße",
        "Impressum", "Datenschutz",
    ]
)  # fmt: skip

INTERVIEW_ARTICLE = [
    "Amira Okafor took over as head of the regional water board in January, after twelve years running its laboratories.",
    "We asked her about the summer ahead, the new reservoir and what keeps her up at night.",
    "Q: What is the biggest job on your desk this year?",
    "A: Finishing the reservoir at Ashford Vale before the summer, so that no town has to ration water again.",
    "Q: How do you decide which pipes to replace first?",
    "A: We measure leaks street by street, and the streets that lose the most water come first, whatever the cost.",
    "Q: What surprised you most about the new job?",
    "A: How many people write to us, and how many of them have a good idea we had not thought of.",
    "Now for a few quick ones.",
]
QUICK_FIRE = [
    "Q: Favourite walk?",
    "A: The cliff path from Low Cross to the lighthouse",
    "Q: Last book you read?",
    "A: A history of the canals of the north",
    "Q: Tea or coffee?",
    "A: Tea, always",
]
INTERVIEW_PAGE = "\n".join(
    [
        "Five minutes with the head of the water board | Vale Courier",
        "Home", "News", "Business", "Sport",
        "Five minutes with the head of the water board",
        "By Grace Barnes",
        *INTERVIEW_ARTICLE,
        *QUICK_FIRE,
        "Share this article",
        "Contact us", "Privacy policy",
    ]
)  # fmt: skip

TEASER_PAGE = "\n".join(
    [
        "Harbour Lights announce first tour in a decade | Coastline Music",
        "Home", "News", "Reviews", "Tours",
        "Harbour Lights announce first tour in a decade",
        *TOUR_ARTICLE,
        "More from Music",
        "Reviews – The Granary reopens with a night of folk",
        "Interviews – Five questions for the new conductor",
        "Festivals – Harbour weekend adds a second stage",
        "Charts – A quiet week at the top",
        "Contact us", "Privacy policy",
    ]
)  # fmt: skip


@pytest.mark.parametrize(
    ("page", "article", "listed"),
    [
        (TOUR_PAGE, TOUR_ARTICLE, TOUR_DATES),
        (GERMAN_PAGE, GERMAN_ARTICLE, GERMAN_DATES),
        (INTERVIEW_PAGE, INTERVIEW_ARTICLE, QUICK_FIRE),
    ],
    ids=["tour-dates-en", "tour-dates-de", "interview-en"],
)
def test_a_list_that_ends_the_article_is_kept_with_it(page: str, article: list[str], listed: list[str]) -> None:
    doc = newsclean.clean(page)
    assert doc.paragraphs == article + listed
    assert newsclean.clean(doc.text).text == doc.text


def test_a_teaser_list_after_the_article_still_goes() -> None:
    doc = newsclean.clean(TEASER_PAGE)
    assert doc.paragraphs == TOUR_ARTICLE


def test_the_model_alone_cuts_the_tour_dates() -> None:
    """What the rule is for: without it the article model keeps the article and drops
    its list (the page's lines as the model sees them, after the rules)."""
    lines = [*TOUR_ARTICLE, *TOUR_DATES, "Council approves new ferry timetable"]
    indices = list(range(len(lines)))
    kept = newsclean.filters.article.settle(lines, indices, "en", None)
    assert kept == list(range(len(TOUR_ARTICLE)))
    assert trailing_list(lines, indices, kept, "en") == list(range(len(TOUR_ARTICLE), len(TOUR_ARTICLE) + len(TOUR_DATES)))


@pytest.mark.parametrize(
    ("after", "why"),
    [
        (["Tour dates", "June 4 – Millbrook", "June 6 – Northgate", "June 9 – Eastside"], "three items only"),
        (["TOUR DATES", "June 4 – Millbrook", "June 6 – Northgate", "June 9 – Eastside", "June 12 – Kellbach"], "a shouted heading"),
        (["Most read in Music", "Reviews – A night of folk", "Charts – A quiet week", "Festivals – A second stage", "Interviews – The conductor"], "a teaser heading"),
        (["The band said the tour would be its last.", "June 4 – Millbrook", "June 6 – Northgate", "June 9 – Eastside", "June 12 – Kellbach"], "a sentence, not a heading"),
        (["June 4 – Millbrook", "June 6 – Northgate", "June 9 – Eastside", "June 12 – Kellbach"], "no heading, and the article has no such lines"),
        (["Tour dates", "June 4 – Millbrook", "June 6: Northgate", "June 9 – Eastside", "June 12 – Kellbach"], "items on two patterns"),
    ],
)
def test_no_list_is_taken(after: list[str], why: str) -> None:
    lines = [*TOUR_ARTICLE, *after]
    assert trailing_list(lines, list(range(len(lines))), list(range(len(TOUR_ARTICLE))), "en") == [], why


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("Москва – Тверь: 6:40, 9:15, 18:20", ("–", "москва")),
        ("Anglia (grupa A): dziesiąty występ", ("(", "anglia")),
        ("时间：6月4日 20:00", ("：", "时间")),
        ("对这种现象，医生解释说：“这个城市的居民普遍热爱自己的工作，他们每天很早出门，很晚才回家，周末也常常加班，所以很少有时间陪伴家人和朋友，也很少去公园散步。”", None),
        ("Path B -- Slovakia, Northern Ireland", ("--", "path b")),
        ("Dit is gewoon een zin, zonder meer.", None),
        ("well-known long-running arts-festival", None),
        ("Q:", None),
    ],
)
def test_item_shapes(line: str, shape: tuple[str, str] | None) -> None:
    assert item_shape(line) == shape
