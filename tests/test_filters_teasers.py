# ruff: noqa: E501  (realistic page lines in test tables stay whole)
"""`remove_teaser_lists`: a teaser heading ("More Latest News", "Most read", "Related") and
the list of other articles' headlines under it go; the article around it stays."""

from __future__ import annotations

import pytest

from newsclean import Config, Document, Reason, default_chain
from newsclean.filters import remove_teaser_lists

# (page language, article lines, heading, headline lines)
LISTS = [
    (
        "en",
        [
            "Sentencing him, Judge Michael Ellery said the offences had been persistent.",
            "A hearing will take place in February.",
        ],
        "More Latest News",
        [
            "Man charged after Westmoor bypass crash that left two injured",
            "Police tape at a crime scene",
            "Ashcombe primary school rated outstanding for first time",
            "Westmoor market traders protest over rent rise",
        ],
    ),
    (
        "en",
        [
            "The dragonfly was last recorded at the marshes in 1983.",
            "Volunteers will count the insects again next summer.",
        ],
        "Most read",
        [
            "Heatwave warning extended to Friday",
            "Rail strike: What you need to know this week",
            "Council approves new car park charges",
        ],
    ),
    (
        "en",
        [
            "The ferry service will run on the winter timetable from Monday.",
            "Passengers are asked to check times before they travel.",
        ],
        "Related links:",
        [
            "Harbour wall repairs to finish in spring",
            "New terminal building opens at Port Maren",
            "Island residents win fight over fares",
        ],
    ),
    (
        "de",
        [
            "Die Gewerkschaft kündigte an, die Lage genau zu beobachten.",
            "Die Kurzarbeit soll zunächst bis März dauern.",
        ],
        "Meistgelesen",
        [
            "Neue Parkgebühren in der Innenstadt",
            "Stadtwerke erhöhen die Gaspreise",
            "Hohenfeld bekommt einen zweiten Bahnhof",
        ],
    ),
    (
        "fr",
        [
            "Le festival a déjà vendu ses 6 000 billets.",
            "La prochaine édition aura lieu en juillet 2024.",
        ],
        "Sur le même sujet",
        [
            "Les travaux du pont de la Roche reprennent lundi",
            "Un nouveau directeur pour le conservatoire",
            "La piscine municipale fermée pour l'été",
        ],
    ),
    (
        "es",
        [
            "La Aemet prevé que las temperaturas bajen a partir del jueves.",
            "El récord anterior era de 43,9 grados.",
        ],
        "Noticias relacionadas",
        [
            "Almarza activa el plan de emergencia por calor",
            "Cortes de agua en tres barrios este fin de semana",
            "Abre la nueva biblioteca municipal",
        ],
    ),
    (
        "ru",
        [
            "Решение суда может быть обжаловано в течение месяца.",
            "Представители компании от комментариев отказались.",
        ],
        "Читайте также",
        [
            "В Заречье открыли новый мост через реку",
            "Цены на проезд вырастут с января",
            "Школы переходят на дистанционное обучение",
        ],
    ),
    (
        "pl",
        [
            "Trener podziękował kibicom za wsparcie przez cały sezon.",
            "Pierwszy mecz w I lidze drużyna zagra we wrześniu.",
        ],
        "Najczęściej czytane",
        [
            "Nowy basen w Borowicach otwarty",
            "Remont ulicy Leśnej potrwa do jesieni",
            "Burmistrz zapowiada obniżkę podatków",
        ],
    ),
    (
        "el",
        ["Τα εισιτήρια διατίθενται ήδη ηλεκτρονικά.", "Η πρεμιέρα θα γίνει στις 7 Ιουλίου."],
        "Σχετικές ειδήσεις",
        [
            "Κλειστός ο παραλιακός δρόμος για έργα",
            "Νέο πάρκο στην κεντρική πλατεία",
            "Αυξάνονται τα δρομολόγια των λεωφορείων",
        ],
    ),
    (
        "zh",
        ["保护区管理局表示，将在这一区域增加监测设备。", "研究团队计划明年继续开展调查。"],
        "相关新闻",
        ["南岭地区今年入汛时间偏早", "城市公园里的鸟类越来越多了", "中学生科技创新大赛决赛开幕"],
    ),
    # Blocks of sponsored links are lists of other pages' headlines too.
    (
        "en",
        [
            "The bridge will stay closed to lorries until the repairs are finished.",
            "Cars and buses can still cross at walking pace.",
        ],
        "Promoted stories",
        [
            "Homeowners are switching to this clever heating trick",
            "The 10 best-rated hotels near Lake Orva this season",
            "Doctors surprised by this simple morning habit",
        ],
    ),
    (
        "el",
        [
            "Η συνεδρίαση του δημοτικού συμβουλίου θα γίνει την Πέμπτη.",
            "Οι πολίτες μπορούν να την παρακολουθήσουν ζωντανά.",
        ],
        "Σύνδεσμοι χορηγών",
        [
            "Κερδίστε ένα ταξίδι για δύο στη Σαντορίνη",
            "Οδοντιατρικά εμφυτεύματα με δόσεις - Ζητήστε προσφορά",
            "Μάθετε αγγλικά σε τρεις μήνες",
        ],
    ),
    (
        "ru",
        [
            "Движение по мосту откроют после окончания ремонта.",
            "Автобусы пустят в объезд через улицу Лесную.",
        ],
        "Новости партнёров",
        [
            "Врачи назвали продукт, который продлевает жизнь",
            "Как снизить платёж по ипотеке: советы экспертов",
            "Пять городов, куда стоит поехать зимой",
        ],
    ),
    (
        "pl",
        [
            "Prace na moście potrwają do końca października.",
            "Autobusy pojadą objazdem przez ulicę Polną.",
        ],
        "Linki sponsorowane",
        [
            "Kredyt gotówkowy bez zaświadczeń - sprawdź ofertę",
            "Tanie loty do Grecji od 99 zł",
            "Ten prosty trik obniży rachunki za prąd",
        ],
    ),
    (
        "zh",
        ["市交通局表示，大桥维修期间将增开两条公交线路。", "预计维修工程将在年底前完成。"],
        "推广链接",
        ["三个月学会英语口语", "新款智能手表限时优惠", "海岛度假套餐特价预订"],
    ),
]


@pytest.mark.parametrize(("lang", "article", "heading", "headlines"), LISTS)
def test_teaser_list_at_the_end_goes(
    lang: str, article: list[str], heading: str, headlines: list[str]
) -> None:
    page = "\n".join([*article, heading, *headlines])
    doc = remove_teaser_lists(Document.from_text(page, lang=lang))
    assert doc.paragraphs == article
    assert "".join(doc.removed_by(Reason.TEASER_HEADING)).strip() == heading
    removed = [line for text in doc.removed_by(Reason.TEASER_LIST) for line in text.split("\n") if line]
    assert removed == headlines
    assert doc.restore() == page


@pytest.mark.parametrize(
    ("lang", "article", "heading", "headlines"),
    LISTS,
)
def test_teaser_list_in_the_middle_ends_where_the_article_resumes(
    lang: str, article: list[str], heading: str, headlines: list[str]
) -> None:
    more = {
        "zh": [
            "林晓峰说，目前团队只在保护区内三条溪流附近发现了这种树蛙，数量估计不超过五百只。",
            "由于分布范围很小，研究人员建议将其列为需要重点关注的物种之一。",
        ],
    }.get(
        lang,
        [
            "The committee will meet again next month to decide on the next steps for the project.",
            "Residents who want to comment on the plans can do so until the end of the month online.",
        ],
    )
    page = "\n".join([article[0], heading, *headlines, *more, article[1]])
    doc = remove_teaser_lists(Document.from_text(page, lang=lang))
    assert doc.paragraphs == [article[0], *more, article[1]]


def test_teaser_stop_run() -> None:
    p1, p2, p3, p4, p5 = (
        f"The committee will meet again in {month} to decide on the next steps for the project."
        for month in ("May", "June", "July", "August", "September")
    )
    page = "\n".join(
        [
            "Rain fell all day.",
            "Most read",
            "Council sets budget",
            p1,
            p2,
            "Storm closes roads",
            p3,
            p4,
            p5,
        ]
    )
    default = remove_teaser_lists(Document.from_text(page, lang="en"))
    assert default.paragraphs == ["Rain fell all day.", p1, p2, "Storm closes roads", p3, p4, p5]
    longer = remove_teaser_lists(Document.from_text(page, lang="en"), Config(teaser_stop_run=3))
    assert longer.paragraphs == ["Rain fell all day.", p3, p4, p5]


def test_a_sponsored_article_under_its_label_keeps_its_paragraphs() -> None:
    """"Sponsored content" also labels an advertorial: the list it heads ends where the
    page's headline stands, or at the first paragraphs, and the article stays."""
    paragraphs = [
        "Winter bills are landing on doormats across the county, and many households want to cut them.",
        "Turning the thermostat down by one degree can save up to £100 a year, the trust says.",
        "Draught-proofing doors and windows is one of the cheapest ways to keep heat in.",
    ]
    body = ["Home", "News", "Sponsored content", "Five ways to save on your energy bills",
            "In partnership with Northgrid Energy", *paragraphs, "Privacy policy"]  # fmt: skip
    header = "date 2024-03-02 Five ways to save on your energy bills - Harbour News"
    for page in ("\n".join([header, *body]), "\n".join(body)):
        doc = default_chain()(Document.from_text(page))
        assert doc.paragraphs[-3:] == paragraphs
        assert "".join(doc.removed_by(Reason.TEASER_HEADING)).strip() == "Sponsored content"


# Pages where a heading-like line is part of the article.
KEEP = [
    (
        "en",
        "The council published its plans on Monday.\nWhat happens next\nA consultation opens in May and runs for six weeks.",
    ),
    ("en", "Related to the budget, the council also set parking charges.\nThey rise in April."),
    (
        "de",
        "Der Rat hat am Montag getagt.\nWie es weitergeht\nDie Bürger können bis Mai Stellung nehmen.",
    ),
    ("zh", "研究团队录下了树蛙的叫声。\n叫声也与众不同\n其频率和节奏都与相近物种不同。"),
]


@pytest.mark.parametrize(("lang", "page"), KEEP)
def test_pages_without_teaser_heading_are_the_same_object(lang: str, page: str) -> None:
    doc = Document.from_text(page, lang=lang)
    assert remove_teaser_lists(doc) is doc


def test_a_list_above_the_headline_ends_where_the_headline_stood() -> None:
    # The site's "Latest" box runs straight into the article, whose first paragraphs
    # lack final stops (as scraped pages often do): the headline, taken out by
    # `extract_title`, still marks where the list ends and the article starts.
    from newsclean.filters import extract_title

    article = [
        "The county council has paid the £4.2m needed to buy back the harbour from its private owners",
        "This has freed the way for the ferry company to return next spring",
        "The harbour master said the first sailings would run to the islands in April, weather permitting.",
    ]
    page = "\n".join(
        [
            "Council buys back harbour for £4.2m - Westmoor Gazette",
            "Latest",
            "Local News",
            "Sport",
            "Council buys back harbour for £4.2m",
            *article,
        ]
    )
    doc = remove_teaser_lists(extract_title(Document.from_text(page, lang="en")))
    assert doc.text.split("\n") == article
    assert [edit.removed for edit in doc.edits if edit.reason is Reason.TEASER_LIST] == ["Local News\nSport\n"]


def test_without_a_headline_the_list_runs_on_until_prose() -> None:
    page = "\n".join(
        [
            "Latest",
            "Local News",
            "Council buys back harbour for £4.2m",
            "The harbour master said the first sailings would run to the islands in April, weather permitting.",
            "Ferry tickets go on sale in January, the company said on its website.",
        ]
    )
    doc = remove_teaser_lists(Document.from_text(page, lang="en"))
    assert doc.text.split("\n") == page.split("\n")[3:]


GLUED_CARDS = [
    "Westmoor Harriers Win County Cross-Country TitleThe club's senior women took gold for the first time since 2004.",
    "Is The New Bypass Worth The Wait?Drivers say the road has cut their commute by ten minutes, but residents disagree.",
    "The 5 Best Fish And Chip Shops In WestmoorWe asked readers where to find the crispiest batter in town this winter.",
]
GLUED_ARTICLE = [
    "Westmoor council has approved new charges for its town-centre car parks, starting in April.",
    "Drivers will pay £1.20 an hour, up from 90p, the first rise in six years.",
    "Councillor Jane Price said the money would pay for repairs to the multi-storey car park.",
    "The new charges will be reviewed after twelve months, she said.",
]


def test_teaser_cards_with_a_headline_run_into_the_summary_go() -> None:
    """Cards whose Title Case headline meets its summary with no space between (text taken
    from a card's separate headline and summary boxes) go, with no heading above them."""
    page = "\n".join([*GLUED_ARTICLE[:2], *GLUED_CARDS, *GLUED_ARTICLE[2:]])
    doc = remove_teaser_lists(Document.from_text(page, lang="en"))
    assert doc.paragraphs == GLUED_ARTICLE
    assert doc.removed_by(Reason.TEASER_LIST) == ["\n".join(GLUED_CARDS) + "\n"]


def test_one_glued_line_alone_stays() -> None:
    """One glued line on a page may be a subheading run into its paragraph."""
    line = "Harbour Wall Repairs Begin In SpringWork on the damaged section will take three months."
    page = "\n".join([*GLUED_ARTICLE[:2], line, *GLUED_ARTICLE[2:]])
    assert remove_teaser_lists(Document.from_text(page, lang="en")).paragraphs == page.split("\n")


@pytest.mark.parametrize(
    "line",
    [
        "Police in the city said the LeBron James mural on the McDonald's wall was painted over last night.",
        "Shoppers queued from dawn outside the new iPhone store on the harbour, next to the MacBook repair shop.",
        "Coach Says Team Will Fight OnSeveral Players Have Been Injured",
    ],
)
def test_inner_capitals_that_join_no_card_stay(line: str) -> None:
    page = "\n".join([*GLUED_ARTICLE[:2], line, *GLUED_ARTICLE[2:], *GLUED_CARDS[:2]])
    doc = remove_teaser_lists(Document.from_text(page, lang="en"))
    assert doc.paragraphs == [*GLUED_ARTICLE[:2], line, *GLUED_ARTICLE[2:]]
